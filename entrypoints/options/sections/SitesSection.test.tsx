import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/I18n';
import { SitesSection } from './SitesSection';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The admin's answer to Chrome's prompt (headless Chromium cannot show it; see test/e2e/options.spec.ts). */
function answerPrompt(allow: boolean) {
  const permissions = fakeBrowser.permissions as unknown as { request(p: unknown): Promise<boolean> };
  return vi.spyOn(permissions, 'request').mockResolvedValue(allow);
}

function renderSection(lang: 'en' | 'de' = 'en') {
  const onChange = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <SitesSection disabledSites={[]} customDomains={[]} locked={false} onChange={onChange} />
    </I18nProvider>,
  );
  return onChange;
}

describe('custom helpdesk domains', () => {
  it('adds nothing when the admin denies the browser prompt, and says so', async () => {
    const prompt = answerPrompt(false);
    const onChange = renderSection();
    await userEvent.type(screen.getByLabelText('Domain'), 'https://help.acme.example/servicedesk');
    await userEvent.click(screen.getByRole('button', { name: 'Add a custom domain' }));
    expect(prompt).toHaveBeenCalledWith({ origins: ['https://help.acme.example/*'], permissions: ['scripting'] });
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow Sidecard on that domain, so nothing was added.');
    expect(onChange).not.toHaveBeenCalled();
    // What was typed stays, to try again.
    expect((screen.getByLabelText('Domain') as HTMLInputElement).value).toBe('https://help.acme.example/servicedesk');
  });

  it('adds the domain when the admin allows it', async () => {
    answerPrompt(true);
    const onChange = renderSection();
    await userEvent.type(screen.getByLabelText('Domain'), 'help.acme.example');
    await userEvent.click(screen.getByRole('button', { name: 'Add a custom domain' }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith({ customDomains: [{ host: 'help.acme.example', site: 'jira' }] }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so in German too', async () => {
    answerPrompt(false);
    renderSection('de');
    await userEvent.type(screen.getByRole('textbox'), 'help.acme.example');
    await userEvent.click(screen.getByRole('button', { name: /hinzufügen/i }));
    expect((await screen.findByRole('alert')).textContent).toBe('Der Browser hat Sidecard auf dieser Domain nicht erlaubt, daher wurde nichts hinzugefügt.');
  });
});
