import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../personio-sim';
import { scenario as gmail } from '../../fixtures/sites/gmail/scenario';
import { firefoxPanel, launchFirefox, waitForText, type LaunchedFirefox } from './harness';
import { startSiteServer, type SiteServer } from './site-server';

/**
 * A managed deployment in Firefox: the organisation's policy, in Firefox's enterprise policy
 * file, gives the add-on its credential under `3rdparty → Extensions → <gecko id>`, which the
 * add-on reads as `storage.managed`. Nobody opens the options page: Sidecard connects, syncs
 * and names the sender. The file is machine-wide: written for this test and removed after it.
 */
const POLICY_FILE = process.env.FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';
const GECKO_ID = 'sidecard@sidecard.dev';

let sim: Simulator;
let server: SiteServer;
let firefox: LaunchedFirefox | undefined;

beforeAll(async () => {
  sim = await startSimulator({ employees: 80, seed: 3 });
  server = await startSiteServer(sim, ['mail.google.com']);
  server.serve(gmail);
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, disabledSites: ['front'] } } } } }),
  );
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  await sim?.close();
  rmSync(POLICY_FILE, { force: true });
});

describe('Firefox: managed deployment', () => {
  it('connects with the policy credential by itself and names the Gmail sender', async () => {
    firefox = await launchFirefox(server.hosts);
    const mail = await firefox.browser.newPage();
    await mail.goto(gmail.startUrl);
    // The first sync runs by itself; the panel fills in when it is done.
    const text = await waitForText(await firefoxPanel(mail), gmail.first.position, 60_000);
    expect(text).toContain('Ada Lovelace');
    expect(sim.requests.filter((r) => r.path === '/v1/auth').map((r) => r.status)).toContain(200);
  });
});
