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

/** Milliseconds of CPU each kind of process of the Chromium using `profileDir` has used so far, and this Node process's. */
export function cpuTimes(profileDir: string): CpuByProcess {
  const procs = new Map<number, { ppid: number; ms: number; cmdline: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      procs.set(Number(entry), { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS, cmdline });
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
  for (const pid of ours) {
    const p = procs.get(pid)!;
    const kind = processKind(p.cmdline);
    byKind[kind] = (byKind[kind] ?? 0) + p.ms;
  }
  const self = process.cpuUsage();
  byKind['simulator and driver'] = (self.user + self.system) / 1000;
  return byKind;
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
