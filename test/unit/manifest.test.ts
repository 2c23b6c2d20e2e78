import { exec } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOAK_CLOCK_KEY } from '@/lib/background/soak-clock';
import { SITES } from '@/lib/sites';

/**
 * Both shipped manifests, built for real (Manifest V3 for Chrome and for Firefox), against the justification table in docs/release.md: every permission and host each
 * build asks for is listed there under the same manifest key, and nothing listed is gone.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(exec);

type Browser = 'chrome' | 'firefox';
interface Manifest {
  manifest_version?: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
  web_accessible_resources?: (string | { resources: string[]; matches?: string[] })[];
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  key?: string;
}

const manifests = {} as Record<Browser, Manifest>;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'sidecard-manifest-'));
  // The shipped builds: never the bench build's extras, nor the test builds' fixed key.
  const env = { ...process.env, SIDECARD_OUT_DIR: outDir, SIDECARD_BENCH: '', SIDECARD_TEST_KEY: '' };
  await Promise.all([run('npx wxt build', { cwd: root, env }), run('npx wxt build -b firefox', { cwd: root, env })]);
  manifests.chrome = JSON.parse(readFileSync(join(outDir, 'chrome-mv3/manifest.json'), 'utf8')) as Manifest;
  manifests.firefox = JSON.parse(readFileSync(join(outDir, 'firefox-mv3/manifest.json'), 'utf8')) as Manifest;
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Every permission and host of a manifest, each with the key it sits under. */
function grants(m: Manifest): { key: string; entry: string }[] {
  const list: { key: string; entry: string }[] = [];
  const add = (key: string, entries: readonly string[] | undefined) => entries?.forEach((entry) => list.push({ key, entry }));
  add('permissions', m.permissions);
  add('optional_permissions', m.optional_permissions);
  add('host_permissions', m.host_permissions);
  add('optional_host_permissions', m.optional_host_permissions);
  for (const script of m.content_scripts ?? []) add('content_scripts.matches', script.matches);
  for (const resource of m.web_accessible_resources ?? []) {
    if (typeof resource === 'string') add('web_accessible_resources', [resource]);
    else {
      add('web_accessible_resources', resource.resources);
      add('web_accessible_resources.matches', resource.matches);
    }
  }
  return list;
}

/** docs/release.md's table: entry → the keys it sits under, per build. */
function justification(): Map<string, Record<Browser, string[]>> {
  const codeIn = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  const rows = new Map<string, Record<Browser, string[]>>();
  for (const line of readFileSync(join(root, 'docs/release.md'), 'utf8').split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [, entry = '', chrome = '', firefox = ''] = line.split('|');
    // A row may justify several entries alike (the sites' content scripts).
    for (const name of codeIn(entry)) rows.set(name, { chrome: codeIn(chrome), firefox: codeIn(firefox) });
  }
  return rows;
}

const isHost = (entry: string) => entry.includes('://');

