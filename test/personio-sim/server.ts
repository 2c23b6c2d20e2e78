/**
 * The local Personio simulator: a plain node:http server that honours Personio's v1 contract
 * (auth, employees, attributes, absence balance, profile pictures, time-offs) with its quirks,
 * plus test controls (mutations, fault injection, rate limits) in-process and under /__sim/.
 * See README.md in this folder and docs/personio-api-notes.md for the contract.
 */
import { createHash } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALL_ATTRIBUTES, attributeDefinitions, renderEmployee, renderTimeOff, renderTimeOffType, type RenderContext } from './attributes';
import { generateCompany, hash32, workingDays, type Company, type CompanyLanguage, type SimEmployee } from './company';
import { DEFAULT_AVATAR_WIDTH, clampAvatarWidth, renderAvatar } from './png';
import { SimError, SimState } from './state';
import { addDays, formatTimestamp, parseDate, parseTimestamp } from './time';

export interface SimCredential {
  clientId: string;
  clientSecret: string;
  /** attribute keys this credential may read; absent ones are simply missing from responses */
  attributes: string[];
}

export type SimRateLimit = { employeesPerMinute?: number; authPerMinute?: number } | false;

export interface SimOptions {
  /** 10..50000, default 200 */
  employees?: number;
  /** default 1 */
  seed?: number;
  /** default 0 = random free port */
  port?: number;
  /** default '127.0.0.1' */
  host?: string;
  /** default: [DEFAULT_CREDENTIAL] */
  credentials?: SimCredential[];
  /** default false (unlimited); Personio: 300 / 60 */
  rateLimit?: SimRateLimit;
  /** added to every response, default 0 */
  latencyMs?: number;
  /** 'YYYY-MM-DD', default: the real current date; time-offs are generated around it */
  today?: string;
  /** default 86400 */
  tokenTtlSeconds?: number;
  /** company language: attribute labels and time-off type names, default 'en' */
  language?: CompanyLanguage;
}

/** A fault's `path` is a prefix of the request's path, or the whole path when it ends in `$`. */
function pathMatches(faultPath: string | undefined, path: string): boolean {
  if (faultPath === undefined) return true;
  return faultPath.endsWith('$') ? path === faultPath.slice(0, -1) : path.startsWith(faultPath);
}

export type SimFault =
  | { kind: 'status'; status: number; path?: string; count?: number; retryAfterSeconds?: number }
  /**
   * A 200 whose JSON is structurally wrong. Variants: 'wrong-type' (default:
   * `data[3].attributes.email.value` is an object), 'missing-id' (an employee with no id),
   * 'truncated' (the body is cut off mid-JSON). With `offset`, only the page at that offset
   * (clients may ask for several pages at once; which is served first is then a race).
   */
  | { kind: 'malformed'; path?: string; count?: number; variant?: 'wrong-type' | 'missing-id' | 'truncated'; offset?: number }
  /** destroy the socket without a response */
  | { kind: 'drop'; path?: string; count?: number }
  | { kind: 'slow'; ms: number; path?: string; count?: number };

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Query parameters; keys ending in `[]` (and repeated keys) hold arrays. */
  query: Record<string, string | string[]>;
  /** HTTP status sent; 0 while pending or when the connection was dropped. */
  status: number;
  /** epoch ms when the request arrived */
  at: number;
  /** the X-Personio-App-ID request header */
  appId?: string;
  /** the X-Personio-Partner-ID request header */
  partnerId?: string;
  /** set when an injected fault answered this request */
  fault?: SimFault['kind'];
}

export interface Simulator {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  port: number;
  /** live state (read-only for callers, mutate via methods) */
  company: Company;
  /** every request except /__sim, in arrival order */
  requests: RequestLogEntry[];
  resetRequestLog(): void;
  addEmployee(partial?: Partial<SimEmployee>): SimEmployee;
  updateEmployee(id: number, changes: Partial<SimEmployee>): SimEmployee;
  removeEmployee(id: number): void;
  /** moves last_modified_at without changing data (Personio does this: "updated" rows that did not change) */
  touchEmployee(id: number): void;
  /**
   * applies to the next `count` matching requests (default 1); `path` is a prefix, e.g.
   * '/v1/company/employees', or with a final `$` the whole path ('/v1/company/employees$': the
   * list, not its /attributes)
   */
  injectFault(fault: SimFault): void;
  clearFaults(): void;
  /** tokens for it stop working (403), authentication fails (401) */
  revokeCredential(clientId: string): void;
  /** every token handed out so far stops working, as when its 24 h are up; the credential still authenticates */
  expireTokens(): void;
  /** The company's clock jumps ahead (changes after it are stamped later): simulated time for a soak. */
  advanceClock(ms: number): void;
  setAllowedAttributes(clientId: string, attributes: string[]): void;
  setRateLimit(limit: SimOptions['rateLimit']): void;
  close(): Promise<void>;
}

