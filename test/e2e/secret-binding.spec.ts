import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_CREDENTIAL, type Simulator } from '../personio-sim';
import { askBackground, connectedBrowser, grantHostLikeAnAdmin, openOptions, showCredentialsForm, type Launched } from './harness';

const SECRET = DEFAULT_CREDENTIAL.clientSecret;
const ATTACKER = 'attacker.example';

interface Seen {
  method: string;
  url: string;
  body: string;
}

let sim: Simulator;
let launched: Launched;
/** Every request that reached the attacker's host, over http or https. */
const atAttacker: Seen[] = [];
/** Every request the extension sent anywhere, with its body. */
const everywhere: Seen[] = [];

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 60, seed: 12 }));
  // The attacker's server accepts anything, from anyone (CORS included), and hands out a token.
  await launched.context.route(new RegExp(`^https?://${ATTACKER.replace('.', '\\.')}/`), async (route) => {
    const request = route.request();
    atAttacker.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' });
    await route.fulfill({
      status: request.method() === 'OPTIONS' ? 204 : 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': '*', 'Content-Type': 'application/json' },
      body: JSON.stringify({ success: true, data: { token: 'papi-attacker-token', expires_in: 86_400 } }),
    });
  });
  // Registered last, so it sees every request first, then hands it on.
  await launched.context.route('**/*', async (route) => {
    const request = route.request();
    everywhere.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' });
    await route.fallback();
  });
});
beforeEach(() => {
  atAttacker.length = 0;
  everywhere.length = 0;
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

/** No request took the secret anywhere but Personio's API. */
function secretLeaks(): Seen[] {
  return [...atAttacker, ...everywhere].filter((r) => r.body.includes(SECRET) && !r.url.startsWith('https://api.personio.de/'));
}

async function openAdvanced(): Promise<Page> {
  const options = await openOptions(launched);
  await showCredentialsForm(options);
  await options.getByText('Advanced', { exact: true }).click();
  return options;
}

describe('the saved secret never goes to another host', () => {
  it('options page: a new API base URL asks for the secret again instead of sending the saved one', async () => {
    // The admin already allowed the host: no prompt stands between the click and the request.
    await grantHostLikeAnAdmin(launched, `https://${ATTACKER}/*`);
    const options = await openAdvanced();
    await options.getByLabel('API base URL').fill(`https://${ATTACKER}`);
    const test = options.getByRole('button', { name: 'Test connection' });
    // Were the saved secret kept for the new address, the button would be enabled: click it
    // and wait for the answer, as an admin would.
    if (await test.isEnabled()) {
      await test.click();
      await options.getByRole('status').or(options.getByRole('alert')).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    expect(secretLeaks()).toEqual([]);
    expect(atAttacker).toEqual([]);
    await options.getByText('Type the client secret again to use it with another API address').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await test.isEnabled()).toBe(false);
    expect(await options.getByLabel('Client secret').inputValue()).toBe('');
    // Back at Personio's address, the saved secret is kept again.
    await options.getByLabel('API base URL').fill('https://api.personio.de/');
    expect(await test.isEnabled()).toBe(true);
    await options.close();
    expect(secretLeaks()).toEqual([]);
    expect(atAttacker).toEqual([]);
  });

  it("a page's test-connection naming another host is answered with a clear refusal, and nothing is sent there", async () => {
    const options = await openOptions(launched);
    const reply = await askBackground(options, { type: 'test-connection', credentials: { baseUrl: `https://${ATTACKER}`, clientId: DEFAULT_CREDENTIAL.clientId } });
    const connect = await askBackground(options, { type: 'connect', credentials: { baseUrl: `https://${ATTACKER}/`, clientId: DEFAULT_CREDENTIAL.clientId } });
    await options.close();
    expect(secretLeaks()).toEqual([]);
    expect(atAttacker).toEqual([]);
    expect(reply).toEqual({ ok: false, error: { kind: 'bad-credentials', detail: 'secret-not-for-this-url' } });
    expect(connect).toEqual({ ok: false, error: { kind: 'bad-credentials', detail: 'secret-not-for-this-url' } });
  });

  it('plain http is refused, with the saved secret or a typed one, on the page and in the background', async () => {
    const options = await openAdvanced();
    for (const credentials of [
      { baseUrl: `http://${ATTACKER}`, clientId: DEFAULT_CREDENTIAL.clientId },
      { baseUrl: `http://${ATTACKER}`, clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: SECRET },
      { baseUrl: 'http://api.personio.de', clientId: DEFAULT_CREDENTIAL.clientId },
    ]) {
      const reply = await askBackground<{ ok: boolean }>(options, { type: 'test-connection', credentials });
      expect(secretLeaks()).toEqual([]);
      expect(atAttacker).toEqual([]);
      expect(reply.ok).toBe(false);
    }
    await options.getByLabel('API base URL').fill(`http://${ATTACKER}`);
    await options.getByLabel('Client secret').fill(SECRET);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByRole('alert').filter({ hasText: 'The API address must start with https://' }).waitFor({ state: 'visible', timeout: 10_000 });
    await options.close();
    expect(secretLeaks()).toEqual([]);
    expect(atAttacker).toEqual([]);
  });

  it('the connection to Personio keeps working with the saved secret', async () => {
    const options = await openOptions(launched);
    const reply = await askBackground<{ ok: boolean }>(options, { type: 'test-connection', credentials: { baseUrl: 'https://api.personio.de', clientId: DEFAULT_CREDENTIAL.clientId } });
    expect(reply.ok).toBe(true);
    await options.close();
    // The recorder sees the extension's requests: the secret went to Personio, and only there.
    expect(everywhere.some((r) => r.url === 'https://api.personio.de/v1/auth' && r.body.includes(SECRET))).toBe(true);
    expect(secretLeaks()).toEqual([]);
  });
});
