import type { SiteAdapter } from './sites/types';

/** The part of a site's content script that does the work (`entrypoints/content-<site>-main.ts`). */
export const contentMainFile = (site: SiteAdapter['id']): string => `content-${site}-main.js`;

const START_TIMEOUT_MS = 500;

/** Run `start` in the page's first idle period, or after `START_TIMEOUT_MS` on a page that is never idle. */
export function whenPageIdle(start: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: START_TIMEOUT_MS });
  else setTimeout(start, 0);
}

/**
 * What the manifest injects into a supported page in Chrome: a few hundred bytes that, in the
 * page's first idle period, load the site's content script proper as a module.
 *
 * It runs on every load of a supported site, so its cost to the page while it loads is
 * budgeted (within 1 ms of an empty content script, `npm run bench`). Compiling is most of what
 * a content script costs at injection, and it grows with the script's size: injected whole, the
 * site's adapter and the panel code (11–14 KB) were compiled while the page loaded, though
 * nothing of them runs before the page is idle. Loaded here, they are compiled then, and
 * Chrome parses an imported module off the page's main thread.
 *
 * The module is a web-accessible resource for https pages, as the panel frame is, so it
 * exposes nothing the frame does not. `chrome`/`browser` is first touched in the idle period:
 * Chrome builds its bindings at the first touch, which costs milliseconds.
 *
 * Not in Firefox: its add-on linter flags an `import()` of a computed address as unsafe, and
 * add-on reviewers read its warnings. There the manifest injects the script proper, which
 * waits for the idle period itself (`runContentScript`).
 */
export function loadContentScript(site: SiteAdapter['id']): void {
  whenPageIdle(() => {
    const api = (globalThis as unknown as { browser?: { runtime?: { id?: string; getURL(path: string): string } } }).browser;
    const runtime = api?.runtime?.id ? api.runtime : (globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }).chrome.runtime;
    // A failed load is an orphaned script (the extension was reloaded or removed): the page
    // stays as it is.
    import(/* @vite-ignore */ runtime.getURL(`/${contentMainFile(site)}`)).catch(() => undefined);
  });
}
