import { useId, useState } from 'react';
import { useT } from '@/components/I18n';
import { SITES } from '@/lib/sites';
import { customDomainPattern, normaliseHost, type Settings } from '@/lib/settings';

type CustomDomain = Settings['customDomains'][number];

interface Props {
  disabledSites: string[];
  customDomains: CustomDomain[];
  locked: boolean;
  onChange(patch: { disabledSites?: string[]; customDomains?: CustomDomain[] }): void;
}

/** A switch per supported site, and self-hosted / host-mapped domains added at run time. */
export function SitesSection({ disabledSites, customDomains, locked, onChange }: Props) {
  const { t } = useT();
  const ids = { host: useId(), site: useId() };
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
    <section aria-labelledby="sites-heading">
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
          </label>
        ))}
      </fieldset>
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
