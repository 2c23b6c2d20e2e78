import { useCallback, useEffect, useState } from 'react';
import { askWithRetry } from '@/lib/ask';
import { takeEarlyStatus } from './early';
import { PROGRESS_BROADCAST } from '@/lib/channels';
import type { ProgressBroadcast } from '@/lib/messages';
import type { StatusReply } from '@/lib/status';
import type { SyncProgress } from '@/lib/sync/progress';

/**
 * The background's status for an extension page, with the live sync progress it broadcasts;
 * asked again when a run ends (and every `pollMs`, when given, for "3 minutes ago" and the log).
 */
export function useStatus(pollMs?: number) {
  const [status, setStatus] = useState<StatusReply | undefined>();
  const [progress, setProgress] = useState<SyncProgress | undefined>();
  const refresh = useCallback(() => askWithRetry({ type: 'status' }).then(setStatus), []);
  useEffect(() => {
    const early = takeEarlyStatus();
    let first: ReturnType<typeof setTimeout> | undefined;
    if (early) {
      // The last known status first, while a sleeping worker wakes; the fresh one replaces it.
      let answered = false;
      void early.cached.then((cached) => {
        if (cached && !answered) setStatus((current) => current ?? cached);
      });
      void early.fresh.then((reply) => {
        answered = true;
        if (reply) setStatus(reply);
        else void refresh();
      });
    } else {
      first = setTimeout(() => void refresh(), 0);
    }
    const onMessage = (m: unknown, sender: { tab?: unknown }) => {
      // Only the background broadcasts progress; content scripts' messages carry a tab.
      if (sender.tab) return;
      const msg = m as Partial<ProgressBroadcast>;
      if (msg.type !== PROGRESS_BROADCAST || !msg.progress) return;
      setProgress(msg.progress);
      if (msg.progress.stage === 'done' || msg.progress.stage === 'failed') void refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    const timer = pollMs ? setInterval(() => void refresh(), pollMs) : undefined;
    return () => {
      clearTimeout(first);
      browser.runtime.onMessage.removeListener(onMessage);
      clearInterval(timer);
    };
  }, [refresh, pollMs]);
  /** Show a settings change at once; the background's answer follows with the next refresh. */
  const showSettings = useCallback((patch: Partial<StatusReply['settings']>) => {
    setStatus((current) => (current ? { ...current, settings: { ...current.settings, ...patch } } : current));
  }, []);
  return { status, progress, refresh, showSettings };
}
