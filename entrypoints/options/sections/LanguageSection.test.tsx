import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/I18n';
import { defaultSettings, type Settings } from '@/lib/settings';
import type { StatusReply } from '@/lib/status';
import { App } from '../App';
import { LanguageSection } from './LanguageSection';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function selected(select: HTMLElement): string | undefined {
  return (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? undefined;
}

describe('the language choice', () => {
  it('offers Automatic, English and Deutsch, and saves the one chosen', async () => {
    const onChange = vi.fn();
    render(
      <I18nProvider lang="en">
        <LanguageSection language="auto" onChange={onChange} />
      </I18nProvider>,
    );
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Automatic', 'English', 'Deutsch']);
    expect(selected(select)).toBe('Automatic');
    await userEvent.selectOptions(select, 'Deutsch');
    expect(onChange).toHaveBeenCalledWith({ language: 'de' });
  });

  it('speaks German, and names each language in itself', () => {
    render(
      <I18nProvider lang="de">
        <LanguageSection language="en" onChange={vi.fn()} />
      </I18nProvider>,
    );
    const select = screen.getByRole('combobox', { name: 'Sprache' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Automatisch', 'English', 'Deutsch']);
    expect(selected(select)).toBe('English');
  });
});

/** A background that answers the options page: its status, with the language saved so far. */
function fakeBackground(language: Settings['language']) {
  let settings = { ...defaultSettings(), language };
  const saved: unknown[] = [];
  const status = (): StatusReply => ({
    connected: false,
    clientId: '',
    secretHint: '',
    baseUrl: settings.baseUrl,
    employeeCount: 0,
    stale: false,
    running: null,
    log: [],
    settings,
    locked: [],
  });
  const runtime = fakeBrowser.runtime as unknown as { sendMessage(m: unknown): Promise<unknown> };
  vi.spyOn(runtime, 'sendMessage').mockImplementation((message: unknown) => {
    const m = message as { type: string; patch?: Partial<Settings> };
    if (m.type === 'save-settings') {
      saved.push(m.patch);
      settings = { ...settings, ...m.patch };
      return Promise.resolve({ ok: true });
    }
    return Promise.resolve(m.type === 'status' ? status() : undefined);
  });
  return saved;
}

describe('the options page', () => {
  it('speaks the saved language, whatever the browser says', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    fakeBackground('de');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sidecard-Einstellungen' })).toBeTruthy();
    // The provider sets <html lang> in an effect, after the render that shows the heading.
    await waitFor(() => expect(document.documentElement.lang).toBe('de'));
  });

  it('follows the browser on Automatic, and switches when Deutsch is chosen', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    const saved = fakeBackground('auto');
    render(<App />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'Deutsch');
    expect(saved).toEqual([{ language: 'de' }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sidecard-Einstellungen' })).toBeTruthy();
    expect(selected(screen.getByRole('combobox', { name: 'Sprache' }))).toBe('Deutsch');
  });
});
