import { displayName, type Employee } from './employee';
import { cutText, fold, foldedVariants } from './text';
import { db as defaultDb, timeOffBucketOf, type SidecardDB, type TimeOff } from './db';
import { getByIndex, getByKey } from './db-reads';
import { addDays, EVERY_DAY, type WorkCalendar } from './working-days';

// Reads of the stored people. Nothing here writes: the sync is the one writer of employees.

/** "Ada+HR@Acme.com " → "ada@acme.com": case-insensitive, plus-addressing stripped. */
export function canonicalEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const local = email.slice(0, at).replace(/\+.*$/, '');
  return `${local}${email.slice(at)}`;
}

export async function findByEmail(email: string, database: SidecardDB = defaultDb()): Promise<Employee | undefined> {
  const exact = email.trim().toLowerCase();
  const found = await getByIndex(database.employees, 'email', exact);
  if (found) return found;
  const canonical = canonicalEmail(email);
  return canonical === exact ? undefined : getByIndex(database.employees, 'email', canonical);
}

/** A name's words, each accent-folded ("Müller, Jürgen" → ["muller", "jurgen"]). */
function nameWords(name: string): string[] {
  return name.split(/[\s\-'’.,()]+/).filter(Boolean).map(fold);
}

/** Do two names have the same words, in any order, accents and umlaut spellings aside? */
function sameName(shown: readonly string[], stored: string): boolean {
  const candidates = stored.split(/[\s\-'’.,()]+/).filter(Boolean).map(foldedVariants);
  if (candidates.length !== shown.length) return false;
  const unused = [...candidates];
  return shown.every((word) => {
    const at = unused.findIndex((variants) => variants.includes(word));
    return at >= 0 && unused.splice(at, 1).length === 1;
  });
}

/**
 * Everyone whose name is exactly `shown`, its words in any order ("Jürgen Müller", "Müller,
 * Jürgen", "Juergen Mueller"): for a site that shows a colleague by name only. A single word
 * names nobody for sure, so it finds no one. At most `limit` people.
 */
export async function findByName(shown: string, database: SidecardDB = defaultDb(), limit = 10): Promise<Employee[]> {
  const words = nameWords(cutText(shown, 200));
  if (words.length < 2) return [];
  const candidates = await database.employees.where('nameTokens').equals(words[0]!).limit(1000).toArray();
  return candidates.filter((e) => sameName(words, displayName(e)) || sameName(words, [e.firstName, e.lastName].filter(Boolean).join(' '))).slice(0, limit);
}

export interface SupervisorChain {
  /** Nearest first, up to the top. */
  chain: Employee[];
  /** Set when the chain stops at someone whose supervisor is not synced (filtered out or missing). */
  brokenAt?: { supervisorId: number; supervisorName?: string };
}

export async function supervisorChain(employee: Employee, database: SidecardDB = defaultDb(), maxDepth = 25): Promise<SupervisorChain> {
  const chain: Employee[] = [];
  const seen = new Set<number>([employee.id]);
  let current = employee;
  while (current.supervisorId !== undefined && chain.length < maxDepth) {
    if (seen.has(current.supervisorId)) break; // a cycle in the source data: stop rather than loop
    const next = await getByKey(database.employees, current.supervisorId);
    if (!next) {
      return { chain, brokenAt: { supervisorId: current.supervisorId, ...(current.supervisorName ? { supervisorName: current.supervisorName } : {}) } };
    }
    chain.push(next);
    seen.add(next.id);
    current = next;
  }
  return { chain };
}

export function directReports(id: number, database: SidecardDB = defaultDb()): Promise<Employee[]> {
  return database.employees.where('supervisorId').equals(id).sortBy('lastName');
}

export type AwayStatus =
  | { kind: 'present' }
  | { kind: 'away'; until: string; backOn: string; typeName?: string }
  | { kind: 'upcoming'; from: string; until: string };

/** How far ahead "back on" looks for a working day before giving up on the schedule. */
const BACK_ON_HORIZON_DAYS = 400;

/**
 * Away today, and back on which day: the first day after the absence that is a working day
 * on the person's calendar and not inside another absence (two absences with only a weekend
 * or a holiday between them are one). Pure: `today` is a calendar date YYYY-MM-DD.
 */
export function awayStatus(timeOffs: readonly TimeOff[], today: string, calendar: WorkCalendar = EVERY_DAY): AwayStatus {
  const sorted = [...timeOffs].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const current = sorted.find((t) => t.startDate <= today && today <= t.endDate);
  if (current) {
    let until = current.endDate;
    let day = addDays(until, 1);
    for (let i = 0; i < BACK_ON_HORIZON_DAYS; i += 1) {
      const covering = sorted.find((t) => t.startDate <= day && day <= t.endDate);
      if (covering) {
        until = covering.endDate;
        day = addDays(until, 1);
      } else if (calendar.isWorkingDay(day)) {
        break;
      } else {
        day = addDays(day, 1);
      }
    }
    return { kind: 'away', until, backOn: day, ...(current.typeName ? { typeName: current.typeName } : {}) };
  }
  const next = sorted.find((t) => t.startDate > today);
  return next && next.startDate <= addDays(today, 14) ? { kind: 'upcoming', from: next.startDate, until: next.endDate } : { kind: 'present' };
}

export async function timeOffsOf(employeeId: number, database: SidecardDB = defaultDb()): Promise<TimeOff[]> {
  const bucket = await getByKey(database.timeOffBuckets, timeOffBucketOf(employeeId));
  return bucket?.timeOffs.filter((t) => t.employeeId === employeeId) ?? [];
}
