/**
 * Multi-tenant sites: one domain serves many companies, each on its own subdomain
 * (acme.zendesk.com, acme.freshdesk.com, acme.atlassian.net). Anyone can open a tenant there,
 * so a page on one is not the company's own until the admin names it; until then Sidecard
 * looks nobody up on it. Single-tenant sites (Gmail, Outlook, Help Scout, Front) need nothing.
 * Pure, and free of imports, so settings, the policy and the options page can all use it.
 */
export const MULTI_TENANT_DOMAINS = [
  { site: 'zendesk', domain: 'zendesk.com' },
  { site: 'freshdesk', domain: 'freshdesk.com' },
  { site: 'jira', domain: 'atlassian.net' },
] as const;

/** How many tenants an admin or a policy may name. */
export const MAX_TENANTS = 50;

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The multi-tenant site a host is a tenant of ('zendesk' for acme.zendesk.com), or null. */
export function tenantSiteOf(host: string): string | null {
  if (host.length > 253 || !HOST.test(host)) return null;
  return MULTI_TENANT_DOMAINS.find((d) => host.endsWith(`.${d.domain}`))?.site ?? null;
}

export function isTenantHost(host: string): boolean {
  return tenantSiteOf(host) !== null;
}

/**
 * What the admin typed ("https://ACME.zendesk.com/agent/tickets/1", "acme.zendesk.com") as a
 * tenant's host name, or null when it is not a tenant of a multi-tenant site.
 */
export function normaliseTenant(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  try {
    const url = new URL(raw.includes('://') ? raw : `https://${raw}`);
    if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
    return isTenantHost(url.hostname) ? url.hostname : null;
  } catch {
    return null;
  }
}

/**
 * Is this page's host a tenant nobody has named: on a multi-tenant domain, neither named as a
 * tenant nor added by the admin as a custom domain? Then the panel only offers to name it.
 */
export function isUnnamedTenant(host: string, named: { tenants: readonly string[]; customDomains: readonly { host: string }[] }): boolean {
  const lower = host.toLowerCase();
  if (!isTenantHost(lower)) return false;
  return !named.tenants.includes(lower) && !named.customDomains.some((d) => d.host === lower);
}
