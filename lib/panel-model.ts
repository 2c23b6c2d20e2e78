import { displayName, initials, type Employee } from './employee';
import { localDay } from './format';
import { shownFields } from './fields';
import { SITES } from './sites';
import { participantKey } from './sites/types';
import { personCalendars } from './public-holidays';
import { findByEmail, findByName, awayStatus, timeOffsOf, supervisorChain, directReports, type SupervisorChain } from './lookup';
import { db as defaultDb, type SidecardDB } from './db';
import { getByKey } from './db-reads';
import { searchPeople, type SearchHit } from './search';
import { indexedPerson } from './people-index';
import { profileUrl } from './personio-web';
import type { DataFreshness } from './data-freshness';
import type { OpenedPerson, ParticipantMessage } from './messages';
import { toPersonView, type PersonExtras, type PersonView } from './person-view';
import type { Settings } from './settings';
import type { SyncProgress } from './sync/progress';

type CardExtras = Pick<PersonExtras, 'photo' | 'vacation'>;

/** What the panel renders. Built by the background; the panel holds no other data. */
export type PanelModel =
  | { state: 'not-connected' }
  | { state: 'first-sync'; progress?: SyncProgress }
  | { state: 'idle' }
  /** The database on disk is a newer Sidecard's: nothing is looked up until Sidecard is updated or disconnected. */
  | { state: 'database-too-new' }
  | OfferModel
  | ConversationModel;

/**
 * A page on a tenant of a multi-tenant site the admin has not named (lib/tenants.ts): the
 * panel offers to name it on the options page and shows nothing about anyone.
 */
export interface OfferModel {
  state: 'offer';
  host: string;
}

export interface ParticipantView {
  /** The participant's address, or `name:<name>` for someone the page shows by name only. */
  key: string;
  email?: string;
  name?: string;
  role: ParticipantMessage['role'];
  known: boolean;
  /** Shown by name only: found in the directory by that name (once, or several times), or not. */
  byName?: 'one' | 'several' | 'none';
  /** The site says it hides this person's address. */
  addressHidden?: true;
  /** What the list shows: the directory's name for a known person, else the page's name or address. */
  label: string;
  initials: string;
  /** The list's state dot: in the directory (and away today, or gone), or not in it. */
  state: 'known' | 'away' | 'former' | 'external';
}

/** The org around a person, as the popup shows it: who they report to, up the chain, and who reports to them. */
export interface OrgModel {
  chain: { id: number; name: string; position?: string }[];
  brokenAt?: SupervisorChain['brokenAt'];
  reports: { id: number; name: string; position?: string }[];
}

export interface ConversationModel {
  state: 'conversation';
  participants: ParticipantView[];
  selected: string;
  /** When the directory was last synced, and whether that needs a warning. */
  freshness: DataFreshness;
  today: string;
  /** The card on screen: the selected participant, or someone opened from it. */
  person?: PersonView;
  /** The selected participant is not in Personio (an external sender). */
  notFound?: boolean;
  /** Not found by address, but colleagues with the sender's display name (a private address?). */
  possibleMatches?: SearchHit[];
  /**
   * The card shows one of `possibleMatches`, opened from that list: a colleague with the
   * sender's name, not the sender's address. The panel keeps saying so above the card.
   */
  matchedByNameOnly?: boolean;
  /**
   * The selected participant is shown by name only (no address on the page): the card is the
   * one person with that name (`person`), or `possibleMatches` lists everyone with it.
   */
  byName?: { name: string; matches: 'one' | 'several' | 'none'; addressHidden?: true };
  /**
   * The page names a conversation but no requester was found: still being read, or unreadable
   * (`failed` names the hook, for an admin to report). No participants; the search is offered.
   */
  page?: { reading: true } | { failed: string; site: string };
  canGoBack: boolean;
  /** Where supervisor links led: the selected participant, then each person opened, newest last. */
  trail?: string[];
  searchResults?: { id: number; name: string; position?: string; email: string }[];
  searchQuery?: string;
}

export interface TabConversation {
  site: string;
  participants: ParticipantMessage[];
  selected: string;
  /** People opened from the card (supervisor clicks), newest last; Back pops one. */
  opened: number[];
  searchQuery?: string;
  searchResults?: ConversationModel['searchResults'];
  /**
   * Set when the page names a conversation whose requester Sidecard has not found: still being
   * read (no `failed`), or unreadable, with the hook that failed for the admin's details line.
   * The tab then holds no participants; the panel offers its search instead.
   */
  page?: { key: string; failed?: string };
  /**
   * Set when the page is on a tenant nobody has named: the tab then holds no participants and
   * its panel gets only the offer for this host (`offerFor`), never a lookup.
   */
  unnamedTenant?: string;
}

