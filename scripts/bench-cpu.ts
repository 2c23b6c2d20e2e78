/**
 * CPU time by process, read from Linux's /proc: how much of the machine a benchmarked step
 * used, and where. On a machine with few cores a step can be bound by the sum of all
 * processes' work (browser, extension, network service, simulator) rather than by any one.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type CpuByProcess = Record<string, number>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processKind(cmdline: string): string {
  if (!/--type=/.test(cmdline)) return 'browser';
  if (/--type=renderer/.test(cmdline)) return /--extension-process/.test(cmdline) ? 'extension' : 'pages';
  if (/--utility-sub-type=network\.mojom\.NetworkService/.test(cmdline)) return 'network';
  return 'other';
}

/** The extension process's threads, by what they do (Linux names them, cut to 15 characters). */
function extensionThread(name: string): string {
  if (name.startsWith('ServiceWorker')) return 'service worker';
  if (name.startsWith('ThreadPool')) return 'V8 and Blink helpers (GC, compiles, raster)';
  if (name === 'chromium' || name === 'CrRendererMain') return 'pages, main thread';
  if (name.startsWith('Chrome_ChildIO')) return 'IPC';
  return 'other';
}

/** The browser process's threads: the database's work runs in its thread pool. */
function browserThread(name: string): string {
  if (name.startsWith('ThreadPool')) return 'thread pool (IndexedDB among others)';
  if (name === 'chromium' || name === 'CrBrowserMain') return 'main';
  if (name.startsWith('Chrome_IOThread')) return 'IPC';
  return 'other';
}

function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The CPU of the extension's and the browser's processes, by thread (each apart: part of its process's total). */
export interface CpuByThread {
  extensionThreads: CpuByProcess;
  browserThreads: CpuByProcess;
}

/**
 * Milliseconds of CPU each kind of process of the Chromium using `profileDir` has used so far,
 * and this Node process's; with `threads`, the extension's and the browser's by thread too.
 */
export function cpuTimes(profileDir: string): CpuByProcess;
export function cpuTimes(profileDir: string, threads: true): { byProcess: CpuByProcess } & CpuByThread;
export function cpuTimes(profileDir: string, threads = false): CpuByProcess | ({ byProcess: CpuByProcess } & CpuByThread) {
  const procs = new Map<number, { ppid: number; ms: number; cmdline: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      procs.set(Number(entry), { ppid: Number(fields[1]), ms: ticksOf(stat), cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  const browser = [...procs].find(([, p]) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && processKind(p.cmdline) === 'browser')?.[0];
  const ours = new Set<number>(browser === undefined ? [] : [browser]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) {
      if (ours.has(pid) || !ours.has(p.ppid)) continue;
      ours.add(pid);
      grew = true;
    }
  }
  const byKind: CpuByProcess = {};
  const extensionThreads: CpuByProcess = {};
  const browserThreads: CpuByProcess = {};
  for (const pid of ours) {
    const p = procs.get(pid)!;
    const kind = processKind(p.cmdline);
    byKind[kind] = (byKind[kind] ?? 0) + p.ms;
    if (!threads || (kind !== 'extension' && kind !== 'browser')) continue;
    const [into, threadOf] = kind === 'extension' ? [extensionThreads, extensionThread] : [browserThreads, browserThread];
    try {
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
        const thread = threadOf(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
        into[thread] = (into[thread] ?? 0) + ticksOf(stat);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  const self = process.cpuUsage();
  byKind['simulator and driver'] = (self.user + self.system) / 1000;
  return threads ? { byProcess: byKind, extensionThreads, browserThreads } : byKind;
}

export function cpuSince(before: CpuByProcess, after: CpuByProcess): CpuByProcess {
  return Object.fromEntries(Object.entries(after).map(([kind, ms]) => [kind, ms - (before[kind] ?? 0)]));
}

export function cpuTotal(cpu: CpuByProcess): number {
  return Object.values(cpu).reduce((sum, ms) => sum + ms, 0);
}

export function describeCpu(cpu: CpuByProcess): string {
  return Object.entries(cpu)
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
}

const DRIVER = 'simulator and driver';
/** How long the browser must stay (nearly) idle to count as quiet, and what nearly idle is. */
const QUIET_MS = 300;
const QUIET_SHARE = 0.05;

/** Waits until the browser's processes together use under 5% of a core for QUIET_MS; returns the CPU times then. */
export async function quiet(profileDir: string, maxMs = 20_000): Promise<CpuByProcess> {
  let last = cpuTimes(profileDir);
  const deadline = Date.now() + maxMs;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const now = cpuTimes(profileDir);
    const browserMs = Object.entries(now)
      .filter(([kind]) => kind !== DRIVER)
      .reduce((sum, [kind, ms]) => sum + ms - (last[kind] ?? 0), 0);
    last = now;
    if (browserMs <= QUIET_MS * QUIET_SHARE || Date.now() > deadline) return now;
  }
}

/**
 * The CPU a step costs, by process, from a quiet browser to a quiet browser again. Work a step
 * leaves behind (the database compacting what it wrote, a garbage collection) runs after it
 * returns; counted in its window, it is charged to the step that caused it rather than to
 * whichever step is measured next. The driver's own polling for quiet is not the step's.
 * `extensionThreads`, `browserThreads`: those processes' part of it, by thread.
 */
export async function cpuOfStep<T>(profileDir: string, step: () => Promise<T>): Promise<{ result: T; cpu: CpuByProcess } & CpuByThread> {
  await quiet(profileDir);
  const before = cpuTimes(profileDir, true);
  const result = await step();
  const driver = cpuTimes(profileDir)[DRIVER] ?? 0;
  await quiet(profileDir);
  const after = cpuTimes(profileDir, true);
  return {
    result,
    cpu: cpuSince(before.byProcess, { ...after.byProcess, [DRIVER]: driver }),
    extensionThreads: cpuSince(before.extensionThreads, after.extensionThreads),
    browserThreads: cpuSince(before.browserThreads, after.browserThreads),
  };
}
