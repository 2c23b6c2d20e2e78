import { z } from 'zod';
import { EMPLOYEE_STATUSES, type EmployeeStatus } from './employee';
import { defaultFieldSettings, isCustomField, STANDARD_FIELDS, type FieldSetting } from './fields';
import { DEFAULT_BASE_URL } from './personio/client';

/**
 * Admin settings, kept in `storage.local` of the extension (never the synced storage area: settings
 * name the company's Personio tenant). The client secret is not here: see secrets.ts.
 */
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;
export const DEFAULT_INTERVAL_MINUTES = 15;

const fieldKey = z.string().refine((k) => isCustomField(k) || STANDARD_FIELDS.some((f) => f.key === k), 'unknown field');

export const populationFilterSchema = z.object({
  /** Statuses synced. Inactive (former) employees are left out unless asked for. */
  statuses: z.array(z.enum(EMPLOYEE_STATUSES as [EmployeeStatus, ...EmployeeStatus[]])).default(['onboarding', 'active', 'leave']),
  /** Empty: every subcompany (legal entity). */
  subcompanyIds: z.array(z.number()).default([]),
  /** Empty: every department. */
  departmentIds: z.array(z.number()).default([]),
});
export type PopulationFilter = z.infer<typeof populationFilterSchema>;

export const settingsSchema = z.object({
  baseUrl: z.string().url().default(DEFAULT_BASE_URL),
  clientId: z.string().default(''),
  /** The secret's last four characters, to recognise it; the secret itself is sealed. */
  secretHint: z.string().max(4).default(''),
  fields: z
    .array(z.object({ key: fieldKey, store: z.boolean(), show: z.boolean() }))
    .default(defaultFieldSettings)
    .transform((f) => f as FieldSetting[]),
  filters: populationFilterSchema.default(() => populationFilterSchema.parse({})),
  intervalMinutes: z.number().int().min(MIN_INTERVAL_MINUTES).max(MAX_INTERVAL_MINUTES).default(DEFAULT_INTERVAL_MINUTES),
  /**
   * Self-hosted or host-mapped domains (a Jira on help.acme.example), each run with a site's
   * adapter. Host access and the content script for them are granted and registered at run time.
   */
  customDomains: z
    .array(z.object({ host: z.string().regex(/^[a-z0-9.-]+$/), site: z.string() }))
    .default([]),
  /** Sites switched off by the admin (all on by default). */
  disabledSites: z.array(z.string()).default([]),
  language: z.enum(['auto', 'en', 'de']).default('auto'),
  /**
   * Client-side request budget on employee endpoints (Personio allows 300 a minute).
   * 0 turns the client-side budget off, for a proxy or the simulator; 429s are still honoured.
   */
  requestsPerMinute: z.number().int().min(0).max(2000).default(300),
  connectedAt: z.number().optional(),
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

/** The parts of settings the options page may change (see SettingsPatch in messages.ts). */
export interface SettingsChange {
  fields?: { key: string; store: boolean; show: boolean }[];
  filters?: PopulationFilter;
  intervalMinutes?: number;
  disabledSites?: string[];
  customDomains?: { host: string; site: string }[];
  language?: Settings['language'];
}

/** Which parts of settings a policy locks (lib/managed.ts names them). */
export type LockName = 'credentials' | 'baseUrl' | 'fields' | 'statuses' | 'subcompanies' | 'departments' | 'interval' | 'sites';

/**
 * The admin's settings after a change from the options page. A setting the policy locks
 * is kept whatever the page sent; a change that would make settings invalid is refused
 * (null) rather than falling back to defaults, which would drop the connection. Pure.
 */
export function applySettingsChange(own: Settings, change: SettingsChange, locked: ReadonlySet<LockName>): Settings | null {
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
    ...(change.disabledSites && !locked.has('sites') ? { disabledSites: change.disabledSites } : {}),
    ...(change.customDomains && !locked.has('sites') ? { customDomains: change.customDomains } : {}),
    ...(change.language ? { language: change.language } : {}),
    filters,
  };
  const parsed = settingsSchema.safeParse(next);
  return parsed.success ? parsed.data : null;
}
