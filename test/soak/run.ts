import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../personio-sim';
import { askBackground, connect, launchExtension, openOptions, readStore, routePersonio, stopServiceWorker, waitForRunOver, type Launched } from '../e2e/harness';
import { leaverCutoff } from '../../lib/sync/leavers';
import { localDay } from '../../lib/format';
import { defaultFieldSettings } from '../../lib/fields';
import { applyRandomChanges, breakCycles, SOAK_CUSTOM_ATTRIBUTE, type ChangeKind } from './changes';
import { checkSearch, lostLookups, type Miss } from './lookups';
import { compare, expectedPeople, type Divergence, type LocalPerson } from './oracle';
import { seeded, type Random } from './random';
import { SOAK_CLOCK_KEY } from '../../lib/background/soak-clock';
import { SOAK_QUOTA_KEY } from '../../lib/background/soak-faults';
import { SOAK_REQUEST_TIMEOUT_MS } from '../../lib/background/soak-timeout';

/**
 * The soak: a company changing round after round in the simulator, synced by the built
 * extension in real Chromium with faults injected at random, and after each round the local
 * copy judged against the truth (test/soak/oracle.ts). Each round stands for one sync
 * interval (15 simulated minutes): its changes, a run that may meet a fault, then the next
 * scheduled run, after which nothing may differ.
 */
export interface SoakOptions {
  /** The soak build (SIDECARD_SOAK=1), whose sync clock the soak moves. */
  extensionDir?: string;
  seed: number;
  rounds: number;
  employees: number;
  changesPerRound: number;
  /** Start with the company's and the extension's clocks this many days ahead: a long run's later rounds, in a short one. */
  aheadDays?: number;
  onRound?: (line: string) => void;
}

export type FaultKind = 'none' | '429-storm' | '5xx' | 'timeout' | 'reset' | 'truncated-json' | 'wrong-type' | 'missing-id' | 'token-expired' | 'worker-stopped' | 'browser-restarted' | 'disk-full';

/** A lookup or search that failed, with its round, for the report. */
export interface MissInRound extends Miss {
  round: number;
  kind: 'lookup lost' | 'search missed' | 'removed still found';
}

export interface SoakFigures {
  seed: number;
  rounds: number;
  peopleStart: number;
  peopleEnd: number;
  changes: Map<ChangeKind, number>;
  faults: Map<FaultKind, number>;
  failedRuns: number;
  divergences: number;
  divergenceSamples: Divergence[];
  peopleLost: number;
  lookupsLost: number;
  /** The first lookups lost and search misses, described. */
  missSamples: MissInRound[];
  maxStalenessMinutes: number;
  searchMisses: number;
  /** People whose card said away (or not) against Personio's absences, after a run that fetched them. */
  awayWrong: number;
  awayChecked: number;
  removedStillFound: number;
  bytesPerPersonStart: number;
  bytesPerPersonEnd: number;
  seconds: number;
}

const INTERVAL_MINUTES = 15;
/** Changes come in this many batches a round, the clocks moving on between them. */
const BATCHES = 3;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SOAK_EXTENSION_DIR = process.env.SIDECARD_SOAK_EXTENSION_DIR ?? join(root, '.output-soak/chrome-mv3');
/** An admin's occasional full Sync now; the daily reconciliation comes by itself, every 96 rounds of simulated time. */
const FULL_EVERY = 8;
const FAULTS: FaultKind[] = ['none', 'none', '429-storm', '5xx', 'timeout', 'reset', 'truncated-json', 'wrong-type', 'missing-id', 'token-expired', 'worker-stopped', 'browser-restarted', 'disk-full'];
/** The employee list only: a fault there must not be spent on the attribute labels' request. */
const EMPLOYEES = '/v1/company/employees$';

