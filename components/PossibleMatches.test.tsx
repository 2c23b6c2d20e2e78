import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '@/lib/i18n';
import { I18nProvider } from './I18n';
import { PossibleMatches } from './PossibleMatches';
import { WarningBanner } from './WarningBanner';

afterEach(cleanup);

/** The sender wrote as "Lena Hoffmann" from a free-mail address; Personio has her under another one. */
const NAMESAKE = [{ id: 100001, name: 'Lena Hoffmann', details: ['Chief Executive Officer', 'lena.hoffmann@acme.example'] }];

describe.each<[Lang, string, string, RegExp]>([
  ['en', 'Possible matches by name', 'Warning:', /Different address than in Personio — may be someone else/],
  ['de', 'Mögliche Treffer nach Name', 'Achtung:', /Andere Adresse als in Personio – vielleicht jemand anderes/],
])('possible matches by name (%s)', (lang, heading, label, warning) => {
  it('warns that the address differs, in a labelled banner above the list', () => {
    render(
      <I18nProvider lang={lang}>
        <PossibleMatches matches={NAMESAKE} onChoose={() => {}} />
      </I18nProvider>,
    );
    const section = screen.getByRole('region', { name: heading });
    const banner = within(section).getByRole('note');
    expect(banner.textContent).toMatch(warning);
    expect(within(banner).getByText(label).tagName).toBe('STRONG');
    expect(banner.className).toBe('warning-banner');
    expect(banner.hidden || banner.closest('[hidden], [aria-hidden="true"]')).toBeFalsy();
    const list = within(section).getByRole('list', { name: heading });
    expect(banner.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(list).getByRole('button').textContent).toBe('Lena Hoffmann · Chief Executive Officer · lena.hoffmann@acme.example');
  });
});

describe('PossibleMatches', () => {
  it('opens the colleague chosen', async () => {
    const onChoose = vi.fn();
    render(<PossibleMatches matches={NAMESAKE} onChoose={onChoose} />);
    await userEvent.setup().click(screen.getByRole('button', { name: /Lena Hoffmann/ }));
    expect(onChoose).toHaveBeenCalledWith(100001);
  });
});

describe('WarningBanner', () => {
  it('shows its icon to the eye only, and its label and message to everyone', () => {
    render(<WarningBanner>Check the address.</WarningBanner>);
    const banner = screen.getByRole('note');
    expect(banner.textContent).toBe('⚠Warning: Check the address.');
    expect(banner.querySelector('.warning-icon')?.getAttribute('aria-hidden')).toBe('true');
  });
});
