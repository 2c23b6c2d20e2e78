import { describe, expect, it, vi } from 'vitest';
import type { SyncLogEntry } from '../db';
import type { PersonioClient } from '../personio/client';
import { defaultSettings, type Settings } from '../settings';
import type { SyncContext } from './run';
import { SyncService } from './service';

const log = (extra: Partial<SyncLogEntry> = {}): SyncLogEntry => ({ kind: 'full', startedAt: 1, requests: 3, rowsChanged: 2, rowsRemoved: 0, ...extra });

function setUp({
  settings = defaultSettings(),
  run,
  signal,
  forgetRemoved,
}: {
  settings?: Settings;
  run: (ctx: SyncContext) => Promise<SyncLogEntry>;
  signal?: AbortSignal;
  forgetRemoved?: () => Promise<void>;
}) {
  const client = { attributes: vi.fn(async () => [{ key: 'dynamic_7', label: 'Shoe size', type: 'standard' }]) } as unknown as PersonioClient;
  const events: string[] = [];
  const updateIndex = vi.fn(async (ids: Iterable<number> | 'all') => void events.push(`index:${ids === 'all' ? 'all' : [...ids].join(',')}`));
  const service = new SyncService({
    connection: async () => ({ settings, client, ...(signal ? { signal } : {}) }),
    armResume: async () => void events.push('arm'),
    disarmResume: async () => void events.push('disarm'),
    onProgress: (p) => events.push(`progress:${p.stage}`),
    onRunOver: () => events.push('over'),
    run: (ctx) => run(ctx),
    updateIndex,
    markIndexBehind: async () => void events.push('behind'),
    ...(forgetRemoved ? { forgetRemoved } : {}),
  });
  return { service, client, events, updateIndex };
}

