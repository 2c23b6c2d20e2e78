import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { LeaversSection } from './LeaversSection';

afterEach(cleanup);

function renderSection({ lang = 'en', leaverMonths = 12, inactiveSynced = false }: { lang?: 'en' | 'de'; leaverMonths?: number; inactiveSynced?: boolean } = {}) {
  const onChange = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <LeaversSection leaverMonths={leaverMonths} inactiveSynced={inactiveSynced} locked={false} onChange={onChange} />
    </I18nProvider>,
  );
  return onChange;
}

describe('people who left', () => {
  it('says what is kept and why, and saves a shorter window', async () => {
    const onChange = renderSection();
    expect(screen.getByText(/laptop returns, access removal/)).toBeTruthy();
    expect(screen.getByText(/No photo, balance, absences, supervisor/)).toBeTruthy();
    const select = screen.getByLabelText('Keep people who left in the last') as HTMLSelectElement;
    expect(select.selectedOptions[0]?.text).toBe('12 months');
    await userEvent.selectOptions(select, 'Keep none');
    expect(onChange).toHaveBeenCalledWith({ leaverMonths: 0 });
  });

  it('offers no window while inactive people are synced in full', () => {
    renderSection({ inactiveSynced: true });
    expect(screen.queryByLabelText('Keep people who left in the last')).toBeNull();
    expect(screen.getByText(/synced in full/)).toBeTruthy();
  });

  it('speaks German', () => {
    renderSection({ lang: 'de', leaverMonths: 6 });
    expect((screen.getByLabelText('Ausgeschiedene behalten aus den letzten') as HTMLSelectElement).selectedOptions[0]?.text).toBe('6 Monaten');
  });
});
