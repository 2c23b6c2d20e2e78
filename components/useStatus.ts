import { useCallback, useEffect, useState } from 'react';
import { askWithRetry } from '@/lib/ask';
import { takeEarlyStatus } from './early';
import type { StatusReply } from '@/lib/status';
import { broadcastProgress } from './useSyncProgress';

/**
 * The background's status for an extension page, asked again when a run ends (and every
 * `pollMs`, when given, for "3 minutes ago" and the log). The run's progress meanwhile is
 * `useSyncProgress`'s.
 */
export function useStatus(pollMs?: number) {
  const [status, setStatus] = useState<StatusReply | undefined>();
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
      const stage = broadcastProgress(m, sender)?.stage;
      if (stage === 'done' || stage === 'failed') void refresh();
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
  return { status, refresh, showSettings };
}
