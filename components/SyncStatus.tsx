import { formatDateTime, relativeTime } from '@/lib/format';
import { isMessageKey, type MessageKey } from '@/lib/i18n';
import { syncHeadline, type SyncState } from '@/lib/sync-headline';
import { useT } from './I18n';

export type { SyncState } from '@/lib/sync-headline';

export interface SyncStatusProps {
  state: SyncState;
  /** Milliseconds, for "Synced 4 minutes ago". */
  now: number;
  onSyncNow?: () => void;
}

/** The plain-language message (with the fix) for an error kind; unknown kinds get the generic one. */
export function errorMessageKey(kind: string): MessageKey {
  const key = `error_${kind}`;
  return isMessageKey(key) ? key : 'error_unknown';
}

function stageKey(stage: string): MessageKey {
  const key = `stage_${stage}`;
  return isMessageKey(key) ? key : 'syncing';
}

function When({ at, now, children }: { at: number; now: number; children: (time: string) => string }) {
  const { lang } = useT();
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at, lang)}>
      {children(relativeTime(at, now, lang))}
    </time>
  );
}

/** One line for the sync's state (lib/sync-headline.ts), a progress bar while it runs, and "Sync now". */
export function SyncStatus({ state, now, onSyncNow }: SyncStatusProps) {
  const { t } = useT();
  const headline = syncHeadline(state);
  let line;
  switch (headline.kind) {
    case 'not-connected':
      line = <p className="sync-last">{t('notConnected')}</p>;
      break;
    case 'never':
      line = <p className="sync-last">{t('neverSynced')}</p>;
      break;
    case 'synced':
      line = (
        <p className="sync-last">
          <When at={headline.lastSuccessAt} now={now}>
            {(time) => t('syncedAgo', { time })}
          </When>
        </p>
      );
      break;
    case 'stale':
      line = (
        <p className="sync-stale warning">
          {t('staleWarning')}
          {headline.lastSuccessAt !== undefined ? (
            <>
              {' '}
              <When at={headline.lastSuccessAt} now={now}>
                {(time) => t('syncedAgo', { time })}
              </When>
            </>
          ) : null}
        </p>
      );
      break;
    case 'failed':
      line = (
        <p className="sync-error" role="alert">
          <strong>{t('syncFailed')}</strong> {t(errorMessageKey(headline.error))}
          {headline.lastSuccessAt !== undefined ? (
            <>
              {' '}
              <When at={headline.lastSuccessAt} now={now}>
                {(time) => t('failedStillShown', { time })}
              </When>
            </>
          ) : null}
        </p>
      );
      break;
    case 'running': {
      const total = headline.totalPages;
      const pages = total ? t('syncPages', { done: headline.pagesDone, total }) : headline.pagesDone > 0 ? t('syncPagesUnknown', { done: headline.pagesDone }) : '';
      line = (
        <div className="sync-running" role="status">
          <progress aria-label={t('syncProgress')} {...(total ? { max: total, value: Math.min(headline.pagesDone, total) } : {})} />
          <span className="sync-stage">{`${t(stageKey(headline.stage))} ${pages}`.trim()}</span>
        </div>
      );
      break;
    }
  }
  return (
    <div className="sync-status">
      {line}
      {state.connected && onSyncNow ? (
        <button type="button" className="sync-now" onClick={onSyncNow} disabled={headline.kind === 'running'}>
          {headline.kind === 'running' ? t('syncing') : t('syncNow')}
        </button>
      ) : null}
    </div>
  );
}