export const DEFAULT_CREDENTIAL: SimCredential = {
  clientId: 'sim-client-id',
  clientSecret: 'sim-client-secret-0123456789',
  attributes: [...ALL_ATTRIBUTES],
};

const PERSONIO_EMPLOYEES_PER_MINUTE = 300;
const PERSONIO_AUTH_PER_MINUTE = 60;
const WINDOW_MS = 60_000;
const EMPLOYEES_MAX_LIMIT = 100;
const EMPLOYEES_DEFAULT_LIMIT = 50;
const TIME_OFFS_MAX_LIMIT = 200;
const MAX_BODY_BYTES = 1_000_000;
const SCOPE = 'employees:read absences:read';

interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** a JSON body (kept as a value so a 'malformed' fault can break it) */
  json?: unknown;
  /** or raw bytes */
  raw?: { body: Buffer | string; contentType: string };
}

const envelope = (status: number, code: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  json: { success: false, error: { code, message } },
  ...(headers ? { headers } : {}),
});
const ok = (json: unknown): Reply => ({ status: 200, json });
const NOT_PROVIDED = () => envelope(401, 401, 'Authorization is not provided');
const NOT_VALID = () => envelope(403, 403, 'Provided authorization is not valid');
const NOT_FOUND = () => envelope(404, 404, 'Not found');
// Personio's own example for a missing employee is German, with code 404.
const EMPLOYEE_NOT_FOUND = () => envelope(404, 404, 'Es ist ein Problem aufgetreten');
const TOO_MANY = (retryAfter: number) => envelope(429, 429, 'Too many requests', { 'Retry-After': String(retryAfter) });
// Validation errors: Personio's `code` is often 0 rather than the HTTP status.
const INVALID = (message: string) => envelope(422, 0, message);

/** Sliding 60-second windows per key (a credential), with an optional cool-down after a breach. */
class RateWindow {
  private readonly hits = new Map<string, number[]>();
  private readonly coolDownUntil = new Map<string, number>();
  constructor(
    private readonly perMinute: number,
    private readonly coolDown: boolean,
  ) {}
  /** Counts a request; returns null when allowed, else the seconds to wait. */
  take(key: string, now: number): number | null {
    const blockedUntil = this.coolDownUntil.get(key) ?? 0;
    if (now < blockedUntil) return Math.max(1, Math.ceil((blockedUntil - now) / 1000));
    let hits = this.hits.get(key);
    if (!hits) this.hits.set(key, (hits = []));
    while (hits.length > 0 && hits[0]! <= now - WINDOW_MS) hits.shift();
    if (hits.length >= this.perMinute) {
      if (this.coolDown) {
        // Personio's auth endpoint: exceeding 60/min triggers a 60 s cool-down.
        this.coolDownUntil.set(key, now + WINDOW_MS);
        return WINDOW_MS / 1000;
      }
      return Math.max(1, Math.ceil((hits[0]! + WINDOW_MS - now) / 1000));
    }
    hits.push(now);
    return null;
  }
}

interface CredentialState {
  secret: string;
  allowed: Set<string>;
  revoked: boolean;
}
interface TokenState {
  token: string;
  clientId: string;
  expiresAt: number;
}

