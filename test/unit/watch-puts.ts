import { vi } from 'vitest';

/** IndexedDB's own put, watched: `onPut` sees each row put into a store, and may throw (as a full disk would). */
export function watchPuts(onPut: (store: string, row: unknown) => void) {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, row: unknown, key?: IDBValidKey) {
    onPut(this.name, row);
    return put.call(this, row, key);
  });
}
