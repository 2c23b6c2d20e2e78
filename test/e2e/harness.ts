import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../personio-sim';
import { fixtureFile, type SiteScenario } from '../fixtures/sites/scenario';
import { countRowsInPage } from './in-page';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = process.env.SIDECARD_EXTENSION_DIR ?? join(root, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Edge's user agent. The Chrome package is the Edge package: the user's path (connect, sync,
 * the Gmail panel and its views, the popup) runs with Chromium reporting it to the pages and
 * the worker, everything else with Chromium's own, so no code path may sniff for Chrome.
 */
export const EDGE_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0';

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /**
   * Whether the install opened the options page (closed as it opens: tests open their own).
   * Settles within seconds of the launch: the welcome waits for Chromium's first answer from
   * managed storage, which is that slow; tests go on meanwhile.
   */
  welcomed: Promise<boolean>;
  /** The browser profile's directory (the benchmarks find the browser's processes by it). */
  profileDir: string;
  close(): Promise<void>;
}

/**
 * The built extension in real Chromium (Debian's package; never a downloaded browser),
 * headless, with the flags that keep it off the closed network.
 */
export async function launchExtension(
  options: {
    lang?: string;
    headless?: boolean;
    extensionDir?: string;
    /** A profile to open (another launch may have written it), kept on close: an update test's. */
    profileDir?: string;
    /** False where the install opens no options page (an older build, a connected profile): no wait for it. */
    welcome?: boolean;
    /** What every page and the worker report as the browser (EDGE_USER_AGENT); Chromium's own when not given. */
    userAgent?: string;
  } = {},
): Promise<Launched> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run npm run build first`);
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'sidecard-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(options.lang ? { locale: options.lang } : {}),
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.userAgent ? [`--user-agent=${options.userAgent}`] : []),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const welcomed = options.welcome === false ? Promise.resolve(false) : closeWelcome(context, worker, extensionId);
  if (options.userAgent) {
    const seen = await worker.evaluate(() => navigator.userAgent);
    if (seen !== options.userAgent) throw new Error(`the worker reports ${seen}, not the user agent asked for`);
  }
  // Scripts run under tsx (demo, bench) are compiled with esbuild's keepNames, which wraps
  // functions in __name(); functions we send to the browser then need that helper there.
  const nameHelper = 'globalThis.__name = globalThis.__name || ((f) => f);';
  await context.addInitScript({ content: nameHelper });
  await worker.evaluate(nameHelper);
  return {
    context,
    extensionId,
    worker,
    welcomed,
    profileDir: profile,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new install opens the options page (lib/background/welcome.ts). Tests open the pages they
 * need themselves, so the welcome tab is closed as soon as it appears: it would hold a Port to
 * the worker and share the two cores. Tests go on meanwhile: the welcome waits for Chromium's
 * first answer from managed storage, seconds after the launch.
 *
 * The welcome either takes over the launch's blank tab or opens a tab of its own, at the bare
 * options URL. A test's own pages start blank, and a tab the extension opens for a reason
 * (a tenant to name) carries a query, so neither is taken for it. Nothing is looked for once
 * the worker has its policy and a moment has passed: a profile connected by policy, or
 * updated, opens none, nor does an install whose options page a test opened first (Chromium
 * focuses that tab instead).
 */
function closeWelcome(context: BrowserContext, worker: Worker, extensionId: string): Promise<boolean> {
  const welcomeUrl = `chrome-extension://${extensionId}/options.html`;
  const [launchTab] = context.pages();
  return new Promise((resolve) => {
    let settled = false;
    const done = (welcomed: boolean) => {
      if (settled) return;
      settled = true;
      context.off('page', onPage);
      launchTab?.off('framenavigated', onNavigated);
      clearTimeout(timer);
      resolve(welcomed);
    };
    const close = (page: Page) => {
      void page.close().then(
        () => done(true),
        () => done(true),
      );
    };
    const onPage = (page: Page) => {
      if (page.url() === welcomeUrl) close(page);
    };
    const onNavigated = (frame: Frame) => {
      if (launchTab && frame === launchTab.mainFrame() && frame.url() === welcomeUrl) close(launchTab);
    };
    context.on('page', onPage);
    launchTab?.on('framenavigated', onNavigated);
    if (launchTab?.url() === welcomeUrl) close(launchTab);
    // Generous: on a loaded two-core machine the install's tab can take seconds to appear.
    const timer = setTimeout(() => done(false), 20_000);
    timer.unref();
    const policyRead = () => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get().then(() => undefined);
    void worker.evaluate(policyRead).then(
      () => setTimeout(() => done(false), 3000).unref(),
      () => undefined,
    );
  });
}

