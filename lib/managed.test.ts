import { describe, expect, it } from 'vitest';
import { applyPolicy, parsePolicy, withTimeLimit } from './managed';
import { PolicyUnavailableError, toErrorInfo } from './personio/errors';
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

describe('withTimeLimit (the policy read)', () => {
  it('gives the answer when it comes in time', async () => {
    await expect(withTimeLimit(Promise.resolve({ clientId: 'abc' }), 50, () => new PolicyUnavailableError())).resolves.toEqual({ clientId: 'abc' });
  });

  it('fails with the given error when the browser never answers, instead of waiting for ever', async () => {
    const never = new Promise<never>(() => undefined);
    const failed = withTimeLimit(never, 20, () => new PolicyUnavailableError());
    await expect(failed).rejects.toBeInstanceOf(PolicyUnavailableError);
    await expect(failed.catch(toErrorInfo)).resolves.toEqual({ kind: 'policy' });
  });
});
