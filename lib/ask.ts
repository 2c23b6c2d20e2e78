import type { PageRequest } from './messages';

/** An extension page's request to the background. The background validates it again. */
export function ask<T = unknown>(request: PageRequest): Promise<T> {
  return browser.runtime.sendMessage(request) as Promise<T>;
}

/**
 * The same, retried a few times when nobody answers yet: a page opened while the service
 * worker is still starting can find no receiving end ("Could not establish connection").
 */
export async function askWithRetry<T = unknown>(request: PageRequest, attempts = 8, delayMs = 150): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      const reply = await ask<T>(request);
      if (reply !== undefined || i >= attempts) return reply;
    } catch (e) {
      if (i >= attempts) throw e;
    }
    await new Promise((r) => setTimeout(r, delayMs * i));
  }
}
