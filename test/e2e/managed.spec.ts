import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../personio-sim';
import { EXTENSION_DIR, launchExtension, openOptions, routePersonio, showCredentialsForm, waitForSync, type Launched } from './harness';
import { localDay } from '../../lib/format';
import { leaverCutoff } from '../../lib/sync/leavers';

/**
 * Enterprise policy, the way Chromium really reads it: a JSON file in its managed policy
 * folder, keyed by the extension id (for an unpacked extension, derived from its path).
 */
const POLICY_FILE = process.env.CHROMIUM_POLICY_FILE ?? '/etc/chromium/policies/managed/sidecard-e2e.json';

function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  sim = await startSimulator({ employees: 120, seed: 5 });
  const id = unpackedExtensionId(EXTENSION_DIR);
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': {
        extensions: {
          [id]: { clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, intervalMinutes: 60, statuses: ['active', 'leave'], disabledSites: ['front'] },
        },
      },
    }),
  );
  // The policy brings the credentials, so the install opens no settings page to wait for.
  launched = await launchExtension({ welcome: false });
  expect(launched.extensionId).toBe(id);
  await routePersonio(launched.context, sim);
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
  rmSync(POLICY_FILE, { force: true });
});

describe('managed deployment', () => {
  it('connects with the policy credentials by itself and locks what the policy sets', async () => {
    // No admin typed anything: the policy's credential connects and syncs. The run ends about
    // 30 s after launch here, and later on a loaded CI machine: the test allows for it.
    const synced = await waitForSync(launched, 10, 100_000);
    // The policy's statuses, and a minimal record of who left in the last 12 months.
    const cutoff = leaverCutoff(localDay(Date.now()), 12);
    const kept = sim.company.employees.filter((e) => e.status === 'active' || e.status === 'leave' || (e.status === 'inactive' && e.terminationDate !== null && e.terminationDate >= cutoff)).length;
    expect(synced).toBe(kept);

    const options = await openOptions(launched);
    const interval = options.getByLabel('Sync every');
    await expect.poll(() => interval.inputValue(), { timeout: 20_000 }).toBe('60');
    expect(await interval.isDisabled()).toBe(true);
    expect(await options.getByText('Managed by your organisation').count()).toBeGreaterThanOrEqual(3);
    expect(await options.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /Onboarding/ }).isChecked()).toBe(false);
    expect(await options.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /Onboarding/ }).isDisabled()).toBe(true);
    expect(await options.getByRole('switch', { name: 'Front' }).isChecked()).toBe(false);
    await showCredentialsForm(options);
    expect(await options.getByLabel('Client ID').isDisabled()).toBe(true);
  }, 150_000);
});
