import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveLang } from '@/lib/i18n';
import { I18nProvider } from './I18n';
import { SyncStatus } from './SyncStatus';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const NOT_CONNECTED = { connected: false, stale: false };

describe('I18nProvider', () => {
  it('speaks the chosen language, not the browser’s, and tells the page', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    render(
      <I18nProvider lang={resolveLang('de', navigator.language)}>
        <SyncStatus state={NOT_CONNECTED} now={0} />
      </I18nProvider>,
    );
    expect(screen.getByText('Nicht mit Personio verbunden')).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
  });

  it('follows the browser on Automatic', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-AT');
    const { rerender } = render(
      <I18nProvider lang={resolveLang('auto', navigator.language)}>
        <SyncStatus state={NOT_CONNECTED} now={0} />
      </I18nProvider>,
    );
    expect(screen.getByText('Nicht mit Personio verbunden')).toBeTruthy();
    rerender(
      <I18nProvider lang={resolveLang('en', navigator.language)}>
        <SyncStatus state={NOT_CONNECTED} now={0} />
      </I18nProvider>,
    );
    expect(screen.getByText('Not connected to Personio')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
