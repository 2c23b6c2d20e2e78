import type { ReactNode } from 'react';
import { useT } from '@/components/I18n';
import { EMPLOYEE_STATUSES } from '@/lib/employee';
import type { PopulationFilter } from '@/lib/settings';
import { countKept, totalCount, type Population } from '@/lib/sync/population';

interface Props {
  filters: PopulationFilter;
  population?: Population;
  locked: { statuses: boolean; subcompanies: boolean; departments: boolean };
  onChange(filters: PopulationFilter): void;
  /** More about who is kept, inside this section (people who left). */
  children?: ReactNode;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** "Who is synced": status, subcompany and department, with how many people each choice keeps. */
export function FiltersSection({ filters, population, locked, onChange, children }: Props) {
  const { t } = useT();
  const count = (f: PopulationFilter) => (population ? countKept(population, f) : undefined);
  const kept = count(filters);
  const subcompanies = Object.entries(population?.subcompanies ?? {}).sort(([, a], [, b]) => a.localeCompare(b));
  const departments = Object.entries(population?.departments ?? {}).sort(([, a], [, b]) => a.localeCompare(b));

  return (
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t('filtersHeading')}</h2>
      {population && kept !== undefined ? (
        <p role="status">{t('filterKeeps', { kept, total: totalCount(population) })}</p>
      ) : (
        <p className="muted">{t('filterCountsAfterSync')}</p>
      )}
      <fieldset disabled={locked.statuses}>
        <legend>{t('filterStatus')}</legend>
        {EMPLOYEE_STATUSES.map((s) => {
          const n = count({ ...filters, statuses: [s] });
          return (
            <label key={s} className="check">
              <input type="checkbox" checked={filters.statuses.includes(s)} onChange={(e) => onChange({ ...filters, statuses: toggle(filters.statuses, s, e.target.checked) })} />
              {t(`status_${s}`)}
              {n !== undefined ? <span className="muted"> ({n})</span> : null}
            </label>
          );
        })}
        {locked.statuses ? <p className="managed">{t('managedByOrganisation')}</p> : null}
      </fieldset>
      {subcompanies.length > 1 ? (
        <fieldset disabled={locked.subcompanies}>
          <legend>{t('filterSubcompany')}</legend>
          <p className="muted">{t('filterAllWhenNone')}</p>
          {subcompanies.map(([id, name]) => (
            <label key={id} className="check">
              <input type="checkbox" checked={filters.subcompanyIds.includes(Number(id))} onChange={(e) => onChange({ ...filters, subcompanyIds: toggle(filters.subcompanyIds, Number(id), e.target.checked) })} />
              {name}
            </label>
          ))}
          {locked.subcompanies ? <p className="managed">{t('managedByOrganisation')}</p> : null}
        </fieldset>
      ) : null}
      {departments.length ? (
        <fieldset disabled={locked.departments}>
          <legend>{t('filterDepartment')}</legend>
          <p className="muted">{t('filterAllWhenNone')}</p>
          <div className="columns">
            {departments.map(([id, name]) => (
              <label key={id} className="check">
                <input type="checkbox" checked={filters.departmentIds.includes(Number(id))} onChange={(e) => onChange({ ...filters, departmentIds: toggle(filters.departmentIds, Number(id), e.target.checked) })} />
                {name}
              </label>
            ))}
          </div>
          {locked.departments ? <p className="managed">{t('managedByOrganisation')}</p> : null}
        </fieldset>
      ) : null}
      {children}
    </section>
  );
}
