import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import { retryAfterMs } from '../retry-after';
import type * as z from 'zod/mini';
import { cutText } from '../text';
import { PersonioError } from './errors';
import { PERSONIO_TEXT_LIMITS } from './map';
import { RequestBudget, realClock, type Clock } from './budget';
import { ContactWatch, FIRST_CONTACT_TIMEOUT_MS } from './first-contact';
import {
  attributesResponseSchema,
  authResponseSchema,
  balanceResponseSchema,
  describeIssue,
  employeesPageSchema,
  timeOffsPageSchema,
  type AttributeDefinition,
  type EmployeesPage,
  type TimeOffsPage,
} from './schema';

/** Personio asks every integration to identify itself, in UPPER_SNAKE_CASE. */
export const APP_ID = 'SIDECARD';
/** Personio's maximum page size on employees. */
export const EMPLOYEES_PAGE_SIZE = 100;
const TIME_OFFS_PAGE_SIZE = 200;
/** Refresh the 24 h token this long before it expires rather than after a failure. */
const TOKEN_REFRESH_MARGIN_MS = 10 * 60_000;

export interface CachedToken {
  token: string;
  expiresAt: number;
}

export interface PersonioClientOptions {
  /** Personio's API (`https://api.personio.de`) or a proxy in front of it. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** A token kept from an earlier service-worker life. */
  token?: CachedToken;
  /** Told whenever the token changes, so the caller can keep it (sealed). */
  onToken?: (token: CachedToken | undefined) => void;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Retries for 429, 5xx and timeouts; tests lower it. */
  retryLimit?: number;
  timeoutMs?: number;
  /** How long a request may go unanswered while Personio has not answered yet; tests lower it. */
  firstContactTimeoutMs?: number;
  /** Client-side budgets; `false` turns them off (benchmarks against an unthrottled simulator). */
  budgets?: { employeesPerMinute: number; authPerMinute: number } | false;
}

/** Per call: aborting the signal (a disconnect) ends the request, its retries and any wait for the budget. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Requests of the sync, and on-demand details for the card on screen (see budget.ts). */
type Lane = 'sync' | 'lazy';

export interface EmployeesQuery {
  attributes?: readonly string[];
  /** Only employees updated after this instant (Personio: `updated_since`). */
  updatedSince?: Date;
  email?: string;
}

export interface Balance {
  name: string;
  category?: string;
  balance?: number;
  available?: number;
}

/** Employee pages requested at once during a sync (Personio's guidance: a few requests a second). */
export const PAGES_IN_FLIGHT = 4;

/**
 * Personio v1 over ky. Knows HTTP and Personio, nothing of storage. Every payload is
 * validated; every failure surfaces as a `PersonioError` with a kind the UI can explain,
 * except an abort, which rejects with the signal's reason.
 *
 * The background keeps one client per connection, so the sync and on-demand details share
 * one token and one request budget. Balances and photos go in the lazy lane: they spend the
 * budget only when the sync can spare it, retry once at most, and never after a 429.
 */
export class PersonioClient {
  private readonly http: KyInstance;
  private readonly lazyHttp: KyInstance;
  private readonly clientId: string;
  private clientSecret: string | undefined;
  private token: CachedToken | undefined;
  private authInFlight: Promise<string> | undefined;
  private readonly clock: Clock;
  private readonly employeesBudget?: RequestBudget;
  private readonly authBudget?: RequestBudget;
  private readonly closing = new AbortController();
  /** HTTP requests of the sync lane and auth sent, retries included (for the sync log and benchmarks). */
  requestCount = 0;
  /** HTTP requests of the lazy lane sent. */
  lazyRequestCount = 0;
  /** Whether Personio answers: bounds the first contact (see first-contact.ts). */
  private readonly contact: ContactWatch;

  private readonly onToken: PersonioClientOptions['onToken'];

