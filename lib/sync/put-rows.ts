import Dexie from 'dexie';

/**
 * Put rows into a table with IndexedDB's own `put`, inside the Dexie transaction that is
 * running, and hand back the rows a unique index refused (ConstraintError) rather than fail
 * the transaction. Dexie's `bulkPut` does the same through its middlewares and sets an error
 * handler on every request; for the ten thousand rows of a full sync that cost the worker
 * about a third as much as the puts themselves (the full sync's CPU profile in
 * `BENCH_PROFILE=1 npm run bench`). Here one capture listener on the transaction sees every
 * request's error before the request's own handlers, and before Dexie's on the transaction.
 *
 * Nothing of Dexie watches these writes: no hook and no live query is used on its tables.
 */
export function putRows<T>(tableName: string, rows: readonly T[]): Promise<T[]> {
  const transaction = Dexie.currentTransaction.idbtrans;
  return new Dexie.Promise<T[]>((resolve, reject) => {
    if (!rows.length) return resolve([]);
    const store = transaction.objectStore(tableName);
    const refused: T[] = [];
    const requests = rows.map((row) => store.put(row));
    const last = requests[requests.length - 1]!;
    const settle = () => {
      transaction.removeEventListener('error', onError, true);
      transaction.removeEventListener('abort', onAbort);
    };
    const onError = (event: Event) => {
      const request = event.target as IDBRequest;
      const at = request.error?.name === 'ConstraintError' ? requests.indexOf(request) : -1;
      if (at === -1) return;
      event.preventDefault();
      event.stopPropagation();
      refused.push(rows[at]!);
      if (request === last) {
        settle();
        resolve(refused);
      }
    };
    // The transaction aborted (the batch before did not land, a full disk): its own promise says why.
    const onAbort = () => {
      settle();
      reject(transaction.error ?? new Dexie.AbortError());
    };
    transaction.addEventListener('error', onError, true);
    transaction.addEventListener('abort', onAbort);
    last.onsuccess = () => {
      settle();
      resolve(refused);
    };
  });
}
