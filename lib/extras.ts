import type { Employee } from './employee';
import { db as defaultDb, type SidecardDB } from './db';
import { getByKey } from './db-reads';
import type { PersonioClient } from './personio/client';
import type { VacationView } from './person-view';

/**
 * Lazily fetched details: the vacation balance (Personio removed it from the employee
 * record; one call per person, so only for people someone looks at) and the photo (needs
 * the token, so it cannot be an <img src>). Both cached with a time to live.
 */
export const BALANCE_TTL_MS = 6 * 60 * 60_000;
export const PHOTO_TTL_MS = 7 * 24 * 60 * 60_000;
export const PHOTO_WIDTH = 96;
/** Total bytes of cached photos; the oldest go first beyond it. */
export const PHOTO_CACHE_BYTES = 20 * 1024 * 1024;

export function vacationFromBalance(entries: { category?: string; available?: number; balance?: number }[], asOf: number): VacationView {
  const paid = entries.find((e) => e.category === 'paid_vacation') ?? entries.find((e) => /vacation|urlaub/i.test(JSON.stringify(e)));
  const days = paid?.available ?? paid?.balance;
  return days === undefined ? { state: 'unavailable', reason: 'none' } : { state: 'ready', days, asOf };
}

export async function cachedVacation(employeeId: number, now: number, database: SidecardDB = defaultDb()): Promise<VacationView | undefined> {
  const cached = await getByKey(database.balances, employeeId);
  if (!cached || now - cached.fetchedAt > BALANCE_TTL_MS) return undefined;
  return vacationFromBalance(cached.entries, cached.fetchedAt);
}

/**
 * Fetch and cache a balance. `signal` is the connection's: once it is aborted (a disconnect)
 * the request ends, and an answer that arrives anyway is not written (checked inside the
 * write's transaction, so a wipe that follows the abort always comes after it).
 */
export async function fetchVacation(client: PersonioClient, employeeId: number, now: number, database: SidecardDB = defaultDb(), signal?: AbortSignal): Promise<VacationView> {
  const entries = await client.balance(employeeId, { signal });
  await database.transaction('rw', database.balances, async () => {
    signal?.throwIfAborted();
    await database.balances.put({ employeeId, fetchedAt: now, entries });
  });
  return vacationFromBalance(entries, now);
}

export async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'image/png'};base64,${btoa(binary)}`;
}

/** undefined: not cached (fetch it); null: Personio has no photo. */
export async function cachedPhoto(employee: Employee, now: number, database: SidecardDB = defaultDb()): Promise<string | null | undefined> {
  const cached = await getByKey(database.photos, employee.id);
  if (!cached || now - cached.fetchedAt > PHOTO_TTL_MS) return undefined;
  return cached.blob ? blobToDataUrl(cached.blob) : null;
}

/** Fetch and cache a photo; `signal` as for `fetchVacation`. */
export async function fetchPhoto(client: PersonioClient, employee: Employee, now: number, database: SidecardDB = defaultDb(), signal?: AbortSignal): Promise<string | null> {
  const blob = await client.photo(employee.id, PHOTO_WIDTH, { signal });
  await database.transaction('rw', database.photos, async () => {
    signal?.throwIfAborted();
    await database.photos.put({ employeeId: employee.id, fetchedAt: now, blob, size: blob?.size ?? 0 });
    await trimPhotoCache(database);
  });
  return blob ? blobToDataUrl(blob) : null;
}

/** Inside a transaction over the photos. */
async function trimPhotoCache(database: SidecardDB): Promise<void> {
  const all = await database.photos.orderBy('fetchedAt').toArray();
  let total = all.reduce((sum, p) => sum + p.size, 0);
  const evict: number[] = [];
  for (const p of all) {
    if (total <= PHOTO_CACHE_BYTES) break;
    total -= p.size;
    evict.push(p.employeeId);
  }
  if (evict.length) await database.photos.bulkDelete(evict);
}

/**
 * Drop cached balances and photos that are stale: past their time to live (they would not be
 * shown), or of someone the directory no longer holds (a detail that arrived after its person
 * was removed). Personal data is not kept longer than it is used.
 */
export async function purgeStaleExtras(now: number, database: SidecardDB = defaultDb()): Promise<void> {
  await database.transaction('rw', [database.employees, database.balances, database.photos], async () => {
    await database.balances.where('fetchedAt').below(now - BALANCE_TTL_MS).delete();
    await database.photos.where('fetchedAt').below(now - PHOTO_TTL_MS).delete();
    const [balances, photos] = await Promise.all([database.balances.toCollection().primaryKeys(), database.photos.toCollection().primaryKeys()]);
    const cachedFor = [...new Set([...balances, ...photos])];
    if (!cachedFor.length) return;
    const stored = new Set(await database.employees.where(':id').anyOf(cachedFor).primaryKeys());
    const gone = cachedFor.filter((id) => !stored.has(id));
    if (gone.length) await Promise.all([database.balances.bulkDelete(gone), database.photos.bulkDelete(gone)]);
  });
}
