import * as z from 'zod/mini';
import type { ConnectionTest } from './connection';
import type { PanelLayout } from './panel-layout';
import type { OrgModel, PanelModel } from './panel-model';
import type { SearchHit } from './search';
import { settingsPatchSchema } from './settings';
import type { StatusReply } from './status';
import type { SyncProgress } from './sync/progress';
import type { ErrorInfo } from './personio/errors';
import type { PersonView } from './person-view';
import { MAX_NAME_LENGTH, MAX_PARTICIPANTS, PANEL_PORT, PROGRESS_BROADCAST } from './channels';

/**
 * The one message protocol of Sidecard. Each channel is a map from message type to the
 * message's zod schema and the type of its reply, so adding a message is one entry here and
 * one handler in the background, a missing handler fails `tsc`, and callers get the reply
 * type without a cast. The background checks the sender (browser-stamped fields) before it
 * parses, and drops anything that does not parse. Who may send what:
 * - content scripts (on supported or admin-added sites): `contentRequests`;
 * - extension pages (options, popup), but not the panel: `pageRequests`;
 * - the panel, over its Port only: `panelMessages` (it never sends page requests).
 * The background sends back: `PanelPush` on the panel Port, `ContentNotice` to a tab's
 * content script, and `ProgressBroadcast` to extension pages.
 * The client secret travels only from the options page to the background, in `connect` or
 * `test-connection`.
 *
 * zod/mini, not classic zod: classic zod's bundle probes for `Function('')`, which extension
 * pages forbid and store linters flag. The content script, popup and panel import this file
 * for types only, so they carry no zod at all.
 */

/** A reply type, carried in the protocol maps for the compiler only (its value is never read). */
const replyOf = <T>() => undefined as unknown as T;

const role = z.enum(['from', 'to', 'cc', 'requester']);
/** Someone the page shows with an address, or by name only (then matched by name, and said so). */
const participant = z.union([
  z.object({
    email: z.email().check(z.maxLength(320)),
    name: z.optional(z.string().check(z.maxLength(MAX_NAME_LENGTH))),
    role,
  }),
  z.object({
    email: z.optional(z.undefined()),
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(MAX_NAME_LENGTH)),
    role,
    addressHidden: z.optional(z.literal(true)),
  }),
]);
export type ParticipantMessage = z.infer<typeof participant>;

const conversationKey = z.string().check(z.maxLength(500));
/** The content script's report of the page (lib/sites/watch.ts PageReport). */
const pageReport = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('reading'), key: conversationKey }),
  z.object({
    status: z.literal('found'),
    conversation: z.object({ key: conversationKey, participants: z.array(participant).check(z.minLength(1), z.maxLength(MAX_PARTICIPANTS)) }),
  }),
  z.object({ status: z.literal('unreadable'), key: conversationKey, failed: z.string().check(z.maxLength(300)) }),
]);
export type PageReportMessage = z.infer<typeof pageReport>;

/** Background → content script: show or hide the panel frame. Deliberately no HR data. */
export interface RequesterReply {
  visible: boolean;
  layout: PanelLayout;
}

/** Content scripts → background. */
export const contentRequests = {
  /** What the page shows now: no conversation, one being read, its people, or one Sidecard cannot read. */
  requester: {
    schema: z.object({
      type: z.literal('requester'),
      site: z.string().check(z.maxLength(40)),
      page: pageReport,
      /** The window is too narrow for the site and an open panel side by side (lib/panel-layout.ts). */
      narrow: z.optional(z.boolean()),
      /** The page moved to another conversation: a panel opened over a narrow window closes to its tab. */
      newConversation: z.optional(z.boolean()),
    }),
    reply: replyOf<RequesterReply>(),
  },
  /** The window became narrow or wide: the panel's layout for that size. */
  'window-size': {
    schema: z.object({ type: z.literal('window-size'), narrow: z.boolean() }),
    reply: replyOf<{ layout: PanelLayout } | null>(),
  },
};

const credentials = z.object({
  baseUrl: z.url().check(z.maxLength(500)),
  clientId: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  /** Absent when the admin keeps the saved secret. */
  clientSecret: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
});

type Failure = { ok: false; error: ErrorInfo };
export type AttributesReply = { ok: true; attributes: { key: string; label: string }[] } | Failure;
/** A person opened from the popup: the card and the org around them. */
export interface OpenedPerson {
  person: PersonView;
  /** Absent for someone who left whose minimal record keeps no supervisor. */
  org?: OrgModel;
}

