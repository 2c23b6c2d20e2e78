// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../test/personio-sim';
import { savedClient } from '../connection';
import { wipeAll } from '../db';
import type { ManagedPolicy } from '../managed';
import { sealSecret, UNBOUND_CLIENT_SECRET } from '../secrets';
import { SETTINGS_KEY } from '../settings';
import { connectionHandlers } from './connection-handlers';
import { onWorkerStart } from './startup';
import { PolicySource } from './policy';
import type { BackgroundServices } from './services';
import { SettingsSource } from './settings-source';

const PERSONIO = 'https://api.personio.de';
const PROXY = 'https://personio-proxy.acme.example';
const ATTACKER = 'https://attacker.example';
const SECRET = DEFAULT_CREDENTIAL.clientSecret;
const CLIENT_ID = DEFAULT_CREDENTIAL.clientId;

interface Sent {
  origin: string;
  path: string;
  body: string;
}

let sim: Simulator;
/** Every request the background sent, wherever it went. */
let sent: Sent[];
const realFetch = globalThis.fetch;

/**
 * The network as the background sees it: Personio's host and the company's proxy answered by
 * the simulator, any other host by a server that accepts whatever it is sent.
 */
async function network(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request ? input : new Request(input, init);
  const body = request.method === 'GET' ? '' : await request.clone().text();
  const url = new URL(request.url);
  sent.push({ origin: url.origin, path: url.pathname, body });
  if (url.origin === PERSONIO || url.origin === PROXY) {
    return realFetch(`${sim.url}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body ? { body } : {}) });
  }
  return new Response(JSON.stringify({ success: true, data: { token: 'papi-accepted', expires_in: 86_400 } }), { headers: { 'Content-Type': 'application/json' } });
}

/** Requests that carried the secret to a host other than `allowed`. */
const secretSentElsewhere = (allowed: string) => sent.filter((r) => r.origin !== allowed && r.body.includes(SECRET));

function handlersWith(policy: ManagedPolicy = {}) {
  const policySource = new PolicySource(async () => policy);
  const settings = new SettingsSource(policySource, fakeBrowser.storage.local);
  const services = { policy: policySource, settings, startSync: vi.fn(async () => undefined), panels: { askPagesAgain: vi.fn(async () => undefined) } } as unknown as BackgroundServices;
  const handlers = connectionHandlers(services);
  /** The worker's start: a policy carrying credentials connects by itself. */
  const start = () => onWorkerStart(services, (message) => handlers.connect(message, undefined));
  return { handlers, settings, start };
}

beforeAll(async () => {
  sim = await startSimulator({ employees: 20, seed: 4 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await wipeAll();
  sent = [];
  vi.stubGlobal('fetch', vi.fn(network));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the saved secret goes only to the base URL it was saved with', () => {
  it('refuses a test or connect naming another base URL without a typed secret, and sends nothing there', async () => {
    const { handlers, settings } = handlersWith();
    expect(await handlers.connect({ type: 'connect', credentials: { baseUrl: PERSONIO, clientId: CLIENT_ID, clientSecret: SECRET } }, undefined)).toMatchObject({ ok: true });
    expect(sent.some((r) => r.origin === PERSONIO && r.body.includes(SECRET))).toBe(true);
    sent = [];

    for (const baseUrl of [ATTACKER, `${ATTACKER}/`, `${PERSONIO}/proxy`, `${PROXY}`]) {
      const credentials = { baseUrl, clientId: CLIENT_ID };
      const replies = [await handlers['test-connection']({ type: 'test-connection', credentials }, undefined), await handlers.connect({ type: 'connect', credentials }, undefined)];
      expect(sent).toEqual([]);
      expect(replies).toEqual(Array(2).fill({ ok: false, error: { kind: 'bad-credentials', detail: 'secret-not-for-this-url' } }));
    }
    // The connection stays as it was, still bound to Personio.
    expect((await settings.settled()).own.baseUrl).toBe(PERSONIO);

    // The same base URL spelled otherwise still uses the saved secret.
    expect(await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl: `${PERSONIO}/`, clientId: CLIENT_ID } }, undefined)).toMatchObject({ ok: true });
    expect(secretSentElsewhere(PERSONIO)).toEqual([]);
  });

  it('treats a secret sealed without its base URL as bound to the saved settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { baseUrl: PROXY, clientId: CLIENT_ID, secretHint: SECRET.slice(-4), connectedAt: 1 } });
    await sealSecret(UNBOUND_CLIENT_SECRET, SECRET);
    const { handlers } = handlersWith();
    const reply = await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl: ATTACKER, clientId: CLIENT_ID } }, undefined);
    expect(sent).toEqual([]);
    expect(reply).toMatchObject({ ok: false, error: { detail: 'secret-not-for-this-url' } });
    expect(await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl: PROXY, clientId: CLIENT_ID } }, undefined)).toMatchObject({ ok: true });
    expect(secretSentElsewhere(PROXY)).toEqual([]);
  });

  it('gives the sync no client once the settings name another base URL', async () => {
    const { handlers, settings } = handlersWith();
    await handlers.connect({ type: 'connect', credentials: { baseUrl: PERSONIO, clientId: CLIENT_ID, clientSecret: SECRET } }, undefined);
    const { own } = await settings.settled();
    expect(await savedClient(own)).toBeDefined();
    expect(await savedClient({ ...own, baseUrl: ATTACKER })).toBeUndefined();
    expect(await savedClient({ ...own, baseUrl: 'http://api.personio.de' })).toBeUndefined();
  });
});

describe('base URLs are https only', () => {
  it.each(['http://attacker.example', 'http://127.0.0.1:8080', 'http://localhost', 'ftp://api.personio.de'])('refuses %s even with a typed secret, sending nothing', async (baseUrl) => {
    const { handlers } = handlersWith();
    for (const type of ['test-connection', 'connect'] as const) {
      const reply = await handlers[type]({ type, credentials: { baseUrl, clientId: CLIENT_ID, clientSecret: SECRET } } as never, undefined);
      expect(sent).toEqual([]);
      expect(reply).toEqual({ ok: false, error: { kind: 'network', detail: 'base-url-not-allowed' } });
    }
  });
});

describe('with the policy locking credentials or the base URL', () => {
  it("uses the policy's client id and the saved secret, whatever credentials the request names", async () => {
    await handlersWith().handlers.connect({ type: 'connect', credentials: { baseUrl: PERSONIO, clientId: CLIENT_ID, clientSecret: SECRET } }, undefined);
    sent = [];
    const { handlers } = handlersWith({ clientId: CLIENT_ID });
    const reply = await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl: PERSONIO, clientId: 'page-chosen-id', clientSecret: 'typed-by-a-page' } }, undefined);
    const auth = sent.filter((r) => r.path === '/v1/auth').map((r) => JSON.parse(r.body) as { client_id: string; client_secret: string });
    expect(auth).toEqual([{ client_id: CLIENT_ID, client_secret: SECRET }]);
    expect(reply).toMatchObject({ ok: true });
  });

  it("uses the policy's base URL, whatever the request names, and stores that", async () => {
    const { handlers, settings } = handlersWith({ apiBaseUrl: `${PROXY}/` });
    const replies = [
      await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl: ATTACKER, clientId: CLIENT_ID, clientSecret: SECRET } }, undefined),
      await handlers.connect({ type: 'connect', credentials: { baseUrl: ATTACKER, clientId: CLIENT_ID, clientSecret: SECRET } }, undefined),
    ];
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.origin !== PROXY)).toEqual([]);
    expect(replies).toMatchObject([{ ok: true }, { ok: true }]);
    expect((await settings.settled()).own.baseUrl).toBe(PROXY);
  });

  it("sends a secret the policy pushes only to Personio's API when the policy names no base URL", async () => {
    // The admin's own settings name another host; the policy names none.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { baseUrl: ATTACKER } });
    const { handlers, start } = handlersWith({ clientId: CLIENT_ID, clientSecret: SECRET });
    await start();
    for (const baseUrl of [ATTACKER, PROXY, 'http://attacker.example']) {
      const replies = [
        await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl, clientId: CLIENT_ID } }, undefined),
        await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl, clientId: 'other', clientSecret: 'typed-by-a-page' } }, undefined),
      ];
      expect(sent.filter((r) => r.origin !== PERSONIO)).toEqual([]);
      expect(replies).toMatchObject([{ ok: true }, { ok: true }]);
    }
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.some((r) => r.body.includes('typed-by-a-page'))).toBe(false);
  });

  it("sends a secret the policy pushes only to the policy's base URL", async () => {
    const { handlers, settings, start } = handlersWith({ clientId: CLIENT_ID, clientSecret: SECRET, apiBaseUrl: PROXY });
    await start();
    const replies = [
      await handlers['test-connection']({ type: 'test-connection', credentials: { baseUrl: ATTACKER, clientId: CLIENT_ID } }, undefined),
      await handlers.connect({ type: 'connect', credentials: { baseUrl: ATTACKER, clientId: CLIENT_ID } }, undefined),
    ];
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.origin !== PROXY)).toEqual([]);
    expect(replies).toMatchObject([{ ok: true }, { ok: true }]);
    // The sync's client for these settings goes there too.
    sent = [];
    const client = await savedClient((await settings.settled()).settings, { retryLimit: 0 }, SECRET);
    await client?.authenticate(true);
    expect(sent.map((r) => r.origin)).toEqual([PROXY]);
  });
});
