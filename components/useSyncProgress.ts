import { useEffect, useState } from 'react';
import { PROGRESS_BROADCAST } from '@/lib/channels';
import type { ProgressBroadcast } from '@/lib/messages';
import type { SyncProgress } from '@/lib/sync/progress';

/** The progress a message carries if it is the background's broadcast; undefined for any other. */
export function broadcastProgress(message: unknown, sender: { tab?: unknown }): SyncProgress | undefined {
  // Only the background broadcasts progress; content scripts' messages carry a tab.
  if (sender.tab) return undefined;
  const msg = message as Partial<ProgressBroadcast>;
  return msg.type === PROGRESS_BROADCAST && msg.progress ? msg.progress : undefined;
}

/**
 * The running sync's latest progress, as the background broadcasts it. Called by the component
 * that shows it, not by the page around it: each broadcast draws only that component again.
 */
export function useSyncProgress(): SyncProgress | undefined {
  const [progress, setProgress] = useState<SyncProgress | undefined>();
  useEffect(() => {
    const onMessage = (message: unknown, sender: { tab?: unknown }) => {
      const next = broadcastProgress(message, sender);
      if (next) setProgress(next);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return progress;
}
