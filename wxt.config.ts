import { defineConfig } from 'wxt';
import { contentMainFile } from './lib/content-loader';
import { contentScriptFile, SITES } from './lib/sites';
import { benchManifest } from './scripts/bench-floor-pages';
import { holidayTableFiles } from './scripts/holiday-tables';
import { noDynamicInnerHtml } from './scripts/vite-no-inner-html';
import { sharedPageChunk } from './scripts/vite-shared-page-chunk';
import { zipConfig } from './scripts/zip-config';
import { TEST_EXTENSION_KEY } from './test/e2e/test-extension-key';

const PERSONIO_API = 'https://api.personio.de/*';
/** The simulator's addresses; the bench build alone may reach them. */
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

/** `npm run bench` builds a separate copy with a benchmark page; production never contains it. */
const bench = process.env.SIDECARD_BENCH === '1';
/** `npm run soak` builds a copy whose sync clock the soak moves ahead (test/soak); never shipped. */
const soak = process.env.SIDECARD_SOAK === '1';
const OPTIONAL_HOSTS = ['https://*/*', ...(bench ? LOOPBACK : [])];

/**
 * Test builds only (SIDECARD_TEST_KEY=1, Chrome): a manifest `key` fixes the extension id, so an
 * update test loads a newer build over the same profile and id. Store builds and zips never have it.
 */
const testKey = process.env.SIDECARD_TEST_KEY === '1';

declare global {
  interface ImportMetaEnv {
    /**
     * True only in the bench build. A compile-time constant: production builds read `false`,
     * so the minifier drops every branch it guards and nothing bench-only ships.
     */
    readonly SIDECARD_BENCH?: boolean;
    /** True only in the soak build: the sync reads a clock the soak moves (lib/background/soak-clock.ts). */
    readonly SIDECARD_SOAK?: boolean;
  }
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // SIDECARD_OUT_DIR: a build of one's own beside another engineer's (test/e2e/harness.ts reads
  // SIDECARD_EXTENSION_DIR to run it).
  outDir: process.env.SIDECARD_OUT_DIR ?? (bench ? '.output-bench' : soak ? '.output-soak' : '.output'),
  // Manifest V3 in Firefox too (WXT's default there is V2). Firefox 140, our minimum, has all of
  // it that Sidecard uses: `action`, `optional_host_permissions`, `storage.session`,
  // `scripting.registerContentScripts`, and `web_accessible_resources` with `matches`, so the
  // panel frame loads only on https pages instead of on every origin as Manifest V2 allows. One
  // manifest shape for both browsers means one permissions table and one code path. The
  // difference that stays: Firefox runs the background as an event page, not a service worker
  // (docs/architecture.md).
  manifestVersion: 3,
  // Store packages and the sources package AMO asks for (scripts/zip-config.ts, docs/release.md).
  zip: zipConfig,
  vite: () => ({
    define: { 'import.meta.env.SIDECARD_BENCH': JSON.stringify(bench), 'import.meta.env.SIDECARD_SOAK': JSON.stringify(soak) },
    // Production bundles only: react-dom's dangerouslySetInnerHTML path, which we never use, throws
    // instead of assigning innerHTML, so Firefox's linter has nothing to flag (see the plugin).
    plugins: [noDynamicInnerHtml(), sharedPageChunk()],
    // Extension pages run in browsers that all preload modules; the polyfill would be one more file.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // Public holidays as one small file per country, read by the background when someone is away.
    'build:publicAssets': (wxt, files) => {
      files.push(...holidayTableFiles(wxt.config.root));
    },
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (bench) return;
      // Every entrypoint named bench… (the benchmark page, the floors' pages and scripts) is
      // built for `npm run bench` only.
      for (let i = entrypoints.length - 1; i >= 0; i -= 1) if (entrypoints[i]!.name.startsWith('bench')) entrypoints.splice(i, 1);
    },
  },
  manifest: ({ browser }) => ({
    ...(testKey && browser !== 'firefox' ? { key: TEST_EXTENSION_KEY } : {}),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Narrowest set: storage for settings and data, alarms for scheduled syncs. docs/release.md
    // justifies every permission and host (test/unit/manifest.test.ts holds the two together).
    permissions: ['storage', 'alarms'],
    // Only what the background fetches: Personio's API. The supported sites need no host
    // permission: the content script's `matches` run it there, and it reads the page itself.
    // The bench build also reaches the simulator on loopback (no request routing in the path).
    host_permissions: [PERSONIO_API, ...(bench ? LOOPBACK : [])],
    // Granted at run time, one host at a time: an API proxy, a custom domain.
    optional_host_permissions: OPTIONAL_HOSTS,
    // `scripting` is asked for with a custom domain, to register the content script there.
    optional_permissions: ['scripting'],
    web_accessible_resources: [
      // The panel frame must load on admin-added domains too, which a static list cannot
      // name; use_dynamic_url keeps its address secret per session, so no page can embed it
      // by a guessable URL, and it shows data only to the tab our content script reported.
      // Firefox has no use_dynamic_url: there the address is secret per install instead
      // (moz-extension://<random UUID>); docs/release.md.
      { resources: ['panel.html'], matches: ['https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
      // Each site's content script proper, which its loader imports when the page is idle
      // (lib/content-loader.ts): on the same terms as the panel frame, so it exposes nothing more.
      // Chrome only: Firefox is given the script itself (lib/content-loader.ts).
      ...(browser === 'firefox' ? [] : [{ resources: SITES.map((site) => contentMainFile(site.id)), matches: ['https://*/*'], use_dynamic_url: true }]),
      ...(bench ? benchManifest.webAccessibleResources : []),
    ],
    commands: {
      // Opens the toolbar popup (the `action` of Manifest V3, in both browsers).
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandOpenPopup__' },
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandTogglePanel__' },
    },
    // One content script per site, each a WXT unlisted script listed here: in Chrome a small
    // loader of the site's script proper, in Firefox that script itself (lib/content-loader.ts
    // says why). The bench build adds its floors' scripts, each on a bench-only host
    // (scripts/bench-floor-pages.ts).
    content_scripts: [
      ...SITES.map((site) => ({ matches: [...site.matches], js: [contentScriptFile(site.id, browser === 'firefox' ? 'firefox' : 'chrome')], run_at: 'document_idle' as const })),
      ...(bench ? benchManifest.contentScripts : []),
    ],
    // The toolbar shows the mark; the background adds the sync-state badge on top of it.
    action: { default_title: 'Sidecard', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Enterprise policy: see public/managed_schema.json and docs/admin.md.
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sidecard@sidecard.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
});