/**
 * Stop the extension's service worker the way Chromium does when it idles (through CDP, not
 * a flag of ours); resolves once it has stopped. The next event wakes it.
 */
export async function stopServiceWorker(launched: Launched, page: Page): Promise<void> {
  const cdp = await launched.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.includes(launched.extensionId) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/**
 * The admin's "Allow" on Chrome's permission prompt, given ahead of time. Headless Chromium
 * cannot show or click that prompt (an unanswered `permissions.request` hangs), so the grant
 * is made the way Chrome itself makes one from chrome://extensions → Site access → "Add a
 * site" (`chrome.developerPrivate.addHostPermission`). This alone does not give the extension
 * the host: `permissions.contains` stays false until the extension asks. The extension's own
 * flow still runs for real: the options page's `permissions.request`, from a real click,
 * resolves true without a prompt, `permissions.onAdded` fires, and the host is granted. A
 * host not granted this way still waits for the prompt. (`scripting`, asked for with a
 * custom domain, carries no warning and is granted without a prompt anyway.)
 */
export async function grantHostLikeAnAdmin(launched: Launched, pattern: string): Promise<void> {
  const page = await launched.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([id, host]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id, host),
      [launched.extensionId, pattern] as const,
    );
  } finally {
    await page.close();
  }
}

/** Does the extension hold these host permissions now? (Asked from its service worker.) */
export async function hasOrigins(launched: Launched, origins: string[]): Promise<boolean> {
  return launched.worker.evaluate(
    (o) => (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: o }),
    origins,
  );
}

/**
 * Personio's real host, answered by the simulator: the extension runs with its default API
 * base URL, exactly as shipped, and its service-worker fetches reach the simulator. Another
 * origin (an API proxy set as the base URL) can be answered by the simulator the same way.
 */
export async function routePersonio(context: BrowserContext, sim: Simulator, origin = 'https://api.personio.de'): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    let response;
    try {
      response = await route.fetch({ url: `${sim.url}${url.pathname}${url.search}` });
    } catch {
      // The simulator dropped the connection (an injected fault): the extension sees a reset.
      await route.abort('connectionreset').catch(ignoreGoneRequest);
      return;
    }
    await route.fulfill({ response }).catch(ignoreGoneRequest);
  });
}

/**
 * The extension may cancel a request while the simulator answers it (the worker was stopped,
 * a run was aborted, the test ended): Playwright then refuses to settle the route, and there
 * is no one left to answer.
 */
function ignoreGoneRequest(): void {}

export async function serveScenario(context: BrowserContext, scenario: SiteScenario): Promise<void> {
  for (const r of scenario.routes) {
    await context.route(r.url, (route) =>
      route.fulfill({
        status: r.status ?? 200,
        contentType: r.contentType ?? (r.json !== undefined ? 'application/json' : 'text/html; charset=utf-8'),
        body: r.json !== undefined ? JSON.stringify(r.json) : fixtureFile(scenario.site, r.file ?? 'index.html'),
      }),
    );
  }
}

export async function openOptions(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
  return page;
}

/**
 * Name the company's own tenants of Zendesk, Freshdesk and Jira (acme.zendesk.com), as the
 * options page saves them: until then Sidecard looks nobody up on those sites' pages.
 */
export async function nameTenants(launched: Launched, hosts: string[]): Promise<void> {
  const page = await openOptions(launched);
  try {
    const reply = await askBackground<{ ok: boolean } | undefined>(page, { type: 'save-settings', patch: { tenants: hosts } });
    if (!reply?.ok) throw new Error(`the background refused the tenants ${hosts.join(', ')}`);
  } finally {
    await page.close();
  }
}

/** Once connected, the options page keeps the credentials form behind "Change credentials": open it. */
export async function showCredentialsForm(page: Page): Promise<void> {
  const change = page.getByRole('button', { name: 'Change credentials' });
  await change.waitFor();
  if ((await change.getAttribute('aria-expanded')) !== 'true') await change.click();
}

