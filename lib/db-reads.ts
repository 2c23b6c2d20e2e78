import Dexie, { type Table } from 'dexie';

/**
 * Single reads as native requests on Dexie's open connection, sharing one read-only
 * transaction while it is active. A card's reads (the sync state and the person's row, then
 * their supervisor, absences, cached balance and photo) are each one request; as their own
 * transactions they cost a transaction each, in the worker and in the browser's database
 * thread, and Dexie's pipeline (a transaction, its middleware, a promise per layer) costs
 * more than the read itself. Reads asked for in the same task, or in a shared read's success
 * callback, join that read's transaction; any later read starts a new one.
 *
 * Dexie answers whenever it should: inside a Dexie transaction (the read belongs to it), and
 * when its connection is not open and usable (on first use, and when the browser closed a
 * suspended worker's connection under it, which Dexie reopens).
 */
let shared: { connection: IDBDatabase; transaction: IDBTransaction } | undefined;

/** The row at `key`, or undefined. */
export function getByKey<T, K, I>(table: Table<T, K, I>, key: IDBValidKey): Promise<T | undefined> {
  return nativeRead(table, (store) => store.get(key)) ?? (table.get(key as never) as Promise<T | undefined>);
}

/** The first row whose `index` equals `key`, or undefined. */
export function getByIndex<T, K, I>(table: Table<T, K, I>, index: string, key: string | number): Promise<T | undefined> {
  return nativeRead(table, (store) => store.index(index).get(key)) ?? table.where(index).equals(key).first();
}

/** A native read, or undefined where Dexie must answer. */
function nativeRead<T>(table: Pick<Table, 'db' | 'name'>, ask: (store: IDBObjectStore) => IDBRequest): Promise<T | undefined> | undefined {
  const database = table.db;
  if (!database.isOpen() || Dexie.currentTransaction) return undefined;
  const request =
    attempt(() => ask(sharedTransaction(database.backendDB()).objectStore(table.name))) ??
    // The shared transaction is no longer active (or has finished): a new one.
    attempt(() => ask(newReadTransaction(database.backendDB()).objectStore(table.name)));
  // InvalidStateError: the connection is closing or closed. Dexie's own path reopens it.
  if (!request) return undefined;
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = (event) => {
      // A failed read must not abort the reads that share its transaction.
      event.preventDefault();
      reject(request.error ?? new Error(`reading ${table.name} failed`));
    };
  });
}

function sharedTransaction(connection: IDBDatabase): IDBTransaction {
  return shared?.connection === connection ? shared.transaction : newReadTransaction(connection);
}

/** A read-only transaction over every store, shared by the reads that follow while it lives. */
function newReadTransaction(connection: IDBDatabase): IDBTransaction {
  const transaction = connection.transaction([...connection.objectStoreNames], 'readonly');
  shared = { connection, transaction };
  const done = () => {
    if (shared?.transaction === transaction) shared = undefined;
  };
  transaction.addEventListener('complete', done);
  transaction.addEventListener('abort', done);
  return transaction;
}

function attempt<R>(run: () => R): R | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
