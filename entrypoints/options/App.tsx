import { useEffect, useId, useState, type FormEvent } from 'react';
import { I18nProvider, useT } from '@/components/I18n';
import { useNow } from '@/components/useNow';
import { useStatus } from '@/components/useStatus';
import { ask } from '@/lib/ask';
import { resolveLang, type MessageKey } from '@/lib/i18n';
import { BASE_URL_NOT_ALLOWED, checkBaseUrl, DEFAULT_BASE_URL, sameBaseUrl, SECRET_NOT_FOR_THIS_URL } from '@/lib/settings';
import { isCustomField } from '@/lib/fields';
import type { ConnectReply, StatusReply } from '@/lib/status';
import { MAX_CREDENTIALS_FILE_BYTES, parseCredentialsFile, type CredentialsFileResult } from '@/lib/credentials-file';
import type { SettingsPatch } from '@/lib/settings';
import { FieldsSection } from './sections/FieldsSection';
import { FiltersSection } from './sections/FiltersSection';
import { LanguageSection } from './sections/LanguageSection';
import { LeaversSection } from './sections/LeaversSection';
import { PersonioLinkSection } from './sections/PersonioLinkSection';
import { SitesSection } from './sections/SitesSection';
import { SyncSection } from './sections/SyncSection';

export function App() {
  // Above the provider: the saved language choice comes with the status.
  const live = useStatus(5000);
  return (
    <I18nProvider lang={resolveLang(live.status?.settings.language ?? 'auto', navigator.language)}>
      <Options live={live} />
    </I18nProvider>
  );
}

/** A custom API host needs host access the manifest does not grant: ask for it, at the click. */
async function ensureHostAccess(baseUrl: string): Promise<boolean> {
  const origin = new URL(baseUrl).origin;
  if (origin === new URL(DEFAULT_BASE_URL).origin) return true;
  const origins = [`${origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

function Options({ live }: { live: ReturnType<typeof useStatus> }) {
  const { t } = useT();
  const { status, progress, refresh, showSettings } = live;
  const now = useNow();
  const [result, setResult] = useState<ConnectionResultValue | undefined>();
  const [disconnects, setDisconnects] = useState(0);
  const attributes = useGrantedAttributes(Boolean(status?.connected));
  const save = async (patch: SettingsPatch) => {
    showSettings(patch as Partial<StatusReply['settings']>);
    await ask({ type: 'save-settings', patch });
    await refresh();
  };
  if (!status) return <main className="options">{t('loading')}</main>;
  const locked = new Set(status.locked);
  const customLabels = Object.fromEntries((attributes ?? []).filter((a) => isCustomField(a.key)).map((a) => [a.key, a.label]));
  const granted = attributes ? new Set(attributes.map((a) => a.key)) : undefined;
  return (
    <main className="options">
      <h1 className="options-title">
        <img src="/icon/sidecard.svg" alt="" width={32} height={32} />
        {t('optionsTitle')}
      </h1>
      <ConnectSection key={disconnects} status={status} refresh={refresh} result={result} setResult={setResult} locked={locked.has('credentials')} baseUrlLocked={locked.has('baseUrl')} />
      <LanguageSection language={status.settings.language} onChange={(patch) => void save(patch)} />
      {status.connected ? (
        <>
          <SyncSection
            status={status}
            {...(progress ? { progress } : {})}
            now={now}
            locked={locked.has('interval')}
            onInterval={(intervalMinutes) => void save({ intervalMinutes })}
            onSyncNow={() => void ask({ type: 'sync-now' }).then(refresh)}
          />
          <FieldsSection
            fields={status.settings.fields}
            customLabels={customLabels}
            {...(granted ? { granted } : {})}
            locked={locked.has('fields')}
            onChange={(fields) => void save({ fields })}
          />
          <FiltersSection
            filters={status.settings.filters}
            {...(status.population ? { population: status.population } : {})}
            locked={{ statuses: locked.has('statuses'), subcompanies: locked.has('subcompanies'), departments: locked.has('departments') }}
            onChange={(filters) => void save({ filters })}
          />
          <LeaversSection
            leaverMonths={status.settings.leaverMonths}
            inactiveSynced={status.settings.filters.statuses.includes('inactive')}
            locked={locked.has('statuses')}
            onChange={(patch) => void save(patch)}
          />
          <SitesSection
            disabledSites={status.settings.disabledSites}
            customDomains={status.settings.customDomains}
            locked={locked.has('sites')}
            tenants={status.settings.tenants}
            tenantsLocked={locked.has('tenants')}
            onChange={(patch) => void save(patch)}
          />
          <PersonioLinkSection personioWebUrl={status.settings.personioWebUrl} onChange={(patch) => void save(patch)} />
        </>
      ) : null}
      {status.connected ? (
        <DisconnectSection
          status={status}
          refresh={async () => {
            await refresh();
            // A fresh, empty form after the data is gone.
            setResult(undefined);
            setDisconnects((n) => n + 1);
          }}
        />
      ) : null}
    </main>
  );
}

function formatBytes(bytes: number, lang: 'en' | 'de'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

/** The credential's readable attributes (for the field list), asked once per connection. */
function useGrantedAttributes(connected: boolean): { key: string; label: string }[] | undefined {
  const [attributes, setAttributes] = useState<{ key: string; label: string }[] | undefined>();
  useEffect(() => {
    if (!connected) return;
    let live = true;
    void ask({ type: 'attributes' }).then((r) => {
      if (live && r.ok) setAttributes(r.attributes);
    });
    return () => {
      live = false;
    };
  }, [connected]);
  return connected ? attributes : undefined;
}

type ConnectionResultValue = ConnectReply | { ok: false; error: { kind: 'permission' | 'invalid-url' | 'insecure-url' } } | { ok: false; file: CredentialsFileResult & { ok: false } };

interface ConnectSectionProps {
  locked: boolean;
  baseUrlLocked: boolean;
  status: StatusReply;
  refresh: () => Promise<void>;
  result: ConnectionResultValue | undefined;
  setResult: (r: ConnectionResultValue | undefined) => void;
}

function ConnectSection({ status, refresh, result, setResult, locked, baseUrlLocked }: ConnectSectionProps) {
  const { t } = useT();
  const [clientId, setClientId] = useState(status.clientId);
  const [secret, setSecret] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [baseUrl, setBaseUrl] = useState(status.baseUrl || DEFAULT_BASE_URL);
  const [busy, setBusy] = useState<'test' | 'connect' | undefined>();
  const ids = { clientId: useId(), secret: useId(), baseUrl: useId(), file: useId() };

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
      {locked ? <p className="managed">{t('managedByOrganisation')}</p> : null}
      <form onSubmit={(e) => void submit('connect', e)}>
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

function DisconnectSection({ status, refresh }: { status: StatusReply; refresh: () => Promise<void> }) {
  const { t, lang } = useT();
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
      <p>
        {t('dataStored', { count: status.employeeCount })}
        {status.storageBytes !== undefined ? ` ${t('dataStorage', { size: formatBytes(status.storageBytes, lang) })}` : ''}
      </p>
      <details>
        <summary>{t('privacySummary')}</summary>
        <p>{t('privacyWhere')}</p>
        <p>{t('privacyWhat')}</p>
        <p>{t('privacyHowLong')}</p>
      </details>
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
