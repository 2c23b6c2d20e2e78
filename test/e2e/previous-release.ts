import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TEST_EXTENSION_KEY } from './test-extension-key';

/**
 * The release before this one, built for Chromium as a test build (its manifest carries the
 * test key, so it has the id the current test build has): what an update test installs first.
 * Built once per commit and cached under node_modules/.cache, so a rerun starts the browser at once.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const CACHE = join(root, 'node_modules/.cache/sidecard-previous-release');

export interface PreviousRelease {
  tag: string;
  commit: string;
  /** The built extension (chrome-mv3, its manifest with the test key; or Firefox's folder). */
  dir: string;
}

async function git(args: string[], cwd = root): Promise<string> {
  return (await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout.trim();
}

/**
 * The newest `v*` tag HEAD contains that is not the version HEAD is (a release commit carries
 * its own tag). A clone without tags (a shallow CI checkout) falls back to the release named in
 * previous-release.json, whose commit must then be in the clone.
 */
export async function previousReleaseCommit(): Promise<{ tag: string; commit: string }> {
  const own = `v${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}`;
  const tags = (await git(['tag', '--list', 'v*', '--merged', 'HEAD', '--sort=-v:refname'])).split('\n').filter(Boolean);
  const tag = tags.find((t) => t !== own);
  if (tag) return { tag, commit: await git(['rev-list', '-n1', tag]) };
  const recorded = JSON.parse(readFileSync(join(root, 'test/e2e/previous-release.json'), 'utf8')) as { tag: string; commit: string };
  try {
    await git(['cat-file', '-e', `${recorded.commit}^{commit}`]);
  } catch {
    throw new Error(`The previous release ${recorded.tag} (${recorded.commit}) is not in this clone: fetch its tags or history (git fetch --tags)`);
  }
  return recorded;
}

/**
 * Can the old commit build with this repository's node_modules? Yes when every package its
 * lockfile pins is installed at that version (npm's record of what is installed:
 * node_modules/.package-lock.json); platform packages marked optional may be absent.
 */
function installedModulesFit(oldLock: string): boolean {
  const installedFile = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(installedFile)) return false;
  type Lock = { packages: Record<string, { version?: string; optional?: boolean }> };
  const installed = (JSON.parse(readFileSync(installedFile, 'utf8')) as Lock).packages;
  const pinned = (JSON.parse(oldLock) as Lock).packages;
  return Object.entries(pinned).every(([path, p]) => path === '' || p.optional || installed[path]?.version === p.version);
}

/** Add the test key to a built manifest that lacks it (a release whose config predates the switch). */
function ensureTestKey(dir: string): void {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { key?: string };
  if (manifest.key === TEST_EXTENSION_KEY) return;
  writeFileSync(file, JSON.stringify({ ...manifest, key: TEST_EXTENSION_KEY }));
}

/** The previous release's test build for a browser: from the cache, or built in a worktree of its own. */
export async function buildPreviousRelease(browser: 'chrome' | 'firefox' = 'chrome'): Promise<PreviousRelease> {
  const { tag, commit } = await previousReleaseCommit();
  const cached = join(CACHE, browser === 'chrome' ? commit : `${commit}-firefox`);
  if (existsSync(join(cached, 'manifest.json'))) return { tag, commit, dir: cached };

  const worktree = mkdtempSync(join(tmpdir(), `sidecard-${tag}-`));
  const outDir = mkdtempSync(join(tmpdir(), `sidecard-${tag}-out-`));
  // An empty directory is fine for git: the worktree goes into it.
  await git(['worktree', 'add', '--detach', worktree, commit]);
  try {
    if (installedModulesFit(readFileSync(join(worktree, 'package-lock.json'), 'utf8'))) {
      symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    } else {
      await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: worktree, maxBuffer: 64 * 1024 * 1024 });
    }
    const env = { ...process.env, SIDECARD_OUT_DIR: outDir, SIDECARD_TEST_KEY: '1', SIDECARD_BENCH: '' };
    await run('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: worktree, env, maxBuffer: 64 * 1024 * 1024 });
    // Firefox's folder names its manifest version, which a release may have changed.
    const built = join(outDir, browser === 'chrome' ? 'chrome-mv3' : readdirSync(outDir).find((d) => d.startsWith('firefox-'))!);
    // Firefox keeps the id from browser_specific_settings; Chrome's comes from the test key.
    if (browser === 'chrome') ensureTestKey(built);
    // Into the cache in one step, so a build stopped halfway is never taken for a finished one.
    const staging = `${cached}.${process.pid}`;
    cpSync(built, staging, { recursive: true });
    rmSync(cached, { recursive: true, force: true });
    renameSync(staging, cached);
    return { tag, commit, dir: cached };
  } finally {
    await git(['worktree', 'remove', '--force', worktree]).catch(() => rmSync(worktree, { recursive: true, force: true }));
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The current tree's Chromium test build, into a directory of its own (removed by the caller). */
export async function buildCurrentTree(): Promise<{ dir: string; outDir: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'sidecard-current-'));
  const env = { ...process.env, SIDECARD_OUT_DIR: outDir, SIDECARD_TEST_KEY: '1', SIDECARD_BENCH: '' };
  await run('npx', ['wxt', 'build'], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
  return { dir: join(outDir, 'chrome-mv3'), outDir };
}

/** The Dexie schema version a build declares (lib/db.ts `this.version(n)`, the highest n), read from its source. */
export function declaredSchemaVersion(dbSource: string): number {
  return Math.max(...[...dbSource.matchAll(/this\.version\((\d+)\)/g)].map((m) => Number(m[1])));
}

/** lib/db.ts as the given commit has it. */
export function dbSourceAt(commit: string): Promise<string> {
  return git(['show', `${commit}:lib/db.ts`]);
}
