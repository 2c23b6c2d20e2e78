/** Shared by the simulator's HTTP tests (server-*.test.ts): fixtures, request helpers, response shapes. */
import { afterAll, beforeAll, expect } from 'vitest';
import { ALL_ATTRIBUTES, DEFAULT_CREDENTIAL, startSimulator, type SimCredential, type Simulator } from './index';

export const TODAY = '2025-06-18'; // a Wednesday
export const NO_DEPARTMENT: SimCredential = {
  clientId: 'no-department',
  clientSecret: 'no-department-secret',
  attributes: ALL_ATTRIBUTES.filter((a) => a !== 'department'),
};
export const NO_PICTURES: SimCredential = {
  clientId: 'no-pictures',
  clientSecret: 'no-pictures-secret',
  attributes: ALL_ATTRIBUTES.filter((a) => a !== 'profile_picture'),
};

export interface Json {
  success: boolean;
  data?: unknown;
  error?: { code: number; message: string };
  metadata?: { total_elements: number; current_page: number; total_pages: number };
  offset?: number;
  limit?: number;
}
export interface EmployeeJson {
  type: string;
  attributes: Record<string, { label: string; value: unknown; type: string; universal_id: string | null }>;
}
export interface TimeOffJson {
  type: string;
  attributes: { id: number; start_date: string; end_date: string; employee: EmployeeJson };
}

export async function auth(sim: Simulator, credential: Pick<SimCredential, 'clientId' | 'clientSecret'> = DEFAULT_CREDENTIAL): Promise<string> {
  const response = await fetch(`${sim.url}/v1/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: credential.clientId, client_secret: credential.clientSecret }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { token: string } }).data.token;
}

export async function get(sim: Simulator, path: string, token?: string): Promise<{ status: number; headers: Headers; json: Json }> {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { Accept: 'application/json', 'X-Personio-App-ID': 'SIM_TEST', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Json };
}

export const employees = (json: Json) => json.data as EmployeeJson[];
export const ids = (json: Json) => employees(json).map((e) => e.attributes.id?.value as number);
export const control = (sim: Simulator, method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/__sim${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

export function expectErrorEnvelope(json: Json, message?: string | RegExp): void {
  expect(json.success).toBe(false);
  expect(typeof json.error?.code).toBe('number');
  expect(typeof json.error?.message).toBe('string');
  if (message !== undefined) expect(json.error?.message).toMatch(message);
}

/**
 * The simulator most tests of a file share, with a token for the default credential: 250
 * employees, seed 3, and the two narrowed credentials besides the default one.
 */
export async function startSharedSimulator(): Promise<{ sim: Simulator; token: string }> {
  const sim = await startSimulator({ employees: 250, seed: 3, today: TODAY, credentials: [DEFAULT_CREDENTIAL, NO_DEPARTMENT, NO_PICTURES] });
  return { sim, token: await auth(sim) };
}

/** The shared simulator for the tests of one file: started before them, handed to `use`, closed after them. */
export function withSharedSimulator(use: (shared: { sim: Simulator; token: string }) => void): void {
  let started: Simulator | undefined;
  beforeAll(async () => {
    const shared = await startSharedSimulator();
    started = shared.sim;
    use(shared);
  });
  afterAll(async () => {
    await started?.close();
  });
}
