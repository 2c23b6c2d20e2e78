import { fixtureFile } from '../../fixtures/sites/scenario';
import type { Conversation, PageRead, Participant, SiteAdapter } from '../../../lib/sites/types';

/**
 * Parse a site fixture into a Document without running its scripts, then mount the
 * content of one of its <template> views where the fixture app would (for fixtures
 * that render views from templates); pass no template for fixtures that are static.
 */
export function fixtureDocument(site: string, file: string, templateId?: string, mountSelector = '[role="main"]'): Document {
  const html = fixtureFile(site, file).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (templateId) {
    const template = doc.getElementById(templateId) as HTMLTemplateElement | null;
    if (!template) throw new Error(`fixture ${site}/${file} has no template #${templateId}`);
    const mount = doc.querySelector(mountSelector);
    if (!mount) throw new Error(`fixture ${site}/${file} has no ${mountSelector}`);
    mount.replaceChildren(template.content.cloneNode(true));
  }
  return doc;
}

/** The conversation an adapter found, or null for any other status. */
export function conversationIn(read: PageRead): Conversation | null {
  return read.status === 'found' ? read.conversation : null;
}

/** An adapter's API asked about the conversation the URL names, as the watcher would; null when the URL names none. */
export async function viaApi(adapter: SiteAdapter, url: URL, fetchJson: (path: string) => Promise<unknown>): Promise<Participant[] | null> {
  const key = adapter.api?.keyFromUrl(url);
  if (!adapter.api || !key) return null;
  return adapter.api.participants(key, (path) => fetchJson(path), new AbortController().signal);
}
