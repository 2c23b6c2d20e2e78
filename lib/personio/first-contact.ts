import { isNetworkError, isTimeoutError } from 'ky';
import { PersonioError } from './errors';

/**
 * How long a request may go unanswered while Personio has not answered the last one (the first
 * request of a client, or the next after a failure). Personio answers in well under a
 * second; a host that takes this long to say anything is down or unreachable, and the admin
 * should hear so rather than wait through the sync's patient timeouts and retries.
 */
export const FIRST_CONTACT_TIMEOUT_MS = 6_000;

/**
 * Whether Personio is answering, and what that means for the next request: until it has
 * answered (a client's first request, or the next after a failure), a request waits at most
 * FIRST_CONTACT_TIMEOUT_MS and a refused connection is tried once more, not five times over
 * half a minute. Once Personio answers, the patient policy returns.
 */
export class ContactWatch {
  private answered = false;
  private readonly retryListeners = new Set<() => void>();

  constructor(private readonly timeoutMs: number = FIRST_CONTACT_TIMEOUT_MS) {}

  /** The next request is a first contact again: a sync run starts by finding out quickly whether Personio answers at all. */
  expectFirstContact(): void {
    this.answered = false;
  }

  /** Sends one request, bounded while Personio has not answered yet. */
  async send(baseFetch: typeof fetch, input: RequestInfo | URL, init: RequestInit | undefined): Promise<Response> {
    try {
      const response = this.answered ? await baseFetch(input, init) : await bounded(baseFetch, input, init, this.timeoutMs);
      this.answered = true;
      return response;
    } catch (error) {
      // No answer: until one comes, requests give up early again (offline, Personio down).
      this.answered = false;
      throw error;
    }
  }

  /**
   * ky's `shouldRetry`: one more try for a refused connection while Personio has not
   * answered; otherwise ky's own rules. With `announce` (the sync's lane), listeners hear of
   * each retry of a request that got no answer, before the wait for it, so a page can say so.
   */
  retryRule({ announce }: { announce: boolean }) {
    return ({ error, retryCount }: { error: Error; retryCount: number }): boolean | undefined => {
      const retried = !this.answered && isNetworkError(error) ? retryCount <= 1 : undefined;
      if (announce && retried !== false && (isNetworkError(error) || isTimeoutError(error))) for (const listener of this.retryListeners) listener();
      return retried;
    };
  }

  /** Hear when a request that got no answer is about to be tried again; returns the way to stop. */
  onRetry(listener: () => void): () => void {
    this.retryListeners.add(listener);
    return () => this.retryListeners.delete(listener);
  }
}

async function bounded(baseFetch: typeof fetch, input: RequestInfo | URL, init: RequestInit | undefined, timeoutMs: number): Promise<Response> {
  const own = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await baseFetch(input, { ...init, signal: own ? AbortSignal.any([own, timeout]) : timeout });
  } catch (error) {
    if (timeout.aborted && !own?.aborted) throw new PersonioError('network', 'no answer');
    throw error;
  }
}
