import { describe, expect, it } from 'vitest';
import { isContentScriptSender, isExtensionPageSender, isPanelSender } from './senders';
import { matchesPattern } from './sites/match';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('sender checks', () => {
  it('accepts our content script in the top frame of a supported site', () => {
    expect(isContentScriptSender({ id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', frameId: 0, tab: { id: 3 } }, ID)).toBe(true);
  });
  it('rejects sub-frames, other hosts, other extensions and senders without a tab', () => {
    expect(isContentScriptSender({ id: ID, url: 'https://mail.google.com/', frameId: 4, tab: { id: 3 } }, ID)).toBe(false);
    expect(isContentScriptSender({ id: ID, url: 'https://evil.example/', frameId: 0, tab: { id: 3 } }, ID)).toBe(false);
    expect(isContentScriptSender({ id: 'other', url: 'https://mail.google.com/', frameId: 0, tab: { id: 3 } }, ID)).toBe(false);
    expect(isContentScriptSender({ id: ID, url: 'https://mail.google.com/', frameId: 0 }, ID)).toBe(false);
  });
  it('accepts Jira Service Management on atlassian.net, and nothing else there (Confluence, Jira Software)', () => {
    const from = (url: string) => isContentScriptSender({ id: ID, url, frameId: 0, tab: { id: 3 } }, ID);
    expect(from('https://acme.atlassian.net/jira/servicedesk/projects/ITSD/queues/custom/1/ITSD-101')).toBe(true);
    expect(from('https://acme.atlassian.net/servicedesk/customer/portal/2/ITSD-101')).toBe(true);
    expect(from('https://acme.atlassian.net/browse/ITSD-102')).toBe(true);
    expect(from('https://acme.atlassian.net/wiki/spaces/HR/pages/1/Salaries')).toBe(false);
    expect(from('https://acme.atlassian.net/jira/software/projects/APP/boards/1')).toBe(false);
    expect(from('https://acme.atlassian.net/')).toBe(false);
  });
  it('accepts admin-added domains', () => {
    expect(isContentScriptSender({ id: ID, url: 'https://help.acme.example/browse/IT-1', frameId: 0, tab: { id: 1 } }, ID, ['https://help.acme.example/*'])).toBe(true);
  });
  it('tells extension pages from content scripts by origin', () => {
    expect(isExtensionPageSender({ id: ID, url: `chrome-extension://${ID}/options.html` }, `chrome-extension://${ID}/`)).toBe(true);
    expect(isExtensionPageSender({ id: ID, url: 'https://mail.google.com/' }, `chrome-extension://${ID}/`)).toBe(false);
  });
  // Found by lib/background/router.property.test.ts: both origins were "null", so they matched.
  it("refuses another extension's page, or any other non-web scheme, as one of ours", () => {
    expect(isExtensionPageSender({ id: 'other', url: 'chrome-extension://other/options.html' }, `chrome-extension://${ID}/`)).toBe(false);
    expect(isExtensionPageSender({ url: `moz-extension://${ID}/options.html` }, `chrome-extension://${ID}/`)).toBe(false);
    expect(isExtensionPageSender({ url: 'foo://bar/' }, `chrome-extension://${ID}/`)).toBe(false);
    expect(isExtensionPageSender({ url: `moz-extension://${ID}/popup.html` }, `moz-extension://${ID}/`)).toBe(true);
  });
  it('accepts the panel by id and path (its origin is dynamic)', () => {
    expect(isPanelSender({ id: ID, url: 'chrome-extension://0f1e2d3c-dynamic/panel.html', tab: { id: 2 } }, ID)).toBe(true);
    expect(isPanelSender({ id: ID, url: 'chrome-extension://x/options.html', tab: { id: 2 } }, ID)).toBe(false);
    expect(isPanelSender({ id: ID, url: 'https://evil.example/panel.html', tab: { id: 2 } }, ID)).toBe(false);
  });
  it('matches manifest patterns', () => {
    expect(matchesPattern('https://*.zendesk.com/agent/*', new URL('https://acme.zendesk.com/agent/tickets/1'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/agent/*', new URL('https://zendesk.com.evil.example/agent/'))).toBe(false);
  });
});
