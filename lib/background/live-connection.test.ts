import { describe, expect, it, vi } from 'vitest';
import type { PersonioClient } from '../personio/client';
import { defaultSettings, type Settings } from '../settings';
import { LiveConnection } from './live-connection';

const connected: Settings = { ...defaultSettings(), clientId: 'id', connectedAt: 1, secretHint: 'abcd' };

function setUp(settleMs = 1000) {
  const made: { close: ReturnType<typeof vi.fn>; settings: Settings }[] = [];
  const make = vi.fn(async (settings: Settings) => {
    const client = { close: vi.fn(), settings };
    made.push(client);
    return client as unknown as PersonioClient;
  });
  const live = new LiveConnection({ make, keyOf: async (s) => `${s.baseUrl}|${s.clientId}|${s.connectedAt}`, settleMs });
  return { live, make, made };
}

describe('the live connection', () => {
  it('makes one client for the worker, shared by every caller, and a new one only when the connection changes', async () => {
    const { live, make } = setUp();
    const [a, b] = await Promise.all([live.open(connected), live.open(connected)]);
    const c = await live.open({ ...connected, intervalMinutes: 30, language: 'de' });
    expect(a?.client).toBe(b?.client);
    expect(c?.client).toBe(a?.client);
    expect(make).toHaveBeenCalledTimes(1);
    const reconnected = await live.open({ ...connected, connectedAt: 2 });
    expect(reconnected?.client).not.toBe(a?.client);
    expect(make).toHaveBeenCalledTimes(2);
  });

  it('tries again next time when there was no client to make', async () => {
    const make = vi.fn(async () => undefined);
    const live = new LiveConnection({ make, keyOf: async () => 'k' });
    expect(await live.open(connected)).toBeUndefined();
    expect(await live.open(connected)).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(2);
  });

  it('ends a connection: aborts its signal, closes its clients, wipes at once and again after its work settled', async () => {
    const { live, made } = setUp();
    const first = await live.open(connected);
    await live.open({ ...connected, connectedAt: 2 });
    const events: string[] = [];
    let settle: () => void = () => undefined;
    const ending = live.end(
      async () => void events.push(`wipe (signal aborted: ${first?.signal.aborted})`),
      () => new Promise<void>((r) => (settle = () => (events.push('settled'), r()))),
    );
    expect(first?.signal.aborted).toBe(true);
    await vi.waitFor(() => expect(made.every((c) => c.close.mock.calls.length === 1)).toBe(true));
    // No client while the connection ends.
    expect(await live.open(connected)).toBeUndefined();
    await vi.waitFor(() => expect(events).toEqual(['wipe (signal aborted: true)']));
    settle();
    await ending;
    expect(events).toEqual(['wipe (signal aborted: true)', 'settled', 'wipe (signal aborted: true)']);
    // The next connection is a new generation, with a new client and a live signal.
    const next = await live.open(connected);
    expect(next?.signal.aborted).toBe(false);
    expect(next?.client).not.toBe(first?.client);
  });

  it('does not wait forever for aborted work before the second wipe', async () => {
    const { live } = setUp(50);
    const wipe = vi.fn(async () => undefined);
    await live.end(wipe, () => new Promise(() => undefined));
    expect(wipe).toHaveBeenCalledTimes(2);
  });

  it('closes a client that was still being made when the connection ended, and hands it to no one', async () => {
    let finish: ((client: PersonioClient) => void) | undefined;
    const close = vi.fn();
    const live = new LiveConnection({ make: () => new Promise((r) => (finish = r)), keyOf: async () => 'k' });
    const opening = live.open(connected);
    await vi.waitFor(() => expect(finish).toBeDefined());
    const ending = live.end(async () => undefined, async () => undefined);
    finish!({ close } as unknown as PersonioClient);
    expect(await opening).toBeUndefined();
    await ending;
    expect(close).toHaveBeenCalled();
  });
});
