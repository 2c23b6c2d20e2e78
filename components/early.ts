import type { SearchHit } from '@/lib/search';
import { FIRST_LETTERS_KEY, LAST_STATUS_KEY, type StatusReply } from '@/lib/status';

/** What public/early-status.js fetched before React loaded (on the popup; absent elsewhere). */
interface EarlyGlobals {
  status: Promise<StatusReply | undefined>;
  stored: Promise<Record<string, unknown> | undefined>;
}

function early(): EarlyGlobals | undefined {
  return (globalThis as { sidecardEarly?: EarlyGlobals }).sidecardEarly;
}

let statusTaken = false;

/**
 * The early status request's answer, and the last status the background left, each once:
 * later readers ask the background themselves.
 */
export function takeEarlyStatus(): { fresh: Promise<StatusReply | undefined>; cached: Promise<StatusReply | undefined> } | undefined {
  const e = early();
  if (!e || statusTaken) return undefined;
  statusTaken = true;
  return { fresh: e.status, cached: e.stored.then((s) => s?.[LAST_STATUS_KEY] as StatusReply | undefined) };
}

/** One-letter search results the background left, by letter; empty when there are none. */
export async function earlyFirstLetters(): Promise<Record<string, SearchHit[]>> {
  const stored = await early()?.stored;
  const letters = stored?.[FIRST_LETTERS_KEY];
  return letters && typeof letters === 'object' ? (letters as Record<string, SearchHit[]>) : {};
}
