import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { I18nProvider, useT } from '@/components/I18n';
import { SyncStatus } from '@/components/SyncStatus';
import { useNow } from '@/components/useNow';
import { ask } from '@/lib/ask';
import { resolveLang } from '@/lib/i18n';
import { PROGRESS_BROADCAST } from '@/lib/messages';
import { DEFAULT_BASE_URL } from '@/lib/personio/client';
import type { SyncProgress } from '@/lib/sync/progress';
import type { ConnectReply, StatusReply } from '@/lib/status';

export function App() {
  return (
    <I18nProvider lang={resolveLang('auto', navigator.language)}>
      <Options />
    </I18nProvider>
  );
}

function useStatus() {
  const [status, setStatus] = useState<StatusReply | undefined>();
  const [progress, setProgress] = useState<SyncProgress | undefined>();
  const refresh = useCallback(() => ask<StatusReply>({ type: 'status' }).then(setStatus), []);
  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    const onMessage = (m: unknown) => {
      const msg = m as { type?: string; progress?: SyncProgress };
      if (msg.type !== PROGRESS_BROADCAST || !msg.progress) return;
      setProgress(msg.progress);
      if (msg.progress.stage === 'done' || msg.progress.stage === 'failed') void refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    const timer = setInterval(() => void refresh(), 5000);
    return () => {
      clearTimeout(first);
      browser.runtime.onMessage.removeListener(onMessage);
      clearInterval(timer);
    };
  }, [refresh]);
  return { status, progress, refresh };
}

