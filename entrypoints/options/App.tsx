import { useEffect, useState } from 'react';
import { I18nProvider, useT } from '@/components/I18n';
import { useNow } from '@/components/useNow';
import { useStatus } from '@/components/useStatus';
import { WarningBanner } from '@/components/WarningBanner';
import { ask } from '@/lib/ask';
import { resolveLang } from '@/lib/i18n';
import { isCustomField } from '@/lib/fields';
import type { StatusReply } from '@/lib/status';
import type { SettingsPatch } from '@/lib/settings';
import { ConnectSection, type ConnectionResultValue } from './sections/ConnectSection';
import { DisconnectSection } from './sections/DataSection';
import { FieldsSection } from './sections/FieldsSection';
import { FiltersSection } from './sections/FiltersSection';
import { LanguageSection } from './sections/LanguageSection';
import { LeaversSection } from './sections/LeaversSection';
import { PersonioLinkSection } from './sections/PersonioLinkSection';
import { SectionNav } from './sections/SectionNav';
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

/** The options page: the connection first, then a section per concern, reached from a sticky table of contents. */
function Options({ live }: { live: ReturnType<typeof useStatus> }) {
  const { t } = useT();
  const { status, refresh, showSettings } = live;
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
  // A database a newer build wrote says nothing about this build's sync: the warning and Disconnect stay.
  const showsData = status.connected && !status.databaseTooNew;
  const customLabels = Object.fromEntries((attributes ?? []).filter((a) => isCustomField(a.key)).map((a) => [a.key, a.label]));
  const granted = attributes ? new Set(attributes.map((a) => a.key)) : undefined;
  return (
    <main className="options">
      <h1 className="options-title">
        <img src="/icon/sidecard.svg" alt="" width={32} height={32} />
        {t('optionsTitle')}
      </h1>
      {status.databaseTooNew ? <WarningBanner>{t('databaseTooNew')}</WarningBanner> : null}
      {showsData ? <SectionNav /> : null}
      <ConnectSection key={disconnects} status={status} now={now} refresh={refresh} result={result} setResult={setResult} locked={locked.has('credentials')} baseUrlLocked={locked.has('baseUrl')} />
      {showsData ? (
        <>
          <PersonioLinkSection personioWebUrl={status.settings.personioWebUrl} onChange={(patch) => void save(patch)} />
          <SyncSection
            status={status}
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
            storedCount={status.employeeCount}
            onChange={(fields) => void save({ fields })}
          />
          <FiltersSection
            filters={status.settings.filters}
            {...(status.population ? { population: status.population } : {})}
            locked={{ statuses: locked.has('statuses'), subcompanies: locked.has('subcompanies'), departments: locked.has('departments') }}
            onChange={(filters) => void save({ filters })}
          >
            <LeaversSection
              leaverMonths={status.settings.leaverMonths}
              inactiveSynced={status.settings.filters.statuses.includes('inactive')}
              locked={locked.has('statuses')}
              onChange={(patch) => void save(patch)}
            />
          </FiltersSection>
          <SitesSection
            disabledSites={status.settings.disabledSites}
            customDomains={status.settings.customDomains}
            locked={locked.has('sites')}
            tenants={status.settings.tenants}
            tenantsLocked={locked.has('tenants')}
            onChange={(patch) => void save(patch)}
          />
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
      <LanguageSection language={status.settings.language} onChange={(patch) => void save(patch)} />
    </main>
  );
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

