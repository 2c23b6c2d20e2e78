import { describe, expect, it } from 'vitest';
import { applySettingsChange, checkBaseUrl, defaultSettings, normaliseHost, parseSettings, sameBaseUrl } from './settings';

describe('settings', () => {
  it('defaults follow data minimisation and leave former employees out', () => {
    const s = defaultSettings();
    expect(s.filters.statuses).toEqual(['onboarding', 'active', 'leave']);
    expect(s.fields.filter((f) => f.store).map((f) => f.key)).not.toContain('gender');
    expect(s.fields.filter((f) => f.store).map((f) => f.key)).toEqual(expect.arrayContaining(['position', 'department', 'supervisor', 'hireDate', 'vacationBalance']));
    expect(s.intervalMinutes).toBe(15);
  });
  it('falls back to defaults rather than breaking on corrupt storage', () => {
    expect(parseSettings({ intervalMinutes: 'soon' })).toEqual(defaultSettings());
  });
  it('normalises custom domains and refuses non-hosts', () => {
    expect(normaliseHost('https://Help.Acme.example/servicedesk')).toBe('help.acme.example');
    expect(normaliseHost('help.acme.example')).toBe('help.acme.example');
    expect(normaliseHost('http://help.acme.example')).toBeNull();
    expect(normaliseHost('not a host')).toBeNull();
  });
});

describe('applySettingsChange', () => {
  const connected = { ...defaultSettings(), clientId: 'abc', connectedAt: 1 };
  it('applies what is not locked and keeps what is', () => {
    const next = applySettingsChange(connected, { intervalMinutes: 60, filters: { statuses: ['active'], subcompanyIds: [], departmentIds: [3] } }, new Set(['statuses']));
    expect(next?.intervalMinutes).toBe(60);
    expect(next?.filters).toEqual({ statuses: ['onboarding', 'active', 'leave'], subcompanyIds: [], departmentIds: [3] });
    expect(next?.clientId).toBe('abc');
  });
  it('refuses an invalid change instead of falling back to defaults (which would disconnect)', () => {
    expect(applySettingsChange(connected, { fields: [{ key: 'salary', store: true, show: true }] }, new Set())).toBeNull();
  });
  it('keeps the Personio web address in one spelling, clears it when emptied, and refuses another host', () => {
    const set = applySettingsChange(connected, { personioWebUrl: 'acme.personio.de/' }, new Set());
    expect(set?.personioWebUrl).toBe('https://acme.personio.de');
    expect(applySettingsChange(set ?? connected, { personioWebUrl: ' ' }, new Set())?.personioWebUrl).toBe('');
    expect(applySettingsChange(connected, { personioWebUrl: 'https://acme.personio.de.evil.example' }, new Set())).toBeNull();
    expect(applySettingsChange(connected, { intervalMinutes: 60 }, new Set())?.personioWebUrl).toBe('');
  });
});

describe('API base URLs', () => {
  it('accepts https addresses in one spelling, and compares them so', () => {
    expect(checkBaseUrl(' https://API.Personio.de/ ')).toEqual({ ok: true, url: 'https://api.personio.de' });
    expect(checkBaseUrl('https://proxy.acme.example:443/personio//')).toEqual({ ok: true, url: 'https://proxy.acme.example/personio' });
    expect(sameBaseUrl('https://api.personio.de/', 'https://API.personio.de')).toBe(true);
    expect(sameBaseUrl('https://api.personio.de', 'https://api.personio.de/other')).toBe(false);
    expect(sameBaseUrl('https://api.personio.de', 'https://attacker.example')).toBe(false);
  });

  it('refuses plain http, loopback included outside the bench build, and what is no prefix', () => {
    expect(checkBaseUrl('http://attacker.example')).toEqual({ ok: false, reason: 'insecure' });
    expect(checkBaseUrl('http://127.0.0.1:8080')).toEqual({ ok: false, reason: 'insecure' });
    expect(checkBaseUrl('http://127.0.0.1:8080', true)).toEqual({ ok: true, url: 'http://127.0.0.1:8080' });
    expect(checkBaseUrl('http://attacker.example', true)).toEqual({ ok: false, reason: 'insecure' });
    for (const bad of ['not a url', 'ftp://api.personio.de', 'https://user:pw@api.personio.de', 'https://api.personio.de/?x=1', 'https://api.personio.de/#x']) {
      expect(checkBaseUrl(bad)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(sameBaseUrl('http://api.personio.de', 'http://api.personio.de')).toBe(false);
  });
});
