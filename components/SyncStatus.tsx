import { formatDateTime, relativeTime } from '@/lib/format';
import { isMessageKey, type MessageKey } from '@/lib/i18n';
import { useT } from './I18n';

export interface SyncState {
  connected: boolean;
  lastSuccessAt?: number;
  /** The last success is older than the background thinks acceptable. */
  stale: boolean;
  running?: { pagesDone: number; totalPages?: number; stage: string };
  /** `kind`: a PersonioErrorKind, 'storage' or 'unknown'. With `at`, an error older than the last success is not shown. */
  error?: { kind: string; at?: number };
}

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

/** When the last sync succeeded, whether it is stale, a running sync's progress, the last error, and "Sync now". */
export function SyncStatus({ state, now, onSyncNow }: SyncStatusProps) {
  const { t, lang } = useT();
  const { connected, lastSuccessAt, stale, error } = state;
  const running = state.running && state.running.stage !== 'done' && state.running.stage !== 'failed' ? state.running : undefined;
  const showError = error && !(error.at !== undefined && lastSuccessAt !== undefined && lastSuccessAt > error.at);
  const total = running?.totalPages && running.totalPages > 0 ? running.totalPages : undefined;

  return (
    <div className="sync-status">
      {!connected ? (
        <p className="sync-last">{t('notConnected')}</p>
      ) : (
        <p className="sync-last">
          {lastSuccessAt !== undefined ? (
            <time dateTime={new Date(lastSuccessAt).toISOString()} title={formatDateTime(lastSuccessAt, lang)}>
              {t('syncedAgo', { time: relativeTime(lastSuccessAt, now, lang) })}
            </time>
          ) : (
            t('neverSynced')
          )}
        </p>
      )}
      {connected && stale ? <p className="sync-stale warning">{t('staleWarning')}</p> : null}
      {running ? (
        <div className="sync-running" role="status">
          <progress aria-label={t('syncProgress')} {...(total ? { max: total, value: Math.min(running.pagesDone, total) } : {})} />
          <span className="sync-stage">
            {`${t(stageKey(running.stage))} ${total ? t('syncPages', { done: running.pagesDone, total }) : running.pagesDone > 0 ? t('syncPagesUnknown', { done: running.pagesDone }) : ''}`.trim()}
          </span>
        </div>
      ) : null}
      {showError ? (
        <p className="sync-error" role="alert">
          <strong>{t('syncFailed')}</strong> {t(errorMessageKey(error.kind))}
        </p>
      ) : null}
      {connected && onSyncNow ? (
        <button type="button" className="sync-now" onClick={onSyncNow} disabled={Boolean(running)}>
          {running ? t('syncing') : t('syncNow')}
        </button>
      ) : null}
    </div>
  );
}
