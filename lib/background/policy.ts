import { parsePolicy, POLICY_READ_LIMIT_MS, withTimeLimit, type ManagedPolicy } from '../managed';
import { PolicyUnavailableError } from '../personio/errors';

/**
 * The organisation's policy (`storage.managed`), read once and kept. Chromium can take
 * seconds to answer the first read after start-up, so what must answer fast (status, the
 * panel) uses the policy as known now, and what depends on it waits.
 *
 * Chromium 156 has been seen never to answer: a host permission granted while its first read
 * after start-up was pending left managed storage silent for the whole session. Then what
 * depends on policy fails with `PolicyUnavailableError` instead of waiting for ever (and never
 * goes ahead without the policy); a late answer is still taken.
 */
export class PolicySource {
  private known: ManagedPolicy | undefined;
  private pending: Promise<ManagedPolicy>;

  constructor(
    private readonly readManaged: () => Promise<unknown>,
    private readonly limitMs = POLICY_READ_LIMIT_MS,
  ) {
    this.pending = this.load();
  }

  /** Read the policy again (it changed). Resolves when the new policy is known. */
  reload(): Promise<ManagedPolicy> {
    this.pending = this.load();
    return this.pending;
  }

  /** The policy as known now, without waiting: empty until the first read answers. */
  get now(): ManagedPolicy {
    return this.known ?? {};
  }

  /** The policy, waiting for the first read; throws `PolicyUnavailableError` past the time limit. */
  async settled(): Promise<ManagedPolicy> {
    if (this.known) return this.known;
    try {
      return await this.pending;
    } catch (error) {
      this.pending = this.load(); // the next request asks the browser again
      throw error;
    }
  }

  private load(): Promise<ManagedPolicy> {
    const read = this.readManaged().then(
      (raw) => (this.known = parsePolicy(raw)),
      () => (this.known = {}), // no policy, or a browser without managed storage
    );
    const limited = withTimeLimit(read, this.limitMs, () => new PolicyUnavailableError());
    limited.catch(() => undefined); // a read nobody waits for must not be an unhandled rejection
    return limited;
  }
}
