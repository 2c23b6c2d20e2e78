import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/components/I18n';
import { SITES } from '@/lib/sites';
import { customDomainPattern, normaliseHost, type Settings } from '@/lib/settings';
import { normaliseTenant, tenantSiteOf } from '@/lib/tenants';

type CustomDomain = Settings['customDomains'][number];

interface Props {
  disabledSites: string[];
  customDomains: CustomDomain[];
  locked: boolean;
  /** The company's own tenants of Zendesk, Freshdesk and Jira. */
  tenants: string[];
  /** The organisation's policy names the tenants. */
  tenantsLocked: boolean;
  onChange(patch: { disabledSites?: string[]; customDomains?: CustomDomain[]; tenants?: string[] }): void;
}

/** The panel's offer opens options.html?tenant=<host>#sites: the field comes filled in, ready to add. */
function offeredTenant(named: readonly string[]): string {
  const host = normaliseTenant(new URLSearchParams(location.search).get('tenant') ?? '');
  return host && !named.includes(host) ? host : '';
}

/**
 * A switch per supported site, the company's tenants of the multi-tenant sites, and
 * self-hosted / host-mapped domains added at run time.
 */
export function SitesSection({ disabledSites, customDomains, locked, tenants, tenantsLocked, onChange }: Props) {
  const { t } = useT();
  const ids = { host: useId(), site: useId(), tenant: useId() };
  const [tenant, setTenant] = useState(() => offeredTenant(tenants));
  const [tenantError, setTenantError] = useState<string | undefined>();
  const tenantInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (location.hash !== '#sites') return;
    tenantInput.current?.closest('section')?.scrollIntoView?.();
    tenantInput.current?.focus();
  }, []);

  function addTenant() {
    const normalised = normaliseTenant(tenant);
    if (!normalised) {
      setTenantError(t('tenantInvalid'));
      return;
    }
    setTenantError(undefined);
    setTenant('');
    if (!tenants.includes(normalised)) onChange({ tenants: [...tenants, normalised] });
  }

  const siteLabel = (host: string) => {
    const site = tenantSiteOf(host);
    return SITES.find((s) => s.id === site)?.label ?? site ?? host;
  };
  const [host, setHost] = useState('');
  const [site, setSite] = useState('jira');
  const [error, setError] = useState<string | undefined>();

  async function add() {
    const normalised = normaliseHost(host);
    if (!normalised) {
      setError(t('customDomainInvalid'));
      return;
    }
    // Asked at the click: host access for that domain, and the right to register our script there.
    const granted = await browser.permissions.request({ origins: [customDomainPattern(normalised)], permissions: ['scripting'] });
    if (!granted) {
      setError(t('customDomainDenied'));
      return;
    }
    setError(undefined);
    setHost('');
    onChange({ customDomains: [...customDomains.filter((d) => d.host !== normalised), { host: normalised, site }] });
  }

  async function remove(domain: CustomDomain) {
    await browser.permissions.remove({ origins: [customDomainPattern(domain.host)] }).catch(() => false);
    onChange({ customDomains: customDomains.filter((d) => d.host !== domain.host) });
  }

  return (
    <section id="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <fieldset disabled={locked}>
        <legend className="visually-hidden">{t('sitesHeading')}</legend>
        {SITES.map((s) => (
          <label key={s.id} className="check switch">
            <input
              type="checkbox"
              role="switch"
              checked={!disabledSites.includes(s.id)}
              onChange={(e) => onChange({ disabledSites: e.target.checked ? disabledSites.filter((x) => x !== s.id) : [...disabledSites, s.id] })}
            />
            {s.label}
            {s.beta ? (
              <span className="badge badge-beta" title={t('siteBetaHint')}>
                {t('siteBeta')}
              </span>
            ) : null}
          </label>
        ))}
        {SITES.some((s) => s.beta) ? <p className="muted">{t('siteBetaHint')}</p> : null}
      </fieldset>
      <h3>{t('tenantsHeading')}</h3>
      <p className="muted">{t('tenantsIntro')}</p>
      {tenants.length ? (
        <ul className="custom-domains">
          {tenants.map((host) => (
            <li key={host}>
              {t('tenantOf', { site: siteLabel(host), host })}{' '}
              <button type="button" disabled={tenantsLocked} onClick={() => onChange({ tenants: tenants.filter((x) => x !== host) })} aria-label={t('removeTenant', { host })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('tenantsNone')}</p>
      )}
      <form
        className="plain"
        onSubmit={(e) => {
          e.preventDefault();
          addTenant();
        }}
      >
        <fieldset disabled={tenantsLocked} className="plain inline">
          <div className="field">
            <label htmlFor={ids.tenant}>{t('tenantHost')}</label>
            <input ref={tenantInput} id={ids.tenant} value={tenant} placeholder="acme.zendesk.com" onChange={(e) => setTenant(e.target.value)} spellCheck={false} />
          </div>
          <button type="submit" disabled={!tenant.trim()}>
            {t('addTenant')}
          </button>
        </fieldset>
      </form>
      {tenantError ? (
        <p role="alert" className="result error">
          {tenantError}
        </p>
      ) : null}
      {tenantsLocked ? <p className="managed">{t('managedByOrganisation')}</p> : null}
      <h3>{t('customDomains')}</h3>
      <p className="muted">{t('customDomainsIntro')}</p>
      {customDomains.length ? (
        <ul className="custom-domains">
          {customDomains.map((d) => (
            <li key={d.host}>
              {d.host} · {SITES.find((s) => s.id === d.site)?.label ?? d.site}{' '}
              <button type="button" disabled={locked} onClick={() => void remove(d)} aria-label={t('removeCustomDomain', { host: d.host })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset disabled={locked} className="plain inline">
        <div className="field">
          <label htmlFor={ids.host}>{t('customDomainHost')}</label>
          <input id={ids.host} value={host} placeholder="help.acme.example" onChange={(e) => setHost(e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={ids.site}>{t('customDomainSite')}</label>
          <select id={ids.site} value={site} onChange={(e) => setSite(e.target.value)}>
            {SITES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void add()} disabled={!host.trim()}>
          {t('addCustomDomain')}
        </button>
      </fieldset>
      {error ? (
        <p role="alert" className="result error">
          {error}
        </p>
      ) : null}
      {locked ? <p className="managed">{t('managedByOrganisation')}</p> : null}
    </section>
  );
}