/** Extension pages → background. */
export const pageRequests = {
  status: { schema: z.object({ type: z.literal('status') }), reply: replyOf<StatusReply>() },
  'test-connection': {
    schema: z.object({ type: z.literal('test-connection'), credentials }),
    reply: replyOf<ConnectionTest>(),
  },
  connect: { schema: z.object({ type: z.literal('connect'), credentials }), reply: replyOf<ConnectionTest>() },
  disconnect: { schema: z.object({ type: z.literal('disconnect') }), reply: replyOf<{ ok: true }>() },
  'sync-now': {
    schema: z.object({ type: z.literal('sync-now'), full: z.optional(z.boolean()) }),
    reply: replyOf<{ ok: true }>(),
  },
  'settings-changed': { schema: z.object({ type: z.literal('settings-changed') }), reply: replyOf<{ ok: true }>() },
  search: {
    schema: z.object({
      type: z.literal('search'),
      query: z.string().check(z.maxLength(200)),
      limit: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
    }),
    reply: replyOf<SearchHit[]>(),
  },
  /** A person's card; with `wait`, once the vacation balance has arrived or the bounded wait is over. */
  person: { schema: z.object({ type: z.literal('person'), id: z.int(), wait: z.optional(z.boolean()) }), reply: replyOf<OpenedPerson | null>() },
  'retry-balance': { schema: z.object({ type: z.literal('retry-balance'), id: z.int() }), reply: replyOf<{ ok: true }>() },
  attributes: { schema: z.object({ type: z.literal('attributes') }), reply: replyOf<AttributesReply>() },
  'save-settings': {
    schema: z.object({ type: z.literal('save-settings'), patch: settingsPatchSchema }),
    reply: replyOf<{ ok: boolean } | Failure>(),
  },
};

/** Panel Port → background. The background answers each with a fresh `PanelPush`. */
export const panelMessages = {
  /** Show this participant's card: `key` is their address, or `name:<name>` for someone shown by name only. */
  select: { schema: z.object({ type: z.literal('select'), key: z.string().check(z.maxLength(MAX_NAME_LENGTH + 5)) }), reply: replyOf<void>() },
  'open-person': { schema: z.object({ type: z.literal('open-person'), id: z.int() }), reply: replyOf<void>() },
  back: { schema: z.object({ type: z.literal('back') }), reply: replyOf<void>() },
  'retry-balance': { schema: z.object({ type: z.literal('retry-balance'), id: z.int() }), reply: replyOf<void>() },
  search: { schema: z.object({ type: z.literal('search'), query: z.string().check(z.maxLength(200)) }), reply: replyOf<void>() },
  collapse: { schema: z.object({ type: z.literal('collapse'), collapsed: z.boolean() }), reply: replyOf<void>() },
  wider: { schema: z.object({ type: z.literal('wider') }), reply: replyOf<void>() },
  'open-options': { schema: z.object({ type: z.literal('open-options') }), reply: replyOf<void>() },
};

/** A channel: message type → schema and reply type. */
type Channel = Record<string, { schema: z.ZodMiniType; reply: unknown }>;
/** The message of one type on a channel. */
export type MessageOf<C extends Channel, K extends keyof C> = z.infer<C[K]['schema']>;
/** Any message on a channel. */
export type AnyMessage<C extends Channel> = { [K in keyof C]: MessageOf<C, K> }[keyof C];
export type ReplyOf<C extends Channel, K extends keyof C> = C[K]['reply'];
/** One handler per message type; `tsc` reports a type without one. */
export type Handlers<C extends Channel, Context> = {
  [K in keyof C]: (message: MessageOf<C, K>, context: Context) => Promise<ReplyOf<C, K>>;
};

export type ContentRequests = typeof contentRequests;
export type PageRequests = typeof pageRequests;
export type PanelMessages = typeof panelMessages;
export type ContentRequest = AnyMessage<ContentRequests>;
export type PageRequest = AnyMessage<PageRequests>;
export type PanelToBackground = AnyMessage<PanelMessages>;
export type RequesterMessage = MessageOf<ContentRequests, 'requester'>;

/**
 * The message on `channel` that `raw` is, or undefined. `Object.hasOwn` keeps a `type` such
 * as "__proto__" or "toString" from reaching the prototype.
 */
export function parseMessage<C extends Channel>(channel: C, raw: unknown): AnyMessage<C> | undefined {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(channel, type)) return undefined;
  const parsed = channel[type]!.schema.safeParse(raw);
  return parsed.success ? (parsed.data as AnyMessage<C>) : undefined;
}

/** Calls the handler for a parsed message, with the reply type of that message. */
export function dispatch<C extends Channel, Context>(handlers: Handlers<C, Context>, message: AnyMessage<C>, context: Context): Promise<unknown> {
  const type = (message as { type: keyof C }).type;
  return handlers[type](message as MessageOf<C, typeof type>, context);
}

/** One message on the panel Port: the model, and how the panel sits on this site. */
export interface PanelPush {
  model: PanelModel;
  layout: PanelLayout;
  /** The admin's language choice; the panel resolves "auto" against the browser. */
  language: 'auto' | 'en' | 'de';
}

/** Background → a tab's content script. Only the background can message a content script. */
export type ContentNotice =
  | { type: 'panel-layout'; layout: PanelLayout }
  /** Sidecard was just connected: say again who the page shows (it was not kept before). */
  | { type: 'report-again' };

/** Background → extension pages, while a sync runs. */
export interface ProgressBroadcast {
  type: typeof PROGRESS_BROADCAST;
  progress: SyncProgress;
}

export { PANEL_PORT, PROGRESS_BROADCAST };
