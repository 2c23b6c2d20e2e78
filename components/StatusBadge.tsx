import type { EmployeeStatus } from '@/lib/employee';
import { formatDate, formatDateNear } from '@/lib/format';
import { useT } from './I18n';

export interface StatusBadgeProps {
  status?: EmployeeStatus;
  /** The last day of employment, `YYYY-MM-DD`. */
  terminationDate?: string;
  /** `YYYY-MM-DD`. */
  today: string;
}

/**
 * Onboarding, on leave, inactive, and "Leaves on 31 Dec" when a termination date lies
 * ahead. Nothing for someone plainly active.
 */
export function StatusBadge({ status, terminationDate, today }: StatusBadgeProps) {
  const { t, lang } = useT();
  const leaving = status !== 'inactive' && terminationDate !== undefined && terminationDate >= today;
  const statusBadge =
    status && status !== 'active' ? (
      <span className={`badge badge-${status}`}>
        {status === 'inactive' && terminationDate && terminationDate < today
          ? `${t('status_inactive')} · ${t('leftOn', { date: formatDate(terminationDate, lang) })}`
          : t(`status_${status}`)}
      </span>
    ) : null;
  const leavingBadge = leaving ? (
    <span className="badge badge-leaving">
      {terminationDate === today ? t('lastDayToday') : t('leavesOn', { date: formatDateNear(terminationDate, today, lang) })}
    </span>
  ) : null;
  if (!statusBadge && !leavingBadge) return null;
  return (
    <>
      {statusBadge}
      {leavingBadge}
    </>
  );
}
