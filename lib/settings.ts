import * as z from 'zod/mini';
import { EMPLOYEE_STATUSES } from './employee';
import { normalisePersonioWebUrl } from './personio-web';
import { defaultFieldSettings, isCustomField, STANDARD_FIELDS, type FieldSetting } from './fields';
import { isTenantHost, MAX_TENANTS } from './tenants';

/**
 * Admin settings, kept in `storage.local` of the extension (never the synced storage area: settings
 * name the company's Personio tenant). The client secret is not here: see secrets.ts.
 */
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;
export const DEFAULT_INTERVAL_MINUTES = 15;
/** Personio's public API; a policy or the admin may point Sidecard at a proxy instead. */
export const DEFAULT_BASE_URL = 'https://api.personio.de';

export const employeeStatusSchema = z.enum(EMPLOYEE_STATUSES);
export const languageSchema = z.enum(['auto', 'en', 'de']);
/** How long a minimal record of someone who left is kept, in months (0: none). */
export const DEFAULT_LEAVER_MONTHS = 12;
export const MAX_LEAVER_MONTHS = 36;
const leaverMonthsSchema = z.int().check(z.minimum(0), z.maximum(MAX_LEAVER_MONTHS));
const intervalMinutesSchema = z.int().check(z.minimum(MIN_INTERVAL_MINUTES), z.maximum(MAX_INTERVAL_MINUTES));

const fieldKey = z.string().check(z.refine((k) => isCustomField(k) || STANDARD_FIELDS.some((f) => f.key === k), 'unknown field'));

export const populationFilterSchema = z.object({
  /** Statuses synced. Inactive (former) employees are left out unless asked for. */
  statuses: z._default(z.array(employeeStatusSchema), ['onboarding', 'active', 'leave']),
  /** Empty: every subcompany (legal entity). */
  subcompanyIds: z._default(z.array(z.number()), []),
  /** Empty: every department. */
  departmentIds: z._default(z.array(z.number()), []),
});
export type PopulationFilter = z.infer<typeof populationFilterSchema>;

export const settingsSchema = z.object({
  baseUrl: z._default(z.url(), DEFAULT_BASE_URL),
  clientId: z._default(z.string(), ''),
  /** The secret's last four characters, to recognise it; the secret itself is sealed. */
  secretHint: z._default(z.string().check(z.maxLength(4)), ''),
  fields: z.pipe(
    z._default(z.array(z.object({ key: fieldKey, store: z.boolean(), show: z.boolean() })), defaultFieldSettings),
    z.transform((f) => f as FieldSetting[]),
  ),
  filters: z._default(populationFilterSchema, () => populationFilterSchema.parse({})),
  /**
   * People who left in the last this many months keep a minimal record (name, email, last
   * position and department, termination date) while inactive people are not synced: for a
   * helpdesk, "left on 5 Aug" is the fact that matters (laptop returns, access removal).
   */
  leaverMonths: z._default(leaverMonthsSchema, DEFAULT_LEAVER_MONTHS),
  intervalMinutes: z._default(intervalMinutesSchema, DEFAULT_INTERVAL_MINUTES),
  /**
   * Self-hosted or host-mapped domains (a Jira on help.acme.example), each run with a site's
   * adapter. Host access and the content script for them are granted and registered at run time.
   */
  customDomains: z._default(z.array(z.object({ host: z.string().check(z.regex(/^[a-z0-9.-]+$/)), site: z.string() })), []),
  /** Sites switched off by the admin (all on by default). */
  disabledSites: z._default(z.array(z.string()), []),
  /**
   * The company's own tenants of multi-tenant sites (acme.zendesk.com): Sidecard looks people up
   * there and nowhere else on those sites (lib/tenants.ts).
   */
  tenants: z._default(z.array(z.string()), []),
  language: z._default(languageSchema, 'auto'),
  /** The company's Personio web app (https://acme.personio.de), for "Open in Personio"; empty: no link. */
  personioWebUrl: z._default(z.string().check(z.maxLength(100)), ''),
  connectedAt: z.optional(z.number()),
});
export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** Parse whatever storage holds; anything invalid falls back to defaults rather than breaking the extension. */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : defaultSettings();
}

export function isConnected(settings: Settings): boolean {
  return Boolean(settings.clientId && settings.connectedAt);
}

/** The match pattern of a custom domain. */
export function customDomainPattern(host: string): string {
  return `https://${host}/*`;
}

/** "https://Help.Acme.example/servicedesk" or "help.acme.example" → "help.acme.example"; null if not a host. */
export function normaliseHost(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  try {
    const url = new URL(raw.includes('://') ? raw : `https://${raw}`);
    if (url.protocol !== 'https:' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname)) return null;
    return url.hostname;
  } catch {
    return null;
  }
}

