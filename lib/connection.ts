import { STANDARD_FIELDS, storedFields, isCustomField, type FieldSetting } from './fields';
import { PersonioClient, type CachedToken, type PersonioClientOptions } from './personio/client';
import { toErrorInfo, type ErrorInfo } from './personio/errors';
import type { AttributeDefinition } from './personio/schema';
import { API_TOKEN, CLIENT_SECRET, UNBOUND_CLIENT_SECRET, forgetSecret, openBoundSecret, openSecret, sealBoundSecret, type BoundSecret } from './secrets';
import { BASE_URL_NOT_ALLOWED, checkBaseUrl, DEFAULT_BASE_URL, sameBaseUrl, type Settings } from './settings';
import type { ManagedPolicy } from './managed';
import { SOAK_REQUEST_TIMEOUT_MS } from './background/soak-timeout';

export interface Credentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export type ConnectionTest =
  | { ok: true; employeeCount: number; granted: { key: string; label: string }[]; missing: { field: string; attribute: string; label: string }[] }
  | { ok: false; error: ErrorInfo };

/** Personio's English labels for attributes a credential may lack, for "tick Department" advice. */
const ATTRIBUTE_LABELS: Record<string, string> = {
  first_name: 'First name', last_name: 'Last name', preferred_name: 'Preferred name', email: 'Email', position: 'Position',
  department: 'Department', team: 'Team', office: 'Office', supervisor: 'Supervisor', status: 'Status',
  termination_date: 'Termination date', hire_date: 'Hire date', subcompany: 'Subcompany', profile_picture: 'Profile Picture',
  gender: 'Gender', cost_centers: 'Cost center', weekly_working_hours: 'Weekly hours', employment_type: 'Employment type',
  work_schedule: 'Work schedule', holiday_calendar: 'Public holidays',
};

/**
 * Attributes a field reads when granted and does well without: plenty of tenants never grant
 * preferred_name, and without a schedule or holiday calendar "back on" counts Monday to Friday.
 */
const OPTIONAL_ATTRIBUTES = new Set(['preferred_name', 'work_schedule', 'holiday_calendar']);

/** Which allowed fields need attributes this credential cannot read. Pure. */
export function missingGrants(fields: readonly FieldSetting[], granted: readonly AttributeDefinition[]): { field: string; attribute: string; label: string }[] {
  const keys = new Set(granted.map((g) => g.key));
  const stored = storedFields(fields);
  const missing: { field: string; attribute: string; label: string }[] = [];
  for (const f of STANDARD_FIELDS) {
    if (!stored.has(f.key)) continue;
    for (const attribute of f.attributes) {
      if (OPTIONAL_ATTRIBUTES.has(attribute) || keys.has(attribute)) continue;
      missing.push({ field: f.key, attribute, label: ATTRIBUTE_LABELS[attribute] ?? attribute });
    }
  }
  for (const key of stored) {
    if (isCustomField(key) && !keys.has(key)) missing.push({ field: key, attribute: key, label: key });
  }
  return missing;
}

/** Where a secret the organisation's policy pushes may go: the policy's base URL, or Personio's. */
export function policyBaseUrl(policy: Pick<ManagedPolicy, 'apiBaseUrl'>): string {
  return policy.apiBaseUrl ?? DEFAULT_BASE_URL;
}

/** The refusal for a base URL credentials may not be sent to (not `https:`, or not a URL). */
export const baseUrlRefused: { ok: false; error: ErrorInfo } = { ok: false, error: { kind: 'network', detail: BASE_URL_NOT_ALLOWED } };

export async function testConnection(credentials: Credentials, fields: readonly FieldSetting[], extra: Partial<PersonioClientOptions> = {}): Promise<ConnectionTest> {
  const target = checkBaseUrl(credentials.baseUrl);
  if (!target.ok) return baseUrlRefused;
  const client = new PersonioClient({ ...extra, ...credentials, baseUrl: target.url, retryLimit: extra.retryLimit ?? 2 });
  try {
    await client.authenticate(true);
    const granted = await client.attributes();
    const employeeCount = await client.employeeCount();
    return { ok: true, employeeCount, granted: granted.map((g) => ({ key: g.key, label: g.label })), missing: missingGrants(fields, granted) };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}

/** Keep the client secret for `baseUrl` alone; the token of any earlier connection goes. */
export async function saveSecret(secret: string, baseUrl: string): Promise<void> {
  await sealBoundSecret(CLIENT_SECRET, { secret, baseUrl });
  await forgetSecret(UNBOUND_CLIENT_SECRET);
  await forgetSecret(API_TOKEN);
}

/**
 * The saved client secret and the base URL it may be sent to. A secret sealed without its
 * base URL counts as bound to `savedBaseUrl`, the base URL the saved settings name.
 */
export async function savedSecret(savedBaseUrl: string): Promise<BoundSecret | undefined> {
  const bound = await openBoundSecret(CLIENT_SECRET);
  if (bound) return bound;
  const unbound = await openSecret(UNBOUND_CLIENT_SECRET);
  return unbound ? { secret: unbound, baseUrl: savedBaseUrl } : undefined;
}

/** Seal a secret saved without its base URL again, bound to the saved settings' base URL. */
export async function bindUnboundSecret(savedBaseUrl: string): Promise<void> {
  if (await openBoundSecret(CLIENT_SECRET)) return;
  const unbound = await openSecret(UNBOUND_CLIENT_SECRET);
  if (!unbound) return;
  await sealBoundSecret(CLIENT_SECRET, { secret: unbound, baseUrl: savedBaseUrl });
  await forgetSecret(UNBOUND_CLIENT_SECRET);
}

/**
 * A client for the saved connection, its token kept sealed across service-worker lives. The
 * saved secret (and the token) go only to the base URL they are bound to: with settings that
 * name another, there is no client. `policySecret`, a secret the organisation's policy pushes,
 * is sent to `settings.baseUrl`, which with such a policy is the policy's own (lib/managed.ts).
 */
export async function savedClient(settings: Settings, extra: Partial<PersonioClientOptions> = {}, policySecret?: string): Promise<PersonioClient | undefined> {
  if (!settings.clientId) return undefined;
  const target = checkBaseUrl(settings.baseUrl);
  if (!target.ok) return undefined;
  let secret = policySecret;
  if (!secret) {
    const saved = await savedSecret(settings.baseUrl);
    if (!saved || !sameBaseUrl(saved.baseUrl, target.url)) return undefined;
    secret = saved.secret;
  }
  const sealedToken = await openBoundSecret(API_TOKEN);
  const token = sealedToken && sameBaseUrl(sealedToken.baseUrl, target.url) ? parseToken(sealedToken.secret) : undefined;
  return new PersonioClient({
    // The bench build measures Sidecard's own pipeline against an unthrottled simulator, so it
    // plans for no rate limit; every other build keeps Personio's (the client's default).
    ...(import.meta.env.SIDECARD_BENCH ? { budgets: false as const } : {}),
    ...(import.meta.env.SIDECARD_SOAK ? { timeoutMs: SOAK_REQUEST_TIMEOUT_MS } : {}),
    ...extra,
    baseUrl: target.url,
    clientId: settings.clientId,
    clientSecret: secret,
    ...(token ? { token } : {}),
    onToken: (t) => {
      void (t ? sealBoundSecret(API_TOKEN, { secret: JSON.stringify(t), baseUrl: target.url }) : forgetSecret(API_TOKEN));
    },
  });
}

function parseToken(sealed: string): CachedToken | undefined {
  try {
    return JSON.parse(sealed) as CachedToken;
  } catch {
    return undefined;
  }
}
