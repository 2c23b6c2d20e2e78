import type { PersonioClient } from '../personio/client';
import type { Settings } from '../settings';

/** What a piece of Personio work runs with: the connection's one client, and its signal. */
export interface Connection {
  client: PersonioClient;
  /** Aborted when the connection ends (a disconnect): the work's requests end and its writes do not commit. */
  signal: AbortSignal;
}

export interface LiveConnectionDeps {
  /** A client for the settings' connection (undefined: not connected, or the secret is not for this base URL). */
  make: (settings: Settings) => Promise<PersonioClient | undefined>;
  /** What identifies a connection: a new key means a new client. */
  keyOf: (settings: Settings) => Promise<string>;
  /** How long an ended connection's work may take to wind down before the second wipe goes ahead anyway. */
  settleMs?: number;
}

/**
 * The Personio connection of this worker's life. One client, made when first needed and made
 * again only when the connection (base URL, client id, secret) changes, so the sync and
 * on-demand fetches share one token and one request budget.
 *
 * Connections come in generations. Ending one (a disconnect) aborts its signal, which every
 * request and every write of its work checks, closes its clients (their secret and token are
 * forgotten) and refuses new clients until the wipe that follows has run twice: at once, and
 * again once the aborted work has settled.
 */
export class LiveConnection {
  private controller = new AbortController();
  private generation = 0;
  private ending = 0;
  private current: { key: string; client: Promise<PersonioClient | undefined> } | undefined;
  /** Clients of this generation (a run may still use one its connection replaced), closed when it ends. */
  private made: Promise<PersonioClient | undefined>[] = [];

  constructor(private readonly deps: LiveConnectionDeps) {}

  /** The client and signal for these settings' connection; undefined when there is none (or it is ending). */
  async open(settings: Settings): Promise<Connection | undefined> {
    const generation = this.generation;
    const signal = this.controller.signal;
    if (this.ending) return undefined;
    const key = await this.deps.keyOf(settings);
    if (generation !== this.generation || this.ending) return undefined;
    if (this.current?.key !== key) {
      const client = this.deps.make(settings);
      const entry = { key, client };
      this.current = entry;
      this.made.push(client);
      // Nothing to keep when there was no client: the next call tries again.
      const forget = () => {
        if (this.current === entry) this.current = undefined;
      };
      client.then((c) => c || forget(), forget);
    }
    const client = await this.current.client.catch(() => undefined);
    if (generation !== this.generation) {
      client?.close(); // made for a connection that ended meanwhile
      return undefined;
    }
    return client ? { client, signal } : undefined;
  }

  /** The signal of the current generation. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * End the connection: abort its work, close its clients, then `wipe`, wait (at most
   * `settleMs`) for `settled`, and `wipe` again, since aborted work may have been past its
   * last check. No client is handed out until then.
   */
  async end(wipe: () => Promise<void>, settled: () => Promise<unknown>): Promise<void> {
    this.ending += 1;
    this.generation += 1;
    this.controller.abort(new DOMException('Sidecard was disconnected', 'AbortError'));
    this.controller = new AbortController();
    const made = this.made;
    this.made = [];
    this.current = undefined;
    for (const client of made) void client.then((c) => c?.close(), () => undefined);
    try {
      await wipe();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.deps.settleMs ?? 5000)));
      await Promise.race([settled().catch(() => undefined), deadline]);
      clearTimeout(timer);
      await wipe();
    } finally {
      this.ending -= 1;
    }
  }
}
