import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { countRowsInPage } from '../in-page';

/**
 * The Firefox build in Debian's Firefox ESR (never a downloaded browser), headless, driven
 * over WebDriver BiDi by puppeteer-core. The extension is installed as a temporary add-on.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = process.env.SIDECARD_FIREFOX_EXTENSION_DIR ?? join(root, '.output/firefox-mv3');

export interface LaunchedFirefox {
  browser: Browser;
  addonId: string;
  close(): Promise<void>;
}

export async function launchFirefox(
  hosts: string[],
  options: {
    extensionDir?: string;
    /** A profile another launch may have written, kept on close: an update test's. */
    profileDir?: string;
  } = {},
): Promise<LaunchedFirefox> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No Firefox build at ${extensionDir}: run npm run build:firefox first`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox is missing at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // The site server's certificate is self-signed; accepted for this session only.
    acceptInsecureCerts: true,
    // Wide enough for the panel to sit beside every site (lib/panel-layout.ts).
    defaultViewport: { width: 1440, height: 900 },
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    extraPrefsFirefox: {
      // The real host names resolve to this machine, where the site server listens.
      'network.dns.localDomains': hosts.join(','),
      'network.trr.mode': 5,
    },
  });
  // A temporary add-on: gone when the browser closes, but the profile keeps its internal UUID,
  // so installing it again (or a newer build with the same id) finds its data.
  const addonId = await browser.installExtension(extensionDir);
  return { browser, addonId, close: () => browser.close() };
}

/**
 * An extension page (options.html, popup.html) the extension opened itself: BiDi may not
 * navigate a tab to moz-extension:// and lists such a tab as about:blank, so each page is
 * asked where it is.
 */
export async function extensionPage(browser: Browser, file: string, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const target of browser.targets()) {
      if (target.type() !== 'page') continue;
      const page = await target.page().catch(() => null);
      const href = await page?.evaluate(() => location.href).catch(() => '');
      if (page && href?.startsWith('moz-extension://') && new URL(href).pathname === `/${file}`) return page;
    }
    if (Date.now() > deadline) throw new Error(`Firefox has no ${file} open`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Have the extension open its options page from a tab's panel, over the panel's own Port and
 * message: the panel shows that button only while not connected, and BiDi cannot open
 * moz-extension:// pages itself. The tab's panel is replaced by this Port: use a spare tab.
 */
export async function openOptionsThroughPanel(browser: Browser, panel: Frame): Promise<Page> {
  await panel.evaluate(() => {
    const api = (globalThis as unknown as { browser: { runtime: { connect(o: { name: string }): { postMessage(m: unknown): void } } } }).browser;
    api.runtime.connect({ name: 'sidecard-panel' }).postMessage({ type: 'open-options' });
  });
  return extensionPage(browser, 'options.html');
}

/** The panel's frame on a site page: puppeteer names it about:blank, but it runs panel.html. */
export async function firefoxPanel(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('/panel.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error('no Sidecard panel on the page');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The visible text of a page or frame, polled until it matches. */
export async function waitForText(target: Page | Frame, text: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  for (;;) {
    seen = await target.evaluate(() => document.body?.innerText ?? '').catch(() => seen);
    if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return seen;
    if (Date.now() > deadline) throw new Error(`expected ${String(text)}, saw: ${seen.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How many rows an object store of the extension's database holds, read from an extension page. */
export async function countStoreRows(page: Page, store: string): Promise<number> {
  return page.evaluate(countRowsInPage, store);
}

/** A page request to the background, sent from an extension page as the UI sends it. */
export async function askFirefoxBackground<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => (globalThis as unknown as { browser: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m), message) as Promise<T>;
}

/** A control found the way a user names it: its label (inputs) or its accessible name (buttons). */
async function control(target: Page | Frame, kind: 'button' | 'field', name: string): Promise<ElementHandle<Element>> {
  const handle = await target.waitForFunction(
    (k, n) => {
      const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      if (k === 'field') {
        const label = [...document.querySelectorAll('label')].find((l) => norm(l.textContent).startsWith(n));
        return (label?.control as Element | null | undefined) ?? document.querySelector(`[aria-label="${n}"]`);
      }
      return [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? norm(b.textContent)) === n && !b.disabled) ?? null;
    },
    { timeout: 15_000 },
    kind,
    name,
  );
  return handle.asElement() as ElementHandle<Element>;
}

export async function clickButton(target: Page | Frame, name: string): Promise<void> {
  await (await control(target, 'button', name)).click();
}

export async function typeInto(target: Page | Frame, label: string, text: string): Promise<void> {
  await (await control(target, 'field', label)).type(text);
}
