import { useId, useState, type FormEvent } from 'react';
import { useT } from '@/components/I18n';
import { ConnectedSummary } from './ConnectedSummary';
import { ask } from '@/lib/ask';
import type { MessageKey } from '@/lib/i18n';
import { BASE_URL_NOT_ALLOWED, checkBaseUrl, DEFAULT_BASE_URL, sameBaseUrl, SECRET_NOT_FOR_THIS_URL } from '@/lib/settings';
import type { ConnectReply, StatusReply } from '@/lib/status';
import { MAX_CREDENTIALS_FILE_BYTES, parseCredentialsFile, type CredentialsFileResult } from '@/lib/credentials-file';

/**
 * Access to the API's host, asked for at the Connect click when missing: a proxy is never
 * granted at install, and Firefox lets the user withdraw even Personio's own host.
 */
async function ensureHostAccess(baseUrl: string): Promise<boolean> {
  const origins = [`${new URL(baseUrl).origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

export type ConnectionResultValue = ConnectReply | { ok: false; error: { kind: 'permission' | 'invalid-url' | 'insecure-url' } } | { ok: false; file: CredentialsFileResult & { ok: false } };

interface ConnectSectionProps {
  now: number;
  locked: boolean;
  baseUrlLocked: boolean;
  status: StatusReply;
  refresh: () => Promise<void>;
  result: ConnectionResultValue | undefined;
  setResult: (r: ConnectionResultValue | undefined) => void;
}

export function ConnectSection({ status, now, refresh, result, setResult, locked, baseUrlLocked }: ConnectSectionProps) {
  const { t } = useT();
  const [clientId, setClientId] = useState(status.clientId);
  const [secret, setSecret] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [baseUrl, setBaseUrl] = useState(status.baseUrl || DEFAULT_BASE_URL);
  const [busy, setBusy] = useState<'test' | 'connect' | undefined>();
  const ids = { clientId: useId(), secret: useId(), baseUrl: useId(), file: useId(), form: useId() };
  const [changing, setChanging] = useState(false);

  /** "Upload credentials file": fills both fields; anything else is refused with what we expected. */
  async function upload(file: File | undefined) {
    if (!file) return;
    // Never read a huge file into memory just to refuse it.
    const text = file.size > MAX_CREDENTIALS_FILE_BYTES ? '' : await file.text();
    const parsed = parseCredentialsFile(text, file.size);
    if (!parsed.ok) {
      setResult({ ok: false, file: parsed });
      return;
    }
    setClientId(parsed.clientId);
    setSecret(parsed.clientSecret);
    setReplacing(true);
    setResult(undefined);
  }
  const hasSavedSecret = Boolean(status.connected && status.secretHint) && !replacing;
  // The saved secret goes only to the API address it was saved with: another one needs it typed.
  const savedSecretElsewhere = hasSavedSecret && !sameBaseUrl(baseUrl, status.baseUrl);
  const savedSecret = hasSavedSecret && !savedSecretElsewhere;

  async function submit(kind: 'test' | 'connect', e?: FormEvent) {
    e?.preventDefault();
    const checked = checkBaseUrl(baseUrl);
    if (!checked.ok) {
      setResult({ ok: false, error: { kind: checked.reason === 'insecure' ? 'insecure-url' : 'invalid-url' } });
      return;
    }
    const url = checked.url;
    if (!(await ensureHostAccess(url))) {
      setResult({ ok: false, error: { kind: 'permission' } });
      return;
    }
    setBusy(kind);
    setResult(undefined);
    try {
      const credentials = { baseUrl: url, clientId: clientId.trim(), ...(savedSecret ? {} : { clientSecret: secret }) };
      const reply = await ask({ type: kind === 'test' ? 'test-connection' : 'connect', credentials });
      setResult(reply);
      if (kind === 'connect' && reply.ok) {
        setSecret('');
        setReplacing(false);
        setChanging(false);
      }
      await refresh();
    } finally {
      setBusy(undefined);
    }
  }

  const canSubmit = clientId.trim() !== '' && (savedSecret || secret !== '') && !busy;

  // Connected, the summary leads and the form waits behind "Change credentials".
  const formShown = !status.connected || changing;
  return (
    <section aria-labelledby="connect-heading">
      <h2 id="connect-heading">{status.connected ? t('connectionHeading') : t('connectHeading')}</h2>
      {status.connected ? (
        <ConnectedSummary status={status} now={now} />
      ) : (
        <p className="muted">{t('connectIntro')}</p>
      )}
      {locked ? <p className="managed">{t('managedByOrganisation')}</p> : null}
      {status.connected ? (
        <button type="button" aria-expanded={changing} aria-controls={ids.form} onClick={() => setChanging((c) => !c)}>
          {t('changeCredentials')}
        </button>
      ) : null}
      <form id={ids.form} hidden={!formShown} onSubmit={(e) => void submit('connect', e)}>
        <fieldset disabled={locked} className="plain">
        <div className="field">
          <label htmlFor={ids.file}>{t('uploadCredentials')}</label>
          <input id={ids.file} type="file" accept=".json,.csv,.txt,.env,application/json,text/csv,text/plain" onChange={(e) => void upload(e.target.files?.[0])} aria-describedby={`${ids.file}-hint`} />
          <span id={`${ids.file}-hint`} className="muted">
            {t('uploadCredentialsHint')}
          </span>
        </div>
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
            <>
              <input
                id={ids.secret}
                type="password"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                autoComplete="off"
                required
                {...(savedSecretElsewhere ? { 'aria-describedby': `${ids.secret}-again` } : {})}
              />
              {savedSecretElsewhere ? (
                <span id={`${ids.secret}-again`} className="muted">
                  {t('secretAgainForNewUrl')}
                </span>
              ) : null}
            </>
          )}
        </div>
        <details className="advanced">
          <summary>{t('advanced')}</summary>
          <div className="field">
            <label htmlFor={ids.baseUrl}>{t('apiBaseUrl')}</label>
            <input id={ids.baseUrl} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} spellCheck={false} disabled={baseUrlLocked} />
            <span className="muted">{baseUrlLocked ? t('managedByOrganisation') : t('apiBaseUrlHint')}</span>
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
        </fieldset>
      </form>
      <ConnectionResult result={result} />
    </section>
  );
}

/** The message for a refused test or connect: some refusals say more in their detail. */
function connectionErrorKey(error: { kind: string; detail?: string }): MessageKey {
  if (error.detail === SECRET_NOT_FOR_THIS_URL) return 'error_secret-not-for-this-url';
  if (error.detail === BASE_URL_NOT_ALLOWED) return 'error_insecure-url';
  return `error_${error.kind}` as MessageKey;
}

function ConnectionResult({ result }: { result: ConnectionResultValue | undefined }) {
  const { t } = useT();
  if (!result) return null;
  if (!result.ok && 'file' in result) {
    return (
      <div role="alert" className="result error">
        {t(`credentialsFile_${result.file.reason}`)}
      </div>
    );
  }
  if (!result.ok) {
    return (
      <div role="alert" className="result error">
        {t(connectionErrorKey(result.error))}
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
