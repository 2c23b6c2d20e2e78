/** Replies as the simulator builds them, Personio's error envelopes, and writing a reply out. */
import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** a JSON body (kept as a value so a 'malformed' fault can break it) */
  json?: unknown;
  /** or raw bytes */
  raw?: { body: Buffer | string; contentType: string };
}

export const envelope = (status: number, code: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  json: { success: false, error: { code, message } },
  ...(headers ? { headers } : {}),
});
export const ok = (json: unknown): Reply => ({ status: 200, json });
export const NOT_PROVIDED = () => envelope(401, 401, 'Authorization is not provided');
export const NOT_VALID = () => envelope(403, 403, 'Provided authorization is not valid');
export const NOT_FOUND = () => envelope(404, 404, 'Not found');
// Personio's own example for a missing employee is German, with code 404.
export const EMPLOYEE_NOT_FOUND = () => envelope(404, 404, 'Es ist ein Problem aufgetreten');
export const TOO_MANY = (retryAfter: number) => envelope(429, 429, 'Too many requests', { 'Retry-After': String(retryAfter) });
// Validation errors: Personio's `code` is often 0 rather than the HTTP status.
export const INVALID = (message: string) => envelope(422, 0, message);

/** Writes `reply` out; a JSON body already serialized (a cached employee page) is sent as it is. */
export function sendReply(res: ServerResponse, reply: Reply, serialized: WeakMap<object, Buffer>): void {
  if (res.destroyed || res.writableEnded || res.headersSent) return;
  // Deliberately no Access-Control-* headers: like Personio, a web page must not read this API.
  const headers: Record<string, string> = { ...reply.headers };
  let body: Buffer | undefined;
  if (reply.json !== undefined) {
    body = (typeof reply.json === 'object' && reply.json !== null ? serialized.get(reply.json) : undefined) ?? Buffer.from(JSON.stringify(reply.json));
    headers['Content-Type'] = 'application/json; charset=utf-8';
  } else if (reply.raw) {
    body = Buffer.isBuffer(reply.raw.body) ? reply.raw.body : Buffer.from(reply.raw.body);
    headers['Content-Type'] = reply.raw.contentType;
  }
  headers['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(body);
}
