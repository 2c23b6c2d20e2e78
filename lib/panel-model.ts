import { displayName, type Employee } from './employee';
import { localDay } from './format';
import { shownFields } from './fields';
import { findByEmail, awayStatus, timeOffsOf, supervisorChain, directReports, type SupervisorChain } from './lookup';
import { db as defaultDb, type SidecardDB } from './db';
import { searchPeople, type SearchHit } from './search';
import type { OpenedPerson, ParticipantMessage } from './messages';
import { toPersonView, type PersonExtras, type PersonView } from './person-view';
import type { Settings } from './settings';
import type { SyncProgress } from './sync/progress';

/** What the panel renders. Built by the background; the panel holds no other data. */
export type PanelModel =
  | { state: 'not-connected' }
  | { state: 'first-sync'; progress?: SyncProgress }
  | { state: 'idle' }
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
  email: string;
  name?: string;
  role: ParticipantMessage['role'];
  known: boolean;
}

export interface ConversationModel {
  state: 'conversation';
  participants: ParticipantView[];
  selected: string;
  stale: boolean;
  today: string;
  /** The card on screen: the selected participant, or someone opened from it. */
  person?: PersonView;
  org?: { chain: { id: number; name: string; position?: string }[]; brokenAt?: SupervisorChain['brokenAt']; reports: { id: number; name: string; position?: string }[] };
  /** The selected participant is not in Personio (an external sender). */
  notFound?: boolean;
  /** Not found by address, but colleagues with the sender's display name (a private address?). */
  possibleMatches?: SearchHit[];
  /**
   * The card shows one of `possibleMatches`, opened from that list: a colleague with the
   * sender's name, not the sender's address. The panel keeps saying so above the card.
   */
  matchedByNameOnly?: boolean;
  canGoBack: boolean;
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


export async function personView(
  employee: Employee,
  settings: Settings,
  now: number,
  extras: Pick<PersonExtras, 'photo' | 'vacation'> = {},
  database: SidecardDB = defaultDb(),
): Promise<PersonView> {
  const shown = shownFields(settings.fields);
  const supervisor = employee.supervisorId !== undefined ? await database.employees.get(employee.supervisorId) : undefined;
  const away = shown.includes('absence') ? awayStatus(await timeOffsOf(employee.id, database), localDay(now)) : undefined;
  return toPersonView(employee, shown, { ...(supervisor ? { supervisor } : {}), ...(away ? { away } : {}), ...extras });
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
): Promise<OpenedPerson | null> {
  const employee = await database.employees.get(id);
  if (!employee) return null;
  return { person: await personView(employee, settings, Date.now(), await extrasFor(employee), database), org: await orgOf(employee, database) };
}

export async function orgOf(employee: Employee, database: SidecardDB = defaultDb()): Promise<NonNullable<ConversationModel['org']>> {
  const { chain, brokenAt } = await supervisorChain(employee, database);
  const reports = await directReports(employee.id, database);
  return { chain: chain.map(brief), ...(brokenAt ? { brokenAt } : {}), reports: reports.map(brief) };
}

export async function conversationModel(
  tab: TabConversation,
  settings: Settings,
  opts: { now: number; stale: boolean; extrasFor?: (e: Employee) => Promise<Pick<PersonExtras, 'photo' | 'vacation'>> },
  database: SidecardDB = defaultDb(),
): Promise<ConversationModel> {
  const participants: ParticipantView[] = [];
  const found = new Map<string, Employee>();
  for (const p of tab.participants) {
    const e = await findByEmail(p.email, database);
    if (e) found.set(p.email, e);
    participants.push({ email: p.email, role: p.role, known: Boolean(e), ...(p.name ? { name: p.name } : {}) });
  }
  const senderName = tab.participants.find((p) => p.email === tab.selected)?.name;
  const nameMatches = async () => (senderName && /\p{L}{2,}/u.test(senderName) ? searchPeople(senderName, 5, database) : []);
  const openedId = tab.opened[tab.opened.length - 1];
  const employee = openedId !== undefined ? await database.employees.get(openedId) : found.get(tab.selected);
  const model: ConversationModel = {
    state: 'conversation',
    participants,
    selected: tab.selected,
    stale: opts.stale,
    // The agent's local calendar day: an absence "today" means today where they sit.
    today: localDay(opts.now),
    canGoBack: tab.opened.length > 0,
    ...(tab.searchQuery !== undefined ? { searchQuery: tab.searchQuery } : {}),
    ...(tab.searchResults ? { searchResults: tab.searchResults } : {}),
  };
  if (employee) {
    const extras = opts.extrasFor ? await opts.extrasFor(employee) : {};
    model.person = await personView(employee, settings, opts.now, extras, database);
    if (shownFields(settings.fields).includes('supervisor')) model.org = await orgOf(employee, database);
    // Opened straight from the not-found view of a sender Personio does not know by address.
    const fromNotFound = !found.has(tab.selected) && tab.opened.length === 1;
    if (fromNotFound && (await nameMatches()).some((m) => m.id === employee.id)) model.matchedByNameOnly = true;
  } else {
    model.notFound = true;
    const matches = await nameMatches();
    if (matches.length) model.possibleMatches = matches;
  }
  return model;
}
