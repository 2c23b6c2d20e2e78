import { baseUrlRefused, policyBaseUrl, savedSecret, saveSecret, testConnection, type Credentials } from '../connection';
import type { Handlers, MessageOf, PageRequests } from '../messages';
import { applyPolicy } from '../managed';
import { checkBaseUrl, sameBaseUrl, SECRET_NOT_FOR_THIS_URL, type Settings } from '../settings';
import { failure, settledOrFailure, type Failure } from './failure';
import type { BackgroundServices } from './services';
import type { SettingsSnapshot } from './settings-source';
import { scheduleSync } from './sync-alarms';

type Requested = MessageOf<PageRequests, 'connect'>['credentials'];
type ConnectionRequests = Pick<PageRequests, 'test-connection' | 'connect' | 'attributes'>;

/**
 * The credentials a test or connect request may use, and where they may go. What the
 * organisation's policy locks comes from the policy whatever the page sent (with the client id
 * locked, a secret the page sends is ignored too); a secret the policy pushes goes only to the
 * policy's base URL; the saved secret only to the base URL it was saved with. A secret the page
 * types goes where the page says, if that is an `https:` address.
 */
export async function credentialsFor(snapshot: SettingsSnapshot, requested: Requested): Promise<{ ok: true; credentials: Credentials } | Failure> {
  const { policy, locked, settings: current } = snapshot;
  const clientId = locked.has('credentials') ? current.clientId : requested.clientId;
  const destination = policy.clientSecret ? policyBaseUrl(policy) : locked.has('baseUrl') ? current.baseUrl : requested.baseUrl;
  const target = checkBaseUrl(destination);
  if (!target.ok) return baseUrlRefused;
  const baseUrl = target.url;
  if (policy.clientSecret) return { ok: true, credentials: { baseUrl, clientId, clientSecret: policy.clientSecret } };
  if (requested.clientSecret && !locked.has('credentials')) return { ok: true, credentials: { baseUrl, clientId, clientSecret: requested.clientSecret } };
  // The saved secret belongs to the saved client id, and to the base URL it was saved with.
  const saved = current.clientId === clientId ? await savedSecret(snapshot.own.baseUrl) : undefined;
  if (!saved) return { ok: false, error: { kind: 'bad-credentials', detail: 'no secret' } };
  if (!sameBaseUrl(saved.baseUrl, baseUrl)) return { ok: false, error: { kind: 'bad-credentials', detail: SECRET_NOT_FOR_THIS_URL } };
  return { ok: true, credentials: { baseUrl, clientId, clientSecret: saved.secret } };
}

/** Testing, making and using the Personio connection: the only requests that handle the secret. */
export function connectionHandlers(services: BackgroundServices): Handlers<ConnectionRequests, void> {
  const { settings } = services;

  return {
    'test-connection': async ({ credentials: requested }) => {
      const snapshot = await settledOrFailure(settings);
      if ('error' in snapshot) return snapshot;
      const usable = await credentialsFor(snapshot, requested);
      if (!usable.ok) return usable;
      return testConnection(usable.credentials, snapshot.settings.fields);
    },

    connect: async ({ credentials: requested }) => {
      const snapshot = await settledOrFailure(settings);
      if ('error' in snapshot) return snapshot;
      const usable = await credentialsFor(snapshot, requested);
      if (!usable.ok) return usable;
      const { baseUrl, clientId, clientSecret } = usable.credentials;
      const result = await testConnection(usable.credentials, snapshot.settings.fields);
      if (!result.ok) return result; // nothing is stored for credentials that do not work
      await saveSecret(clientSecret, baseUrl);
      const own: Settings = { ...snapshot.own, baseUrl, clientId, secretHint: clientSecret.slice(-4), connectedAt: Date.now() };
      await settings.store(own);
      await scheduleSync(applyPolicy(own, snapshot.policy).settings);
      void services.startSync('full');
      await services.panels.askPagesAgain();
      return result;
    },

    attributes: async () => {
      const snapshot = await settledOrFailure(settings);
      if ('error' in snapshot) return snapshot;
      try {
        const client = await services.clientFor(snapshot.settings);
        if (!client) return { ok: false, error: { kind: 'bad-credentials' } };
        return { ok: true, attributes: (await client.attributes()).map((a) => ({ key: a.key, label: a.label })) };
      } catch (e) {
        return failure(e);
      }
    },
  };
}