describe('the shipped manifests', () => {
  it.each(['chrome', 'firefox'] as const)('%s: every permission and host is justified in docs/release.md under its key', (browser) => {
    const table = justification();
    const missing = grants(manifests[browser]).filter(({ key, entry }) => !table.get(entry)?.[browser].includes(key));
    expect(missing, 'add these to the table in docs/release.md').toEqual([]);
  });

  it('are both Manifest V3, and name the popup shortcut after its action, beside the panel toggle', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(manifests[browser].manifest_version, browser).toBe(3);
      // Manifest V3 opens the toolbar popup with _execute_action (V2's was _execute_browser_action).
      expect(Object.keys(manifests[browser].commands ?? {}).sort(), browser).toEqual(['_execute_action', 'toggle-panel']);
      expect(manifests[browser].commands?._execute_action?.suggested_key?.default, browser).toBe('Alt+Shift+S');
    }
  });

  it('docs/release.md lists nothing the builds do not ask for', () => {
    const table = justification();
    for (const browser of ['chrome', 'firefox'] as const) {
      const asked = new Set(grants(manifests[browser]).map(({ key, entry }) => `${key} ${entry}`));
      const stale = [...table].flatMap(([entry, keys]) => keys[browser].map((key) => `${key} ${entry}`)).filter((pair) => !asked.has(pair));
      expect(stale, `${browser}: rows or keys in docs/release.md the build does not have`).toEqual([]);
    }
  });

  it('ask for host access only to what the background fetches: Personio’s API', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(manifests[browser].host_permissions, browser).toEqual(['https://api.personio.de/*']);
      expect(manifests[browser].permissions?.filter(isHost), browser).toEqual([]);
    }
  });

  it('carry no manifest key: the store gives the id, the test builds’ fixed one never ships', () => {
    expect(manifests.chrome.key).toBeUndefined();
    expect(manifests.firefox.key).toBeUndefined();
  });

  it('ship nothing of the soak build: its movable sync clock stays out of the production background', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const background = readFileSync(join(outDir, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv3', 'background.js'), 'utf8');
      expect(background.includes(SOAK_CLOCK_KEY), browser).toBe(false);
    }
  });

  it('ship nothing of the bench build: the sync floor it runs in the worker stays out of the production background', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const background = readFileSync(join(outDir, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv3', 'background.js'), 'utf8');
      expect(background.includes('sidecardBenchWorker'), browser).toBe(false);
    }
  });

  it('load each extension page from at most three script files: its own, the shared chunk, the module runtime', () => {
    for (const browser of ['chrome-mv3', 'firefox-mv3']) {
      for (const page of ['popup.html', 'panel.html', 'options.html']) {
        const html = readFileSync(join(outDir, browser, page), 'utf8');
        const modules = [...html.matchAll(/<(?:script type="module"|link rel="modulepreload")[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
        expect(modules.length, `${browser}/${page}: ${modules.join(', ')}`).toBeGreaterThan(0);
        expect(modules.length, `${browser}/${page}: ${modules.join(', ')}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('contain no loopback host', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const hosts = grants(manifests[browser]).map((g) => g.entry).filter(isHost);
      expect(hosts.filter((h) => /127\.0\.0\.1|localhost|\[::1\]/.test(h)), browser).toEqual([]);
    }
  });

  it('grant a proxy or a custom domain at run time, in both browsers', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(manifests[browser].optional_host_permissions, browser).toEqual(['https://*/*']);
      expect(manifests[browser].optional_permissions, browser).toEqual(['scripting']);
    }
  });

  it("let only https pages load the panel frame, and in Chrome the sites' content scripts proper", () => {
    expect(manifests.chrome.web_accessible_resources).toEqual([
      expect.objectContaining({ resources: ['panel.html'], matches: ['https://*/*'] }),
      expect.objectContaining({ resources: SITES.map((site) => `content-${site.id}-main.js`), matches: ['https://*/*'] }),
    ]);
    expect(manifests.firefox.web_accessible_resources).toEqual([expect.objectContaining({ resources: ['panel.html'], matches: ['https://*/*'] })]);
  });

  it("inject only a small loader while a page loads in Chrome; Firefox, whose linter flags the loader's import, is given the script itself", () => {
    for (const site of SITES) {
      const loader = readFileSync(join(outDir, 'chrome-mv3', `content-${site.id}.js`), 'utf8');
      expect(loader.length, site.id).toBeLessThan(1024);
      expect(loader, site.id).toMatch(/-main\.js/);
      expect(loader, site.id).toContain(`\`${site.id}\``);
      expect(existsSync(join(outDir, 'firefox-mv3', `content-${site.id}.js`)), site.id).toBe(false);
      expect(readFileSync(join(outDir, 'firefox-mv3', `content-${site.id}-main.js`), 'utf8'), site.id).not.toContain('import(');
    }
  });

  it("run each site's own script on that site's addresses, and only there", () => {
    const injected = { chrome: (site: string) => `content-${site}.js`, firefox: (site: string) => `content-${site}-main.js` };
    for (const browser of ['chrome', 'firefox'] as const) {
      const scripts = manifests[browser].content_scripts ?? [];
      for (const site of SITES) expect(scripts, `${browser} ${site.id}`).toContainEqual(expect.objectContaining({ matches: [...site.matches], js: [injected[browser](site.id)] }));
      expect(scripts.filter((s) => s.js?.some((file) => file.startsWith('content-'))), browser).toHaveLength(SITES.length);
    }
  });

  it('run on Jira Service Management, not on every page of an Atlassian site', () => {
    const matches = manifests.chrome.content_scripts?.flatMap((s) => s.matches ?? []) ?? [];
    expect(matches.filter((p) => p.includes('atlassian.net'))).not.toContain('https://*.atlassian.net/*');
  });
});
