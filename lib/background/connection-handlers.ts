import { saveSecret, testConnection } from '../connection';
import type { Handlers, MessageOf, PageRequests } from '../messages';
import { CLIENT_SECRET, openSecret } from '../secrets';
import { applyPolicy } from '../managed';
import type { Settings } from '../settings';
import { failure, settledOrFailure } from './failure';
import type { BackgroundServices } from './services';
import { scheduleSync } from './sync-alarms';

type Credentials = MessageOf<PageRequests, 'connect'>['credentials'];
type ConnectionRequests = Pick<PageRequests, 'test-connection' | 'connect' | 'attributes'>;

/** Testing, making and using the Personio connection: the only requests that handle the secret. */
export function connectionHandlers(services: BackgroundServices): Handlers<ConnectionRequests, void> {
  const { settings } = services;

  /** The secret typed on the page, or the saved one when the page keeps it for the same client id. */
  async function secretFor(current: Settings, credentials: Credentials): Promise<string | undefined> {
    if (credentials.clientSecret) return credentials.clientSecret;
    return current.clientId === credentials.clientId ? openSecret(CLIENT_SECRET) : undefined;
  }

  return {
    'test-connection': async ({ credentials }) => {
      const snapshot = await settledOrFailure(settings);
      if ('error' in snapshot) return snapshot;
      const secret = await secretFor(snapshot.settings, credentials);
      if (!secret) return { ok: false, error: { kind: 'bad-credentials', detail: 'no secret' } };
      return testConnection({ ...credentials, clientSecret: secret }, snapshot.settings.fields);
    },

    connect: async ({ credentials }) => {
      const snapshot = await settledOrFailure(settings);
      if ('error' in snapshot) return snapshot;
      const secret = await secretFor(snapshot.settings, credentials);
      if (!secret) return { ok: false, error: { kind: 'bad-credentials', detail: 'no secret' } };
      const result = await testConnection({ ...credentials, clientSecret: secret }, snapshot.settings.fields);
      if (!result.ok) return result; // nothing is stored for credentials that do not work
      await saveSecret(secret);
      const own: Settings = { ...snapshot.own, baseUrl: credentials.baseUrl, clientId: credentials.clientId, secretHint: secret.slice(-4), connectedAt: Date.now() };
      await settings.store(own);
      await scheduleSync(applyPolicy(own, snapshot.policy).settings);
      void services.startSync('full');
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
