import { CONTENT_SCRIPT_FILE } from '../sites';
import { customDomainPattern, type Settings } from '../settings';

type Registered = { id: string; js?: string[] | undefined };

/** Which registrations to drop and which domains to register. Pure. */
export function planCustomDomains(settings: Settings, existing: readonly Registered[]): { stale: string[]; wanted: Map<string, Settings['customDomains'][number]> } {
  const wanted = new Map(settings.customDomains.map((d) => [`custom-${d.host}`, d]));
  // Stale: a domain no longer wanted, or a registration of an older build's script file.
  const isCurrent = (s: Registered) => wanted.has(s.id) && s.js?.length === 1 && s.js[0] === CONTENT_SCRIPT_FILE;
  const stale = existing.filter((s) => s.id.startsWith('custom-') && !isCurrent(s)).map((s) => s.id);
  for (const s of existing) if (isCurrent(s)) wanted.delete(s.id);
  return { stale, wanted };
}

/**
 * Our content script on each admin-added domain, registered at run time once the admin has
 * granted host access to it (a domain without the grant is left until it has one).
 */
export async function registerCustomDomains(settings: Settings): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const { stale, wanted } = planCustomDomains(settings, await browser.scripting.getRegisteredContentScripts());
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  for (const [id, domain] of wanted) {
    const origins = [customDomainPattern(domain.host)];
    if (!(await browser.permissions.contains({ origins }))) continue;
    await browser.scripting.registerContentScripts([{ id, matches: origins, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
  }
}
