import type { browser as Browser } from '@wxt-dev/browser';
import type { SiteAdapter } from './sites/types';

/** The part of a site's content script that does the work (`entrypoints/content-<site>-main.ts`). */
export const contentMainFile = (site: SiteAdapter['id']): string => `content-${site}-main.js`;

const START_TIMEOUT_MS = 500;

/**
 * WXT's plain `browser` (Chrome's promise-based `chrome`, Firefox's `browser`), for the content
 * scripts, looked up when first used rather than when a script is evaluated: the first touch of
 * `chrome` in a page costs milliseconds (Chrome builds its bindings then), and a page that loads
 * with no conversation open needs none of it while it loads. Not webextension-polyfill: the few
 * calls made here need none, and it would be a third of the content script's size.
 */
let extensionApi: typeof Browser | undefined;
export function browser(): typeof Browser {
  const g = globalThis as unknown as { browser?: typeof Browser & { runtime?: { id?: string } }; chrome: typeof Browser };
  return (extensionApi ??= g.browser?.runtime?.id ? g.browser : g.chrome);
}

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
 * exposes nothing the frame does not. `chrome`/`browser` is first touched in the idle period
 * (see `browser`).
 *
 * Not in Firefox: its add-on linter flags an `import()` of a computed address as unsafe, and
 * add-on reviewers read its warnings. There the manifest injects the script proper, which
 * waits for the idle period itself (`runContentScript`).
 */
export function loadContentScript(site: SiteAdapter['id']): void {
  whenPageIdle(() => {
    // A failed load is an orphaned script (the extension was reloaded or removed): the page
    // stays as it is.
    import(/* @vite-ignore */ browser().runtime.getURL(`/${contentMainFile(site)}`)).catch(() => undefined);
  });
}
