import { STANDARD_FIELDS, storedFields, isCustomField, type FieldSetting } from './fields';
import { PersonioClient, type CachedToken, type PersonioClientOptions } from './personio/client';
import { toErrorInfo, type ErrorInfo } from './personio/errors';
import type { AttributeDefinition } from './personio/schema';
import { API_TOKEN, CLIENT_SECRET, openSecret, sealSecret, forgetSecret } from './secrets';
import type { Settings } from './settings';

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
};

/** Which allowed fields need attributes this credential cannot read. Pure. */
export function missingGrants(fields: readonly FieldSetting[], granted: readonly AttributeDefinition[]): { field: string; attribute: string; label: string }[] {
  const keys = new Set(granted.map((g) => g.key));
  const stored = storedFields(fields);
  const missing: { field: string; attribute: string; label: string }[] = [];
  for (const f of STANDARD_FIELDS) {
    if (!stored.has(f.key)) continue;
    for (const attribute of f.attributes) {
      // preferred_name is optional: plenty of tenants never grant it.
      if (attribute === 'preferred_name' || keys.has(attribute)) continue;
      missing.push({ field: f.key, attribute, label: ATTRIBUTE_LABELS[attribute] ?? attribute });
    }
  }
  for (const key of stored) {
    if (isCustomField(key) && !keys.has(key)) missing.push({ field: key, attribute: key, label: key });
  }
  return missing;
}

export async function testConnection(credentials: Credentials, fields: readonly FieldSetting[], extra: Partial<PersonioClientOptions> = {}): Promise<ConnectionTest> {
  const client = new PersonioClient({ ...extra, ...credentials, retryLimit: extra.retryLimit ?? 2 });
  try {
    await client.authenticate(true);
    const granted = await client.attributes();
    const employeeCount = await client.employeeCount();
    return { ok: true, employeeCount, granted: granted.map((g) => ({ key: g.key, label: g.label })), missing: missingGrants(fields, granted) };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}

export async function saveSecret(secret: string): Promise<void> {
  await sealSecret(CLIENT_SECRET, secret);
  await forgetSecret(API_TOKEN);
}

/** A client for the saved connection, its token kept sealed across service-worker lives. */
export async function savedClient(settings: Settings, extra: Partial<PersonioClientOptions> = {}, secretOverride?: string): Promise<PersonioClient | undefined> {
  if (!settings.clientId) return undefined;
  const secret = secretOverride ?? (await openSecret(CLIENT_SECRET));
  if (!secret) return undefined;
  let token: CachedToken | undefined;
  const sealedToken = await openSecret(API_TOKEN);
  if (sealedToken) {
    try {
      token = JSON.parse(sealedToken) as CachedToken;
    } catch {
      token = undefined;
    }
  }
  return new PersonioClient({
    // The bench build measures Sidecard's own pipeline against an unthrottled simulator, so it
    // plans for no rate limit; every other build keeps Personio's (the client's default).
    ...(import.meta.env.SIDECARD_BENCH ? { budgets: false as const } : {}),
    ...extra,
    baseUrl: settings.baseUrl,
    clientId: settings.clientId,
    clientSecret: secret,
    ...(token ? { token } : {}),
    onToken: (t) => {
      void (t ? sealSecret(API_TOKEN, JSON.stringify(t)) : forgetSecret(API_TOKEN));
    },
  });
}
