/**
 * Credentials and bearer tokens: `POST /v1/auth` hands out a token per credential, and every
 * other API request must carry a valid one. Revoking a credential ends its tokens.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ALL_ATTRIBUTES } from './attributes';
import type { RateLimits } from './rate-limit';
import { NOT_PROVIDED, NOT_VALID, TOO_MANY, envelope, ok, type Reply } from './replies';
import { header, isRecord, readBody } from './request-parsing';
import type { SimCredential } from './simulator-types';
import { SimError } from './state';

export const DEFAULT_CREDENTIAL: SimCredential = {
  clientId: 'sim-client-id',
  clientSecret: 'sim-client-secret-0123456789',
  attributes: [...ALL_ATTRIBUTES],
};

const SCOPE = 'employees:read absences:read';

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

export class Credentials {
  private readonly credentials = new Map<string, CredentialState>();
  private readonly tokens = new Map<string, TokenState>();

  constructor(
    credentials: SimCredential[],
    private readonly tokenTtlMs: number,
  ) {
    for (const c of credentials) {
      if (this.credentials.has(c.clientId)) throw new Error(`duplicate credential ${c.clientId}`);
      this.credentials.set(c.clientId, { secret: c.clientSecret, allowed: new Set(c.attributes), revoked: false });
    }
  }

  revoke(clientId: string): void {
    this.credential(clientId).revoked = true;
    for (const [token, t] of this.tokens) if (t.clientId === clientId) this.tokens.delete(token);
  }
  expireTokens(): void {
    this.tokens.clear();
  }
  setAllowedAttributes(clientId: string, attributes: string[]): void {
    this.credential(clientId).allowed = new Set(attributes);
  }

  private credential(clientId: string): CredentialState {
    const c = this.credentials.get(clientId);
    if (!c) throw new SimError(404, `no credential ${clientId}`);
    return c;
  }

  /** The token an `Authorization` header carries and its credential, or the 401 / 403 reply. */
  verify(authorizationHeader: string | undefined): { token: TokenState; credential: CredentialState } | Reply {
    const authorization = authorizationHeader?.trim();
    if (!authorization) return NOT_PROVIDED();
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const token = bearer ? this.tokens.get(bearer) : undefined;
    const credential = token ? this.credentials.get(token.clientId) : undefined;
    if (!token || !credential || credential.revoked || token.expiresAt <= Date.now()) return NOT_VALID();
    return { token, credential };
  }

  /** `POST /v1/auth`; `limits` is read once the body is in, as a control request may change them meanwhile. */
  async auth(req: IncomingMessage, url: URL, limits: () => RateLimits | null, seed: number): Promise<Reply> {
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
    const limit = limits();
    if (limit) {
      const wait = limit.auth.take(clientId || 'anonymous', Date.now());
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
      const digest = createHash('sha256').update(`${seed}:${clientId}:${now}`).digest('hex');
      token = { token: `papi-${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`, clientId, expiresAt: now + this.tokenTtlMs };
      this.tokens.set(token.token, token);
    }
    // expires_in counts down: a token handed out again has less of its 24 h left.
    return ok({ success: true, data: { token: token.token, expires_in: Math.max(0, Math.floor((token.expiresAt - now) / 1000)), scope: SCOPE } });
  }
}
