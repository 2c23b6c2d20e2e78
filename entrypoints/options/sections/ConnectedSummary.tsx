import { Fragment } from 'react';
import { useT } from '@/components/I18n';
import { useSyncProgress } from '@/components/useSyncProgress';
import { formatDateTime, formatTime, localDay } from '@/lib/format';
import type { StatusReply } from '@/lib/status';
import { totalCount } from '@/lib/sync/population';

/**
 * The connection at a glance: "Connected to Personio · 539 of 600 people synced · last sync
 * 10:42", and what the two numbers mean (everyone in Personio; whom this browser keeps).
 */
export function ConnectedSummary({ status, now }: { status: StatusReply; now: number }) {
  const { t, lang } = useT();
  const total = status.population ? totalCount(status.population) : undefined;
  // While a run is under way the status (asked every few seconds) lags what it has written:
  // a first sync counts up with its progress bar, not behind it.
  const progress = useSyncProgress();
  const running = progress && progress.stage !== 'done' && progress.stage !== 'failed';
  const stored = running ? Math.max(status.employeeCount, progress.rows) : status.employeeCount;
  const last = status.lastSuccessAt;
  // The numbers of a database a newer build wrote are unknown here (the warning above says why).
  const parts = status.databaseTooNew
    ? [t('summaryConnected')]
    : [
        t('summaryConnected'),
        total !== undefined ? t('summaryOfTotal', { stored, total }) : t('summaryStored', { count: stored }),
        last !== undefined ? t('summaryLastSync', { time: localDay(last) === localDay(now) ? formatTime(last, lang) : formatDateTime(last, lang) }) : t('summaryFirstSync'),
      ];
  return (
    <div className="summary">
      <p className="summary-line">
        <span className="summary-dot" aria-hidden="true" />
        {/* Each part wraps whole: never "last sync" at a line's end and its time on the next. */}
        <span>
          {parts.map((part, i) => (
            <Fragment key={part}>
              {i ? ' ' : null}
              <span className="summary-part">{i < parts.length - 1 ? `${part} ·` : part}</span>
            </Fragment>
          ))}
        </span>
      </p>
      {total !== undefined ? <p className="muted">{t('summaryCounts', { stored, total })}</p> : null}
    </div>
  );
}
