import { useEffect, useRef, useState } from 'react';
import { useT } from '@/components/I18n';
import type { MessageKey } from '@/lib/i18n';

/** The page's sections, by the id of their heading and the words the nav gives them. */
export const SECTIONS: readonly { heading: string; label: MessageKey }[] = [
  { heading: 'connect-heading', label: 'navConnection' },
  { heading: 'sync-heading', label: 'navSync' },
  { heading: 'fields-heading', label: 'navFields' },
  { heading: 'filters-heading', label: 'navWho' },
  { heading: 'sites-heading', label: 'navSites' },
  { heading: 'data-heading', label: 'navData' },
];

/**
 * Where a heading counts as being read: this far below the sticky nav. The nav's height
 * varies (its links wrap in a narrow window or a longer language), so it is measured.
 */
const READING_MARGIN_PX = 32;

/**
 * A sticky table of contents: a link per section, the one being read marked with
 * aria-current. Plain links: Tab reaches them, Enter jumps, and the browser's own history
 * and find work as on any page.
 */
export function SectionNav() {
  const { t } = useT();
  const nav = useRef<HTMLElement>(null);
  const [current, setCurrent] = useState<string>(SECTIONS[0]!.heading);
  useEffect(() => {
    const element = nav.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // A heading a link jumps to stops below the nav, however tall it is (page.css reads this).
    const observer = new ResizeObserver(() => document.documentElement.style.setProperty('--section-nav-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    let frame = 0;
    // The section being read: the last whose heading has passed under the nav, or the last
    // section once the page is scrolled to its end (it may be too short to reach the top).
    const update = () => {
      frame = 0;
      const line = (nav.current?.offsetHeight ?? 0) + READING_MARGIN_PX;
      const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      const passed = SECTIONS.filter((s) => (document.getElementById(s.heading)?.getBoundingClientRect().top ?? Infinity) <= line);
      const present = SECTIONS.filter((s) => document.getElementById(s.heading));
      const next = atEnd && window.scrollY > 0 ? present[present.length - 1] : (passed[passed.length - 1] ?? SECTIONS[0]);
      if (next) setCurrent(next.heading);
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    update();
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <nav ref={nav} className="section-nav" aria-label={t('navLabel')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.heading}>
            <a href={`#${s.heading}`} {...(current === s.heading ? { 'aria-current': 'true' as const } : {})}>
              {t(s.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
