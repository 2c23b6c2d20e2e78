/** The panel floor's background half for `npm run bench` (scripts/bench-panel.ts). */
import type { Launched } from '../test/e2e/harness';
import { PANEL_PORT } from '../lib/channels';
import { PANEL_FLOOR_FRAME_READY, PANEL_FLOOR_PORT, PANEL_FLOOR_REQUESTER, PANEL_FLOOR_SHOW } from './bench-floor-pages';

/** Where the relay keeps its notes, in the worker's global scope. */
const NOTES_KEY = 'benchRelayNotes';

/** What the relay notes the wall-clock times of. */
export type RelayNote = 'requester arrived' | 'panel posted to' | 'panel attached';

/**
 * The panel floor's background half, installed in the running worker beside ours (our
 * background is not changed for it): when the floor's frame says it is there, open a Port to
 * that frame; when the floor's script reports a requester, send its line over that Port (or
 * keep it for a frame not there yet, as ours pushes a panel once its Port attaches); a script
 * that asked first is told to show its frame just before, as ours is answered. It also
 * notes when each requester message, ours or the floor's, reaches the worker, when our
 * background posts to a panel, and when our panel's Port attaches: the worker's share of a
 * card's time and the frame's, apart (see `firstNotedAfter`).
 */
export async function installPanelFloorRelay(launched: Launched): Promise<void> {
  await launched.worker.evaluate(
    ({ ready, requester, portName, show, panelPort, notesKey }) => {
      interface Port {
        postMessage(m: unknown): void;
        onDisconnect: { addListener(f: () => void): void };
      }
      const chrome = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: unknown, s: { tab?: { id?: number }; frameId?: number }) => undefined): void } }; tabs: { connect(tab: number, o: { frameId?: number; name: string }): Port; sendMessage(tab: number, m: unknown, o: { frameId: number }): Promise<unknown> } } }).chrome;
      const frames = new Map<number, Port>();
      const lines = new Map<number, string>();
      const arrivals: number[] = [];
      const posts: number[] = [];
      const attaches: number[] = [];
      Object.assign(globalThis, { [notesKey]: { 'requester arrived': arrivals, 'panel posted to': posts, 'panel attached': attaches } satisfies Record<RelayNote, number[]> });
      // When our background posts to a panel: its Port is the one this listener is handed too.
      (chrome.runtime as unknown as { onConnect: { addListener(f: (port: Port & { name: string }) => void): void } }).onConnect.addListener((port) => {
        if (port.name === panelPort) attaches.push(performance.timeOrigin + performance.now());
        const post = port.postMessage.bind(port);
        port.postMessage = (m: unknown) => {
          posts.push(performance.timeOrigin + performance.now());
          post(m);
        };
      });
      chrome.runtime.onMessage.addListener((raw, sender) => {
        const message = raw as { type?: string; line?: string; asksFirst?: boolean } | null;
        const tab = sender.tab?.id;
        if (tab === undefined || !message) return undefined;
        if (message.type === 'requester' || message.type === requester) arrivals.push(performance.timeOrigin + performance.now());
        if (message.type === ready) {
          const port = chrome.tabs.connect(tab, { frameId: sender.frameId ?? 0, name: portName });
          frames.set(tab, port);
          port.onDisconnect.addListener(() => frames.get(tab) === port && frames.delete(tab));
          const line = lines.get(tab);
          if (line !== undefined) port.postMessage(line);
        } else if (message.type === requester && typeof message.line === 'string') {
          const send = (line: string) => {
            if (message.asksFirst) chrome.tabs.sendMessage(tab, { type: show }, { frameId: 0 }).catch(() => undefined);
            lines.set(tab, line);
            frames.get(tab)?.postMessage(line);
          };
          if ((globalThis as { benchFloorLooksUp?: boolean }).benchFloorLooksUp) void withCardReads(message.line).then(send);
          else send(message.line);
        }
        return undefined;
      });
      // The floor that also does the reads the card needs, raw, in one transaction: the person's
      // row by address; then their supervisor's row, their time-offs' bucket, cached balance and
      // photo; the sync state beside them (for "data as of"). And, at the same time, the tab's
      // conversation kept in storage.session, as ours keeps it for a worker that is stopped.
      let database: Promise<IDBDatabase> | undefined;
      const get = <T,>(source: IDBObjectStore | IDBIndex, key: IDBValidKey) =>
        new Promise<T | undefined>((resolve) => {
          const req = source.get(key);
          req.onsuccess = () => resolve(req.result as T | undefined);
          req.onerror = () => resolve(undefined);
        });
      const session = (globalThis as unknown as { chrome: { storage: { session: { set(items: object): Promise<void> } } } }).chrome.storage.session;
      async function withCardReads(line: string): Promise<string> {
        database ??= new Promise((resolve, reject) => {
          const open = indexedDB.open('sidecard');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const email = /<(.*)>$/.exec(line)?.[1] ?? '';
        const kept = session.set({ benchPanelFloorConversation: { line } });
        const tx = (await database).transaction(['employees', 'timeOffBuckets', 'balances', 'photos', 'syncState']);
        const state = get(tx.objectStore('syncState'), 'state');
        const row = await get<{ id: number; position?: string; supervisorId?: number }>(tx.objectStore('employees').index('email'), email);
        if (row) {
          await Promise.all([
            row.supervisorId !== undefined ? get(tx.objectStore('employees'), row.supervisorId) : undefined,
            get(tx.objectStore('timeOffBuckets'), row.id % 64),
            get(tx.objectStore('balances'), row.id),
            get(tx.objectStore('photos'), row.id),
          ]);
        }
        await Promise.all([state, kept]);
        return `${line} — ${row?.position ?? ''}`;
      }
    },
    { ready: PANEL_FLOOR_FRAME_READY, requester: PANEL_FLOOR_REQUESTER, portName: PANEL_FLOOR_PORT, show: PANEL_FLOOR_SHOW, panelPort: PANEL_PORT, notesKey: NOTES_KEY },
  );
}

/** The wall-clock time the relay first noted `note` at or after `since` (NaN: never). */
export async function firstNotedAfter(launched: Launched, note: RelayNote, since: number): Promise<number> {
  return launched.worker.evaluate(
    ({ key, note, since }) => (globalThis as unknown as Record<string, Record<string, number[]>>)[key]![note]!.find((at) => at >= since) ?? Number.NaN,
    { key: NOTES_KEY, note, since },
  );
}
