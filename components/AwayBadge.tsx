import type { AwayStatus } from '@/lib/lookup';
import { formatDateRange, formatWeekdayDate } from '@/lib/format';
import { useT } from './I18n';

export interface AwayBadgeProps {
  away?: AwayStatus;
  /** `YYYY-MM-DD`. */
  today: string;
}

/**
 * "Away until Fri 27 Nov · back on Mon 30 Nov", "Away next: 3 – 5 Dec", nothing when present.
 * The absence type is deliberately not shown: it can be health data (sick leave).
 */
export function AwayBadge({ away, today }: AwayBadgeProps) {
  const { t, lang } = useT();
  if (!away || away.kind === 'present') return null;
  if (away.kind === 'away') {
    const until = away.until === today ? t('awayToday') : t('awayUntil', { date: formatWeekdayDate(away.until, lang, today) });
    return (
      <span className="badge badge-away">
        {`${until} · ${t('backOn', { date: formatWeekdayDate(away.backOn, lang, today) })}`}
      </span>
    );
  }
  return <span className="badge badge-upcoming">{t('awayNext', { range: formatDateRange(away.from, away.until, lang, today) })}</span>;
}
