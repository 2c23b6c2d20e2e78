import type { DBCore, Middleware } from 'dexie';
import type { SidecardDB } from '../db';

/**
 * Soak builds only (SIDECARD_SOAK=1; production builds drop every use): a full disk on demand.
 * The soak writes how many writes should fail into `storage.local`; that many of the next
 * writes to the database then fail with the browser's QuotaExceededError, as when the profile's
 * disk fills up mid-run. Counted in memory: a read inside a transaction must not wait for
 * anything but the database.
 */
export const SOAK_QUOTA_KEY = 'soak:quotaFailures';

export function installSoakQuotaFault(database: SidecardDB): void {
  let failures = 0;
  void browser.storage.local.get(SOAK_QUOTA_KEY).then((r) => (failures = Number(r[SOAK_QUOTA_KEY] ?? 0)));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SOAK_QUOTA_KEY in changes) failures = Number(changes[SOAK_QUOTA_KEY]?.newValue ?? 0);
  });
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'soak-quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            if (failures > 0 && name === 'employees') {
              failures -= 1;
              return Promise.reject(new DOMException('The quota has been exceeded (soak).', 'QuotaExceededError'));
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
  database.use(middleware);
}
