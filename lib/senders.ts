import { SITES } from './sites';
import { matchesPattern } from './sites/match';

/**
 * Sender checks on browser-stamped fields (`sender.id`, `sender.url`, `sender.tab`,
 * `sender.frameId`), which a page cannot forge. Pure, so they are unit-tested.
 */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * A content script of ours, in a tab's top frame, on a supported (or admin-added) site.
 * Extension pages also carry our id, so the URL check is what tells them apart.
 */
export function isContentScriptSender(sender: SenderLike, extensionId: string, extraPatterns: readonly string[] = []): boolean {
  if (sender.id !== extensionId || !sender.tab || sender.frameId !== 0 || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const patterns = [...SITES.flatMap((s) => s.matches), ...extraPatterns];
  return patterns.some((p) => matchesPattern(p, url));
}

/** One of our own pages (options, popup, panel), by origin: chrome-extension://<id>/ or moz-extension://<uuid>/. */
export function isExtensionPageSender(sender: SenderLike, extensionOrigin: string, path?: string): boolean {
  if (!sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  // Scheme and host, not `origin`: the URL standard gives every non-special scheme (chrome-extension:,
  // moz-extension: in some engines) the opaque origin "null", under which any two would be equal.
  const own = new URL(extensionOrigin);
  if (url.protocol !== own.protocol || !url.host || url.host !== own.host) return false;
  return path === undefined || url.pathname === path;
}

/**
 * The panel's Port: our extension page at /panel.html, inside a tab. With
 * `use_dynamic_url` the origin differs from runtime.getURL() in Chrome, so check the id and path.
 */
export function isPanelSender(sender: SenderLike, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.tab?.id || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === '/panel.html';
  } catch {
    return false;
  }
}
