import type { ReactNode } from 'react';
import { useT } from './I18n';

/**
 * A warning the agent must not read past: a tinted banner with an icon and a "Warning:" label,
 * in the warning colours of card.css (light and dark), never muted text.
 */
export function WarningBanner({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <p className="warning-banner" role="note">
      <span className="warning-icon" aria-hidden="true">
        ⚠
      </span>
      <span>
        <strong>{t('warningLabel')}:</strong> {children}
      </span>
    </p>
  );
}
