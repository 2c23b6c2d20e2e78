import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ATTRIBUTES, DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { scenario as jira } from '../fixtures/sites/jira/scenario';
import type { SiteScenario } from '../fixtures/sites/scenario';
import { connect, countRows, grantHostLikeAnAdmin, hasOrigins, launchExtension, openOptions, panelFrame, panelVisible, readStore, routePersonio, serveScenario, showCredentialsForm, waitForSync, type Launched } from './harness';

const credentialsDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/credentials');
/** The credential inside test/fixtures/credentials/*: the simulator knows it too. */
const FILE_CREDENTIAL = JSON.parse(readFileSync(join(credentialsDir, 'personio-credentials.json'), 'utf8')) as { client_id: string; client_secret: string };
const NO_DEPARTMENT = { clientId: 'no-department', clientSecret: 'no-department-secret-1', attributes: ALL_ATTRIBUTES.filter((a) => a !== 'department') };

let sim: Simulator;
let launched: Launched | undefined;

beforeAll(async () => {
  sim = await startSimulator({
    employees: 300,
    seed: 9,
    credentials: [DEFAULT_CREDENTIAL, { clientId: FILE_CREDENTIAL.client_id, clientSecret: FILE_CREDENTIAL.client_secret, attributes: ALL_ATTRIBUTES }, NO_DEPARTMENT],
  });
});
afterAll(async () => {
  await sim.close();
});
afterEach(async () => {
  await launched?.close();
  launched = undefined;
});

async function start(lang?: string) {
  launched = await launchExtension(lang ? { lang } : {});
  await routePersonio(launched.context, sim);
  return openOptions(launched);
}