/** Connect through the options page as an admin would. */
export async function connect(page: Page, credentials = DEFAULT_CREDENTIAL): Promise<void> {
  await page.getByLabel('Client ID').fill(credentials.clientId);
  await page.getByLabel('Client secret').fill(credentials.clientSecret);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** Wait until the background reports a finished sync with at least `min` employees. */
export async function waitForSync(launched: Launched, min = 1, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await launched.worker.evaluate(async () => {
      // Never create the database (the extension's own open would then wait on this one).
      const open = indexedDB.open('sidecard');
      open.onupgradeneeded = () => open.transaction?.abort();
      const database = await new Promise<IDBDatabase | undefined>((res) => {
        open.onsuccess = () => res(open.result);
        open.onerror = () => res(undefined);
      });
      if (!database) return { count: 0, done: false };
      if (!database.objectStoreNames.contains('syncState')) {
        database.close();
        return { count: 0, done: false };
      }
      const tx = database.transaction(['syncState', 'employees']);
      const get = <T>(req: IDBRequest<T>) => new Promise<T>((res) => (req.onsuccess = () => res(req.result)));
      const state = await get(tx.objectStore('syncState').get('state'));
      const count = await get(tx.objectStore('employees').count());
      database.close();
      return { count, done: Boolean(state && (state as { lastSuccessAt?: number }).lastSuccessAt && !(state as { checkpoint?: unknown }).checkpoint) };
    });
    if (state.done && state.count >= min) return state.count;
    if (Date.now() > deadline) throw new Error(`sync did not finish: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The panel's frame on a site page (an extension iframe inside our closed shadow host). */
/**
 * Until the background's run is over, tail included: its data is committed before its search
 * index is up to date, and a "Sync now" before then joins that run (by design) instead of
 * starting one.
 */
export async function waitForRunOver(page: Page, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await askBackground<{ running: unknown }>(page, { type: 'status' })).running !== null) {
    if (Date.now() > deadline) throw new Error('the sync run did not end');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function panelFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('panel frame not found');
    await page.waitForTimeout(50);
  }
}

/** Waits until the panel shows `text` (a whole text node, or matching a pattern). */
export async function panelShows(panel: Frame, text: string | RegExp, timeout = 10_000): Promise<void> {
  const locator = typeof text === 'string' ? panel.getByText(text, { exact: true }) : panel.getByText(text);
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** Is our panel host showing on the page? (Read from outside, as layout, not content.) */
export async function panelVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('sidecard-panel');
    return Boolean(host && host.hasAttribute('data-visible') && getComputedStyle(host).display !== 'none');
  });
}

/** Every store of the extension's database (lib/db.ts). */
export const STORES = ['employees', 'timeOffBuckets', 'runSeen', 'balances', 'photos', 'syncState', 'syncLog', 'vault', 'searchIndex'];

/** Read rows of the extension's database from one of its pages (the same origin as the worker). */
export async function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(countRowsInPage, store);
}

export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open('sidecard');
    open.onupgradeneeded = () => open.transaction?.abort(); // never create it
    const database = await new Promise<IDBDatabase | undefined>((res) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => res(undefined);
    });
    if (!database) return [];
    if (!database.objectStoreNames.contains(name)) {
      database.close();
      return [];
    }
    const rows = await new Promise<unknown[]>((res) => {
      const req = database.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => res(req.result);
    });
    database.close();
    return rows;
  }, store) as Promise<T[]>;
}

/** Send a page request to the background from an extension page, as the UI does. */
export async function askBackground<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/**
 * The usual starting point of a spec: a simulator company, the extension in Chromium with
 * Personio's host routed to it, connected through the options page, first sync done.
 */
export async function connectedBrowser(company: { employees: number; seed: number }, minimumSynced = 1, userAgent?: string): Promise<{ sim: Simulator; launched: Launched }> {
  const sim = await startSimulator(company);
  const launched = await launchExtension(userAgent ? { userAgent } : {});
  await routePersonio(launched.context, sim);
  const options = await openOptions(launched);
  await connect(options);
  await waitForSync(launched, minimumSynced);
  await options.close();
  return { sim, launched };
}
