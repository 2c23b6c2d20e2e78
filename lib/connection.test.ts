// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindUnboundSecret, saveSecret, savedClient, savedSecret } from './connection';
import { db, wipeAll } from './db';
import { applyPolicy, parsePolicy } from './managed';
import { API_TOKEN, CLIENT_SECRET, openBoundSecret, openSecret, sealBoundSecret, sealSecret, UNBOUND_CLIENT_SECRET } from './secrets';
import { defaultSettings, type Settings } from './settings';

const PERSONIO = 'https://api.personio.de';
const PROXY = 'https://personio-proxy.acme.example';
const ATTACKER = 'https://attacker.example';
const SECRET = 'papi-secret-0123456789';

/** Requests a client sent (origin, path, body, authorization); every host grants a token. */
let sent: { origin: string; path: string; body: string; authorization: string | null }[];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  sent.push({ origin: url.origin, path: url.pathname, body: request.method === 'GET' ? '' : await request.clone().text(), authorization: request.headers.get('Authorization') });
  return new Response(JSON.stringify({ success: true, data: { token: 'papi-new-token', expires_in: 86_400 } }), { headers: { 'Content-Type': 'application/json' } });
};

const connected = (baseUrl: string): Settings => ({ ...defaultSettings(), baseUrl, clientId: 'client-id', secretHint: SECRET.slice(-4), connectedAt: 1 });

beforeEach(async () => {
  await wipeAll();
  sent = [];
});

describe('the saved client (sync and lazy fetches)', () => {
  it('sends the saved secret only to the base URL it was saved with', async () => {
    await saveSecret(SECRET, PERSONIO);
    for (const baseUrl of [ATTACKER, PROXY, `${PERSONIO}/v2`, 'http://api.personio.de']) {
      expect(await savedClient(connected(baseUrl), { fetch: recordingFetch })).toBeUndefined();
    }
    const client = await savedClient(connected(`${PERSONIO}/`), { fetch: recordingFetch, retryLimit: 0 });
    await client?.authenticate(true);
    expect(sent.map((r) => [r.origin, r.path])).toEqual([[PERSONIO, '/v1/auth']]);
    expect(sent[0]?.body).toContain(SECRET);
  });

  it("sends a secret the policy pushes to Personio's API, whatever base URL the admin's settings name", async () => {
    const policy = parsePolicy({ clientId: 'client-id', clientSecret: SECRET });
    const { settings, locked } = applyPolicy(connected(ATTACKER), policy);
    const client = await savedClient(settings, { fetch: recordingFetch, retryLimit: 0 }, policy.clientSecret);
    await client?.authenticate(true);
    expect(sent.map((r) => r.origin)).toEqual([PERSONIO]);
    // The options page shows the base URL as the organisation's.
    expect(locked.has('baseUrl')).toBe(true);
  });

  it('keeps the token for the base URL that issued it', async () => {
    await sealBoundSecret(API_TOKEN, { secret: JSON.stringify({ token: 'papi-personio-token', expiresAt: Date.now() + 86_400_000 }), baseUrl: PERSONIO });
    const elsewhere = await savedClient(connected(PROXY), { fetch: recordingFetch, retryLimit: 0 }, SECRET);
    expect(await elsewhere?.authenticate()).toBe('papi-new-token');
    expect(sent.map((r) => [r.origin, r.path])).toEqual([[PROXY, '/v1/auth']]);
    expect(sent.some((r) => r.authorization?.includes('papi-personio-token'))).toBe(false);
    // The new token is kept for the proxy; Personio's is not sent there again.
    await vi.waitFor(async () => expect(await openBoundSecret(API_TOKEN)).toMatchObject({ baseUrl: PROXY }));
  });

  it('reads a secret sealed without its base URL as bound to the saved one, and binds it for good', async () => {
    await sealSecret(UNBOUND_CLIENT_SECRET, SECRET);
    expect(await savedSecret(PROXY)).toEqual({ secret: SECRET, baseUrl: PROXY });
    expect(await savedClient(connected(PROXY))).toBeDefined();
    await bindUnboundSecret(PROXY);
    expect(await openSecret(UNBOUND_CLIENT_SECRET)).toBeUndefined();
    expect(await openBoundSecret(CLIENT_SECRET)).toEqual({ secret: SECRET, baseUrl: PROXY });
    // Bound now: other settings no longer make it follow them.
    expect(await savedSecret(ATTACKER)).toEqual({ secret: SECRET, baseUrl: PROXY });
    expect(await savedClient(connected(ATTACKER))).toBeUndefined();
  });

  it('keeps the secret sealed: the vault holds no plaintext secret or base URL', async () => {
    await saveSecret(SECRET, PROXY);
    const rows = await db().vault.toArray();
    const text = rows.map((r) => (r.data ? new TextDecoder().decode(r.data) : '')).join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(PROXY);
  });
});