describe('options page', () => {
  it('connects from an uploaded credentials file', async () => {
    const options = await start();
    await options.getByLabel('Upload credentials file').setInputFiles(join(credentialsDir, 'personio-credentials.json'));
    await expect.poll(() => options.getByLabel('Client ID').inputValue()).toBe(FILE_CREDENTIAL.client_id);
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => options.getByText('Connected', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    await waitForSync(launched!, 100);
  });

  it.each(['personio-credentials.csv', 'personio-credentials.txt', 'personio.env'])('reads %s into the form', async (file) => {
    const options = await start();
    await options.getByLabel('Upload credentials file').setInputFiles(join(credentialsDir, file));
    await expect.poll(() => options.getByLabel('Client ID').inputValue()).toBe(FILE_CREDENTIAL.client_id);
    expect(await options.getByLabel('Client secret').inputValue()).toBe(FILE_CREDENTIAL.client_secret);
  });

  it('refuses files that are not credentials, saying what was expected, and changes nothing', async () => {
    const options = await start();
    await options.getByLabel('Client ID').fill('typed-by-hand');
    const cases: Array<[string, { name: string; mimeType: string; buffer: Buffer }, RegExp]> = [
      ['image', { name: 'photo.png', mimeType: 'image/png', buffer: readFileSync(join(credentialsDir, 'not-credentials.png')) }, /not a text file/i],
      ['csv without the fields', { name: 'people.csv', mimeType: 'text/csv', buffer: readFileSync(join(credentialsDir, 'wrong-columns.csv')) }, /No Client ID and Client secret/],
      ['empty', { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, /file is empty/i],
      ['10 MB', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(10 * 1024 * 1024, 32) }, /far too large/i],
    ];
    for (const [, file, message] of cases) {
      await options.getByLabel('Upload credentials file').setInputFiles(file);
      await expect.poll(() => options.getByRole('alert').textContent()).toMatch(message);
      expect(await options.getByLabel('Client ID').inputValue()).toBe('typed-by-hand');
    }
    const local = await launched!.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome.storage.local.get(null));
    expect(local).toEqual({});
  });

  it('names a missing attribute grant and how to fix it', async () => {
    const options = await start();
    await options.getByLabel('Client ID').fill(NO_DEPARTMENT.clientId);
    await options.getByLabel('Client secret').fill(NO_DEPARTMENT.clientSecret);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Connected' }).textContent(), { timeout: 10_000 }).toMatch(/Personio did not return Department: tick it under “Readable employee attributes” for this credential/);
  });

  it('says when Personio cannot be reached, and how to fix it', async () => {
    launched = await launchExtension();
    // No route to Personio at all: the connection fails as it does offline.
    await launched.context.route('https://api.personio.de/**', (route) => route.abort('internetdisconnected'));
    const options = await openOptions(launched);
    await options.getByLabel('Client ID').fill(DEFAULT_CREDENTIAL.clientId);
    await options.getByLabel('Client secret').fill(DEFAULT_CREDENTIAL.clientSecret);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/Personio could not be reached\. Check the internet connection or proxy/);
  });

  it('says when the credential may not read employees, and how to fix it', async () => {
    const options = await start();
    // The token is granted, but the employees endpoint refuses it (and again after a fresh token).
    sim.injectFault({ kind: 'status', status: 403, path: '/v1/company/employees', count: 2 });
    await options.getByLabel('Client ID').fill(DEFAULT_CREDENTIAL.clientId);
    await options.getByLabel('Client secret').fill(DEFAULT_CREDENTIAL.clientSecret);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/may not read employees\. In Personio, give it read access to employees/);
  });

  it('turning "Store" off removes the field from IndexedDB at once', async () => {
    const options = await start();
    await connect(options);
    await waitForSync(launched!, 100);
    await options.reload();
    const before = await readStore<{ department?: unknown }>(options, 'employees');
    expect(before.some((e) => e.department)).toBe(true);
    // Deleting data is confirmed first, naming the field and how many people it touches.
    await options.getByRole('checkbox', { name: 'Store Department' }).click();
    const confirm = options.getByRole('dialog', { name: 'Stop storing “Department”?' });
    await expect.poll(() => confirm.textContent()).toContain(`Sidecard deletes “Department” of the ${before.length} people`);
    await options.keyboard.press('Escape');
    expect(await options.getByRole('checkbox', { name: 'Store Department' }).isChecked()).toBe(true);
    await options.getByRole('checkbox', { name: 'Store Department' }).click();
    await confirm.getByRole('button', { name: 'Stop storing and delete' }).click();
    await expect.poll(async () => (await readStore<{ department?: unknown; departmentId?: unknown }>(options, 'employees')).filter((e) => e.department || e.departmentId).length).toBe(0);
    expect(await countRows(options, 'employees')).toBe(before.length);
  });

  it('filters who is synced, showing how many people each filter keeps', async () => {
    const options = await start();
    await connect(options);
    await waitForSync(launched!, 100);
    await options.reload();
    const total = sim.company.employees.length;
    await expect.poll(() => options.getByText(new RegExp(`These filters keep \\d+ of ${total} people`)).isVisible(), { timeout: 10_000 }).toBe(true);
    const engineering = options.getByRole('group', { name: 'Department' }).getByRole('checkbox', { name: 'Engineering' });
    await engineering.check();
    const deptId = sim.company.departments.find((d) => d.name === 'Engineering')!.id;
    await expect
      .poll(async () => {
        const rows = await readStore<{ departmentId?: number }>(options, 'employees');
        return rows.length > 0 && rows.every((r) => r.departmentId === deptId);
      }, { timeout: 30_000 })
      .toBe(true);
  });

  it('disconnect, after confirmation, wipes everything', async () => {
    const options = await start();
    await connect(options);
    await waitForSync(launched!, 100);
    await options.reload();
    await options.getByRole('button', { name: 'Disconnect and delete data' }).click();
    await options.getByRole('button', { name: 'Disconnect and delete', exact: true }).click();
    await expect.poll(() => options.getByLabel('Client ID').inputValue()).toBe('');
    for (const store of ['employees', 'timeOffs', 'balances', 'photos', 'syncState', 'syncLog', 'vault']) {
      expect(await countRows(options, store), store).toBe(0);
    }
    const areas = await launched!.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<object> }> } }).chrome;
      return { local: await c.storage.local.get(null), sync: await c.storage.sync.get(null), session: await c.storage.session.get(null) };
    });
    expect(areas).toEqual({ local: {}, sync: {}, session: {} });
  });

  it('keeps the secret out of storage.sync, plain storage and the page', async () => {
    const options = await start();
    await connect(options);
    await waitForSync(launched!, 100);
    await serveScenario(launched!.context, gmail);
    const page = await launched!.context.newPage();
    await page.goto(gmail.startUrl);
    await page.waitForTimeout(500);
    const secret = DEFAULT_CREDENTIAL.clientSecret;
    const everything = await launched!.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<object> }> } }).chrome;
      return JSON.stringify([await c.storage.local.get(null), await c.storage.sync.get(null), await c.storage.session.get(null)]);
    });
    expect(everything).not.toContain(secret);
    expect(everything).toContain(secret.slice(-4)); // only the hint
    const vault = await readStore<{ data?: ArrayBuffer }>(options, 'vault');
    expect(JSON.stringify(vault)).not.toContain(secret);
    expect(await page.content()).not.toContain(secret);
    // The masked field shows only the last four characters after saving.
    await options.reload();
    expect(await options.getByLabel('Client secret').inputValue()).toBe(`•••• ${secret.slice(-4)}`);
  });

  it('shows a progress bar with stage and pages while the first sync runs', async () => {
    const slow = await startSimulator({ employees: 2500, seed: 9, latencyMs: 150 });
    try {
      launched = await launchExtension();
      await routePersonio(launched.context, slow);
      const options = await openOptions(launched);
      await connect(options);
      const bar = options.getByRole('progressbar', { name: 'Sync progress' });
      await bar.waitFor({ timeout: 20_000 });
      await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await bar.getAttribute('max')).toBe('25');
      await expect.poll(() => options.getByText(/Page \d+ of 25/).first().isVisible()).toBe(true);
    } finally {
      await launched?.close();
      launched = undefined;
      await slow.close();
    }
  });

  it('speaks German', async () => {
    const options = await start('de');
    await expect.poll(() => options.getByRole('heading', { name: 'Mit Personio verbinden' }).isVisible()).toBe(true);
    expect(await options.getByLabel('Client-ID').isVisible()).toBe(true);
  });
});

