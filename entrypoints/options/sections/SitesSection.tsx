import { useT } from '@/components/I18n';
import { SITES } from '@/lib/sites';

interface Props {
  disabledSites: string[];
  locked: boolean;
  onChange(disabledSites: string[]): void;
}

/** A switch per supported site. */
export function SitesSection({ disabledSites, locked, onChange }: Props) {
  const { t } = useT();
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <fieldset disabled={locked}>
        <legend className="visually-hidden">{t('sitesHeading')}</legend>
        {SITES.map((site) => (
          <label key={site.id} className="check switch">
            <input
              type="checkbox"
              role="switch"
              checked={!disabledSites.includes(site.id)}
              onChange={(e) => onChange(e.target.checked ? disabledSites.filter((s) => s !== site.id) : [...disabledSites, site.id])}
            />
            {site.label}
          </label>
        ))}
      </fieldset>
      {locked ? <p className="managed">{t('managedByOrganisation')}</p> : null}
    </section>
  );
}
