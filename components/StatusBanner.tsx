import type { EmployeeStatus } from '@/lib/employee';
import { formatDate, formatDateNear } from '@/lib/format';
import { useT } from './I18n';
import { WarningBanner } from './WarningBanner';

export interface StatusBannerProps {
  status?: EmployeeStatus;
  /** The last day of employment, `YYYY-MM-DD`. */
  terminationDate?: string;
  /** The first day of employment, `YYYY-MM-DD`: when someone onboarding starts. */
  hireDate?: string;
  /** `YYYY-MM-DD`. */
  today: string;
}

/**
 * What an agent must know before anything else about a person, as a warning at the top of
 * the card: they left (laptop returns, access removal), they are leaving, on leave, or not
 * started yet. Nothing for someone plainly active.
 */
export function StatusBanner({ status, terminationDate, hireDate, today }: StatusBannerProps) {
  const { t, lang } = useT();
  const warnings: string[] = [];
  if (status === 'inactive') {
    warnings.push(terminationDate && terminationDate <= today ? `${t('formerEmployee')} · ${t('leftOn', { date: formatDate(terminationDate, lang) })}` : t('formerEmployee'));
  } else if (terminationDate !== undefined && terminationDate >= today) {
    warnings.push(terminationDate === today ? t('lastDayToday') : t('leavesOn', { date: formatDateNear(terminationDate, today, lang) }));
  }
  if (status === 'leave') warnings.push(t('status_leave'));
  if (status === 'onboarding') {
    warnings.push(hireDate && hireDate > today ? t('onboardingStarts', { date: formatDateNear(hireDate, today, lang) }) : t('status_onboarding'));
  }
  return (
    <>
      {warnings.map((text) => (
        <WarningBanner key={text}>{text}</WarningBanner>
      ))}
    </>
  );
}
