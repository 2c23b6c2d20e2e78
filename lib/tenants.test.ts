import { describe, expect, it } from 'vitest';
import { applyPolicy } from './managed';
import { applySettingsChange, defaultSettings } from './settings';
import { SITES } from './sites';
import { isTenantHost, isUnnamedTenant, MULTI_TENANT_DOMAINS, normaliseTenant, tenantSiteOf } from './tenants';

describe('multi-tenant sites', () => {
  it('are exactly the sites whose match patterns cover every subdomain of a domain', () => {
    const wildcard = SITES.flatMap((s) =>
      s.matches.map((p) => /^https:\/\/\*\.([^/]+)\//.exec(p)?.[1]).filter((d): d is string => d !== undefined).map((domain) => ({ site: s.id, domain })),
    );
    const unique = [...new Map(wildcard.map((w) => [`${w.site} ${w.domain}`, w])).values()];
    expect(unique).toEqual([...MULTI_TENANT_DOMAINS]);
  });

  it('know which site a tenant belongs to', () => {
    expect(tenantSiteOf('acme.zendesk.com')).toBe('zendesk');
    expect(tenantSiteOf('acme.freshdesk.com')).toBe('freshdesk');
    expect(tenantSiteOf('acme.atlassian.net')).toBe('jira');
    for (const host of ['zendesk.com', 'mail.google.com', 'acme.zendesk.com.evil.example', 'evilzendesk.com', 'ACME.zendesk.com', 'acme.zendesk.com/']) {
      expect(tenantSiteOf(host), host).toBeNull();
    }
  });

  it('read what an admin types as one host name', () => {
    expect(normaliseTenant('  https://ACME.Zendesk.com/agent/tickets/1 ')).toBe('acme.zendesk.com');
    expect(normaliseTenant('acme.atlassian.net')).toBe('acme.atlassian.net');
    for (const typed of ['', 'http://acme.zendesk.com', 'https://x@acme.zendesk.com', 'acme.zendesk.com:8443', 'help.acme.example', 'zendesk.com']) {
      expect(normaliseTenant(typed), typed).toBeNull();
    }
  });

  it('make a page unnamed until its tenant is named or added as a custom domain', () => {
    const none = { tenants: [], customDomains: [] };
    expect(isUnnamedTenant('evil.zendesk.com', none)).toBe(true);
    expect(isUnnamedTenant('acme.zendesk.com', { ...none, tenants: ['acme.zendesk.com'] })).toBe(false);
    expect(isUnnamedTenant('evil.zendesk.com', { ...none, tenants: ['acme.zendesk.com'] })).toBe(true);
    expect(isUnnamedTenant('acme.atlassian.net', { ...none, customDomains: [{ host: 'acme.atlassian.net' }] })).toBe(false);
    // Single-tenant sites and custom domains never wait for a name.
    expect(isUnnamedTenant('mail.google.com', none)).toBe(false);
    expect(isUnnamedTenant('help.acme.example', none)).toBe(false);
  });
});

describe('tenants in settings', () => {
  it('are saved from the options page, once each', () => {
    const next = applySettingsChange(defaultSettings(), { tenants: ['acme.zendesk.com', 'acme.zendesk.com', 'acme.atlassian.net'] }, new Set());
    expect(next?.tenants).toEqual(['acme.zendesk.com', 'acme.atlassian.net']);
  });

  it('refuse a host that is no tenant of a multi-tenant site', () => {
    for (const host of ['mail.google.com', 'evil.example', 'ACME.zendesk.com', 'zendesk.com']) {
      expect(applySettingsChange(defaultSettings(), { tenants: [host] }, new Set()), host).toBeNull();
    }
  });

  it('come from the policy when it names them, and are locked then', () => {
    const own = { ...defaultSettings(), tenants: ['own.zendesk.com'] };
    const { settings, locked } = applyPolicy(own, { tenants: ['https://ACME.zendesk.com/', 'not a host', 'mail.google.com', 'acme.freshdesk.com'] });
    expect(settings.tenants).toEqual(['acme.zendesk.com', 'acme.freshdesk.com']);
    expect(locked.has('tenants')).toBe(true);
    expect(applySettingsChange(own, { tenants: ['other.zendesk.com'] }, locked)?.tenants).toEqual(['own.zendesk.com']);
  });

  it('stay the admin’s own when the policy names none', () => {
    const own = { ...defaultSettings(), tenants: ['own.zendesk.com'] };
    const { settings, locked } = applyPolicy(own, {});
    expect(settings.tenants).toEqual(['own.zendesk.com']);
    expect(locked.has('tenants')).toBe(false);
    expect(isTenantHost('own.zendesk.com')).toBe(true);
  });
});