/**
 * The simulator on loopback stands in for Personio in the bench build only; every other build
 * sends credentials over TLS alone.
 */
const LOOPBACK_API_ALLOWED = Boolean(import.meta.env.SIDECARD_BENCH);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; reason: 'invalid' | 'insecure' };

/**
 * An API base URL credentials may be sent to, in one spelling (origin and path, no trailing
 * slash), so that two spellings of one address compare equal. `https:` only; no user info,
 * query or fragment, which have no place in a prefix. Pure.
 */
export function checkBaseUrl(input: string, allowLoopback = LOOPBACK_API_ALLOWED): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.username || url.password || url.search || url.hash || !url.hostname) return { ok: false, reason: 'invalid' };
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && allowLoopback)) {
    return { ok: false, reason: url.protocol === 'http:' ? 'insecure' : 'invalid' };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** Do two base URLs name the same API (each allowed, equal once normalised)? Pure. */
export function sameBaseUrl(a: string, b: string): boolean {
  const left = checkBaseUrl(a);
  const right = checkBaseUrl(b);
  return left.ok && right.ok && left.url === right.url;
}

/** Error details of a refused connection request, for the options page to explain. */
export const SECRET_NOT_FOR_THIS_URL = 'secret-not-for-this-url';
export const BASE_URL_NOT_ALLOWED = 'base-url-not-allowed';

/**
 * What the options page may change, as it arrives in a `save-settings` message (limits keep
 * a page's message small). Locked (policy-managed) settings are ignored by the background.
 */
export const settingsPatchSchema = z.partial(
  z.object({
    fields: z.array(z.object({ key: z.string().check(z.maxLength(40)), store: z.boolean(), show: z.boolean() })).check(z.maxLength(300)),
    filters: z.object({
      statuses: z.array(employeeStatusSchema),
      subcompanyIds: z.array(z.int()).check(z.maxLength(500)),
      departmentIds: z.array(z.int()).check(z.maxLength(2000)),
    }),
    intervalMinutes: intervalMinutesSchema,
    leaverMonths: leaverMonthsSchema,
    disabledSites: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(50)),
    customDomains: z.array(z.object({ host: z.string().check(z.maxLength(253)), site: z.string().check(z.maxLength(40)) })).check(z.maxLength(50)),
    tenants: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(MAX_TENANTS)),
    language: languageSchema,
    personioWebUrl: z.string().check(z.maxLength(300)),
  }),
);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Which parts of settings a policy locks (lib/managed.ts names them). */
export type LockName = 'credentials' | 'baseUrl' | 'fields' | 'statuses' | 'subcompanies' | 'departments' | 'interval' | 'sites' | 'tenants';

/**
 * The admin's settings after a change from the options page. A setting the policy locks
 * is kept whatever the page sent; a change that would make settings invalid is refused
 * (null) rather than falling back to defaults, which would drop the connection. Pure.
 */
export function applySettingsChange(own: Settings, change: SettingsPatch, locked: ReadonlySet<LockName>): Settings | null {
  // Only tenants of multi-tenant sites, in their one spelling (the options page normalises).
  if (change.tenants && !change.tenants.every(isTenantHost)) return null;
  // Empty clears the link; anything else must be a Personio company address.
  const webUrl = change.personioWebUrl === undefined || change.personioWebUrl.trim() === '' ? change.personioWebUrl?.trim() : normalisePersonioWebUrl(change.personioWebUrl);
  if (webUrl === null) return null;
  const filters: PopulationFilter = change.filters
    ? {
        statuses: locked.has('statuses') ? own.filters.statuses : change.filters.statuses,
        subcompanyIds: locked.has('subcompanies') ? own.filters.subcompanyIds : change.filters.subcompanyIds,
        departmentIds: locked.has('departments') ? own.filters.departmentIds : change.filters.departmentIds,
      }
    : own.filters;
  const next = {
    ...own,
    ...(change.fields && !locked.has('fields') ? { fields: change.fields } : {}),
    ...(change.intervalMinutes !== undefined && !locked.has('interval') ? { intervalMinutes: change.intervalMinutes } : {}),
    ...(change.leaverMonths !== undefined && !locked.has('statuses') ? { leaverMonths: change.leaverMonths } : {}),
    ...(change.disabledSites && !locked.has('sites') ? { disabledSites: change.disabledSites } : {}),
    ...(change.customDomains && !locked.has('sites') ? { customDomains: change.customDomains } : {}),
    ...(change.tenants && !locked.has('tenants') ? { tenants: [...new Set(change.tenants)] } : {}),
    ...(change.language ? { language: change.language } : {}),
    ...(webUrl !== undefined ? { personioWebUrl: webUrl } : {}),
    filters,
  };
  const parsed = settingsSchema.safeParse(next);
  return parsed.success ? parsed.data : null;
}
