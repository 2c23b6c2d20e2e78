import { displayName, type Employee } from './employee';
import { cutText, fold, foldedVariants } from './text';
import { db as defaultDb, getByIndex, timeOffBucketOf, type SidecardDB, type TimeOff } from './db';

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
    const next = await database.employees.get(current.supervisorId);
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

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Away today, and back on which day (the day after the absence ends, skipping into the
 * next absence when two touch). Pure: `today` is a calendar date YYYY-MM-DD.
 */
export function awayStatus(timeOffs: readonly TimeOff[], today: string): AwayStatus {
  const sorted = [...timeOffs].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const current = sorted.find((t) => t.startDate <= today && today <= t.endDate);
  if (current) {
    let until = current.endDate;
    for (const t of sorted) {
      if (t.startDate <= addDays(until, 1) && t.endDate > until) until = t.endDate;
    }
    return { kind: 'away', until, backOn: addDays(until, 1), ...(current.typeName ? { typeName: current.typeName } : {}) };
  }
  const next = sorted.find((t) => t.startDate > today);
  return next && next.startDate <= addDays(today, 14) ? { kind: 'upcoming', from: next.startDate, until: next.endDate } : { kind: 'present' };
}

export async function timeOffsOf(employeeId: number, database: SidecardDB = defaultDb()): Promise<TimeOff[]> {
  const bucket = await database.timeOffBuckets.get(timeOffBucketOf(employeeId));
  return bucket?.timeOffs.filter((t) => t.employeeId === employeeId) ?? [];
}
