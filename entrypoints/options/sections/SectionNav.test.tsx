import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { SECTIONS, SectionNav } from './SectionNav';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The nav above the headings it links to, each heading at the given distance from the top of the window. */
function renderPage(tops: Record<string, number>, lang: 'en' | 'de' = 'en') {
  render(
    <I18nProvider lang={lang}>
      <SectionNav />
      {SECTIONS.map((s) => (
        <h2 key={s.heading} id={s.heading}>
          {s.heading}
        </h2>
      ))}
    </I18nProvider>,
  );
  for (const s of SECTIONS) {
    const heading = document.getElementById(s.heading)!;
    heading.getBoundingClientRect = () => ({ top: tops[s.heading] ?? 2000 }) as DOMRect;
  }
}

async function scroll() {
  await act(async () => {
    fireEvent.scroll(window);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

const current = () => screen.getAllByRole('link').filter((a) => a.getAttribute('aria-current') === 'true').map((a) => a.textContent);

describe('SectionNav', () => {
  it('links every section by its heading id, in page order', () => {
    renderPage({});
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Connection', 'Sync', 'Fields', 'Who is synced', 'Sites', 'Data & privacy']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#connect-heading', '#sync-heading', '#fields-heading', '#filters-heading', '#sites-heading', '#data-heading']);
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });

  it('marks the section being read, and only that one', async () => {
    renderPage({ 'connect-heading': 20 });
    await scroll();
    expect(current()).toEqual(['Connection']);
    for (const s of SECTIONS) {
      // Scrolled down to Fields: the headings above have passed under the nav.
      const top = { 'connect-heading': -900, 'sync-heading': -400, 'fields-heading': 10, 'filters-heading': 700 }[s.heading] ?? 1500;
      document.getElementById(s.heading)!.getBoundingClientRect = () => ({ top }) as DOMRect;
    }
    await scroll();
    expect(current()).toEqual(['Fields']);
  });

  it('speaks German', () => {
    renderPage({}, 'de');
    expect(screen.getByRole('navigation', { name: 'Abschnitte' })).toBeTruthy();
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toContain('Daten & Datenschutz');
  });
});
