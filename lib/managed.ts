import * as z from 'zod/mini';
import { STANDARD_FIELDS, isCustomField, type FieldSetting } from './fields';
import { MAX_TENANTS, normaliseTenant } from './tenants';
import { DEFAULT_BASE_URL, employeeStatusSchema, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, type LockName, type Settings } from './settings';

/**
 * Enterprise policy (`storage.managed`, schema in public/managed_schema.json). A value the
 * policy sets wins over the admin's own setting and is shown locked ("Managed by your
 * organisation"). Invalid policy values are ignored one by one, never the whole policy.
 */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

export const managedPolicySchema = z.object({
  clientId: lenient(z.string().check(z.minLength(1))),
  clientSecret: lenient(z.string().check(z.minLength(1))),
  apiBaseUrl: lenient(z.url()),
  storedFields: lenient(z.array(z.string())),
  shownFields: lenient(z.array(z.string())),
  statuses: lenient(z.array(employeeStatusSchema)),
  subcompanyIds: lenient(z.array(z.int())),
  departmentIds: lenient(z.array(z.int())),
  intervalMinutes: lenient(z.int().check(z.minimum(MIN_INTERVAL_MINUTES), z.maximum(MAX_INTERVAL_MINUTES))),
  disabledSites: lenient(z.array(z.string())),
  tenants: lenient(z.array(z.string())),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

export function parsePolicy(raw: unknown): ManagedPolicy {
  const parsed = managedPolicySchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

const knownField = (k: string) => isCustomField(k) || STANDARD_FIELDS.some((f) => f.key === k);

/** Settings with the policy applied, and which settings it locks. Pure. */
export function applyPolicy(settings: Settings, policy: ManagedPolicy): { settings: Settings; locked: Set<LockName> } {
  const locked = new Set<LockName>();
  const next: Settings = { ...settings, filters: { ...settings.filters } };
  if (policy.clientId) {
    next.clientId = policy.clientId;
    locked.add('credentials');
  }
  // A secret the policy pushes goes only where the policy says (Personio's API unless it names a proxy).
  if (policy.apiBaseUrl || policy.clientSecret) {
    next.baseUrl = (policy.apiBaseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    locked.add('baseUrl');
  }
  if (policy.storedFields || policy.shownFields) {
    const stored = new Set((policy.storedFields ?? settings.fields.filter((f) => f.store).map((f) => f.key)).filter(knownField));
    const shownOrder = (policy.shownFields ?? settings.fields.filter((f) => f.show).map((f) => f.key)).filter(knownField);
    const rest = [...new Set([...settings.fields.map((f) => f.key), ...stored])].filter((k) => !shownOrder.includes(k));
    next.fields = [...shownOrder, ...rest].map(
      (key): FieldSetting => ({ key: key as FieldSetting['key'], store: stored.has(key) || STANDARD_FIELDS.some((f) => f.key === key && f.required), show: shownOrder.includes(key) }),
    );
    locked.add('fields');
  }
  if (policy.statuses) {
    next.filters.statuses = policy.statuses;
    locked.add('statuses');
  }
  if (policy.subcompanyIds) {
    next.filters.subcompanyIds = policy.subcompanyIds;
    locked.add('subcompanies');
  }
  if (policy.departmentIds) {
    next.filters.departmentIds = policy.departmentIds;
    locked.add('departments');
  }
  if (policy.intervalMinutes) {
    next.intervalMinutes = policy.intervalMinutes;
    locked.add('interval');
  }
  if (policy.disabledSites) {
    next.disabledSites = policy.disabledSites;
    locked.add('sites');
  }
  if (policy.tenants) {
    // Entries that name no tenant of a multi-tenant site are dropped one by one.
    next.tenants = [...new Set(policy.tenants.map(normaliseTenant).filter((host): host is string => host !== null))].slice(0, MAX_TENANTS);
    locked.add('tenants');
  }
  return { settings: next, locked };
}

/**
 * How long the first read of the organisation's policy may take. Chromium usually answers in
 * 2–3 s after start-up; past this, what depends on the policy reports it instead of waiting.
 */
export const POLICY_READ_LIMIT_MS = 10_000;

/** `work`, or the error `onTimeout` makes if it has not settled within `ms`. */
export function withTimeLimit<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