/** A custom API host needs host access the manifest does not grant: ask for it, at the click. */
async function ensureHostAccess(baseUrl: string): Promise<boolean> {
  const origin = new URL(baseUrl).origin;
  if (origin === new URL(DEFAULT_BASE_URL).origin) return true;
  const origins = [`${origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

function Options() {
  const { t } = useT();
  const { status, progress, refresh } = useStatus();
  const now = useNow();
  const [result, setResult] = useState<ConnectionResultValue | undefined>();
  const [disconnects, setDisconnects] = useState(0);
  if (!status) return <main className="options">{t('loading')}</main>;
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <ConnectSection key={disconnects} status={status} refresh={refresh} result={result} setResult={setResult} />
      {status.connected ? (
        <section aria-labelledby="sync-heading">
          <h2 id="sync-heading">{t('syncHeading')}</h2>
          <p role="status" className="connected">
            {t('connectedCount', { count: status.employeeCount })}
          </p>
          <SyncStatus
            state={{
              connected: true,
              stale: status.stale,
              ...(status.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}),
              ...(status.running || progress?.stage === 'employees' ? { running: progress ?? status.running ?? undefined } : {}),
              ...(status.lastError ? { error: status.lastError } : {}),
            }}
            now={now}
            onSyncNow={() => void ask({ type: 'sync-now' }).then(refresh)}
          />
        </section>
      ) : null}
      {status.connected ? (
        <DisconnectSection
          refresh={async () => {
            // A fresh, empty form after the data is gone.
            setResult(undefined);
            setDisconnects((n) => n + 1);
            await refresh();
          }}
        />
      ) : null}
    </main>
  );
}

type ConnectionResultValue = ConnectReply | { ok: false; error: { kind: 'permission' | 'invalid-url' } };

interface ConnectSectionProps {
  status: StatusReply;
  refresh: () => Promise<void>;
  result: ConnectionResultValue | undefined;
  setResult: (r: ConnectionResultValue | undefined) => void;
}

function ConnectSection({ status, refresh, result, setResult }: ConnectSectionProps) {
  const { t } = useT();
  const [clientId, setClientId] = useState(status.clientId);
  const [secret, setSecret] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [baseUrl, setBaseUrl] = useState(status.baseUrl || DEFAULT_BASE_URL);
  const [busy, setBusy] = useState<'test' | 'connect' | undefined>();
  const ids = { clientId: useId(), secret: useId(), baseUrl: useId() };
  const savedSecret = Boolean(status.connected && status.secretHint) && !replacing;

  async function submit(kind: 'test' | 'connect', e?: FormEvent) {
    e?.preventDefault();
    let url: string;
    try {
      url = new URL(baseUrl.trim()).toString().replace(/\/+$/, '');
    } catch {
      setResult({ ok: false, error: { kind: 'invalid-url' } });
      return;
    }
    if (!(await ensureHostAccess(url))) {
      setResult({ ok: false, error: { kind: 'permission' } });
      return;
    }
    setBusy(kind);
    setResult(undefined);
    try {
      const credentials = { baseUrl: url, clientId: clientId.trim(), ...(savedSecret ? {} : { clientSecret: secret }) };
      const reply = await ask<ConnectReply>({ type: kind === 'test' ? 'test-connection' : 'connect', credentials });
      setResult(reply);
      if (kind === 'connect' && reply.ok) {
        setSecret('');
        setReplacing(false);
      }
      await refresh();
    } finally {
      setBusy(undefined);
    }
  }

  const canSubmit = clientId.trim() !== '' && (savedSecret || secret !== '') && !busy;

  return (
    <section aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('connectHeading')}</h2>
      <p className="muted">{t('connectIntro')}</p>
      <form onSubmit={(e) => void submit('connect', e)}>
        <div className="field">
          <label htmlFor={ids.clientId}>{t('clientId')}</label>
          <input id={ids.clientId} value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} required />
        </div>
        <div className="field">
          <label htmlFor={ids.secret}>{t('clientSecret')}</label>
          {savedSecret ? (
            <div className="saved-secret">
              <input id={ids.secret} value={`•••• ${status?.secretHint ?? ''}`} readOnly aria-describedby={`${ids.secret}-hint`} />
              <button type="button" onClick={() => setReplacing(true)}>
                {t('replaceSecret')}
              </button>
              <span id={`${ids.secret}-hint`} className="muted">
                {t('secretSaved')}
              </span>
            </div>
          ) : (
            <input id={ids.secret} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" required />
          )}
        </div>
        <details className="advanced">
          <summary>{t('advanced')}</summary>
          <div className="field">
            <label htmlFor={ids.baseUrl}>{t('apiBaseUrl')}</label>
            <input id={ids.baseUrl} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} spellCheck={false} />
            <span className="muted">{t('apiBaseUrlHint')}</span>
          </div>
        </details>
        <div className="actions">
          <button type="button" disabled={!canSubmit} onClick={() => void submit('test')}>
            {busy === 'test' ? t('testing') : t('testConnection')}
          </button>
          <button type="submit" className="primary" disabled={!canSubmit}>
            {busy === 'connect' ? t('connecting') : t('connect')}
          </button>
        </div>
      </form>
      <ConnectionResult result={result} />
    </section>
  );
}

function DisconnectSection({ refresh }: { refresh: () => Promise<void> }) {
  const { t } = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  async function disconnect() {
    setBusy(true);
    await ask({ type: 'disconnect' });
    await refresh();
  }
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="disconnect-q" className="confirm">
          <p id="disconnect-q">{t('disconnectConfirm')}</p>
          <button type="button" className="danger" onClick={() => void disconnect()} disabled={busy}>
            {t('disconnectYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('disconnect')}
        </button>
      )}
    </section>
  );
}

function ConnectionResult({ result }: { result: ConnectReply | { ok: false; error: { kind: string } } | undefined }) {
  const { t } = useT();
  if (!result) return null;
  if (!result.ok) {
    return (
      <div role="alert" className="result error">
        {t(`error_${result.error.kind}` as Parameters<typeof t>[0])}
      </div>
    );
  }
  return (
    <div role="status" className="result ok">
      <p>
        <strong>{t('connected')}</strong> · {t('employeeCount', { count: result.employeeCount })}
      </p>
      {result.missing.length ? (
        <ul className="warnings">
          {result.missing.map((m) => (
            <li key={m.attribute}>{t('missingGrant', { label: m.label })}</li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>{t('grantedAttributes', { count: result.granted.length })}</summary>
        <p className="muted">{result.granted.map((g) => g.label).join(', ')}</p>
      </details>
    </div>
  );
}
