import { bindUnboundSecret, policyBaseUrl } from '../connection';
import type { MessageOf, PageRequests } from '../messages';
import { databaseTooNew } from '../db';
import { isConnected } from '../settings';
import { readSyncState } from '../sync/run';
import { registerCustomDomains } from './custom-domains';
import type { BackgroundServices } from './services';
import { requestedRun, scheduleSync } from './sync-alarms';

type Connect = (message: MessageOf<PageRequests, 'connect'>) => Promise<unknown>;

/**
 * Each time the worker starts: a secret saved without its base URL is bound to the saved one;
 * a managed deployment whose policy carries credentials connects itself (to the policy's base
 * URL, the only one its secret may go to); a run the worker or the browser was stopped in the
 * middle of resumes at once; the sync alarm, the toolbar badge and the admin's custom domains are
 * brought in line with the settings.
 */
export async function onWorkerStart(services: BackgroundServices, connect: Connect): Promise<void> {
  const { settings: current, own, policy } = await services.settings.settled();
  // A vault that cannot be rewritten now keeps the unbound secret, read as bound to the same URL.
  await bindUnboundSecret(own.baseUrl).catch(() => undefined);
  if (!isConnected(current) && policy.clientId && policy.clientSecret) {
    await connect({ type: 'connect', credentials: { baseUrl: policyBaseUrl(policy), clientId: policy.clientId, clientSecret: policy.clientSecret } });
    return;
  }
  // A database a newer build wrote stays closed: no run to resume, no badge read from it.
  const tooNew = await databaseTooNew();
  if (!tooNew && isConnected(current)) {
    // A run under way when the worker (or the browser) stopped: resumed from its checkpoint, or
    // started again if it had not written one yet.
    const requested = await requestedRun();
    if (requested || (await readSyncState()).checkpoint) void services.startSync(requested ?? 'auto');
  }
  await scheduleSync(current);
  if (!tooNew) await services.refreshBadge();
  await registerCustomDomains(current);
}