interface SyncLogRow {
  id: number;
  kind: string;
  endedAt?: number;
  error?: { kind: string };
}

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const started = Date.now();
  const rng = seeded(options.seed);
  const sim = await startSimulator({ employees: options.employees, seed: options.seed });
  const profileDir = mkdtempSync(join(tmpdir(), 'sidecard-soak-'));
  const figures: SoakFigures = {
    seed: options.seed, rounds: 0, peopleStart: 0, peopleEnd: 0, changes: new Map(), faults: new Map(), failedRuns: 0, divergences: 0,
    divergenceSamples: [], peopleLost: 0, lookupsLost: 0, missSamples: [], maxStalenessMinutes: 0, searchMisses: 0, awayWrong: 0, awayChecked: 0, removedStillFound: 0, bytesPerPersonStart: 0, bytesPerPersonEnd: 0, seconds: 0,
  };
  const extensionDir = options.extensionDir ?? SOAK_EXTENSION_DIR;
  let browser = await start(sim, profileDir, false, extensionDir);
  /** Simulated time: how far the company's and the extension's sync clocks run ahead. */
  let aheadMs = 0;
  const advance = async (minutes: number) => {
    sim.advanceClock(minutes * 60_000);
    aheadMs += minutes * 60_000;
    await setLocal(browser.options, SOAK_CLOCK_KEY, aheadMs);
  };
  /** Attributes the credential may not read at the moment (an allow-list change toggles one). */
  const withheld = new Set<string>();
  const noteMisses = (round: number, kind: MissInRound['kind'], misses: Miss[]) => {
    for (const miss of misses) {
      if (figures.missSamples.length < 20) figures.missSamples.push({ ...miss, round, kind });
      options.onRound?.(`round ${round}: ${kind} ${JSON.stringify(miss)}`);
    }
  };
  try {
    if (options.aheadDays) await advance(options.aheadDays * 24 * 60);
    // The soak stores one custom attribute besides the default fields.
    await askBackground(browser.options, { type: 'save-settings', patch: { fields: [...defaultFieldSettings(), { key: SOAK_CUSTOM_ATTRIBUTE, store: true, show: true }] } });
    await connect(browser.options, DEFAULT_CREDENTIAL);
    await untilRunEndsAfter(browser.options, 0);
    let local = await people(browser.options);
    figures.peopleStart = local.length;
    figures.bytesPerPersonStart = await bytesPerPerson(browser.options, local.length);
    /** Since which round each person has differed (for staleness). */
    const differingSince = new Map<number, number>();

    for (let round = 1; round <= options.rounds; round += 1) {
      // The round's changes spread over its interval: a run that starts late sees some that
      // are a quarter of an hour old, as in the field.
      // Their days (absences, leaving dates) are the simulated day's, which the extension's
      // clock follows.
      for (let batch = 0; batch < BATCHES; batch += 1) {
        const count = Math.round(options.changesPerRound / BATCHES);
        for (const [kind, n] of applyRandomChanges(sim, rng, count, localDay(Date.now() + aheadMs), withheld)) figures.changes.set(kind, (figures.changes.get(kind) ?? 0) + n);
        await advance(INTERVAL_MINUTES / BATCHES);
      }
      const today = localDay(Date.now() + aheadMs);
      const previous = local;
      const fault = rng.pick(FAULTS);
      options.onRound?.(`round ${round}: ${fault}…`);
      figures.faults.set(fault, (figures.faults.get(fault) ?? 0) + 1);
      const runsBefore = await lastEndedRun(browser.options);
      const absencesBefore = await absencesSyncedAt(browser.options);
      browser = await faultedRun(browser, sim, profileDir, extensionDir, fault, rng, round % FULL_EVERY === 0);
      const log = await syncLog(browser.options);
      const faultedFailed = (log.at(-1)?.id ?? 0) > runsBefore && log.at(-1)?.error !== undefined;
      if (faultedFailed) {
        figures.failedRuns += 1;
        // The run failed: the last good copy must still answer, person by person.
        const lost = await lostLookups(browser.options, previous, expectedPeople(sim.company.employees, leaverCutoff(today, 12)), rng);
        figures.lookupsLost += lost.length;
        noteMisses(round, 'lookup lost', lost);
      }
      sim.clearFaults();
      await setLocal(browser.options, SOAK_QUOTA_KEY, 0);

      // The next scheduled run, without faults: after it, nothing may differ. (A run still going,
      // such as one resuming after its fault, would take this Sync now in: it ends first.)
      await waitForRunOver(browser.options, 90_000);
      const ended = await lastEndedRun(browser.options);
      await askBackground(browser.options, { type: 'sync-now' });
      await untilRunEndsAfter(browser.options, ended);
      // Absences refresh hourly (and on full runs): judged after a round whose runs fetched them.
      if ((await absencesSyncedAt(browser.options)) !== absencesBefore) {
        const away = await checkAway(browser.options, sim, rng, today);
        figures.awayWrong += away.wrong;
        figures.awayChecked += away.checked;
      }
      local = await people(browser.options);
      const cutoff = leaverCutoff(today, 12);
      const found = compare(sim.company.employees, local, cutoff, withheld);
      figures.divergences += found.length;
      if (figures.divergenceSamples.length < 10) figures.divergenceSamples.push(...found.slice(0, 10 - figures.divergenceSamples.length));
      const expected = expectedPeople(sim.company.employees, cutoff);
      figures.peopleLost += found.filter((d) => d.kind === 'missing' && previous.some((p) => p.id === d.id)).length;
      const now = new Set(found.map((d) => d.id));
      for (const id of now) if (!differingSince.has(id)) differingSince.set(id, round);
      for (const [id, since] of differingSince) {
        if (now.has(id)) continue;
        figures.maxStalenessMinutes = Math.max(figures.maxStalenessMinutes, (round - since + 1) * INTERVAL_MINUTES);
        differingSince.delete(id);
      }
      const search = await checkSearch(browser.options, local, previous.filter((p) => !expected.has(p.id)), rng);
      figures.searchMisses += search.misses.length;
      figures.removedStillFound += search.removedFound.length;
      noteMisses(round, 'search missed', search.misses);
      noteMisses(round, 'removed still found', search.removedFound);
      breakCycles(sim);
      figures.rounds = round;
      options.onRound?.(`round ${round}: fault ${fault}${faultedFailed ? ' (run failed)' : ''}, ${local.length} people, ${found.length} divergences${found.length ? ` ${JSON.stringify(found.slice(0, 3))}` : ''}`);
    }
    // Whatever still differs at the end has been stale since it began.
    for (const since of differingSince.values()) figures.maxStalenessMinutes = Math.max(figures.maxStalenessMinutes, (options.rounds - since + 2) * INTERVAL_MINUTES);
    if (figures.maxStalenessMinutes === 0) figures.maxStalenessMinutes = INTERVAL_MINUTES;
    figures.peopleEnd = local.length;
    figures.bytesPerPersonEnd = await bytesPerPerson(browser.options, local.length);
  } finally {
    await browser.launched.close();
    await sim.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}

