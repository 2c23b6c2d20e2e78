import { useId } from 'react';
import { useT } from '@/components/I18n';
import type { SettingsPatch } from '@/lib/settings';

interface Props {
  leaverMonths: number;
  /** Inactive people are synced in full: then no minimal records are kept, the full ones are. */
  inactiveSynced: boolean;
  locked: boolean;
  onChange(patch: Pick<SettingsPatch, 'leaverMonths'>): void;
}

const CHOICES = [0, 3, 6, 12, 24, 36] as const;

/** How long people who left keep a minimal record, and what that record holds and why. */
export function LeaversSection({ leaverMonths, inactiveSynced, locked, onChange }: Props) {
  const { t } = useT();
  const id = useId();
  const choices = (CHOICES as readonly number[]).includes(leaverMonths) ? CHOICES : [...CHOICES, leaverMonths].sort((a, b) => a - b);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('leaversHeading')}</h3>
      <p>{t('leaversWhy')}</p>
      <p className="muted">{t('leaversWhatIsKept')}</p>
      {inactiveSynced ? (
        <p className="muted">{t('leaversInactiveSynced')}</p>
      ) : (
        <label className="field">
          <span>{t('leaversKeepFor')}</span>
          <select value={leaverMonths} disabled={locked} onChange={(e) => onChange({ leaverMonths: Number(e.target.value) })}>
            {choices.map((months) => (
              <option key={months} value={months}>
                {months === 0 ? t('leaversKeepNone') : t('leaversMonths', { count: months })}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
