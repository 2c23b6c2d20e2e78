import type { ReactNode } from 'react';

/**
 * The panel's control icons: 16 px line drawings in the text colour. Decorative: each button
 * that shows one carries its name in aria-label and title.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** Arrows pointing outwards. */
export function WiderIcon() {
  return (
    <Icon>
      <path d="M1.5 8h13M4.5 5 1.5 8l3 3M11.5 5l3 3-3 3" />
    </Icon>
  );
}

/** Arrows pointing in towards a line. */
export function NarrowerIcon() {
  return (
    <Icon>
      <path d="M8 2.5v11M1 8h4.5M3.5 5.5 6 8l-2.5 2.5M15 8h-4.5M12.5 5.5 10 8l2.5 2.5" />
    </Icon>
  );
}

/** A chevron towards the window's edge: the panel folds away to the right. */
export function CollapseIcon() {
  return (
    <Icon>
      <path d="m5 3.5 4.5 4.5L5 12.5M13 3v10" />
    </Icon>
  );
}

/** A chevron away from the window's edge: the panel opens out to the left. */
export function OpenIcon() {
  return (
    <Icon>
      <path d="M9.5 3.5 5 8l4.5 4.5M13 3v10" />
    </Icon>
  );
}

/** The Sidecard mark (public/icon/sidecard.svg); the name beside it is its text. */
export function BrandMark({ className }: { className: string }) {
  return <img className={className} src="/icon/sidecard.svg" alt="" width={20} height={20} />;
}
