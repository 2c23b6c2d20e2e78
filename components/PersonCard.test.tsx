import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersonView } from '@/lib/person-view';
import { avatarColour } from './Avatar';
import { I18nProvider } from './I18n';
import { COPIED_MS, PersonCard } from './PersonCard';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const TODAY = '2025-11-20';

function person(overrides: Partial<PersonView> = {}): PersonView {
  return {
    id: 1,
    name: 'Ada Lovelace',
    initials: 'AL',
    email: 'ada@acme.example',
    shown: ['name', 'email', 'position', 'department', 'team', 'office', 'supervisor', 'status', 'hireDate', 'vacationBalance', 'absence'],
    position: 'Head of Analytics',
    department: 'Engineering',
    team: 'Data',
    office: 'Berlin',
    supervisor: { id: 2, name: 'Max Muster', synced: true },
    status: 'active',
    hireDate: '2022-09-15',
    ...overrides,
  };
}

/** The rows of the description list, as [label, value] pairs. */
function rows(): [string, string][] {
  const card = screen.getByRole('article');
  return [...card.querySelectorAll('dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']);
}

const de = (ui: ReactElement) => render(<I18nProvider lang="de">{ui}</I18nProvider>);

describe('PersonCard', () => {
  it('renders the header as an article named after the person', () => {
    render(<PersonCard person={person()} today={TODAY} />);
    const card = screen.getByRole('article', { name: 'Ada Lovelace' });
    expect(within(card).getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(within(card).getByText('Head of Analytics')).toBeTruthy();
    expect(within(card).getByText('ada@acme.example')).toBeTruthy();
  });

  it('links to the person in Personio only when the admin set the company address', () => {
    render(<PersonCard person={person({ profileUrl: 'https://acme.personio.de/staff/details/1' })} today={TODAY} />);
    const link = screen.getByRole('link', { name: 'Open in Personio' });
    expect(link.getAttribute('href')).toBe('https://acme.personio.de/staff/details/1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    cleanup();
    render(<PersonCard person={person()} today={TODAY} />);
    expect(screen.queryByRole('link', { name: 'Open in Personio' })).toBeNull();
  });

  it('renders only the shown fields, in the order given', () => {
    render(<PersonCard person={person({ shown: ['office', 'name', 'team', 'department'] })} today={TODAY} />);
    expect(rows()).toEqual([
      ['Office', 'Berlin'],
      ['Team', 'Data'],
      ['Department', 'Engineering'],
    ]);
  });

  it('skips fields without a value, and renders no list when none is left', () => {
    const { unmount } = render(<PersonCard person={person({ shown: ['department', 'team', 'gender'], team: undefined })} today={TODAY} />);
    expect(rows()).toEqual([['Department', 'Engineering']]);
    unmount();
    render(<PersonCard person={person({ shown: ['name', 'email', 'gender'] })} today={TODAY} />);
    expect(screen.getByRole('article').querySelector('dl')).toBeNull();
  });

  it('renders every kind of field', () => {
    render(
      <PersonCard
        person={person({
          shown: ['subcompany', 'gender', 'employmentType', 'weeklyHours', 'costCenters', 'dynamic_7', 'dynamic_9', 'hireDate'],
          subcompany: 'Acme GmbH',
          gender: 'female',
          employmentType: 'Werkstudent',
          weeklyHours: 37.5,
          costCenters: ['CC-100 (60 %)', 'CC-200 (40 %)'],
          custom: [
            { key: 'dynamic_9', label: 'Languages', value: 'German, English' },
            { key: 'dynamic_7', label: 'Shirt size', value: 'M' },
          ],
        })}
        today={TODAY}
      />,
    );
    expect(rows()).toEqual([
      ['Company', 'Acme GmbH'],
      ['Gender', 'Female'],
      ['Employment type', 'Werkstudent'],
      ['Weekly hours', '37.5 hours a week'],
      ['Cost centres', 'CC-100 (60 %), CC-200 (40 %)'],
      ['Shirt size', 'M'],
      ['Languages', 'German, English'],
      ['Hire date', '15 Sept 2022 · 3 years, 2 months'],
    ]);
  });

  it('says when a hire date lies ahead', () => {
    render(<PersonCard person={person({ shown: ['hireDate'], hireDate: '2026-01-05', status: 'onboarding' })} today={TODAY} />);
    expect(rows()).toEqual([['Hire date', 'Starts on 5 Jan 2026']]);
  });

  it('renders hostile data as text only', () => {
    const evil = '<img src=x onerror=alert(1)>';
    render(
      <PersonCard
        person={person({
          name: evil,
          initials: '<I',
          position: '<script>alert(1)</script>',
          shown: ['department', 'supervisor', 'dynamic_1'],
          department: '<b>bold</b>',
          supervisor: { id: 2, name: evil, synced: true },
          custom: [{ key: 'dynamic_1', label: '<i>label</i>', value: '<a href="javascript:alert(1)">x</a>' }],
          photo: 'javascript:alert(1)',
        })}
        today={TODAY}
        onOpenPerson={() => {}}
      />,
    );
    const card = screen.getByRole('article', { name: evil });
    expect(within(card).getByRole('heading', { name: evil })).toBeTruthy();
    expect(within(card).getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(within(card).getByText('<b>bold</b>')).toBeTruthy();
    expect(within(card).getByText('<i>label</i>')).toBeTruthy();
    expect(card.querySelector('img, script, b, i, a')).toBeNull();
  });

  it('shows a photo only from a data: URL', () => {
    const photo = 'data:image/png;base64,iVBORw0KGgo=';
    const { container, unmount } = render(<PersonCard person={person({ photo })} today={TODAY} />);
    const img = container.querySelector('img');
    expect(img?.getAttribute('src')).toBe(photo);
    expect(img?.getAttribute('alt')).toBe('');
    unmount();
    const other = render(<PersonCard person={person({ photo: 'https://tracker.example/p.png' })} today={TODAY} />);
    expect(other.container.querySelector('img')).toBeNull();
    expect(other.container.querySelector('.avatar')?.textContent).toBe('AL');
  });

  it('colours initials the same way for the same name', () => {
    const { container } = render(<PersonCard person={person()} today={TODAY} />);
    expect(container.querySelector('.avatar')?.className).toContain(`avatar-c${avatarColour('Ada Lovelace')}`);
    expect(avatarColour('Ada Lovelace')).toBe(avatarColour('Ada Lovelace'));
    const colours = new Set(['Ada', 'Bob', 'Cleo', 'Dan', 'Eve', 'Fritz', 'Gül', 'Hans'].map(avatarColour));
    expect(colours.size).toBeGreaterThan(3);
  });

  describe('supervisor', () => {
    it('opens a synced supervisor', async () => {
      const user = userEvent.setup();
      const onOpenPerson = vi.fn();
      render(<PersonCard person={person()} today={TODAY} onOpenPerson={onOpenPerson} />);
      await user.click(screen.getByRole('button', { name: 'Show Max Muster' }));
      expect(onOpenPerson).toHaveBeenCalledWith(2);
    });

    it('is plain text when not synced, or when nothing can open it', () => {
      const { unmount } = render(<PersonCard person={person({ supervisor: { id: 2, name: 'Max Muster', synced: false } })} today={TODAY} onOpenPerson={() => {}} />);
      expect(screen.queryByRole('button', { name: /Max Muster/ })).toBeNull();
      expect(screen.getByText('Max Muster').getAttribute('title')).toBe('Max Muster is not synced in Sidecard');
      unmount();
      render(<PersonCard person={person()} today={TODAY} />);
      expect(screen.queryByRole('button', { name: /Max Muster/ })).toBeNull();
      expect(screen.getByText('Max Muster')).toBeTruthy();
    });
  });

  describe('badges', () => {
    it('shows nothing for someone plainly active', () => {
      const { container } = render(<PersonCard person={person()} today={TODAY} />);
      expect(container.querySelectorAll('.badge')).toHaveLength(0);
      expect(screen.queryByRole('note')).toBeNull();
    });

    it.each([
      [{ status: 'onboarding', hireDate: '2026-02-01' }, 'Onboarding – starts 1 Feb 2026'],
      [{ status: 'onboarding' }, 'Onboarding'],
      [{ status: 'leave' }, 'On leave'],
      [{ status: 'inactive', terminationDate: '2025-08-05' }, 'Former employee · left on 5 Aug 2025'],
      [{ status: 'active', terminationDate: '2026-01-02' }, 'Leaves on 2 Jan 2026'],
    ] as const)('puts %o first, as a warning under the name', (fields, text) => {
      render(<PersonCard person={person(fields)} today={TODAY} />);
      const warning = screen.getByRole('note');
      expect(warning.textContent).toBe(`⚠Warning: ${text}`);
      // Above the address: the first thing read after the name.
      const card = screen.getByRole('article');
      const email = within(card).getByText(person().email);
      expect(warning.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    it('shows when someone leaves, and their last day', () => {
      const { unmount } = render(<PersonCard person={person({ terminationDate: '2025-12-31' })} today={TODAY} />);
      expect(screen.getByRole('note').textContent).toContain('Leaves on 31 Dec');
      unmount();
      const next = render(<PersonCard person={person({ terminationDate: '2026-03-31' })} today={TODAY} />);
      expect(screen.getByRole('note').textContent).toContain('Leaves on 31 Mar 2026');
      next.unmount();
      render(<PersonCard person={person({ terminationDate: TODAY })} today={TODAY} />);
      expect(screen.getByRole('note').textContent).toContain('Last day today');
    });

    it('does not announce a past termination date as leaving', () => {
      const { unmount } = render(<PersonCard person={person({ terminationDate: '2025-01-31' })} today={TODAY} />);
      expect(screen.queryByRole('note')).toBeNull();
      unmount();
      render(<PersonCard person={person({ status: 'inactive', terminationDate: '2025-01-31' })} today={TODAY} />);
      expect(screen.getByRole('note').textContent).toContain('Former employee · left on 31 Jan 2025');
    });

    it('counts the tenure of someone who left up to their last day', () => {
      const shown = [...person().shown, 'hireDate' as const];
      render(<PersonCard person={person({ shown, status: 'inactive', hireDate: '2020-03-01', terminationDate: '2024-09-30' })} today={TODAY} />);
      // 4 years and 6 months to the end of September 2024, not 5 years and 8 months to today.
      expect(screen.getByText('1 Mar 2020 · 4 years, 6 months')).toBeTruthy();
    });

    it('shows who is away, and until when', () => {
      render(<PersonCard person={person({ away: { kind: 'away', until: '2025-11-21', backOn: '2025-11-24', typeName: 'Sick leave' } })} today={TODAY} />);
      expect(screen.getByText('Away until Fri 21 Nov · back on Mon 24 Nov')).toBeTruthy();
      expect(screen.queryByText(/Sick leave/)).toBeNull();
    });

    it('shows an absence ending today, and an upcoming one', () => {
      const { unmount } = render(<PersonCard person={person({ away: { kind: 'away', until: TODAY, backOn: '2025-11-21' } })} today={TODAY} />);
      expect(screen.getByText('Away today · back on Fri 21 Nov')).toBeTruthy();
      unmount();
      const { container } = render(<PersonCard person={person({ away: { kind: 'upcoming', from: '2025-12-03', until: '2025-12-05' } })} today={TODAY} />);
      expect(container.querySelector('.badge-upcoming')?.textContent?.replace(/\s/g, ' ')).toBe('Away next: 3 – 5 Dec');
    });

    it('shows nothing when present', () => {
      const { container } = render(<PersonCard person={person({ away: { kind: 'present' } })} today={TODAY} />);
      expect(container.querySelectorAll('.badge')).toHaveLength(0);
    });
  });

  describe('vacation', () => {
    const shown: PersonView['shown'] = ['vacationBalance'];

    it('shows the balance and when it was read', () => {
      const asOf = new Date(2025, 10, 20, 14, 5).getTime();
      render(<PersonCard person={person({ shown, vacation: { state: 'ready', days: 12.5, asOf } })} today={TODAY} />);
      expect(rows()).toEqual([['Vacation balance', '12.5 days left · as of 14:05']]);
    });

    it('adds the date when the balance is from another day', () => {
      const asOf = new Date(2025, 10, 18, 9, 30).getTime();
      render(<PersonCard person={person({ shown, vacation: { state: 'ready', days: 1, asOf } })} today={TODAY} />);
      expect(rows()).toEqual([['Vacation balance', '1 day left · as of 18 Nov 2025, 09:30']]);
    });

    it('shows loading and unavailable', () => {
      const { unmount } = render(<PersonCard person={person({ shown, vacation: { state: 'loading' } })} today={TODAY} />);
      expect(rows()).toEqual([['Vacation balance', 'Loading…']]);
      unmount();
      render(<PersonCard person={person({ shown, vacation: { state: 'unavailable', reason: 'personio' } })} today={TODAY} />);
      expect(rows()).toEqual([['Vacation balance', 'Not available · Personio did not answer']]);
    });

    it('says why a balance is missing and offers a retry where one can help', async () => {
      const retry = vi.fn();
      const { unmount } = render(<PersonCard person={person({ shown, vacation: { state: 'unavailable', reason: 'not-permitted' } })} today={TODAY} onRetryBalance={retry} />);
      expect(rows()[0]?.[1]).toMatch(/^Not available · the Personio credential may not read balances/);
      await userEvent.click(screen.getByRole('button', { name: 'Try the vacation balance again' }));
      expect(retry).toHaveBeenCalledWith(1);
      unmount();
      // Nothing to retry when Personio keeps no balance for the person.
      render(<PersonCard person={person({ shown, vacation: { state: 'unavailable', reason: 'none' } })} today={TODAY} onRetryBalance={retry} />);
      expect(screen.queryByRole('button', { name: 'Try the vacation balance again' })).toBeNull();
    });
  });

  describe('in German', () => {
    it('renders labels, values and badges in German', () => {
      const asOf = new Date(2025, 10, 20, 14, 5).getTime();
      de(
        <PersonCard
          person={person({
            shown: ['department', 'supervisor', 'hireDate', 'vacationBalance', 'gender', 'weeklyHours'],
            status: 'leave',
            terminationDate: '2025-12-31',
            away: { kind: 'away', until: '2025-11-21', backOn: '2025-11-24' },
            vacation: { state: 'ready', days: 12.5, asOf },
            gender: 'male',
            weeklyHours: 20,
          })}
          today={TODAY}
          onOpenPerson={() => {}}
        />,
      );
      expect(rows()).toEqual([
        ['Abteilung', 'Engineering'],
        ['Vorgesetzte:r', 'Max Muster'],
        ['Eintrittsdatum', '15. Sept. 2022 · 3 Jahre, 2 Monate'],
        ['Resturlaub', 'noch 12,5 Tage · Stand 14:05'],
        ['Geschlecht', 'Männlich'],
        ['Wochenstunden', '20 Stunden pro Woche'],
      ]);
      expect(screen.getByText('Beurlaubt')).toBeTruthy();
      expect(screen.getByText('Scheidet am 31. Dez. aus')).toBeTruthy();
      expect(screen.getByText('Abwesend bis Fr., 21. Nov. · Zurück am Mo., 24. Nov.')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Max Muster anzeigen' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'E-Mail-Adresse kopieren' })).toBeTruthy();
      expect(document.documentElement.lang).toBe('de');
    });
  });

  describe('copy email', () => {
    it('copies to the clipboard and says so briefly', async () => {
      const user = userEvent.setup();
      render(<PersonCard person={person()} today={TODAY} />);
      const status = screen.getByRole('status');
      expect(status.textContent).toBe('');
      await user.click(screen.getByRole('button', { name: 'Copy email' }));
      expect(await navigator.clipboard.readText()).toBe('ada@acme.example');
      expect(status.textContent).toBe('Copied');
    });

    it('hides "Copied" again', async () => {
      userEvent.setup(); // a clipboard for the page
      vi.useFakeTimers();
      render(<PersonCard person={person()} today={TODAY} />);
      await act(async () => screen.getByRole('button', { name: 'Copy email' }).click());
      expect(await navigator.clipboard.readText()).toBe('ada@acme.example');
      expect(screen.getByRole('status').textContent).toBe('Copied');
      await act(() => vi.advanceTimersByTime(COPIED_MS + 10));
      expect(screen.getByRole('status').textContent).toBe('');
    });

    it('says when copying failed', async () => {
      const user = userEvent.setup();
      vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
      render(<PersonCard person={person()} today={TODAY} />);
      await user.click(screen.getByRole('button', { name: 'Copy email' }));
      expect(screen.getByRole('status').textContent).toBe('Could not copy. Select the address and copy it by hand.');
    });
  });
});
