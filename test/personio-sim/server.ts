/**
 * The local Personio simulator: a plain node:http server that honours Personio's v1 contract
 * (auth, employees, attributes, absence balance, profile pictures, time-offs) with its quirks,
 * plus test controls (mutations, fault injection, rate limits) in-process and under /__sim/.
 * See README.md in this folder and docs/personio-api-notes.md for the contract.
 *
 * This module receives requests, logs them, applies faults and latency, checks the bearer token
 * and the rate limit, and routes them to the endpoint modules.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attributeDefinitions, type RenderContext } from './attributes';
import { Credentials, DEFAULT_CREDENTIAL } from './auth';
import { generateCompany, type Company, type SimEmployee } from './company';
import { control, type ControlTarget } from './control-api';
import { EmployeeEndpoints } from './employee-endpoints';
import { FaultQueue, malform, statusFaultReply } from './faults';
import { DEFAULT_AVATAR_WIDTH } from './png';
import { normalizeRateLimit, type RateLimits } from './rate-limit';
import { NOT_FOUND, TOO_MANY, envelope, ok, sendReply, type Reply } from './replies';
import { header, queryRecord } from './request-parsing';
import type { RequestLogEntry, SimFault, SimOptions, Simulator } from './simulator-types';
import { SimState } from './state';
import { listTimeOffs, oneTimeOff, timeOffTypes } from './time-off-endpoints';

// Callers import the simulator's public interface from here (and through index.ts).
export { DEFAULT_CREDENTIAL } from './auth';
export type { RequestLogEntry, SimCredential, SimFault, SimOptions, SimRateLimit, Simulator } from './simulator-types';

class PersonioSimulator implements Simulator, ControlTarget {
  url = '';
  port = 0;
  readonly requests: RequestLogEntry[] = [];
  readonly state: SimState;
  readonly faults = new FaultQueue();
  limits: RateLimits | null;
  private readonly credentials: Credentials;
  private readonly latencyMs: number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly serialized = new WeakMap<object, Buffer>();
  private readonly employees: EmployeeEndpoints;
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
    this.credentials = new Credentials(options.credentials ?? [DEFAULT_CREDENTIAL], (options.tokenTtlSeconds ?? 86_400) * 1000);
    this.limits = normalizeRateLimit(options.rateLimit);
    this.latencyMs = options.latencyMs ?? 0;
    this.employees = new EmployeeEndpoints(this.state, this.serialized);
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
    this.faults.add(fault);
  }
  clearFaults(): void {
    this.faults.clear();
  }
  revokeCredential(clientId: string): void {
    this.credentials.revoke(clientId);
  }
  expireTokens(): void {
    this.credentials.expireTokens();
  }
  advanceClock(ms: number): void {
    this.state.aheadMs += ms;
  }
  setAllowedAttributes(clientId: string, attributes: string[]): void {
    this.credentials.setAllowedAttributes(clientId, attributes);
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
      this.send(res, await control(this, req, url));
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

    const fault = this.faults.take(url.pathname, url.searchParams);
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
    sendReply(res, reply, this.serialized);
  }

  private async route(req: IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // Preflights get an answer without any CORS header, so browsers block the real request.
    if (method === 'OPTIONS') return { status: 204, headers: { Allow: path === '/v1/auth' ? 'POST, OPTIONS' : 'GET, OPTIONS' } };
    if (path === '/v1/auth') return method === 'POST' ? this.credentials.auth(req, url, () => this.limits, this.company.seed) : envelope(405, 405, 'Method not allowed');

    const route = this.match(path);
    if (!route) return NOT_FOUND();
    if (method !== 'GET') return envelope(405, 405, 'Method not allowed (the simulator is read-only)');

    const verified = this.credentials.verify(header(req, 'authorization'));
    if (!('token' in verified)) return verified;
    const { token, credential } = verified;

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
    if (path === '/v1/company/employees') return { handle: (ctx, p) => this.employees.cachedEmployeesList(ctx, p) };
    if (path === '/v1/company/employees/attributes' || path === '/v1/company/employees/custom-attributes') {
      return { handle: (ctx) => ok({ success: true, data: attributeDefinitions(ctx.company, ctx.allowed) }) };
    }
    let m = /^\/v1\/company\/employees\/(\d+)$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      return { handle: (ctx, p) => this.employees.oneEmployee(ctx, id, p) };
    }
    m = /^\/v1\/company\/employees\/(\d+)\/absences\/balance$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      return { handle: () => this.employees.balance(id) };
    }
    m = /^\/v1\/company\/employees\/(\d+)\/profile-picture(?:\/(\d+))?$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      const width = m[2] === undefined ? DEFAULT_AVATAR_WIDTH : Number(m[2]);
      return { handle: (ctx) => this.employees.picture(ctx, id, width), picture: true };
    }
    if (path === '/v1/company/time-offs') return { handle: (_ctx, p) => listTimeOffs(this.company, p) };
    m = /^\/v1\/company\/time-offs\/(\d+)$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      return { handle: () => oneTimeOff(this.company, id) };
    }
    if (path === '/v1/company/time-off-types') return { handle: (_ctx, p) => timeOffTypes(this.company, p) };
    return undefined;
  }
}

/** Starts a simulator on `options.port` (default: a free port) and resolves once it listens. */
export async function startSimulator(options: SimOptions = {}): Promise<Simulator> {
  const simulator = new PersonioSimulator(options);
  await simulator.listen();
  return simulator;
}