/** A tab on an unnamed tenant: the session it keeps (no participants, nothing looked up). */
export function unnamedTenantTab(site: string, host: string): TabConversation {
  return { site, participants: [], selected: '', opened: [], unnamedTenant: host };
}

/** The offer for a tab on an unnamed tenant, or null for any other tab. Reads nothing. */
export function offerFor(tab: TabConversation | undefined): OfferModel | null {
  return tab?.unnamedTenant ? { state: 'offer', host: tab.unnamedTenant } : null;
}


/**
 * A person's card. Its reads are independent, so they are asked for together: each IndexedDB
 * read costs a round trip, and the card is on the path from a conversation opening to the
 * panel showing who wrote. `extras` may still be on its way (the cached photo and balance).
 */
export async function personView(
  employee: Employee,
  settings: Settings,
  now: number,
  extras: CardExtras | Promise<CardExtras> = {},
  database: SidecardDB = defaultDb(),
): Promise<PersonView> {
  const shown = shownFields(settings.fields);
  const [supervisor, away, card] = await Promise.all([
    employee.supervisorId !== undefined ? getByKey(database.employees, employee.supervisorId) : undefined,
    shown.includes('absence')
      ? Promise.all([timeOffsOf(employee.id, database), personCalendars.calendarFor(employee.workWeek, employee.holidayRegion)]).then(([offs, calendar]) => awayStatus(offs, localDay(now), calendar))
      : undefined,
    extras,
  ]);
  const view = toPersonView(employee, shown, { ...(supervisor ? { supervisor } : {}), ...(away ? { away } : {}), ...card });
  const link = profileUrl(settings.personioWebUrl, employee.id);
  return link ? { ...view, profileUrl: link } : view;
}

function searchHitOf(e: Employee): SearchHit {
  const { folded: _folded, nameTokens: _names, tagTokens: _tags, ...hit } = indexedPerson(e);
  return hit;
}

function brief(e: Employee) {
  return { id: e.id, name: displayName(e), ...(e.position ? { position: e.position } : {}) };
}

/** A person opened from the popup: their card and the org around them; null when not in the directory. */
export async function openPerson(
  id: number,
  settings: Settings,
  extrasFor: (e: Employee) => Promise<Pick<PersonExtras, 'photo' | 'vacation'>>,
  database: SidecardDB = defaultDb(),
  now = Date.now(),
): Promise<OpenedPerson | null> {
  const employee = await getByKey(database.employees, id);
  if (!employee) return null;
  const [person, org] = await Promise.all([personView(employee, settings, now, extrasFor(employee), database), keepsOrg(employee, settings) ? orgOf(employee, database) : undefined]);
  return { person, ...(org ? { org } : {}) };
}

/**
 * Whether a person's record says who they reported to. The minimal record of someone who left
 * keeps no supervisor: their card shows no org rather than a wrong "No supervisor in Personio".
 */
function keepsOrg(employee: Employee, settings: Settings): boolean {
  return employee.status !== 'inactive' || settings.filters.statuses.includes('inactive');
}

export async function orgOf(employee: Employee, database: SidecardDB = defaultDb()): Promise<OrgModel> {
  const [{ chain, brokenAt }, reports] = await Promise.all([supervisorChain(employee, database), directReports(employee.id, database)]);
  return { chain: chain.map(brief), ...(brokenAt ? { brokenAt } : {}), reports: reports.map(brief) };
}

