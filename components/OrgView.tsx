import { useId } from 'react';
import { useT } from './I18n';

export interface OrgPerson {
  id: number;
  name: string;
  position?: string;
}

export interface OrgViewProps {
  /** Supervisors, nearest first, up to the top (as lib/lookup.ts `supervisorChain` returns them). */
  chain: OrgPerson[];
  /** The chain stops at someone whose supervisor is not synced. */
  brokenAt?: { supervisorId: number; supervisorName?: string };
  reports: OrgPerson[];
  onOpenPerson: (id: number) => void;
}

/** The supervisor chain (nearest first) and direct reports; every person is a button that opens them. */
export function OrgView({ chain, brokenAt, reports, onOpenPerson }: OrgViewProps) {
  const { t } = useT();
  const chainHeading = useId();
  const reportsHeading = useId();
  return (
    <section className="org" aria-label={t('orgHeading')}>
      <h3 id={chainHeading} className="org-heading">
        {t('supervisorChain')}
      </h3>
      {chain.length ? (
        <ol className="org-list org-chain" aria-label={t('supervisorChainOrder')}>
          {chain.map((p) => (
            <li key={p.id}>
              <PersonButton person={p} onOpen={onOpenPerson} />
            </li>
          ))}
        </ol>
      ) : null}
      {brokenAt ? (
        <p className="chain-broken">{brokenAt.supervisorName ? t('chainBroken', { name: brokenAt.supervisorName }) : t('chainBrokenUnknown')}</p>
      ) : chain.length === 0 ? (
        <p className="sc-muted">{t('noSupervisor')}</p>
      ) : null}

      <h3 id={reportsHeading} className="org-heading">
        {reports.length ? t('directReportsCount', { count: reports.length }) : t('directReports')}
      </h3>
      {reports.length ? (
        <ul className="org-list org-reports" aria-labelledby={reportsHeading}>
          {reports.map((p) => (
            <li key={p.id}>
              <PersonButton person={p} onOpen={onOpenPerson} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="sc-muted">{t('noDirectReports')}</p>
      )}
    </section>
  );
}

function PersonButton({ person, onOpen }: { person: OrgPerson; onOpen: (id: number) => void }) {
  return (
    <button type="button" className="org-person" onClick={() => onOpen(person.id)}>
      <span className="org-name">{person.name}</span>
      {person.position ? <span className="org-position">{person.position}</span> : null}
    </button>
  );
}