type PendingFault = SimFault & { remaining: number };

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = key.endsWith('[]') || values.length > 1 ? values : (values[0] ?? '');
  }
  return out;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SimError(400, 'request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A non-negative integer query parameter, its default when absent, or null when invalid. */
function intParam(params: URLSearchParams, name: string, fallback: number): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Breaks a reply the way a buggy upstream would: still a 200, but structurally wrong. */
function malform(reply: Reply, variant: 'wrong-type' | 'missing-id' | 'truncated'): Reply {
  if (reply.json === undefined) {
    // A picture: PNG content type, bytes that are not a PNG.
    return { status: 200, raw: { body: Buffer.from('not a png'), contentType: reply.raw?.contentType ?? 'application/octet-stream' } };
  }
  const body: unknown = JSON.parse(JSON.stringify(reply.json));
  if (variant === 'truncated') {
    const text = JSON.stringify(isRecord(body) && body.success === false ? { success: true, data: [] } : body);
    return { status: 200, raw: { body: text.slice(0, Math.max(1, Math.floor(text.length / 2))), contentType: 'application/json; charset=utf-8' } };
  }
  if (!isRecord(body) || body.success !== true) return { status: 200, json: { success: true, data: [{ type: 'Employee', attributes: {} }] } };
  const breakItem = (item: unknown) => {
    if (!isRecord(item) || !isRecord(item.attributes)) return;
    const attributes = item.attributes;
    if (variant === 'missing-id') delete attributes.id;
    else if (item.type === 'Employee' || 'email' in attributes) attributes.email = { label: 'Email', value: { unexpected: 'object' }, type: 'standard', universal_id: 'email' };
    else attributes.id = { unexpected: 'object' };
  };
  const data = body.data;
  if (Array.isArray(data)) {
    if (data.length === 0) body.data = [{ type: 'Employee', attributes: {} }];
    else breakItem(data[Math.min(3, data.length - 1)]);
  } else if (isRecord(data) && 'token' in data) {
    data.token = 12345;
  } else if (isRecord(data)) {
    breakItem(data);
  } else {
    body.data = 'malformed';
  }
  return { status: 200, json: body };
}

function statusFaultReply(fault: Extract<SimFault, { kind: 'status' }>): Reply {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.max(0, Math.round(fault.retryAfterSeconds)));
  const s = fault.status;
  const base =
    s === 401
      ? NOT_PROVIDED()
      : s === 403
        ? NOT_VALID()
        : s === 429
          ? envelope(429, 429, 'Too many requests')
          : s >= 500
            ? envelope(s, 0, 'Something went wrong')
            : envelope(s, s, STATUS_CODES[s] ?? 'Error');
  return { ...base, headers: { ...base.headers, ...headers } };
}

function validateFault(value: unknown): SimFault {
  if (!isRecord(value)) throw new SimError(400, 'a fault must be an object');
  const { kind, path, count } = value;
  if (path !== undefined && typeof path !== 'string') throw new SimError(400, 'path must be a string');
  if (count !== undefined && (!Number.isInteger(count) || (count as number) < 1)) throw new SimError(400, 'count must be a positive integer');
  const common = { ...(path !== undefined ? { path } : {}), ...(count !== undefined ? { count: count as number } : {}) };
  switch (kind) {
    case 'status': {
      const { status, retryAfterSeconds } = value;
      if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) throw new SimError(400, 'status must be an HTTP status code');
      if (retryAfterSeconds !== undefined && typeof retryAfterSeconds !== 'number') throw new SimError(400, 'retryAfterSeconds must be a number');
      return { kind, status: status as number, ...common, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
    }
    case 'malformed': {
      const { variant } = value;
      if (variant !== undefined && variant !== 'wrong-type' && variant !== 'missing-id' && variant !== 'truncated') throw new SimError(400, 'unknown malformed variant');
      const { offset } = value;
      if (offset !== undefined && (!Number.isInteger(offset) || (offset as number) < 0)) throw new SimError(400, 'offset must be a non-negative integer');
      return { kind, ...common, ...(variant !== undefined ? { variant } : {}), ...(offset !== undefined ? { offset: offset as number } : {}) };
    }
    case 'drop':
      return { kind, ...common };
    case 'slow': {
      const { ms } = value;
      if (typeof ms !== 'number' || ms < 0) throw new SimError(400, 'ms must be a non-negative number');
      return { kind, ms, ...common };
    }
    default:
      throw new SimError(400, `unknown fault kind ${String(kind)}`);
  }
}

function normalizeRateLimit(limit: SimRateLimit | undefined): { employees: RateWindow; auth: RateWindow; config: { employeesPerMinute: number; authPerMinute: number } } | null {
  if (!limit) return null;
  const config = {
    employeesPerMinute: limit.employeesPerMinute ?? PERSONIO_EMPLOYEES_PER_MINUTE,
    authPerMinute: limit.authPerMinute ?? PERSONIO_AUTH_PER_MINUTE,
  };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  return { employees: new RateWindow(config.employeesPerMinute, false), auth: new RateWindow(config.authPerMinute, true), config };
}

class PersonioSimulator implements Simulator {
  url = '';
  port = 0;
  readonly requests: RequestLogEntry[] = [];
  private readonly state: SimState;
  private readonly credentials = new Map<string, CredentialState>();
  private readonly tokens = new Map<string, TokenState>();
  private faults: PendingFault[] = [];
  private limits: ReturnType<typeof normalizeRateLimit>;
  private readonly latencyMs: number;
  private readonly tokenTtlMs: number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pictures = new Map<string, Buffer>();
  /**
   * Employee pages already rendered, by company version, credential scope and query, with
   * their JSON text. Personio's servers are not on the client's machine; re-rendering the
   * same 20 MB of JSON for every sync made the simulator, not the extension, the busiest
   * process in benchmarks on a two-core machine.
   */
  private readonly employeePages = new Map<string, unknown>();
  private employeePagesVersion = -1;
  private readonly serialized = new WeakMap<object, Buffer>();
  private readonly server: Server;
  private closed = false;

