/**
 * Fault injection: injected faults wait in a queue until a matching request takes them, then
 * answer it with a status, a malformed 200, a dropped connection or a delay.
 */
import { STATUS_CODES } from 'node:http';
import { NOT_PROVIDED, NOT_VALID, envelope, type Reply } from './replies';
import { isRecord } from './request-parsing';
import type { SimFault } from './simulator-types';
import { SimError } from './state';

/** A fault's `path` is a prefix of the request's path, or the whole path when it ends in `$`. */
function pathMatches(faultPath: string | undefined, path: string): boolean {
  if (faultPath === undefined) return true;
  return faultPath.endsWith('$') ? path === faultPath.slice(0, -1) : path.startsWith(faultPath);
}

export type PendingFault = SimFault & { remaining: number };

/** Breaks a reply the way a buggy upstream would: still a 200, but structurally wrong. */
export function malform(reply: Reply, variant: 'wrong-type' | 'missing-id' | 'truncated'): Reply {
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

export function statusFaultReply(fault: Extract<SimFault, { kind: 'status' }>): Reply {
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

export function validateFault(value: unknown): SimFault {
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

/** Faults waiting for their requests, in the order they were injected. */
export class FaultQueue {
  private faults: PendingFault[] = [];

  add(fault: SimFault): void {
    const checked = validateFault(fault);
    this.faults.push({ ...checked, remaining: checked.count ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching the request, counted as used once more. */
  take(path: string, params: URLSearchParams): PendingFault | undefined {
    const fault = this.faults.find(
      (f) => pathMatches(f.path, path) && (f.kind !== 'malformed' || f.offset === undefined || params.get('offset') === String(f.offset)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  /** A copy of the queue, for /__sim/stats. */
  pending() {
    return this.faults.map(({ remaining, ...f }) => ({ ...f, remaining }));
  }
}
