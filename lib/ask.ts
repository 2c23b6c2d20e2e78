import { pause } from './next-task';
import type { PageRequest, PageRequests, ReplyOf } from './messages';

/**
 * Requests to the background, typed by the protocol (lib/messages.ts): the reply type
 * follows from the request's `type`. The background validates every request again. Types
 * only: no zod reaches the pages through this file.
 */
export function ask<R extends PageRequest>(request: R): Promise<ReplyOf<PageRequests, R['type']>> {
  return browser.runtime.sendMessage(request) as Promise<ReplyOf<PageRequests, R['type']>>;
}

/**
 * The same, retried a few times when nobody answers yet: a page opened while the service
 * worker is still starting can find no receiving end ("Could not establish connection").
 */
export async function askWithRetry<R extends PageRequest>(request: R, attempts = 8, delayMs = 150): Promise<ReplyOf<PageRequests, R['type']>> {
  for (let i = 1; ; i += 1) {
    try {
      const reply = await ask(request);
      if (reply !== undefined || i >= attempts) return reply;
    } catch (e) {
      if (i >= attempts) throw e;
    }
    await pause(delayMs * i);
  }
}
