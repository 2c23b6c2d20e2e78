import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/I18n';
import { SitesSection } from './SitesSection';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

/** The admin's answer to Chrome's prompt (headless Chromium cannot show it; see test/e2e/options.spec.ts). */
function answerPrompt(allow: boolean) {
  const permissions = fakeBrowser.permissions as unknown as { request(p: unknown): Promise<boolean> };
  return vi.spyOn(permissions, 'request').mockResolvedValue(allow);
}

function renderSection(lang: 'en' | 'de' = 'en', tenants: { tenants?: string[]; tenantsLocked?: boolean } = {}) {
  const onChange = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <SitesSection disabledSites={[]} customDomains={[]} locked={false} tenants={tenants.tenants ?? []} tenantsLocked={tenants.tenantsLocked ?? false} onChange={onChange} />
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
    await userEvent.type(screen.getByLabelText('Domain'), 'help.acme.example');
    await userEvent.click(screen.getByRole('button', { name: 'Eigene Domain hinzufügen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Der Browser hat Sidecard auf dieser Domain nicht erlaubt, daher wurde nichts hinzugefügt.');
  });
});

describe('the company’s own tenants of Zendesk, Freshdesk and Jira', () => {
  const field = () => screen.getByLabelText('Address of your Zendesk, Freshdesk or Jira') as HTMLInputElement;

  it('names a tenant typed as a URL by its host name, with no browser prompt', async () => {
    const prompt = answerPrompt(true);
    const onChange = renderSection('en', { tenants: ['acme.freshdesk.com'] });
    await userEvent.type(field(), 'https://ACME.zendesk.com/agent/tickets/1');
    await userEvent.click(screen.getByRole('button', { name: /^Add$/ }));
    expect(onChange).toHaveBeenCalledWith({ tenants: ['acme.freshdesk.com', 'acme.zendesk.com'] });
    expect(prompt).not.toHaveBeenCalled();
    expect(field().value).toBe('');
  });

  it.each(['evil.example', 'zendesk.com', 'acme.zendesk.com.evil.example', 'http://acme.zendesk.com'])('refuses %s, which is no tenant, and says so', async (typed) => {
    const onChange = renderSection();
    await userEvent.type(field(), `${typed}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe('Enter an address such as acme.zendesk.com, acme.freshdesk.com or acme.atlassian.net.');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('lists each tenant with its site, and removes one', async () => {
    const onChange = renderSection('en', { tenants: ['acme.zendesk.com', 'acme.atlassian.net'] });
    expect(screen.getByText(/Your Zendesk: acme\.zendesk\.com/)).toBeTruthy();
    expect(screen.getByText(/Your Jira Service Management: acme\.atlassian\.net/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Remove acme.zendesk.com' }));
    expect(onChange).toHaveBeenCalledWith({ tenants: ['acme.atlassian.net'] });
  });

  it('says that no tenant is named yet', () => {
    renderSection();
    expect(screen.getByText('None yet: Sidecard shows nobody on Zendesk, Freshdesk or Jira.')).toBeTruthy();
  });

  it('cannot change tenants the organisation’s policy names', async () => {
    renderSection('en', { tenants: ['acme.zendesk.com'], tenantsLocked: true });
    await userEvent.type(field(), 'other.zendesk.com');
    expect(field().value).toBe('');
    expect((screen.getByRole('button', { name: 'Remove acme.zendesk.com' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getAllByText('Managed by your organisation')).toHaveLength(1);
  });

  it('comes from the panel’s offer with the host filled in and the field focused', async () => {
    window.history.replaceState(null, '', '/options.html?tenant=acme.zendesk.com#sites');
    const onChange = renderSection();
    expect(field().value).toBe('acme.zendesk.com');
    expect(document.activeElement).toBe(field());
    await userEvent.click(screen.getByRole('button', { name: /^Add$/ }));
    expect(onChange).toHaveBeenCalledWith({ tenants: ['acme.zendesk.com'] });
  });

  it('fills in nothing that is no tenant', () => {
    window.history.replaceState(null, '', '/options.html?tenant=evil.example#sites');
    renderSection();
    expect(field().value).toBe('');
  });

  it('speaks German too', async () => {
    renderSection('de', { tenants: ['acme.zendesk.com'] });
    expect(screen.getByText(/Ihr Zendesk: acme\.zendesk\.com/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Adresse Ihres Zendesk, Freshdesk oder Jira'), 'evil.example{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Geben Sie eine Adresse wie acme.zendesk.com, acme.freshdesk.com oder acme.atlassian.net ein.');
  });
});

describe('site switches', () => {
  it('labels the sites whose requester cannot be confirmed as beta, and says what that means', () => {
    renderSection();
    expect(screen.getByRole('switch', { name: 'Help Scout beta' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Front beta' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Gmail' })).toBeTruthy();
    expect(screen.getByText(/offers the search instead of guessing/)).toBeTruthy();
  });

  it('says it in German too', () => {
    renderSection('de');
    expect(screen.getByRole('switch', { name: 'Front Beta' })).toBeTruthy();
    expect(screen.getByText(/statt zu raten/)).toBeTruthy();
  });
});
