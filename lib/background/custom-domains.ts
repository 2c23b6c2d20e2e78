import { contentScriptFile, SITES } from '../sites';
import { customDomainPattern, type Settings } from '../settings';

type Registered = { id: string; js?: string[] | undefined };

/** Which registrations to drop and which domains to register. Pure. */
export function planCustomDomains(settings: Settings, existing: readonly Registered[]): { stale: string[]; wanted: Map<string, Settings['customDomains'][number]> } {
  const known = new Set(SITES.map((s) => s.id));
  const wanted = new Map(settings.customDomains.filter((d) => known.has(d.site)).map((d) => [`custom-${d.host}`, d]));
  // Stale: a domain no longer wanted, or one registered with another script file (an older
  // build's, or another site's before the admin changed which site the domain is).
  const isCurrent = (s: Registered) => {
    const domain = wanted.get(s.id);
    return domain !== undefined && s.js?.length === 1 && s.js[0] === contentScriptFile(domain.site);
  };
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
    await browser.scripting.registerContentScripts([{ id, matches: origins, js: [contentScriptFile(domain.site)], runAt: 'document_idle', persistAcrossSessions: true }]);
  }
}
