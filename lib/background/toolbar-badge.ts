import type { SyncState } from '../db';
import { isConnected, type Settings } from '../settings';
import { isStale } from '../sync/schedule';

/** Whether the toolbar icon warns: connected, and the last sync failed or the data is stale. Pure. */
export function needsAttention(settings: Settings, state: Pick<SyncState, 'lastSuccessAt' | 'lastError'>, now: number): boolean {
  if (!isConnected(settings)) return false;
  const failedLast = state.lastError !== undefined && state.lastError.at > (state.lastSuccessAt ?? 0);
  return failedLast || isStale(state, settings.intervalMinutes, now);
}

/** Chrome's MV3 `action`, or Firefox's MV2 `browserAction`. */
function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** A "!" on the toolbar icon while syncing fails or the data is stale. */
export async function showAttention(problem: boolean): Promise<void> {
  const action = toolbarAction();
  await action.setBadgeText({ text: problem ? '!' : '' });
  if (problem) await action.setBadgeBackgroundColor({ color: '#b91c1c' });
}