export async function conversationModel(
  tab: TabConversation,
  settings: Settings,
  opts: { now: number; freshness: DataFreshness | Promise<DataFreshness>; extrasFor?: (e: Employee) => Promise<CardExtras> },
  database: SidecardDB = defaultDb(),
): Promise<ConversationModel> {
  const today = localDay(opts.now);
  const showsAbsence = shownFields(settings.fields).includes('absence');
  // Every participant is looked up at once, and the card is built as soon as its person is
  // known: each IndexedDB read is a round trip, and this is the path from a conversation
  // opening to the panel showing who wrote.
  const lookups = tab.participants.map((p) => ({ p, key: participantKey(p), who: whoIs(p, database) }));
  const selectedWho = lookups.find((l) => l.key === tab.selected)?.who;
  const openedId = tab.opened[tab.opened.length - 1];
  const selectedParticipant = tab.participants.find((p) => participantKey(p) === tab.selected);
  const senderName = selectedParticipant?.name;
  const nameMatches = async () => (senderName && /\p{L}{2,}/u.test(senderName) ? searchPeople(senderName, 5, database) : []);
  const card = (async () => {
    const fromAddress = (await selectedWho)?.one;
    const employee = openedId !== undefined ? await getByKey(database.employees, openedId) : fromAddress;
    if (!employee) return undefined;
    // Opened straight from the not-found view of a sender Personio does not know by address.
    const fromNotFound = !fromAddress && tab.opened.length === 1;
    // The panel's card names the supervisor and no more of the org: nothing else is read or sent.
    const [person, matchedByNameOnly] = await Promise.all([
      personView(employee, settings, opts.now, opts.extrasFor ? opts.extrasFor(employee) : {}, database),
      fromNotFound && nameMatches().then((matches) => matches.some((m) => m.id === employee.id)),
    ]);
    return { person, matchedByNameOnly };
  })();
  card.catch(() => undefined); // awaited below, unless a participant's lookup fails first
  const participants = await Promise.all(
    lookups.map(async ({ p, key, who }): Promise<ParticipantView> => {
      const { one, named } = await who;
      const label = one ? displayName(one) : (p.name ?? p.email ?? '');
      const listed = { label, initials: one ? initials(one) : initialsOf(label), state: await participantState(one, showsAbsence, today, database) };
      if (p.email !== undefined) return { key, email: p.email, role: p.role, known: Boolean(one), ...(p.name ? { name: p.name } : {}), ...listed };
      // Shown by name only: one colleague with exactly that name is shown (and labelled so); several are listed.
      const byName = one ? 'one' : named.length > 1 ? 'several' : 'none';
      return { key, name: p.name, role: p.role, known: one !== undefined, byName, ...(p.addressHidden ? { addressHidden: true } : {}), ...listed };
    }),
  );
  const model: ConversationModel = {
    state: 'conversation',
    participants,
    selected: tab.selected,
    freshness: await opts.freshness,
    // The agent's local calendar day: an absence "today" means today where they sit.
    today,
    canGoBack: tab.opened.length > 0,
    ...(tab.opened.length > 0 ? { trail: await trailOf(tab, participants, database) } : {}),
    ...(tab.searchQuery !== undefined ? { searchQuery: tab.searchQuery } : {}),
    ...(tab.searchResults ? { searchResults: tab.searchResults } : {}),
    // Someone opened from the panel's search on a page it cannot read: their card is shown.
    ...(tab.page && openedId === undefined ? { page: tab.page.failed === undefined ? { reading: true as const } : { failed: tab.page.failed, site: SITES.find((x) => x.id === tab.site)?.label ?? tab.site } } : {}),
  };
  const selectedView = participants.find((p) => p.key === tab.selected);
  if (selectedParticipant && selectedView?.byName) {
    model.byName = { name: selectedParticipant.name ?? '', matches: selectedView.byName, ...(selectedView.addressHidden ? { addressHidden: true } : {}) };
  }
  if (model.page) return model;
  const shown = await card;
  if (shown) {
    model.person = shown.person;
    if (shown.matchedByNameOnly) model.matchedByNameOnly = true;
  } else {
    model.notFound = true;
    const several = (await selectedWho)?.named;
    const matches = several && several.length > 1 ? several.slice(0, 10).map(searchHitOf) : await nameMatches();
    if (matches.length) model.possibleMatches = matches;
  }
  return model;
}

/**
 * Who a participant is in the directory: by address, or, shown by name only, the one
 * colleague with exactly that name (`named`: everyone with it).
 */
async function whoIs(p: ParticipantMessage, database: SidecardDB): Promise<{ one?: Employee; named: Employee[] }> {
  if (p.email !== undefined) {
    const e = await findByEmail(p.email, database);
    return e ? { one: e, named: [e] } : { named: [] };
  }
  const named = await findByName(p.name, database);
  return named.length === 1 ? { one: named[0]!, named } : { named };
}

/** Initials of a name or address the directory does not know: first letters of up to two words. */
function initialsOf(text: string): string {
  const words = text.replace(/@.*/, '').split(/[\s._-]+/u).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

async function participantState(e: Employee | undefined, showsAbsence: boolean, today: string, database: SidecardDB): Promise<ParticipantView['state']> {
  if (!e) return 'external';
  if (e.status === 'inactive') return 'former';
  if (showsAbsence && awayStatus(await timeOffsOf(e.id, database), today).kind === 'away') return 'away';
  return 'known';
}

async function trailOf(tab: TabConversation, participants: ParticipantView[], database: SidecardDB): Promise<string[]> {
  const start = participants.find((p) => p.key === tab.selected)?.label;
  const opened = await Promise.all(tab.opened.map(async (id) => getByKey(database.employees, id)));
  return [...(start ? [start] : []), ...opened.map((e) => (e ? displayName(e) : '…'))];
}
