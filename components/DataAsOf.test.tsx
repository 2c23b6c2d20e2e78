import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from '@/lib/format';
import { DataAsOf } from './DataAsOf';
import { I18nProvider } from './I18n';

afterEach(cleanup);

const AT = new Date(2026, 11, 3, 10, 42).getTime();
const TODAY = localDay(AT);

function both(freshness: Parameters<typeof DataAsOf>[0]['freshness'], lang: 'en' | 'de' = 'en', today = TODAY) {
  render(
    <I18nProvider lang={lang}>
      <DataAsOf freshness={freshness} today={today} placement="top" />
      <hr />
      <DataAsOf freshness={freshness} today={today} placement="bottom" />
    </I18nProvider>,
  );
}

describe('how current the panel’s data is', () => {
  it('is a quiet line under the card while syncs succeed: the time today, the date before', () => {
    both({ at: AT });
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('Personio data as of 10:42.')).toBeTruthy();
    cleanup();
    both({ at: AT }, 'en', '2026-12-05');
    expect(screen.getByText(/^Personio data as of 3 Dec 2026, 10:42\.$/)).toBeTruthy();
  });

  it('is one warning above the card when the credential was rejected, in German too', () => {
    both({ at: AT, warning: 'revoked' }, 'de');
    const note = screen.getByRole('note');
    expect(note.textContent).toMatch(/Personio hat den Zugang von Sidecard abgelehnt.*Personio-Daten von 10:42\./);
    expect(screen.getAllByText(/Personio-Daten von/)).toHaveLength(1);
  });

  it('names a failed run and stale data apart', () => {
    both({ at: AT, warning: 'failed' });
    expect(screen.getByRole('note').textContent).toMatch(/The last sync with Personio failed/);
    cleanup();
    both({ at: AT, warning: 'stale' });
    expect(screen.getByRole('note').textContent).toMatch(/may be out of date/);
  });
});
