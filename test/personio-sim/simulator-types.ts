/** The simulator's public interface: its options, credentials, faults, request log and controls. */
import type { Company, CompanyLanguage, SimEmployee } from './company';

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
