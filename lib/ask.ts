import type { PageRequest } from './messages';

/** An extension page's request to the background. The background validates it again. */
export function ask<T = unknown>(request: PageRequest): Promise<T> {
  return browser.runtime.sendMessage(request) as Promise<T>;
}