  constructor(private readonly options: SimOptions) {
    this.state = new SimState(
      generateCompany({
        ...(options.employees !== undefined ? { employees: options.employees } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.today !== undefined ? { today: options.today } : {}),
        ...(options.language !== undefined ? { language: options.language } : {}),
      }),
    );
    for (const c of options.credentials ?? [DEFAULT_CREDENTIAL]) {
      if (this.credentials.has(c.clientId)) throw new Error(`duplicate credential ${c.clientId}`);
      this.credentials.set(c.clientId, { secret: c.clientSecret, allowed: new Set(c.attributes), revoked: false });
    }
    this.limits = normalizeRateLimit(options.rateLimit);
    this.latencyMs = options.latencyMs ?? 0;
    this.tokenTtlMs = (options.tokenTtlSeconds ?? 86_400) * 1000;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error('[personio-sim] internal error', error);
        this.send(res, envelope(500, 0, 'Something went wrong'));
      });
    });
  }

  get company(): Company {
    return this.state.company;
  }

  async listen(): Promise<void> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    this.port = address.port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  // ---- public controls ------------------------------------------------------------------

  resetRequestLog(): void {
    this.requests.length = 0;
  }
  addEmployee(partial: Partial<SimEmployee> = {}): SimEmployee {
    return this.state.add(partial);
  }
  updateEmployee(id: number, changes: Partial<SimEmployee>): SimEmployee {
    return this.state.update(id, changes);
  }
  removeEmployee(id: number): void {
    this.state.remove(id);
  }
  touchEmployee(id: number): void {
    this.state.touch(id);
  }
  injectFault(fault: SimFault): void {
    const checked = validateFault(fault);
    this.faults.push({ ...checked, remaining: checked.count ?? 1 });
  }
  clearFaults(): void {
    this.faults = [];
  }
  revokeCredential(clientId: string): void {
    this.credential(clientId).revoked = true;
    for (const [token, t] of this.tokens) if (t.clientId === clientId) this.tokens.delete(token);
  }
  expireTokens(): void {
    this.tokens.clear();
  }
  advanceClock(ms: number): void {
    this.state.aheadMs += ms;
  }
  setAllowedAttributes(clientId: string, attributes: string[]): void {
    this.credential(clientId).allowed = new Set(attributes);
  }
  setRateLimit(limit: SimOptions['rateLimit']): void {
    this.limits = normalizeRateLimit(limit);
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await done;
  }

  private credential(clientId: string): CredentialState {
    const c = this.credentials.get(clientId);
    if (!c) throw new SimError(404, `no credential ${clientId}`);
    return c;
  }

  // ---- request handling -----------------------------------------------------------------

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private takeFault(path: string, params: URLSearchParams): PendingFault | undefined {
    const fault = this.faults.find(
      (f) => pathMatches(f.path, path) && (f.kind !== 'malformed' || f.offset === undefined || params.get('offset') === String(f.offset)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
      this.send(res, await this.control(req, url));
      return;
    }
    const appId = header(req, 'x-personio-app-id');
    const partnerId = header(req, 'x-personio-partner-id');
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: queryRecord(url.searchParams),
      status: 0,
      at: Date.now(),
      ...(appId !== undefined ? { appId } : {}),
      ...(partnerId !== undefined ? { partnerId } : {}),
    };
    this.requests.push(entry);

    const fault = this.takeFault(url.pathname, url.searchParams);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const delay = this.latencyMs + (fault?.kind === 'slow' ? fault.ms : 0);
    if (delay > 0) await this.sleep(delay);
    let reply = fault?.kind === 'status' ? statusFaultReply(fault) : await this.route(req, url);
    if (fault?.kind === 'malformed') reply = malform(reply, fault.variant ?? 'wrong-type');
    entry.status = reply.status;
    this.send(res, reply);
  }

  private send(res: ServerResponse, reply: Reply): void {
    if (res.destroyed || res.writableEnded || res.headersSent) return;
    // Deliberately no Access-Control-* headers: like Personio, a web page must not read this API.
    const headers: Record<string, string> = { ...reply.headers };
    let body: Buffer | undefined;
    if (reply.json !== undefined) {
      body = (typeof reply.json === 'object' && reply.json !== null ? this.serialized.get(reply.json) : undefined) ?? Buffer.from(JSON.stringify(reply.json));
      headers['Content-Type'] = 'application/json; charset=utf-8';
    } else if (reply.raw) {
      body = Buffer.isBuffer(reply.raw.body) ? reply.raw.body : Buffer.from(reply.raw.body);
      headers['Content-Type'] = reply.raw.contentType;
    }
    headers['Content-Length'] = String(body?.length ?? 0);
    res.writeHead(reply.status, headers);
    res.end(body);
  }

  private async route(req: IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // Preflights get an answer without any CORS header, so browsers block the real request.
    if (method === 'OPTIONS') return { status: 204, headers: { Allow: path === '/v1/auth' ? 'POST, OPTIONS' : 'GET, OPTIONS' } };
    if (path === '/v1/auth') return method === 'POST' ? this.auth(req, url) : envelope(405, 405, 'Method not allowed');

    const route = this.match(path);
    if (!route) return NOT_FOUND();
    if (method !== 'GET') return envelope(405, 405, 'Method not allowed (the simulator is read-only)');

    const authorization = header(req, 'authorization')?.trim();
    if (!authorization) return NOT_PROVIDED();
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const token = bearer ? this.tokens.get(bearer) : undefined;
    const credential = token ? this.credentials.get(token.clientId) : undefined;
    if (!token || !credential || credential.revoked || token.expiresAt <= Date.now()) return NOT_VALID();

    if (path.startsWith('/v1/company/employees') && this.limits) {
      const wait = this.limits.employees.take(token.clientId, Date.now());
      if (wait !== null) return TOO_MANY(wait);
    }
    const ctx: RenderContext = { company: this.company, baseUrl: this.url, allowed: credential.allowed };
    const reply = route.handle(ctx, url.searchParams);
    // Current Personio echoes the (same) token on successful responses; pictures carry none.
    if (reply.status < 300 && !route.picture) reply.headers = { ...reply.headers, Authorization: `Bearer ${token.token}` };
    return reply;
  }

  private match(path: string): { handle: (ctx: RenderContext, params: URLSearchParams) => Reply; picture?: boolean } | undefined {
    if (path === '/v1/company/employees') return { handle: (ctx, p) => this.cachedEmployeesList(ctx, p) };
    if (path === '/v1/company/employees/attributes' || path === '/v1/company/employees/custom-attributes') {
      return { handle: (ctx) => ok({ success: true, data: attributeDefinitions(ctx.company, ctx.allowed) }) };
    }
    let m = /^\/v1\/company\/employees\/(\d+)$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      return { handle: (ctx, p) => this.oneEmployee(ctx, id, p) };
    }
    m = /^\/v1\/company\/employees\/(\d+)\/absences\/balance$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      return { handle: () => this.balance(id) };
    }
    m = /^\/v1\/company\/employees\/(\d+)\/profile-picture(?:\/(\d+))?$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      const width = m[2] === undefined ? DEFAULT_AVATAR_WIDTH : Number(m[2]);
      return { handle: (ctx) => this.picture(ctx, id, width), picture: true };
    }
    if (path === '/v1/company/time-offs') return { handle: (_ctx, p) => this.listTimeOffs(p) };
    m = /^\/v1\/company\/time-offs\/(\d+)$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      return { handle: () => this.oneTimeOff(id) };
    }
    if (path === '/v1/company/time-off-types') return { handle: (_ctx, p) => this.timeOffTypes(p) };
    return undefined;
  }

  // ---- /v1/auth -------------------------------------------------------------------------

  private async auth(req: IncomingMessage, url: URL): Promise<Reply> {
    // Query-string credentials are deprecated and rejected with 403 (Personio changelog).
    if (url.searchParams.has('client_id') || url.searchParams.has('client_secret')) {
      return envelope(403, 403, 'Credentials in the query string are not accepted; send client_id and client_secret in the request body');
    }
    let fields: Record<string, unknown> = {};
    const text = await readBody(req);
    const type = header(req, 'content-type') ?? '';
    if (text.trim() !== '') {
      const asForm = () => Object.fromEntries(new URLSearchParams(text));
      if (type.includes('application/x-www-form-urlencoded')) fields = asForm();
      else {
        try {
          const parsed: unknown = JSON.parse(text);
          fields = isRecord(parsed) ? parsed : {};
        } catch {
          if (type.includes('application/json')) return envelope(400, 0, 'The request body is not valid JSON');
          fields = asForm();
        }
      }
    }
    const clientId = typeof fields.client_id === 'string' ? fields.client_id : '';
    const clientSecret = typeof fields.client_secret === 'string' ? fields.client_secret : '';
    if (this.limits) {
      const wait = this.limits.auth.take(clientId || 'anonymous', Date.now());
      if (wait !== null) return TOO_MANY(wait);
    }
    if (!clientId || !clientSecret) return envelope(401, 0, 'client_id and client_secret are required');
    const credential = this.credentials.get(clientId);
    if (!credential || credential.revoked) return envelope(401, 0, 'Unknown client_id');
    if (credential.secret !== clientSecret) return envelope(403, 0, 'Wrong client_secret');

    const now = Date.now();
    let token = [...this.tokens.values()].find((t) => t.clientId === clientId && t.expiresAt > now);
    if (!token) {
      // Stable, `papi-` prefixed, the same for a credential until it expires (current Personio behaviour).
      const digest = createHash('sha256').update(`${this.company.seed}:${clientId}:${now}`).digest('hex');
      token = { token: `papi-${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`, clientId, expiresAt: now + this.tokenTtlMs };
      this.tokens.set(token.token, token);
    }
    // expires_in counts down: a token handed out again has less of its 24 h left.
    return ok({ success: true, data: { token: token.token, expires_in: Math.max(0, Math.floor((token.expiresAt - now) / 1000)), scope: SCOPE } });
  }

  // ---- employees ------------------------------------------------------------------------

  private listEmployees(ctx: RenderContext, params: URLSearchParams): Reply {
    const limit = intParam(params, 'limit', EMPLOYEES_DEFAULT_LIMIT);
    if (limit === null || limit < 1 || limit > EMPLOYEES_MAX_LIMIT) return INVALID(`The limit must be between 1 and ${EMPLOYEES_MAX_LIMIT}.`);
    // A RECORD offset on this endpoint (unlike time-offs, where it is a page number).
    const offset = intParam(params, 'offset', 0);
    if (offset === null) return INVALID('The offset must be a non-negative integer.');
    const requested = params.getAll('attributes[]');
    const projection = requested.length > 0 ? new Set(requested) : undefined;
    const updatedSince = params.get('updated_since');
    let list: readonly SimEmployee[] = this.company.employees;
    if (updatedSince !== null && updatedSince !== '') {
      const since = parseTimestamp(updatedSince);
      if (since === null) return INVALID('The updated_since parameter must be an ISO 8601 date-time (2022-12-24T08:15:30) or a date (YYYY-MM-DD).');
      // With attributes[], updated_since also selects: only employees where one of those (readable) attributes changed.
      const selecting = projection ? [...projection].filter((k) => k === 'id' || ctx.allowed.has(k)) : undefined;
      list = list.filter((e) => e.lastModifiedAt > since && (!selecting || this.state.changedSince(e, selecting, since)));
      // The email filter is ignored together with updated_since (spec); pagination still applies (changelog 2023-11).
    } else {
      const email = params.get('email')?.trim().toLowerCase();
      if (email) list = list.filter((e) => e.email === email);
    }
    const total = list.length;
    return ok({
      success: true,
      metadata: { total_elements: total, current_page: Math.floor(offset / limit), total_pages: Math.ceil(total / limit) },
      offset,
      limit,
      data: list.slice(offset, offset + limit).map((e) => renderEmployee(e, ctx, projection)),
    });
  }

  /** `listEmployees`, rendered once per company version, scope and query (the JSON is never mutated: faults copy it). */
  private cachedEmployeesList(ctx: RenderContext, params: URLSearchParams): Reply {
    if (this.employeePagesVersion !== this.state.version) {
      this.employeePages.clear();
      this.employeePagesVersion = this.state.version;
    }
    const key = `${ctx.baseUrl}|${[...ctx.allowed].sort().join(',')}|${params.toString()}`;
    const cached = this.employeePages.get(key);
    if (cached !== undefined) return ok(cached);
    const reply = this.listEmployees(ctx, params);
    if (reply.status === 200 && typeof reply.json === 'object' && reply.json !== null) {
      if (this.employeePages.size >= 2_000) this.employeePages.clear();
      this.employeePages.set(key, reply.json);
      this.serialized.set(reply.json, Buffer.from(JSON.stringify(reply.json)));
    }
    return reply;
  }

  private oneEmployee(ctx: RenderContext, id: number, params: URLSearchParams): Reply {
    const e = this.company.byId.get(id);
    if (!e) return EMPLOYEE_NOT_FOUND();
    const requested = params.getAll('attributes[]');
    return ok({ success: true, data: renderEmployee(e, ctx, requested.length > 0 ? new Set(requested) : undefined) });
  }

  /**
   * Absence balances: `balance` is what is left after what has been taken so far;
   * `available_balance` also deducts approved upcoming periods. Halves, deterministic per employee.
   */
  private balance(id: number): Reply {
    const e = this.company.byId.get(id);
    if (!e) return EMPLOYEE_NOT_FOUND();
    const company = this.company;
    const h = hash32(company.seed, id, 0xba1);
    const rows = company.timeOffTypes
      .filter((t) => t.category === 'paid_vacation' || t.category === 'other')
      .map((t) => {
        const entitlement = t.category === 'paid_vacation' ? e.vacationEntitlement : 5;
        const taken = ((h >>> (t.category === 'paid_vacation' ? 0 : 8)) % (entitlement + 1)) / 2 + (h & 1 ? 0.5 : 0);
        const balance = Math.max(0, entitlement - taken);
        // Upcoming: the working days of approved periods from tomorrow on (an ongoing one counts its rest).
        const tomorrow = addDays(company.today, 1);
        const upcoming = company.timeOffs
          .filter((p) => p.employeeId === id && p.typeId === t.id && p.endDate >= tomorrow)
          .reduce((sum, p) => sum + (p.startDate >= tomorrow ? p.daysCount : workingDays(tomorrow, p.endDate, false, p.halfDayEnd)), 0);
        return { id: t.id, name: t.name[company.language], category: t.category, balance, available_balance: balance - upcoming };
      });
    return ok({ success: true, data: rows });
  }

  private picture(ctx: RenderContext, id: number, width: number): Reply {
    const e = this.company.byId.get(id);
    // 404 when the employee is missing, has no picture, or the credential may not read pictures.
    if (!e || !e.hasPhoto || !ctx.allowed.has('profile_picture')) return envelope(404, 404, 'Etwas ist schiefgelaufen ...');
    const size = clampAvatarWidth(width);
    const key = `${id}:${size}`;
    let png = this.pictures.get(key);
    if (!png) {
      png = renderAvatar(hash32(this.company.seed, id), size);
      if (this.pictures.size > 500) this.pictures.clear();
      this.pictures.set(key, png);
    }
    return { status: 200, raw: { body: png, contentType: 'image/png' } };
  }

  // ---- time-offs ------------------------------------------------------------------------

  private listTimeOffs(params: URLSearchParams): Reply {
    const limit = intParam(params, 'limit', TIME_OFFS_MAX_LIMIT);
    if (limit === null || limit < 1 || limit > TIME_OFFS_MAX_LIMIT) return INVALID(`The limit must be between 1 and ${TIME_OFFS_MAX_LIMIT}.`);
    // Personio counts time-off pages from 1 and reads offset=0 as page 1 (api-docs PR #82): so
    // asking for 0 and then 1 returns the first page twice.
    const offset = intParam(params, 'offset', 0);
    if (offset === null) return INVALID('The offset must be a non-negative integer.');
    const page = Math.max(1, offset);
    const dates: Record<string, string | undefined> = {};
    for (const name of ['start_date', 'end_date', 'updated_from', 'updated_to']) {
      const value = params.get(name);
      if (value === null || value === '') continue;
      try {
        parseDate(value);
      } catch {
        return INVALID(`The ${name} must be a date (YYYY-MM-DD).`);
      }
      dates[name] = value;
    }
    const ids = params.getAll('employees[]');
    // Repeat form only (employees[]=1&employees[]=2); a comma list is rejected (api-docs issue #29).
    if (ids.some((v) => !/^\d+$/.test(v.trim()))) return INVALID('The employees[] values must be employee ids, one per parameter.');
    const employees = ids.length > 0 ? new Set(ids.map(Number)) : undefined;
    const { start_date: start, end_date: end, updated_from: from, updated_to: to } = dates;
    const list = this.company.timeOffs.filter((t) => {
      if (start && t.endDate < start) return false;
      if (end && t.startDate > end) return false;
      if (employees && !employees.has(t.employeeId)) return false;
      const updated = formatTimestamp(t.updatedAt).slice(0, 10);
      if (from && updated < from) return false;
      if (to && updated > to) return false;
      return true;
    });
    const total = list.length;
    return ok({
      success: true,
      metadata: { total_elements: total, current_page: page, total_pages: Math.ceil(total / limit) },
      offset,
      limit,
      data: list.slice((page - 1) * limit, page * limit).map((t) => renderTimeOff(t, this.company)),
    });
  }

  private oneTimeOff(id: number): Reply {
    const t = this.company.timeOffs.find((x) => x.id === id);
    if (!t) return envelope(404, 404, 'The absence period was not found.');
    return ok({ success: true, data: renderTimeOff(t, this.company) });
  }

  private timeOffTypes(params: URLSearchParams): Reply {
    const limit = intParam(params, 'limit', 200);
    const offset = intParam(params, 'offset', 0);
    if (limit === null || limit < 1 || offset === null) return INVALID('The limit must be a positive integer and the offset a non-negative integer.');
    return ok({ success: true, data: this.company.timeOffTypes.slice(offset, offset + limit).map((t) => renderTimeOffType(t, this.company)) });
  }

  // ---- /__sim control API ---------------------------------------------------------------

  private stats() {
    const byRoute: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const r of this.requests) {
      const route = `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
      byRoute[route] = (byRoute[route] ?? 0) + 1;
      byStatus[String(r.status)] = (byStatus[String(r.status)] ?? 0) + 1;
    }
    return {
      requests: this.requests.length,
      byRoute,
      byStatus,
      employees: this.company.employees.length,
      timeOffs: this.company.timeOffs.length,
      pendingFaults: this.faults.map(({ remaining, ...f }) => ({ ...f, remaining })),
      rateLimit: this.limits?.config ?? false,
    };
  }

  private async control(req: IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop '__sim'
    const done = (data: unknown = null, status = 200): Reply => ({ status, json: { success: true, data } });
    try {
      let body: unknown;
      if (method === 'POST' || method === 'PATCH' || method === 'PUT') {
        const text = await readBody(req);
        try {
          body = text.trim() === '' ? undefined : JSON.parse(text);
        } catch {
          throw new SimError(400, 'the body must be JSON');
        }
      }
      const [first, second, third] = parts;
      const employeeId = () => {
        if (!second || !/^\d+$/.test(second)) throw new SimError(404, 'unknown employee id');
        return Number(second);
      };
      const asObject = (value: unknown) => {
        if (value === undefined) return {};
        if (!isRecord(value)) throw new SimError(400, 'the body must be a JSON object');
        return value;
      };
      const key = `${method} ${first ?? ''}${second !== undefined ? (/^\d+$/.test(second) ? '/:id' : `/${second}`) : ''}${third !== undefined ? `/${third}` : ''}`;
      switch (key) {
        case 'GET stats':
          return done(this.stats());
        case 'GET requests':
          return done(this.requests);
        case 'DELETE requests':
          this.resetRequestLog();
          return done();
        case 'POST employees':
          return done(this.addEmployee(asObject(body) as Partial<SimEmployee>), 201);
        case 'GET employees/:id':
          return done(this.state.get(employeeId()));
        case 'PATCH employees/:id':
          return done(this.updateEmployee(employeeId(), asObject(body) as Partial<SimEmployee>));
        case 'DELETE employees/:id':
          this.removeEmployee(employeeId());
          return done();
        case 'POST employees/:id/touch':
          this.touchEmployee(employeeId());
          return done(this.state.get(employeeId()));
        case 'POST faults':
          this.injectFault(validateFault(body));
          return done(null, 201);
        case 'DELETE faults':
          this.clearFaults();
          return done();
        case 'POST revoke': {
          const { clientId } = asObject(body);
          if (typeof clientId !== 'string') throw new SimError(400, 'clientId is required');
          this.revokeCredential(clientId);
          return done();
        }
        case 'POST attributes': {
          const { clientId, attributes } = asObject(body);
          if (typeof clientId !== 'string' || !Array.isArray(attributes) || !attributes.every((a) => typeof a === 'string')) {
            throw new SimError(400, 'clientId and attributes (a list of keys) are required');
          }
          this.setAllowedAttributes(clientId, attributes as string[]);
          return done();
        }
        case 'POST rate-limit': {
          // false / null / {} body: false or null turns limiting off; an object turns it on.
          if (body === false || body === null || body === undefined) this.setRateLimit(false);
          else {
            const { employeesPerMinute, authPerMinute } = asObject(body);
            if ((employeesPerMinute !== undefined && typeof employeesPerMinute !== 'number') || (authPerMinute !== undefined && typeof authPerMinute !== 'number')) {
              throw new SimError(400, 'employeesPerMinute and authPerMinute must be numbers');
            }
            try {
              this.setRateLimit({
                ...(employeesPerMinute !== undefined ? { employeesPerMinute } : {}),
                ...(authPerMinute !== undefined ? { authPerMinute } : {}),
              });
            } catch (e) {
              throw new SimError(400, e instanceof Error ? e.message : 'invalid rate limit');
            }
          }
          return done(this.limits?.config ?? false);
        }
        default:
          return { status: 404, json: { success: false, error: { code: 404, message: `no control endpoint ${method} ${url.pathname}` } } };
      }
    } catch (e) {
      if (e instanceof SimError) return { status: e.status, json: { success: false, error: { code: e.status, message: e.message } } };
      throw e;
    }
  }
}

/** Starts a simulator on `options.port` (default: a free port) and resolves once it listens. */
export async function startSimulator(options: SimOptions = {}): Promise<Simulator> {
  const simulator = new PersonioSimulator(options);
  await simulator.listen();
  return simulator;
}
