import { useId } from 'react';
import { useT } from '@/components/I18n';
import { SyncStatus } from '@/components/SyncStatus';
import { useSyncProgress } from '@/components/useSyncProgress';
import { errorMessageKey } from '@/components/SyncStatus';
import { formatDateTime, relativeTime } from '@/lib/format';
import { syncStateOf, type StatusReply } from '@/lib/status';

export const INTERVAL_CHOICES = [5, 15, 30, 60, 120, 240, 720, 1440] as const;

interface Props {
  status: StatusReply;
  now: number;
  locked: boolean;
  onInterval(minutes: number): void;
  onSyncNow(): void;
}

export function SyncSection({ status, now, locked, onInterval, onSyncNow }: Props) {
  const { t, lang } = useT();
  const progress = useSyncProgress();
  const intervalId = useId();
  const interval = status.settings.intervalMinutes;
  const choices: number[] = INTERVAL_CHOICES.includes(interval as (typeof INTERVAL_CHOICES)[number]) ? [...INTERVAL_CHOICES] : [...INTERVAL_CHOICES, interval].sort((a, b) => a - b);
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <SyncStatus state={syncStateOf(status, progress)} now={now}
        onSyncNow={onSyncNow}
      />
      {status.nextSyncAt ? (
        <p className="muted">
          {t('nextSync')} <time title={formatDateTime(status.nextSyncAt, lang)}>{relativeTime(status.nextSyncAt, now, lang)}</time>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={intervalId}>{t('syncInterval')}</label>
        <select id={intervalId} value={interval} disabled={locked} onChange={(e) => onInterval(Number(e.target.value))}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {m < 60 ? t('everyMinutes', { count: m }) : t('everyHours', { count: m / 60 })}
            </option>
          ))}
        </select>
        {locked ? <span className="managed">{t('managedByOrganisation')}</span> : null}
      </div>
      {status.log.length ? (
        <details>
          <summary>{t('syncLog')}</summary>
          <table className="sync-log">
            <caption className="visually-hidden">{t('syncLog')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('logStarted')}</th>
                <th scope="col">{t('logKind')}</th>
                <th scope="col">{t('logDuration')}</th>
                <th scope="col">{t('logRequests')}</th>
                <th scope="col">{t('logChanged')}</th>
                <th scope="col">{t('logResult')}</th>
              </tr>
            </thead>
            <tbody>
              {status.log.map((entry) => (
                <tr key={entry.id ?? entry.startedAt}>
                  <td>{formatDateTime(entry.startedAt, lang)}</td>
                  <td>{entry.kind === 'full' ? t('logFull') : t('logIncremental')}{entry.resumed ? ` · ${t('logResumed')}` : ''}</td>
                  <td>{entry.endedAt ? `${((entry.endedAt - entry.startedAt) / 1000).toFixed(1)} s` : '–'}</td>
                  <td>{entry.requests}</td>
                  <td>{entry.rowsChanged + entry.rowsRemoved}</td>
                  <td>{entry.error ? t(errorMessageKey(entry.error.kind)) : t('logOk')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