interface Running {
  launched: Launched;
  options: Page;
}

async function start(sim: Simulator, profileDir: string, again: boolean, extensionDir: string): Promise<Running> {
  const launched = await launchExtension({ extensionDir, profileDir, welcome: !again });
  await routePersonio(launched.context, sim);
  return { launched, options: await openOptions(launched) };
}

/** One run with the round's fault; returns the browser, restarted if the fault was a restart. */
async function faultedRun(browser: Running, sim: Simulator, profileDir: string, extensionDir: string, fault: FaultKind, rng: Random, full: boolean): Promise<Running> {
  switch (fault) {
    case '429-storm':
      sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1, count: rng.int(2, 6), path: EMPLOYEES });
      break;
    case '5xx':
      sim.injectFault({ kind: 'status', status: rng.pick([500, 502, 503]), count: rng.int(1, 4), path: EMPLOYEES });
      break;
    case 'timeout':
      // Longer than the soak build's request timeout (SOAK_REQUEST_TIMEOUT_MS).
      sim.injectFault({ kind: 'slow', ms: SOAK_REQUEST_TIMEOUT_MS + 2_000, count: rng.int(1, 2), path: EMPLOYEES });
      break;
    case 'reset':
      sim.injectFault({ kind: 'drop', count: rng.int(1, 3), path: EMPLOYEES });
      break;
    case 'truncated-json':
    case 'wrong-type':
    case 'missing-id':
      sim.injectFault({ kind: 'malformed', variant: fault === 'truncated-json' ? 'truncated' : fault, path: EMPLOYEES });
      break;
    case 'token-expired':
      sim.expireTokens();
      break;
    case 'disk-full':
      await setLocal(browser.options, SOAK_QUOTA_KEY, rng.int(1, 3));
      break;
    default:
      break;
  }
  await waitForRunOver(browser.options, 90_000);
  const ended = await lastEndedRun(browser.options);
  await askBackground(browser.options, { type: 'sync-now', ...(full ? { full: true } : {}) });
  if (fault === 'worker-stopped') {
    await new Promise((r) => setTimeout(r, rng.int(0, 300)));
    await stopServiceWorker(browser.launched, browser.options);
  }
  if (fault === 'browser-restarted') {
    await new Promise((r) => setTimeout(r, rng.int(0, 300)));
    await browser.launched.context.close();
    browser = await start(sim, profileDir, true, extensionDir);
  }
  // A stopped run resumes when the worker wakes; either way one more run has ended.
  await untilRunEndsAfter(browser.options, ended);
  return browser;
}

