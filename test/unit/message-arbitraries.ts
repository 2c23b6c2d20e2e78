import fc from 'fast-check';
import { contentRequests, pageRequests, panelMessages } from '@/lib/messages';

/**
 * Messages for the protocol's property tests (router.property.test.ts and
 * test/unit/background.property.test.ts): one valid message of every type on every channel,
 * and arbitraries that break them one field at a time.
 */

export const CHANNELS = { content: contentRequests, page: pageRequests, panel: panelMessages } as const;
export type ChannelName = keyof typeof CHANNELS;

const ada = { email: 'ada@acme.example', name: 'Ada Lovelace', role: 'from' };
const credentials = { baseUrl: 'https://api.personio.de', clientId: 'papi-client', clientSecret: 'papi-secret' };

/** A valid message of each type, per channel. */
export const VALID: { [C in ChannelName]: Record<keyof (typeof CHANNELS)[C], Record<string, unknown>> } = {
  content: {
    requester: { type: 'requester', site: 'gmail', page: { status: 'found', conversation: { key: 'k', participants: [ada] } }, narrow: false },
    'window-size': { type: 'window-size', narrow: true },
  },
  page: {
    status: { type: 'status' },
    'test-connection': { type: 'test-connection', credentials },
    connect: { type: 'connect', credentials },
    disconnect: { type: 'disconnect' },
    'sync-now': { type: 'sync-now', full: true },
    'settings-changed': { type: 'settings-changed' },
    search: { type: 'search', query: 'ada', limit: 5 },
    person: { type: 'person', id: 100001, wait: false },
    'retry-balance': { type: 'retry-balance', id: 100001 },
    attributes: { type: 'attributes' },
    'save-settings': { type: 'save-settings', patch: { intervalMinutes: 30 } },
  },
  panel: {
    select: { type: 'select', key: 'ada@acme.example' },
    'open-person': { type: 'open-person', id: 100001 },
    back: { type: 'back' },
    'retry-balance': { type: 'retry-balance', id: 100001 },
    search: { type: 'search', query: 'ada' },
    collapse: { type: 'collapse', collapsed: true },
    wider: { type: 'wider' },
    'open-options': { type: 'open-options' },
  },
};

const allValid = Object.values(VALID).flatMap((c) => Object.values(c) as Record<string, unknown>[]);

/** A key that must stay data: `__proto__` as an own property, as JSON.parse makes it. */
const withOwnKey = (m: Record<string, unknown>, key: string, value: unknown) => {
  const copy = JSON.parse(JSON.stringify(m)) as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
};

/** A valid message with one change: a field replaced, added or removed, or a prototype key. */
const mutated = fc.oneof(
  fc.tuple(fc.constantFrom(...allValid), fc.nat(), fc.anything()).map(([m, i, v]) => {
    const keys = Object.keys(m);
    return { ...m, [keys[i % keys.length]!]: v };
  }),
  fc.tuple(fc.constantFrom(...allValid), fc.string(), fc.jsonValue()).map(([m, k, v]) => withOwnKey(m, k, v)),
  fc.tuple(fc.constantFrom(...allValid), fc.constantFrom('__proto__', 'constructor', 'toString'), fc.jsonValue()).map(([m, k, v]) => withOwnKey(m, k, v)),
  fc.tuple(fc.constantFrom(...allValid), fc.nat()).map(([m, i]) => {
    const copy = { ...m };
    delete copy[Object.keys(m)[i % Object.keys(m).length]!];
    return copy;
  }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf').map((type) => ({ type })),
  fc.jsonValue().map((v) => JSON.parse(`{"type":"status","__proto__":${JSON.stringify(v)}}`) as unknown),
);

/** Anything at all, valid messages, and valid messages broken in one place. */
export const anyMessage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true }),
  fc.jsonValue(),
  fc.constantFrom(...allValid),
  mutated,
  mutated,
);

/** The type of `raw` on `channel` if its schema accepts it (the protocol's own rule), else undefined. */
export function acceptedType(channel: ChannelName, raw: unknown): string | undefined {
  const map = CHANNELS[channel] as Record<string, { schema: { safeParse(v: unknown): { success: boolean } } }>;
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(map, type)) return undefined;
  return map[type]!.schema.safeParse(raw).success ? type : undefined;
}
