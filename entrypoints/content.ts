import { SITES } from '@/lib/sites';
import { watchConversation } from '@/lib/sites/watch';
import { matchesPattern } from '@/lib/sites/match';
import type { Conversation } from '@/lib/sites/types';
import { mountPanelFrame } from '@/lib/panel-frame';
import { isPanelLayout } from '@/lib/panel-layout';

/**
 * The content script: run the site's adapter, tell the background what is open, show or
 * hide the panel frame. No React, no zod, no HR data: the panel is an extension iframe fed
 * by the background, so nothing about people ever enters this page's DOM.
 */

/** On a domain the admin added, the background says which site's adapter runs here. */
async function adapterForCustomDomain() {
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type: 'site-for-page' });
    const site = typeof reply === 'object' && reply !== null ? (reply as { site?: unknown }).site : undefined;
    return typeof site === 'string' ? SITES.find((s) => s.id === site) : undefined;
  } catch {
    return undefined;
  }
}

export default defineContentScript({
  matches: SITES.flatMap((s) => s.matches),
  runAt: 'document_idle',
  // Deliberately not tied to WXT's ContentScriptContext: a page can replay WXT's
  // "content-script-started" message to invalidate that context. Nothing here listens to it.
  async main() {
    const here = new URL(location.href);
    // A built-in site, or a domain the admin added for one (registered at run time).
    const found = SITES.find((s) => s.matches.some((p) => matchesPattern(p, here))) ?? (await adapterForCustomDomain());
    if (!found) return;
    const adapter = found;
    const frame = mountPanelFrame(document, browser.runtime.getURL('/panel.html'), adapter.id);

    async function report(conversation: Conversation | null): Promise<void> {
      try {
        const reply: unknown = await browser.runtime.sendMessage({ type: 'requester', site: adapter.id, conversation });
        const r = typeof reply === 'object' && reply !== null ? (reply as { visible?: unknown; layout?: unknown }) : {};
        if (isPanelLayout(r.layout)) frame.setLayout(r.layout);
        frame.setVisible(r.visible === true);
      } catch {
        // The extension was reloaded or updated: this script is orphaned; leave the page alone.
        frame.setVisible(false);
      }
    }

    watchConversation({
      adapter,
      doc: document,
      onChange: (c) => void report(c),
      fetchJson: async (path) => {
        const response = await fetch(new URL(path, location.origin), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      },
    });

    // Only the background can message a content script; it sends layout changes (the
    // panel's width and collapse buttons, the keyboard shortcut).
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (typeof message !== 'object' || message === null) return undefined;
      const { type, layout } = message as { type?: unknown; layout?: unknown };
      if (type === 'panel-layout' && isPanelLayout(layout)) frame.setLayout(layout);
      return undefined;
    });
  },
});
