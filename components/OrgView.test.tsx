import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from './I18n';
import { OrgView } from './OrgView';

afterEach(cleanup);

const chain = [
  { id: 2, name: 'Max Muster', position: 'Head of IT' },
  { id: 3, name: 'Erika Mustermann', position: 'CTO' },
];
const reports = [
  { id: 10, name: 'Ben Bauer' },
  { id: 11, name: 'Clara Conrad', position: 'Analyst' },
];

describe('OrgView', () => {
  it('lists the chain nearest first and the direct reports, each a button', async () => {
    const user = userEvent.setup();
    const onOpenPerson = vi.fn();
    render(<OrgView chain={chain} reports={reports} onOpenPerson={onOpenPerson} />);
    const list = screen.getByRole('list', { name: 'Supervisor chain, nearest first' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(['Max MusterHead of IT', 'Erika MustermannCTO']);
    const reportList = screen.getByRole('list', { name: 'Direct reports (2)' });
    expect(within(reportList).getAllByRole('button')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: /Erika Mustermann/ }));
    await user.click(screen.getByRole('button', { name: /Clara Conrad/ }));
    expect(onOpenPerson.mock.calls).toEqual([[3], [11]]);
    expect(screen.queryByText(/Chain ends/)).toBeNull();
  });

  it('says where a broken chain ends', () => {
    render(<OrgView chain={chain.slice(0, 1)} brokenAt={{ supervisorId: 3, supervisorName: 'Erika Mustermann' }} reports={[]} onOpenPerson={() => {}} />);
    expect(screen.getByText("Chain ends: Erika Mustermann's record is not synced")).toBeTruthy();
    expect(screen.getByText('No direct reports')).toBeTruthy();
  });

  it('says so when the missing supervisor has no name, even at the start of the chain', () => {
    render(<OrgView chain={[]} brokenAt={{ supervisorId: 3 }} reports={[]} onOpenPerson={() => {}} />);
    expect(screen.getByText('Chain ends: the next supervisor is not synced')).toBeTruthy();
    expect(screen.queryByText('No supervisor in Personio')).toBeNull();
  });

  it('shows the top of the organisation', () => {
    render(<OrgView chain={[]} reports={reports} onOpenPerson={() => {}} />);
    expect(screen.getByText('No supervisor in Personio')).toBeTruthy();
  });

  it('renders names as text only', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = render(<OrgView chain={[{ id: 1, name: evil }]} brokenAt={{ supervisorId: 2, supervisorName: evil }} reports={[]} onOpenPerson={() => {}} />);
    expect(screen.getByRole('button', { name: evil })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('speaks German', () => {
    render(
      <I18nProvider lang="de">
        <OrgView chain={chain.slice(0, 1)} brokenAt={{ supervisorId: 3, supervisorName: 'Erika Mustermann' }} reports={reports} onOpenPerson={() => {}} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Vorgesetztenkette' })).toBeTruthy();
    expect(screen.getByText('Kette endet: Der Datensatz von Erika Mustermann ist nicht synchronisiert')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Direkte Mitarbeitende (2)' })).toBeTruthy();
  });
});