  constructor(options: PersonioClientOptions) {
    this.clock = options.clock ?? realClock;
    this.token = options.token;
    this.onToken = options.onToken;
    this.clientId = options.clientId;
    // Kept here alone, where close() forgets it.
    this.clientSecret = options.clientSecret;
    this.contact = new ContactWatch(options.firstContactTimeoutMs ?? FIRST_CONTACT_TIMEOUT_MS);
    const budgets = options.budgets ?? { employeesPerMinute: 300, authPerMinute: 60 };
    if (budgets) {
      this.employeesBudget = new RequestBudget(budgets.employeesPerMinute, 15, this.clock);
      this.authBudget = new RequestBudget(budgets.authPerMinute, 5, this.clock);
    }
    const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const retry = {
      limit: options.retryLimit ?? 5,
      methods: ['get', 'post'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [413, 429, 503],
      // Personio does not document Retry-After; when it is absent, back off 1 s, 2 s, 4 s … with jitter.
      delay: (attempt: number) => 1000 * 2 ** (attempt - 1),
      backoffLimit: 30_000,
      maxRetryAfter: 120_000,
      jitter: (delay: number) => delay * (0.75 + Math.random() * 0.5),
      retryOnTimeout: true,
      // An admin waiting on "Starting the sync…" learns within seconds that Personio is unreachable.
      shouldRetry: this.contact.retryRule({ announce: true }),
    };
    const common = {
      prefix: options.baseUrl.replace(/\/+$/, ''),
      headers: { Accept: 'application/json', 'X-Personio-App-ID': APP_ID },
      timeout: options.timeoutMs ?? 30_000,
    };
    this.http = ky.create({ ...common, retry, fetch: this.sender('sync', baseFetch) });
    // A detail for the card gives up early: one retry, and a 429 is an answer, not a wait.
    const lazyRetry = { ...retry, limit: Math.min(1, retry.limit), statusCodes: [408, 500, 502, 503, 504], afterStatusCodes: [], shouldRetry: this.contact.retryRule({ announce: false }) };
    this.lazyHttp = ky.create({ ...common, retry: lazyRetry, fetch: this.sender('lazy', baseFetch) });
  }

  /** Every request goes out through its lane's budget; a 429 holds every lane off. */
  private sender(lane: Lane, baseFetch: typeof fetch): NonNullable<Options['fetch']> {
    return async (input, init) => {
      const request = input instanceof Request ? input : undefined;
      const auth = (request?.url ?? String(input)).includes('/v1/auth');
      const budget = auth ? this.authBudget : this.employeesBudget;
      if (lane === 'lazy' && !auth) {
        if (budget && !budget.tryTakeLazy()) throw new PersonioError('rate-limited', 'deferred to the sync');
        this.lazyRequestCount += 1;
      } else {
        await budget?.take(init?.signal ?? request?.signal);
        this.requestCount += 1;
      }
      const response = await this.contact.send(baseFetch, input, init);
      // Personio does not document Retry-After: 1 s when it does not say.
      if (response.status === 429) budget?.holdOff(retryAfterMs(response.headers.get('retry-after'), this.clock.now()) ?? 1000);
      return response;
    };
  }

  /**
   * Disconnect: every request under way, every retry and every wait for the budget ends; the
   * secret and the token are forgotten, and the client refuses any further call.
   */
  close(): void {
    this.closing.abort(new DOMException('The Personio connection was closed', 'AbortError'));
    this.clientSecret = undefined;
    this.token = undefined;
    this.authInFlight = undefined;
  }

  /** The client's own signal joined with the caller's. */
  private signalFor(options: RequestOptions): AbortSignal {
    return options.signal ? AbortSignal.any([this.closing.signal, options.signal]) : this.closing.signal;
  }

  /**
   * The next request is a first contact again (see first-contact.ts): each sync run starts by
   * finding out quickly whether Personio answers at all.
   */
  expectFirstContact(): void {
    this.contact.expectFirstContact();
  }

  /** Hear when a sync request that got no answer is about to be tried again; returns the way to stop. */
  onNoAnswerRetry(listener: () => void): () => void {
    return this.contact.onRetry(listener);
  }

  /** The current token, authenticating (once, however many callers ask at the same time). */
  async authenticate(force = false): Promise<string> {
    this.closing.signal.throwIfAborted();
    if (!force && this.token && this.token.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.clock.now()) return this.token.token;
    this.authInFlight ??= this.requestToken().finally(() => {
      this.authInFlight = undefined;
    });
    return this.authInFlight;
  }

  private async requestToken(): Promise<string> {
    const signal = this.closing.signal;
    const body = await this.call(
      () =>
        // Credentials go in the JSON body: query-string credentials are rejected from December 2026.
        this.http.post('v1/auth', { json: { client_id: this.clientId, client_secret: this.clientSecret }, signal }),
      authResponseSchema,
      { auth: true, signal },
    );
    signal.throwIfAborted();
    const ttlSeconds = body.data.expires_in ?? 86_400;
    this.setToken({ token: body.data.token, expiresAt: this.clock.now() + ttlSeconds * 1000 });
    return body.data.token;
  }

  private setToken(token: CachedToken | undefined): void {
    if (this.closing.signal.aborted) return;
    this.token = token;
    this.onToken?.(token);
  }

  /** An authenticated GET; on 401/403 authenticates again once (the token may have been revoked or rotated). */
  private async get<T extends z.ZodMiniType>(path: string, schema: T, searchParams?: URLSearchParams, options: RequestOptions & { lane?: Lane } = {}): Promise<z.infer<T>> {
    const signal = this.signalFor(options);
    const http = options.lane === 'lazy' ? this.lazyHttp : this.http;
    const send = async () => {
      const token = await this.authenticate();
      return http.get(path, { headers: { Authorization: `Bearer ${token}` }, searchParams, signal });
    };
    try {
      return await this.call(send, schema, { signal });
    } catch (e) {
      if (!(e instanceof PersonioError && e.kind === 'forbidden')) throw e;
      this.setToken(undefined);
      return await this.call(send, schema, { signal });
    }
  }

  private async call<T extends z.ZodMiniType>(send: () => Promise<Response>, schema: T, opts: { auth?: boolean; signal: AbortSignal }): Promise<z.infer<T>> {
    let response: Response;
    try {
      response = await send();
    } catch (e) {
      opts.signal.throwIfAborted();
      throw this.toError(e, opts.auth ?? false);
    }
    this.adoptRotatedToken(response);
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      opts.signal.throwIfAborted();
      throw new PersonioError('malformed', 'response is not JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new PersonioError('malformed', describeIssue(parsed.error));
    return parsed.data;
  }

  /**
   * Older tenants rotated tokens on every response; current ones echo the same token. Adopt a
   * different one when it comes, never require it (picture responses carry none).
   */
  private adoptRotatedToken(response: Response): void {
    const header = response.headers.get('authorization');
    const next = header?.replace(/^Bearer\s+/i, '').trim();
    if (next && this.token && next !== this.token.token) this.setToken({ ...this.token, token: next });
  }

  private toError(e: unknown, auth: boolean): PersonioError {
    if (e instanceof PersonioError) return e;
    if (e instanceof HTTPError) {
      const status = e.response.status;
      if (auth && (status === 400 || status === 401 || status === 403 || status === 404 || status === 422)) {
        return new PersonioError('bad-credentials', `HTTP ${status}`);
      }
      if (status === 401 || status === 403) return new PersonioError('forbidden', `HTTP ${status}`);
      if (status === 429) return new PersonioError('rate-limited', `HTTP 429`);
      if (status >= 500) return new PersonioError('server', `HTTP ${status}`);
      return new PersonioError('server', `HTTP ${status}`);
    }
    if (e instanceof TimeoutError) return new PersonioError('network', 'timeout');
    return new PersonioError('network', e instanceof Error ? e.name : undefined);
  }

  /** One page of employees at a record offset. */
  async employeesPage(offset: number, query: EmployeesQuery = {}, limit = EMPLOYEES_PAGE_SIZE, options: RequestOptions = {}): Promise<EmployeesPage> {
    const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    for (const attribute of query.attributes ?? []) params.append('attributes[]', attribute);
    if (query.updatedSince) params.set('updated_since', query.updatedSince.toISOString().slice(0, 19));
    if (query.email) params.set('email', query.email);
    return this.get('v1/company/employees', employeesPageSchema, params, options);
  }

  /**
   * Pages of employees from `startOffset` until the end, in order, each as `prepare` made it.
   * The end is a short page or `total_elements` reached; `current_page` alone is not trusted
   * (it has been wrong). Once the first page tells the total, up to `PAGES_IN_FLIGHT` requests
   * run at once, so a sync is bound by the request budget rather than by each response's
   * latency; the budget (300 a minute, bursts of 15) still paces them. Requests still running
   * when the end is reached, or when the caller stops, are left unread, harmlessly; aborting
   * the signal ends them.
   *
   * Each page is prepared as soon as it arrives, ahead of its turn: a parsed page is large,
   * and only what `prepare` keeps of it waits for the pages before it to be read.
   */
  async *employeePages<T>(
    prepare: (page: EmployeesPage) => T,
    query: EmployeesQuery = {},
    startOffset = 0,
    options: RequestOptions = {},
  ): AsyncGenerator<{ page: T; offset: number; nextOffset: number; total?: number }> {
    const inFlight = new Map<number, Promise<{ page: T; rows: number; total?: number }>>();
    let nextRequest = startOffset;
    const request = () => {
      const pending = this.employeesPage(nextRequest, query, EMPLOYEES_PAGE_SIZE, options).then((page) => ({
        rows: page.data.length,
        ...(page.metadata?.total_elements !== undefined ? { total: page.metadata.total_elements } : {}),
        page: prepare(page),
      }));
      pending.catch(() => undefined); // read (and thrown) in order below
      inFlight.set(nextRequest, pending);
      nextRequest += EMPLOYEES_PAGE_SIZE;
    };
    request();
    for (let offset = startOffset; ; ) {
      const { page, rows, total } = await inFlight.get(offset)!;
      inFlight.delete(offset);
      const nextOffset = offset + rows;
      const short = rows < EMPLOYEES_PAGE_SIZE;
      const reachedTotal = total !== undefined && nextOffset >= total;
      const last = short || reachedTotal || rows === 0;
      if (!last) {
        // Without a total, one page at a time: the next page may not exist.
        const window = total === undefined ? 1 : PAGES_IN_FLIGHT;
        while (inFlight.size < window && (total === undefined ? nextRequest === nextOffset : nextRequest < total)) request();
      }
      yield { page, offset, nextOffset, ...(total !== undefined ? { total } : {}) };
      if (last) return;
      offset = nextOffset;
    }
  }

  /** What this credential may read (standard and custom attributes, with labels). */
  async attributes(options: RequestOptions = {}): Promise<AttributeDefinition[]> {
    return (await this.get('v1/company/employees/attributes', attributesResponseSchema, undefined, options)).data;
  }

  async employeeCount(): Promise<number> {
    const page = await this.employeesPage(0, { attributes: ['id'] }, 1);
    return page.metadata?.total_elements ?? page.data.length;
  }

  /** A person's absence balances: an on-demand detail (the lazy lane). */
  async balance(employeeId: number, options: RequestOptions = {}): Promise<Balance[]> {
    const body = await this.get(`v1/company/employees/${employeeId}/absences/balance`, balanceResponseSchema, undefined, { ...options, lane: 'lazy' });
    return body.data.map((b) => ({
      name: cutText(b.name, PERSONIO_TEXT_LIMITS.text),
      ...(b.category ? { category: cutText(b.category, PERSONIO_TEXT_LIMITS.text) } : {}),
      ...(b.balance != null ? { balance: b.balance } : {}),
      ...(b.available_balance != null ? { available: b.available_balance } : {}),
    }));
  }

  /** Time-offs overlapping [start, end]. On this endpoint `offset` is a 1-based PAGE NUMBER. */
  async *timeOffPages(start: string, end: string, options: RequestOptions = {}): AsyncGenerator<TimeOffsPage> {
    for (let pageNumber = 1; ; pageNumber += 1) {
      const params = new URLSearchParams({ start_date: start, end_date: end, limit: String(TIME_OFFS_PAGE_SIZE), offset: String(pageNumber) });
      const page = await this.get('v1/company/time-offs', timeOffsPageSchema, params, options);
      yield page;
      const totalPages = page.metadata?.total_pages;
      if (page.data.length < TIME_OFFS_PAGE_SIZE || (totalPages !== undefined && pageNumber >= totalPages)) return;
    }
  }

  /** A profile picture at `width` px, or null when the person has none (404): an on-demand detail (the lazy lane). */
  async photo(employeeId: number, width: number, options: RequestOptions = {}): Promise<Blob | null> {
    const signal = this.signalFor(options);
    const token = await this.authenticate();
    try {
      const response = await this.lazyHttp.get(`v1/company/employees/${employeeId}/profile-picture/${width}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'image/png, image/jpeg' },
        signal,
      });
      const blob = await response.blob();
      return blob.type.startsWith('image/') || blob.size > 0 ? blob : null;
    } catch (e) {
      signal.throwIfAborted();
      if (e instanceof HTTPError && e.response.status === 404) return null;
      throw this.toError(e, false);
    }
  }
}
