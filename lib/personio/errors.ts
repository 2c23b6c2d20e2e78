/**
 * Every way talking to Personio can fail, as a value the UI can explain. The client maps
 * HTTP and parsing failures to one of these kinds; `lib/i18n/` holds the wording and fix.
 * Messages never include credentials or tokens.
 */
export type PersonioErrorKind =
  | 'bad-credentials'
  | 'forbidden'
  | 'attribute-not-granted'
  | 'rate-limited'
  | 'network'
  | 'server'
  | 'malformed';

export class PersonioError extends Error {
  readonly kind: PersonioErrorKind;
  /** Safe detail for the sync log: an HTTP status, a field path, an attribute name. */
  readonly detail?: string;

  constructor(kind: PersonioErrorKind, detail?: string) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = 'PersonioError';
    this.kind = kind;
    this.detail = detail;
  }
}

export function isPersonioError(e: unknown): e is PersonioError {
  return e instanceof PersonioError;
}

/** A serialisable form for storage and messages. */
export interface ErrorInfo {
  /** `policy`: the browser did not answer the organisation-policy read (see lib/background/policy.ts). */
  kind: PersonioErrorKind | 'storage' | 'policy' | 'unknown';
  detail?: string;
}

/** The browser's managed-storage read did not answer in time: nothing that depends on policy may go ahead. */
export class PolicyUnavailableError extends Error {
  constructor() {
    super('policy unavailable');
    this.name = 'PolicyUnavailableError';
  }
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (isPersonioError(e)) return { kind: e.kind, ...(e.detail ? { detail: e.detail } : {}) };
  if (e instanceof PolicyUnavailableError) return { kind: 'policy' };
  if (e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'AbortError')) {
    return { kind: 'storage', detail: e.name };
  }
  if (e && typeof e === 'object' && 'name' in e && (e as { name: string }).name.startsWith('Dexie')) {
    return { kind: 'storage', detail: String((e as { name: string }).name) };
  }
  return { kind: 'unknown' };
}
