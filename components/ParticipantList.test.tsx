import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantView } from '@/lib/panel-model';
import { I18nProvider } from './I18n';
import { ParticipantList } from './ParticipantList';

afterEach(cleanup);

const PEOPLE: ParticipantView[] = [
  { key: 'ada.lovelace@acme.example', email: 'ada.lovelace@acme.example', role: 'from', known: true, label: 'Ada Lovelace', initials: 'AL', state: 'known' },
  { key: 'grace.hopper@acme.example', email: 'grace.hopper@acme.example', role: 'cc', known: true, label: 'Grace Hopper', initials: 'GH', state: 'away' },
  { key: 'pat@customer.example', email: 'pat@customer.example', role: 'to', known: false, label: 'pat@customer.example', initials: 'P', state: 'external' },
];

function renderList(lang: 'en' | 'de' = 'en') {
  const onSelect = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <ParticipantList participants={PEOPLE} selected="grace.hopper@acme.example" onSelect={onSelect} />
    </I18nProvider>,
  );
  return onSelect;
}

describe('the people on a conversation', () => {
  it('lists everyone with role and state, the person on the card marked current', () => {
    renderList();
    const nav = screen.getByRole('navigation', { name: 'People in this conversation' });
    const rows = within(nav).getAllByRole('button');
    expect(rows.map((r) => r.textContent)).toEqual([
      'ALAda LovelaceFrom, in Personio',
      'GHGrace HopperCc, away today',
      'Ppat@customer.exampleTo, not in Personio',
    ]);
    expect(rows.map((r) => r.getAttribute('aria-current'))).toEqual([null, 'true', null]);
  });

  it('moves with the arrow keys, Home and End, and opens a person with Enter', async () => {
    const onSelect = renderList();
    const rows = screen.getAllByRole('button');
    rows[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(rows[2]);
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[2]);
    await userEvent.keyboard('{Home}{Enter}');
    expect(onSelect).toHaveBeenCalledWith('ada.lovelace@acme.example');
  });

  it('says the states in German', () => {
    renderList('de');
    expect(screen.getByRole('navigation', { name: 'Personen in dieser Unterhaltung' }).textContent).toContain('heute abwesend');
  });
});