describe('sync service', () => {
  it('arms the resume alarm and marks the index behind before the run, then brings the index up to the rows it changed', async () => {
    const { service, events } = setUp({
      run: async (ctx) => {
        events.push('run');
        ctx.onProgress?.({ stage: 'employees', pages: 1 } as never);
        ctx.onRowsChanged?.([1, 2]);
        ctx.onRowsChanged?.([2, 3]);
        return log();
      },
    });
    await service.request('full');
    expect(events).toEqual(['arm', 'behind', 'run', 'progress:employees', 'index:1,2,3', 'disarm', 'over']);
    expect(service.isRunning).toBe(false);
  });

  it('rebuilds the whole index after a resumed run', async () => {
    const { service, events } = setUp({ run: async (ctx) => (ctx.onRowsChanged?.([9]), log({ resumed: true })) });
    await service.request();
    expect(events).toContain('index:all');
  });

  it('runs on the clock it is given, read as the run starts (a soak moves it ahead), and on real time without one', async () => {
    const seen: (number | undefined)[] = [];
    const run = async (ctx: SyncContext) => {
      seen.push(ctx.now?.());
      return log();
    };
    let ahead = 0;
    const { service } = setUp({ run });
    await service.request('auto');
    const moved = new SyncService({
      connection: async () => ({ settings: defaultSettings(), client: {} as PersonioClient }),
      armResume: async () => undefined,
      disarmResume: async () => undefined,
      onProgress: () => undefined,
      onRunOver: () => undefined,
      run: (ctx) => run(ctx),
      updateIndex: async () => undefined,
      markIndexBehind: async () => undefined,
      clock: async () => {
        const offset = ahead;
        return () => 1_000 + offset;
      },
    });
    ahead = 15 * 60_000;
    await moved.request('auto');
    expect(seen).toEqual([undefined, 1_000 + 15 * 60_000]);
  });

  it('joins a running run instead of starting a second', async () => {
    let finish: (entry: SyncLogEntry) => void = () => undefined;
    const run = vi.fn(() => new Promise<SyncLogEntry>((r) => (finish = r)));
    const { service } = setUp({ run });
    const first = service.request('auto');
    const second = service.request('full');
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(service.isRunning).toBe(true);
    finish(log());
    expect(await second).toBe(await first);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('fetches custom attribute labels only when a custom field is stored', async () => {
    const run = vi.fn(async (_ctx: SyncContext) => log());
    const plain = setUp({ run });
    await plain.service.request();
    expect(plain.client.attributes).not.toHaveBeenCalled();

    const settings = { ...defaultSettings(), fields: [...defaultSettings().fields, { key: 'dynamic_7' as const, store: true, show: true }] };
    const custom = setUp({ settings, run });
    await custom.service.request();
    expect(custom.client.attributes).toHaveBeenCalledTimes(1);
    expect(run.mock.calls.at(-1)?.[0].attributeDefinitions).toEqual([{ key: 'dynamic_7', label: 'Shoe size', type: 'standard' }]);
  });

  it('still disarms the alarm and updates the index when the run fails', async () => {
    const { service, events } = setUp({ run: async (ctx) => (ctx.onRowsChanged?.([5]), Promise.reject(new Error('network'))) });
    await expect(service.request()).rejects.toThrow('network');
    expect(events).toEqual(['arm', 'behind', 'index:5', 'disarm', 'over']);
  });

  it('arms the resume alarm before anything that could outlast the worker, and disarms it when no run can start', async () => {
    const events: string[] = [];
    let ran = false;
    const service = new SyncService({
      connection: async () => {
        events.push('connection');
        return { settings: { ...defaultSettings(), clientId: '' }, client: undefined };
      },
      armResume: async () => void events.push('arm'),
      disarmResume: async () => void events.push('disarm'),
      onProgress: () => undefined,
      onRunOver: () => undefined,
      run: async () => {
        ran = true;
        return log();
      },
    });
    await expect(service.request()).rejects.toThrow('not connected');
    expect(events).toEqual(['arm', 'connection', 'disarm']);
    expect(ran).toBe(false);
  });

  it('hands the run its connection signal; a run of an ended connection leaves the search index alone', async () => {
    const connection = new AbortController();
    const { service, events } = setUp({
      signal: connection.signal,
      run: async (ctx) => {
        expect(ctx.signal).toBe(connection.signal);
        ctx.onRowsChanged?.([4]);
        connection.abort(new DOMException('disconnected', 'AbortError'));
        throw ctx.signal?.reason;
      },
    });
    await expect(service.request()).rejects.toMatchObject({ name: 'AbortError' });
    expect(events).toEqual(['arm', 'behind', 'disarm', 'over']);
  });

  it('says when the run under way is over, tail included', async () => {
    let finish: (entry: SyncLogEntry) => void = () => undefined;
    const { service, events } = setUp({ run: () => new Promise<SyncLogEntry>((r) => (finish = r)) });
    void service.request();
    const idle = service.whenIdle().then(() => events.push('idle'));
    await vi.waitFor(() => expect(events).toEqual(['arm', 'behind']));
    finish(log());
    await idle;
    expect(events).toEqual(['arm', 'behind', 'index:', 'disarm', 'over', 'idle']);
  });

  it('takes removed people out of the copies kept beside the directory before the run is over, failed or not', async () => {
    let service: SyncService | undefined;
    let events: string[] = [];
    const forgetRemoved = vi.fn(async () => void events.push(`forget (running: ${service?.isRunning})`));
    ({ service, events } = setUp({ forgetRemoved, run: async (ctx) => (ctx.onRowsChanged?.([7]), log({ rowsRemoved: 1 })) }));
    await service.request('full');
    expect(events).toEqual(['arm', 'behind', 'index:7', 'forget (running: true)', 'disarm', 'over']);

    ({ service, events } = setUp({ forgetRemoved, run: async () => Promise.reject(new Error('network')) }));
    await expect(service.request()).rejects.toThrow('network');
    expect(events).toContain('forget (running: true)');
  });

  it('leaves the copies to the wipe when the connection ended', async () => {
    const connection = new AbortController();
    const forgetRemoved = vi.fn(async () => undefined);
    const { service } = setUp({
      signal: connection.signal,
      forgetRemoved,
      run: async (ctx) => {
        connection.abort(new DOMException('disconnected', 'AbortError'));
        throw ctx.signal?.reason;
      },
    });
    await expect(service.request()).rejects.toMatchObject({ name: 'AbortError' });
    expect(forgetRemoved).not.toHaveBeenCalled();
  });
});
