import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { needsAttention } from './toolbar-badge';

const connected = { ...defaultSettings(), clientId: 'id', connectedAt: 1 };
const now = 10 * 24 * 60 * 60_000;

describe('toolbar badge', () => {
  it('warns when the last sync failed or the data is stale, only while connected', () => {
    expect(needsAttention(connected, { lastSuccessAt: now - 60_000 }, now)).toBe(false);
    expect(needsAttention(connected, { lastSuccessAt: now - 60_000, lastError: { kind: 'network', at: now - 1000 } }, now)).toBe(true);
    expect(needsAttention(connected, { lastSuccessAt: now - 1000, lastError: { kind: 'network', at: now - 60_000 } }, now)).toBe(false);
    expect(needsAttention(connected, { lastSuccessAt: now - 2 * 24 * 60 * 60_000 }, now)).toBe(true);
    expect(needsAttention(defaultSettings(), { lastError: { kind: 'network', at: now } }, now)).toBe(false);
  });
});
