import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '@/lib/format';
import { I18nProvider } from './I18n';
import { SyncStatus } from './SyncStatus';

afterEach(cleanup);

const NOW = Date.UTC(2026, 5, 1, 12, 0);
const MIN = 60_000;

describe('SyncStatus', () => {
  it('says when the last sync succeeded, with the exact time in a title', () => {
    render(<SyncStatus state={{ connected: true, stale: false, lastSuccessAt: NOW - 4 * MIN }} now={NOW} />);
    const text = screen.getByText('Synced 4 minutes ago');
    expect(text.getAttribute('title')).toBe(formatDateTime(NOW - 4 * MIN, 'en'));
    expect(text.getAttribute('datetime')).toBe(new Date(NOW - 4 * MIN).toISOString());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says when nothing was synced yet, or nothing is connected', () => {
    const { unmount } = render(<SyncStatus state={{ connected: true, stale: false }} now={NOW} />);
    expect(screen.getByText('Not synced yet')).toBeTruthy();
    unmount();
    render(<SyncStatus state={{ connected: false, stale: true }} now={NOW} onSyncNow={() => {}} />);
    expect(screen.getByText('Not connected to Personio')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.queryByText(/out of date/)).toBeNull();
  });

  it('warns when the data is stale', () => {
    render(<SyncStatus state={{ connected: true, stale: true, lastSuccessAt: NOW - 3 * 24 * 60 * MIN }} now={NOW} />);
    expect(screen.getByText('Synced 3 days ago')).toBeTruthy();
    expect(screen.getByText(/may be out of date/)).toBeTruthy();
  });

  it('shows progress while a sync runs, and disables "Sync now"', () => {
    render(<SyncStatus state={{ connected: true, stale: false, running: { pagesDone: 3, totalPages: 10, stage: 'employees' } }} now={NOW} onSyncNow={() => {}} />);
    const bar = screen.getByRole('progressbar', { name: 'Sync progress' });
    expect(bar.getAttribute('max')).toBe('10');
    expect(bar.getAttribute('value')).toBe('3');
    expect(screen.getByText('Fetching people… Page 3 of 10')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Syncing…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an indeterminate bar while the total is unknown', () => {
    render(<SyncStatus state={{ connected: true, stale: false, running: { pagesDone: 0, stage: 'starting' } }} now={NOW} />);
    expect(screen.getByRole('progressbar', { name: 'Sync progress' }).hasAttribute('value')).toBe(false);
    expect(screen.getByText('Starting the sync…')).toBeTruthy();
  });

  it('treats a finished run as not running', () => {
    render(<SyncStatus state={{ connected: true, stale: false, running: { pagesDone: 10, totalPages: 10, stage: 'done' } }} now={NOW} onSyncNow={() => {}} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it.each([
    ['bad-credentials', 'Personio rejected the client ID or secret. Check them on the options page.'],
    ['forbidden', /may not read employees/],
    ['attribute-not-granted', /cannot read some attributes/],
    ['rate-limited', /slow down/],
    ['network', /could not be reached/],
    ['server', /server error/],
    ['malformed', /could not read/],
    ['storage', /could not save/],
    ['unknown', /Something went wrong/],
    ['something-new', /Something went wrong/],
  ])('explains the error %s in plain language', (kind, text) => {
    render(<SyncStatus state={{ connected: true, stale: false, error: { kind } }} now={NOW} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The last sync failed.');
    expect(alert.textContent).toMatch(text);
  });

  it('says a failure once, with the time of the data still shown, never "Synced" beside it', () => {
    render(<SyncStatus state={{ connected: true, stale: true, lastSuccessAt: NOW - 2 * MIN, error: { kind: 'network', at: NOW - MIN } }} now={NOW} />);
    const alert = screen.getByRole('alert').textContent!;
    expect(alert.startsWith('The last sync failed. Personio could not be reached.')).toBe(true);
    expect(alert.endsWith('The data synced 2 minutes ago is still shown.')).toBe(true);
    expect(screen.queryByText(/^Synced/)).toBeNull();
    expect(screen.queryByText(/may be out of date/)).toBeNull();
  });

  it('hides an error older than the last success', () => {
    render(<SyncStatus state={{ connected: true, stale: false, lastSuccessAt: NOW - MIN, error: { kind: 'network', at: NOW - 5 * MIN } }} now={NOW} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('runs "Sync now"', async () => {
    const user = userEvent.setup();
    const onSyncNow = vi.fn();
    render(<SyncStatus state={{ connected: true, stale: false, lastSuccessAt: NOW }} now={NOW} onSyncNow={onSyncNow} />);
    expect(screen.getByText('Synced just now')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(onSyncNow).toHaveBeenCalledOnce();
  });

  it('speaks German', () => {
    const de = (state: Parameters<typeof SyncStatus>[0]['state']) =>
      render(
        <I18nProvider lang="de">
          <SyncStatus state={state} now={NOW} onSyncNow={() => {}} />
        </I18nProvider>,
      );
    let view = de({ connected: true, stale: false, lastSuccessAt: NOW - 4 * MIN });
    expect(screen.getByText('Synchronisiert vor 4 Minuten')).toBeTruthy();
    view.unmount();
    view = de({ connected: true, stale: true, lastSuccessAt: NOW - 4 * MIN });
    expect(screen.getByText(/möglicherweise veraltet/)).toBeTruthy();
    view.unmount();
    view = de({ connected: true, stale: false, running: { pagesDone: 1, totalPages: 4, stage: 'time-offs' } });
    expect(screen.getByRole('progressbar', { name: 'Fortschritt der Synchronisierung' })).toBeTruthy();
    expect(screen.getByText('Abwesenheiten werden abgerufen… Seite 1 von 4')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wird synchronisiert…' })).toBeTruthy();
    view.unmount();
    de({ connected: true, stale: true, lastSuccessAt: NOW - 4 * MIN, error: { kind: 'bad-credentials' } });
    expect(screen.getByRole('alert').textContent).toContain('Personio hat die Client-ID oder das Secret abgelehnt.');
    expect(screen.getByRole('alert').textContent).toContain('Die zuletzt synchronisierten Daten (vor 4 Minuten) bleiben sichtbar.');
  });
});
