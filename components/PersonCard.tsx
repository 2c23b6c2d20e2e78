import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FieldKey } from '@/lib/fields';
import { formatDate, formatDateTime, formatDays, formatTime, localDay, tenure } from '@/lib/format';
import { isMessageKey, type Lang, type T } from '@/lib/i18n';
import type { PersonView, VacationView } from '@/lib/person-view';
import { Avatar } from './Avatar';
import { AwayBadge } from './AwayBadge';
import { useT } from './I18n';
import { StatusBanner } from './StatusBanner';

export interface PersonCardProps {
  person: PersonView;
  /** `YYYY-MM-DD`, the agent's calendar day. */
  today: string;
  /** Makes a synced supervisor a button that opens them. */
  onOpenPerson?: (id: number) => void;
  /** Offers "Try again" where a vacation balance could not be fetched. */
  onRetryBalance?: (id: number) => void;
}

/** How long "Copied" stays. */
export const COPIED_MS = 2000;
const COPY_FAILED_MS = 6000;

/**
 * The card shared by panel and popup. Everything from Personio is untrusted and rendered
 * as text only; the photo must be a data: URL (see Avatar).
 */
export function PersonCard({ person, today, onOpenPerson, onRetryBalance }: PersonCardProps) {
  const { t, lang } = useT();
  const rows = fieldRows(person, today, t, lang, { onOpenPerson, onRetryBalance });
  return (
    <article className="card" aria-label={person.name}>
      <header className="card-header">
        <Avatar name={person.name} initials={person.initials} {...(person.photo ? { photo: person.photo } : {})} />
        <div className="card-title">
          <h2 className="card-name">{person.name}</h2>
          {person.position ? <p className="card-position">{person.position}</p> : null}
        </div>
      </header>
      <StatusBanner
        today={today}
        {...(person.status ? { status: person.status } : {})}
        {...(person.terminationDate ? { terminationDate: person.terminationDate } : {})}
        {...(person.hireDate ? { hireDate: person.hireDate } : {})}
      />
      {person.email ? <EmailLine email={person.email} /> : null}
      {/* Away stays beside the address, in its own colour: it changes by the day, the banners above by the year. */}
      <div className="badges">
        <AwayBadge today={today} {...(person.away ? { away: person.away } : {})} />
      </div>
      {rows.length ? (
        <dl className="fields">
          {rows.map((row) => (
            <div className="field-row" key={row.key}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {person.profileUrl ? (
        <p className="card-links">
          <a href={person.profileUrl} target="_blank" rel="noopener noreferrer">
            {t('openInPersonio')}
            <span aria-hidden="true"> ↗</span>
          </a>
        </p>
      ) : null}
    </article>
  );
}

interface Row {
  key: string;
  label: string;
  value: ReactNode;
}

/** Known Personio values get a translation; anything else is shown as Personio sent it. */
function translatedValue(prefix: 'gender_' | 'employment_', value: string, t: T): string {
  const key = `${prefix}${value.trim().toLowerCase()}`;
  return isMessageKey(key) ? t(key) : value;
}

function fieldRows(person: PersonView, today: string, t: T, lang: Lang, actions: Pick<PersonCardProps, 'onOpenPerson' | 'onRetryBalance'>): Row[] {
  const rows: Row[] = [];
  const seen = new Set<FieldKey>();
  for (const key of person.shown) {
    if (seen.has(key)) continue;
    seen.add(key);
    const value = fieldValue(key, person, today, t, lang, actions);
    if (value === undefined) continue;
    const custom = person.custom?.find((c) => c.key === key);
    const labelKey = `field_${key}`;
    const label = custom ? custom.label || key : isMessageKey(labelKey) ? t(labelKey) : key;
    rows.push({ key, label, value });
  }
  return rows;
}

function fieldValue(key: FieldKey, p: PersonView, today: string, t: T, lang: Lang, { onOpenPerson, onRetryBalance }: Pick<PersonCardProps, 'onOpenPerson' | 'onRetryBalance'>): ReactNode | undefined {
  switch (key) {
    case 'department':
      return p.department || undefined;
    case 'team':
      return p.team || undefined;
    case 'office':
      return p.office || undefined;
    case 'subcompany':
      return p.subcompany || undefined;
    case 'supervisor':
      return p.supervisor ? <Supervisor supervisor={p.supervisor} {...(onOpenPerson ? { onOpenPerson } : {})} /> : undefined;
    case 'hireDate':
      if (!p.hireDate) return undefined;
      if (p.hireDate > today) return t('startsOn', { date: formatDate(p.hireDate, lang) });
      // Someone who left was employed until their last day, not until today.
      return t('hireDateTenure', { date: formatDate(p.hireDate, lang), tenure: tenure(p.hireDate, p.status === 'inactive' && p.terminationDate && p.terminationDate < today ? p.terminationDate : today, lang) });
    case 'vacationBalance':
      return p.vacation ? <Vacation vacation={p.vacation} today={today} {...(onRetryBalance ? { onRetry: () => onRetryBalance(p.id) } : {})} /> : undefined;
    case 'gender':
      return p.gender ? translatedValue('gender_', p.gender, t) : undefined;
    case 'employmentType':
      return p.employmentType ? translatedValue('employment_', p.employmentType, t) : undefined;
    case 'weeklyHours':
      return p.weeklyHours !== undefined && Number.isFinite(p.weeklyHours) ? t('weeklyHoursValue', { count: p.weeklyHours }) : undefined;
    case 'costCenters':
      return p.costCenters?.length ? p.costCenters.join(t('listSeparator')) : undefined;
    // In the header or the badges, not in the list.
    case 'name':
    case 'email':
    case 'position':
    case 'photo':
    case 'status':
    case 'absence':
      return undefined;
    default: {
      const custom = p.custom?.find((c) => c.key === key);
      return custom && custom.value !== '' ? custom.value : undefined;
    }
  }
}

function Supervisor({ supervisor, onOpenPerson }: { supervisor: NonNullable<PersonView['supervisor']>; onOpenPerson?: (id: number) => void }) {
  const { t } = useT();
  if (supervisor.synced && onOpenPerson) {
    return (
      <button type="button" className="link" onClick={() => onOpenPerson(supervisor.id)} aria-label={t('openPerson', { name: supervisor.name })}>
        {supervisor.name}
      </button>
    );
  }
  return <span {...(supervisor.synced ? {} : { title: t('supervisorNotSynced', { name: supervisor.name }) })}>{supervisor.name}</span>;
}

function Vacation({ vacation, today, onRetry }: { vacation: VacationView; today: string; onRetry?: () => void }) {
  const { t, lang } = useT();
  switch (vacation.state) {
    case 'loading':
      return (
        <span className="sc-muted" aria-busy="true">
          {t('vacationLoading')}
        </span>
      );
    case 'unavailable':
      return (
        <span className="vacation-unavailable">
          <span className="sc-muted">{`${t('vacationUnavailable')} · ${t(`balanceUnavailable_${vacation.reason}`)}`}</span>
          {onRetry && vacation.reason !== 'none' ? (
            <button type="button" className="link" onClick={onRetry} aria-label={t('retryBalance')}>
              {t('retry')}
            </button>
          ) : null}
        </span>
      );
    case 'ready': {
      const time = localDay(vacation.asOf) === today ? formatTime(vacation.asOf, lang) : formatDateTime(vacation.asOf, lang);
      return <span title={formatDateTime(vacation.asOf, lang)}>{t('vacationLeft', { days: formatDays(vacation.days, lang), time })}</span>;
    }
  }
}

function EmailLine({ email }: { email: string }) {
  const { t } = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function show(next: 'copied' | 'failed') {
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), next === 'copied' ? COPIED_MS : COPY_FAILED_MS);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(email);
      show('copied');
    } catch {
      // No clipboard access (a frame without the permission, an insecure context): say so.
      show('failed');
    }
  }

  return (
    <p className="card-email">
      <span className="email">{email}</span>
      <button type="button" className="copy" onClick={() => void copy()} aria-label={t('copyEmail')}>
        {t('copy')}
      </button>
      <span className={state === 'failed' ? 'copy-status error' : 'copy-status'} role="status">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </p>
  );
}
