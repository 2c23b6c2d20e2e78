import { useT } from './I18n';
import { WarningBanner } from './WarningBanner';
import type { DataFreshness } from '@/lib/data-freshness';
import { formatDateTime, formatTime, localDay } from '@/lib/format';

/**
 * When the directory on screen was last synced. A quiet line under the card while syncs
 * succeed; a warning above it when the data cannot be trusted to be current, so that an agent
 * reads the card knowing that.
 */
export function DataAsOf({ freshness, today, placement }: { freshness: DataFreshness; today: string; placement: 'top' | 'bottom' }) {
  const { t, lang } = useT();
  const time = freshness.at === undefined ? undefined : localDay(freshness.at) === today ? formatTime(freshness.at, lang) : formatDateTime(freshness.at, lang);
  if (placement === 'top') {
    if (!freshness.warning) return null;
    return (
      <WarningBanner>
        <span className="banner-title">{t(`freshness_${freshness.warning}`)}</span>
        {time ? ` ${t('dataAsOf', { time })}` : null}
      </WarningBanner>
    );
  }
  if (freshness.warning || !time) return null;
  return <p className="data-as-of muted">{t('dataAsOf', { time })}</p>;
}
