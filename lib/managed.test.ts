import { describe, expect, it } from 'vitest';
import { applyPolicy, parsePolicy } from './managed';
import { defaultSettings } from './settings';

describe('managed policy', () => {
  it('overrides and locks what the policy sets, and nothing else', () => {
    const { settings, locked } = applyPolicy(defaultSettings(), parsePolicy({ intervalMinutes: 60, statuses: ['active'], disabledSites: ['front'] }));
    expect(settings.intervalMinutes).toBe(60);
    expect(settings.filters.statuses).toEqual(['active']);
    expect(settings.disabledSites).toEqual(['front']);
    expect([...locked].sort()).toEqual(['interval', 'sites', 'statuses']);
    expect(settings.baseUrl).toBe('https://api.personio.de');
  });

  it('ignores invalid values one by one', () => {
    const policy = parsePolicy({ intervalMinutes: 1, statuses: ['everyone'], clientId: 'abc' });
    expect(policy).toEqual({ clientId: 'abc' });
  });

  it('sets stored and shown fields in the policy order; name and email stay stored', () => {
    const { settings } = applyPolicy(defaultSettings(), parsePolicy({ storedFields: ['position', 'office'], shownFields: ['office', 'position'] }));
    expect(settings.fields.filter((f) => f.show).map((f) => f.key)).toEqual(['office', 'position']);
    expect(settings.fields.filter((f) => f.store).map((f) => f.key).sort()).toEqual(['email', 'name', 'office', 'position']);
  });
});
