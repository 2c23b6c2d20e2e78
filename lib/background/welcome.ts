import { isConnected } from '../settings';
import type { BackgroundServices } from './services';

/**
 * A new install opens the options page, so the admin who just added Sidecard lands where
 * it is set up instead of hunting for it. Not on updates or browser restarts, and not
 * where the organisation's policy already carries the credentials (it connects itself).
 */
export async function welcomeOnInstall(reason: string, services: Pick<BackgroundServices, 'settings'>, openOptions: () => Promise<void>): Promise<boolean> {
  if (reason !== 'install') return false;
  const { settings, policy } = await services.settings.settled();
  if (isConnected(settings) || (policy.clientId && policy.clientSecret)) return false;
  await openOptions();
  return true;
}
