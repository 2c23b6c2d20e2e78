import { watchConversation, type PageReport } from './sites/watch';
import { SiteApiError, type SiteAdapter } from './sites/types';
import { retryAfterMs } from './retry-after';
import { mountPanelFrame, type PanelFrame } from './panel-frame';
import { isPanelLayout, overlayBelow } from './panel-layout';
import type { ContentNotice, ContentRequest, ContentRequests, ReplyOf } from './messages';
import { browser, whenPageIdle } from './content-loader';

/** A request to the background, typed by the protocol; undefined when no background answers. */
function ask<R extends ContentRequest>(request: R): Promise<ReplyOf<ContentRequests, R['type']> | undefined> {
  return browser().runtime.sendMessage(request) as Promise<ReplyOf<ContentRequests, R['type']> | undefined>;
}

/**
 * The content script: run the site's adapter, tell the background what is open, show or
 * hide the panel frame. No React, no zod, no HR data: the panel is an extension iframe fed
 * by the background, so nothing about people ever enters this page's DOM.
 *
 * In Chrome it is loaded by the site's small loader (lib/content-loader.ts) in the page's
 * first idle period, and starts at once; in Firefox the manifest injects it, and it starts in
 * that idle period. A conversation open at load is read then; single-page helpdesks draw
 * theirs after load anyway. It is kept small all the same, since it is compiled in the page's
 * renderer:
 * - One script per site (`entrypoints/content-<site>-main.ts`, each a line calling this with
 *   its adapter): a page compiles only its own site's adapter.
 * - Each is a WXT unlisted script, not a `defineContentScript`: WXT's content-script context
 *   posts a message to the page on start (~2 ms in a trace) and lets a page invalidate the
 *   script by replaying it; nothing here needs that context.
 * - It uses WXT's plain `browser` rather than webextension-polyfill (`browser` in
 *   lib/content-loader.ts says why).
 */
export function runContentScript(adapter: SiteAdapter): void {
  if (import.meta.env.FIREFOX) whenPageIdle(() => start(adapter));
  else start(adapter);
}

function start(adapter: SiteAdapter): void {
  // The panel's frame is created ahead of the first conversation, so that it is as fast
  // as the tenth, but not while the page loads: when the page is first idle, or at once
  // should a conversation come first. Hidden until there is someone to show.
  let frame: PanelFrame | undefined;
  const panel = () => (frame ??= createPanel());
  // A media query rather than a resize listener: it fires once when the window crosses the
  // site's threshold, never for every pixel of a drag.
  const narrowQuery = window.matchMedia(`(max-width: ${overlayBelow(adapter.id) - 1}px)`);
  narrowQuery.addEventListener('change', () => {
    frame?.setNarrow(narrowQuery.matches);
    void ask({ type: 'window-size', narrow: narrowQuery.matches })
      .then((reply) => {
        if (reply && isPanelLayout(reply.layout)) frame?.setLayout(reply.layout);
      })
      .catch(() => undefined);
  });
  function createPanel(): PanelFrame {
    const created = mountPanelFrame(document, browser().runtime.getURL('/panel.html'), adapter.id);
    created.setNarrow(narrowQuery.matches);
    // Only the background can message a content script; it sends layout changes (the
    // panel's width and collapse buttons, the keyboard shortcut), which need a panel.
    browser().runtime.onMessage.addListener((message: unknown) => {
      const notice = message as Partial<ContentNotice> | null;
      if (notice?.type === 'panel-layout' && isPanelLayout(notice.layout)) created.setLayout(notice.layout);
      if (notice?.type === 'report-again' && lastReport) void report(lastReport);
      return undefined;
    });
    return created;
  }
  // In an idle period of its own, after the one this runs in.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => panel(), { timeout: 3000 });
  else setTimeout(panel, 1000);

  // Which conversation the page shows: when it changes, a panel the agent opened over a
  // narrow window closes to its tab, so it never covers a conversation unasked.
  let conversationKey: string | undefined;
  let lastReport: PageReport | undefined;
  async function report(page: PageReport): Promise<void> {
    lastReport = page;
    if (page.status !== 'none') panel();
    const key = page.status === 'none' ? undefined : page.status === 'found' ? page.conversation.key : page.key;
    const newConversation = key !== undefined && key !== conversationKey;
    conversationKey = key;
    try {
      const reply = await ask({ type: 'requester', site: adapter.id, page, narrow: narrowQuery.matches, ...(newConversation ? { newConversation } : {}) });
      if (isPanelLayout(reply?.layout)) frame?.setLayout(reply.layout);
      if (reply?.visible === true) panel().setVisible(true);
      else frame?.setVisible(false);
    } catch {
      // The extension was reloaded or updated: this script is orphaned; leave the page alone.
      frame?.setVisible(false);
    }
  }

  watchConversation({
    adapter,
    doc: document,
    onChange: (page) => void report(page),
    // The site's own API, same origin, on the agent's session: never a token of ours.
    fetchJson: async (path, signal) => {
      const response = await fetch(new URL(path, location.origin), { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
      if (!response.ok) throw new SiteApiError(response.status, retryAfterMs(response.headers.get('Retry-After'), Date.now()));
      return response.json();
    },
  });
}
