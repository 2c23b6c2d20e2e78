/**
 * Where a benchmark's time goes: summaries of V8 CPU profiles (the worker's, or a page's
 * during load) as the functions with the most self time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Only the samples taken while a function from one of `files` (by name) was on the stack. */
export function samplesUnder(profile: CpuProfile, files: string | readonly string[]): CpuProfile {
  const ends = (typeof files === 'string' ? [files] : files).map((file) => `/${file}`);
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const under = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (ends.some((end) => byId.get(at)?.callFrame.url.endsWith(end))) return true;
    return false;
  };
  const kept = profile.samples.map((node, i) => [node, profile.timeDeltas[i] ?? 0] as const).filter(([node]) => under(node));
  return { nodes: profile.nodes, samples: kept.map(([node]) => node), timeDeltas: kept.map(([, us]) => us) };
}

/** Profiles of several runs as one (node ids made distinct). */
export function mergeProfiles(profiles: CpuProfile[]): CpuProfile {
  const merged: CpuProfile = { nodes: [], samples: [], timeDeltas: [] };
  profiles.forEach((profile, i) => {
    const shift = (id: number) => id + i * 1_000_000;
    merged.nodes.push(...profile.nodes.map((n) => ({ ...n, id: shift(n.id), ...(n.children ? { children: n.children.map(shift) } : {}) })));
    merged.samples.push(...profile.samples.map(shift));
    merged.timeDeltas.push(...profile.timeDeltas);
  });
  return merged;
}

/**
 * Where a CPU profile's time went: the functions with the most self time, with their share.
 * The bench build is minified, so a function of ours is named by its place in the built file
 * and the first characters of its code there (read from `buildDir`).
 */
export function topSelfTime(profile: CpuProfile, buildDir: string, top = 12): string[] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((node, i) => byNode.set(node, (byNode.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const files = new Map<string, string[]>();
  const codeAt = (file: string, line: number, column: number) => {
    if (!files.has(file)) files.set(file, existsSync(join(buildDir, file)) ? readFileSync(join(buildDir, file), 'utf8').split('\n') : []);
    return files.get(file)![line]?.slice(column, column + 60) ?? '';
  };
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    total += us;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    const where = url.startsWith('chrome-extension://') ? ` ${file}:${lineNumber + 1}:${columnNumber + 1} \`${codeAt(file, lineNumber, columnNumber)}\`` : url ? ` ${url}` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
}

/** A Chromium trace event, as much of it as the bench reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event, where the trace records it. */
  tdur?: number;
  pid: number;
  tid: number;
  /** `name`: a process's or thread's, in metadata events (`ph` 'M'). */
  args?: { data?: { url?: string; scriptName?: string; fileName?: string }; fileName?: string; name?: string };
}

/** A Chromium trace (every process the page's session sees) of `categories` while `run` runs. */
export async function traceDuring<T>(page: Page, categories: string[], run: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  const result = await run();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { result, events };
}

/**
 * A trace of `page` while `run` runs, summed into what V8 did beside the script: its garbage
 * collection pauses on the page's thread, and its optimizing compilers' tasks (on background
 * threads, which share the machine's cores with the page).
 */
export async function gcAndJitDuring<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; summary: string }> {
  const { result, events } = await traceDuring(page, ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'disabled-by-default-v8.compile'], run);
  const sum = (names: string[]) => {
    const durations = events.filter((e) => e.ph === 'X' && names.includes(e.name)).map((e) => (e.dur ?? 0) / 1000);
    return `${durations.reduce((a, b) => a + b, 0).toFixed(1)} ms (${durations.length}, longest ${Math.max(0, ...durations).toFixed(1)} ms)`;
  };
  return {
    result,
    summary: `garbage collection ${sum(['MinorGC', 'MajorGC'])}; optimizing compiles: Maglev ${sum(['V8.MaglevTask'])}, Turbofan ${sum(['V8.TurbofanTask'])}`,
  };
}