/**
 * The two flows that ask for a host at run time. Chrome's prompt cannot be answered in
 * headless Chromium, so the admin's "Allow" is given ahead of time through Chrome's own
 * site-access grant (grantHostLikeAnAdmin); the options page's permissions.request still runs,
 * from a real click, and is what gives the extension the host.
 *
 * Not covered: the admin answering "Deny". Nothing short of the prompt makes
 * permissions.request resolve false in headless Chromium (an ungranted host, or one on
 * Chrome's "never allow extensions" list, waits for the prompt forever).
 */
describe('options page: hosts asked for at run time', () => {
  const CUSTOM_HOST = 'help.acme.example';
  /** The Jira fixture, served at a self-hosted Jira's own domain (no manifest pattern covers it). */
  const selfHostedJira: SiteScenario = {
    ...jira,
    routes: jira.routes.map((r) => ({ ...r, url: r.url.replace('https://acme.atlassian.net', `https://${CUSTOM_HOST}`) })),
    startUrl: jira.startUrl.replace('https://acme.atlassian.net', `https://${CUSTOM_HOST}`),
  };

  /** The worker's dynamic content-script registrations (ids and match patterns). */
  function registrations() {
    return launched!.worker.evaluate(async () => {
      const scripting = (globalThis as unknown as { chrome: { scripting?: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } }).chrome.scripting;
      return scripting ? (await scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches })) : [];
    });
  }

  it('adds a self-hosted Jira domain: the panel shows there; removing it takes the access away', async () => {
    const options = await start();
    await connect(options);
    await waitForSync(launched!, 100);
    await options.reload();
    await serveScenario(launched!.context, selfHostedJira);
    const origins = [`https://${CUSTOM_HOST}/*`];
    expect(await hasOrigins(launched!, origins)).toBe(false);

    await grantHostLikeAnAdmin(launched!, origins[0]!);
    // Chrome's grant alone gives the extension nothing: only its own request does.
    expect(await hasOrigins(launched!, origins)).toBe(false);
    await options.getByLabel('Domain', { exact: true }).fill(`https://${CUSTOM_HOST}/servicedesk`);
    await options.getByLabel('Works like').selectOption({ label: 'Jira Service Management' });
    await options.getByRole('button', { name: 'Add a custom domain' }).click();

    const item = options.getByRole('listitem').filter({ hasText: CUSTOM_HOST });
    await expect.poll(() => item.textContent()).toMatch(`${CUSTOM_HOST} · Jira Service Management`);
    expect(await options.getByRole('alert').count()).toBe(0);
    expect(await options.getByLabel('Domain', { exact: true }).inputValue()).toBe('');
    await expect.poll(() => hasOrigins(launched!, origins)).toBe(true);
    await expect.poll(registrations).toEqual([{ id: `custom-${CUSTOM_HOST}`, matches: origins }]);
    // Saved, not just shown.
    await options.reload();
    await options.getByRole('button', { name: `Remove ${CUSTOM_HOST}` }).waitFor();

    // The agent opens a ticket there: our script runs (registered at run time) and the panel shows the requester.
    const ticket = await launched!.context.newPage();
    await ticket.goto(selfHostedJira.startUrl);
    const panel = await panelFrame(ticket);
    await panel.getByText('Ada Lovelace', { exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await panel.getByText(jira.first.position, { exact: true }).first().waitFor({ state: 'visible' });
    expect(await panelVisible(ticket)).toBe(true);

    await options.getByRole('button', { name: `Remove ${CUSTOM_HOST}` }).click();
    await expect.poll(() => item.count()).toBe(0);
    await expect.poll(() => hasOrigins(launched!, origins)).toBe(false);
    await expect.poll(registrations).toEqual([]);
    await options.reload();
    await options.getByRole('button', { name: 'Add a custom domain' }).waitFor();
    expect(await item.count()).toBe(0);

    // A fresh load of the ticket: no panel. (With the domain added, the panel's host is
    // attached 0.3–0.5 s after the load event; absence cannot be waited for, so it gets 3 s.)
    await ticket.reload({ waitUntil: 'load' });
    await ticket.locator('[data-testid="issue.views.field.user.reporter"]').first().waitFor({ state: 'attached' });
    await expect(ticket.waitForSelector('sidecard-panel', { state: 'attached', timeout: 3000 })).rejects.toThrow(/Timeout/);
    expect(ticket.frames().some((f) => f.url().includes('/panel.html'))).toBe(false);
  });

  it('connects and syncs through a custom API base URL, never calling api.personio.de', async () => {
    const PROXY = 'https://personio-proxy.acme.example';
    launched = await launchExtension();
    const toPersonio: string[] = [];
    await launched.context.route('https://api.personio.de/**', async (route) => {
      toPersonio.push(route.request().url());
      await route.abort('addressunreachable');
    });
    await routePersonio(launched.context, sim, PROXY);
    sim.resetRequestLog();
    const options = await openOptions(launched);
    await options.getByLabel('Client ID').fill(DEFAULT_CREDENTIAL.clientId);
    await options.getByLabel('Client secret').fill(DEFAULT_CREDENTIAL.clientSecret);
    await options.getByText('Advanced', { exact: true }).click();
    await options.getByLabel('API base URL').fill(`${PROXY}/`);
    expect(await hasOrigins(launched, [`${PROXY}/*`])).toBe(false);

    // Chromium 156 bug, not ours: a grant landing while the browser's first policy read
    // after start-up is pending (2–3 s) leaves managed storage silent for the session (seen
    // in 1 of 3 runs). An admin answers the prompt long after start-up; so does this test.
    // (The background then reports `error_policy` rather than waiting: lib/managed.ts.)
    await launched.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get());
    await grantHostLikeAnAdmin(launched, `${PROXY}/*`);
    await options.getByRole('button', { name: 'Test connection' }).click();
    const total = sim.company.employees.length;
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Connected' }).textContent(), { timeout: 20_000 }).toMatch(`Connected · ${total} employees`);
    expect(await hasOrigins(launched, [`${PROXY}/*`])).toBe(true);
    expect(sim.requests.some((r) => r.path === '/v1/auth')).toBe(true);

    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await waitForSync(launched, 100);
    const stored = await readStore<{ email?: string }>(options, 'employees');
    expect(stored.map((e) => e.email)).toContain(jira.first.requesterEmail);
    expect(sim.requests.filter((r) => r.path === '/v1/company/employees' && r.status === 200).length).toBeGreaterThan(0);
    expect(toPersonio).toEqual([]);
    // The admin sees the proxy kept as the base URL.
    await options.reload();
    await showCredentialsForm(options);
    await options.getByText('Advanced', { exact: true }).click();
    expect(await options.getByLabel('API base URL').inputValue()).toBe(PROXY);
    const settings = await launched.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, { baseUrl?: string }>> } } } }).chrome.storage.local.get(null));
    expect(Object.values(settings).some((v) => v?.baseUrl === PROXY)).toBe(true);
  });
});
