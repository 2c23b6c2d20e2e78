/**
 * What the browser's IndexedDB did on its thread pool during a step, read from a Chromium
 * trace (`npm run bench` with BENCH_PROFILE=1): the thread CPU of each kind of operation. Ours
 * and a raw put of the same rows side by side tell the puts' own cost from what else a sync
 * asks of the database (its counts, its reads, its commits).
 */
import type { Page } from 'playwright-core';
import { traceDuring, type TraceEvent } from './bench-profile';

/**
 * Trace events of the IndexedDB backend, by what they are. They nest: a put holds its
 * unique-index check, and counts and getAll step through rows with the cursor.
 */
const OPERATIONS = [
  ['transactions, all their work', 'Transaction::RunTasks'],
  ['puts', 'Database::PutOperation'],
  ['of which unique-index checks', 'BackingStore::FindKeyInIndex'],
  ['commits', 'Transaction::DoPendingCommit'],
  ['counts', 'Database::CountOperation'],
  ['getAll and getAllKeys', 'Database::GetAllOperation'],
  ['gets', 'Database::GetOperation'],
  ['cursor steps (counts and getAll step through the rows)', 'BackingStore::Cursor::Continue'],
] as const;

/** Per kind of operation, in the order of `OPERATIONS`: how many, and their thread CPU. */
export type IndexedDbWork = Array<{ count: number; ms: number }>;

/** The browser process's IndexedDB operations in `events`, by kind: how many, and their thread CPU. */
function indexedDbWork(events: readonly TraceEvent[]): IndexedDbWork {
  const browserPid = events.find((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Browser')?.pid;
  return OPERATIONS.map(([, name]) => {
    const ops = events.filter((e) => e.pid === browserPid && e.ph === 'X' && e.name === name);
    return { count: ops.length, ms: ops.reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0) };
  });
}

/** `run` traced for the IndexedDB backend's work. */
export async function indexedDbWorkDuring<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; work: IndexedDbWork }> {
  const { result, events } = await traceDuring(page, ['IndexedDB'], run);
  return { result, work: indexedDbWork(events) };
}

/** Steps' IndexedDB work side by side, one line per kind of operation. */
export function describeIndexedDbWork(sides: Record<string, IndexedDbWork>): string[] {
  const named = Object.entries(sides);
  return OPERATIONS.map(([label], i) => `${label}: ${named.map(([name, work]) => `${name} ${work[i]!.count} taking ${work[i]!.ms.toFixed(0)} ms`).join(', ')}`);
}