async function absencesSyncedAt(options: Page): Promise<number | undefined> {
  return (await readStore<{ timeOffsSyncedAt?: number }>(options, 'syncState'))[0]?.timeOffsSyncedAt;
}

/**
 * Away now, on the card as the panel gets it, against the simulator's absences covering the
 * simulated `today` (a sample of the people stored as employed, the people away among them
 * first).
 */
async function checkAway(options: Page, sim: Simulator, rng: Random, today: string): Promise<{ wrong: number; checked: number }> {
  const awayIds = new Set(sim.company.timeOffs.filter((t) => t.startDate <= today && today <= t.endDate).map((t) => t.employeeId));
  const employed = (await people(options)).filter((p) => p.status !== 'inactive');
  const sample = [...employed.filter((p) => awayIds.has(p.id)).slice(0, 5), ...Array.from({ length: 5 }, () => rng.pick(employed))];
  let wrong = 0;
  for (const person of sample) {
    const opened = await askBackground<{ person: { away?: { kind: string } } } | null>(options, { type: 'person', id: person.id, wait: true });
    if ((opened?.person.away?.kind === 'away') !== awayIds.has(person.id)) wrong += 1;
  }
  return { wrong, checked: sample.length };
}

/** A soak switch in the extension's storage.local (the soak build reads it). */
async function setLocal(options: Page, key: string, value: number): Promise<void> {
  await options.evaluate(([k, v]) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ [k]: v }), [key, value] as const);
}

async function syncLog(options: Page): Promise<SyncLogRow[]> {
  return readStore<SyncLogRow>(options, 'syncLog');
}

/** The id of the last run that ended (the log keeps only the recent ones, so ids, not a count). */
async function lastEndedRun(options: Page): Promise<number> {
  return Math.max(0, ...(await syncLog(options)).filter((l) => l.endedAt).map((l) => l.id));
}

/** Until a run after `id` has ended and nothing runs. */
async function untilRunEndsAfter(options: Page, id: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await lastEndedRun(options)) <= id) {
    if (Date.now() > deadline) {
      const status = await askBackground<{ running: unknown }>(options, { type: 'status' });
      throw new Error(`no sync run ended within ${timeoutMs / 1000} s; the last runs: ${JSON.stringify((await syncLog(options)).slice(-3))}; running: ${JSON.stringify(status.running)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitForRunOver(options, timeoutMs);
}

async function people(options: Page): Promise<LocalPerson[]> {
  return readStore<LocalPerson>(options, 'employees');
}

/**
 * What the stored rows weigh (their JSON), per person: the browser's own usage figure also counts
 * IndexedDB's logs before compaction, which come and go with no relation to the data.
 */
async function bytesPerPerson(options: Page, count: number): Promise<number> {
  const bytes = await options.evaluate(async () => {
    const open = indexedDB.open('sidecard');
    const database = await new Promise<IDBDatabase>((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    let total = 0;
    for (const name of [...database.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((res) => {
        const req = database.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => res(req.result);
      });
      for (const row of rows) total += JSON.stringify(row, (_k, v: unknown) => (v instanceof Blob ? v.size : v))?.length ?? 0;
    }
    database.close();
    return total;
  });
  return count ? Math.round(bytes / count) : 0;
}
