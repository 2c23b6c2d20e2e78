import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_FILE, SITES } from './lib/sites';
import { benchManifest } from './scripts/bench-floor-pages';
import { holidayTableFiles } from './scripts/holiday-tables';

const sitePatterns = SITES.flatMap((s) => s.matches);

const PERSONIO_API = 'https://api.personio.de/*';
/** The simulator's addresses; the bench build alone may reach them. */
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

/** `npm run bench` builds a separate copy with a benchmark page; production never contains it. */
const bench = process.env.SIDECARD_BENCH === '1';
const OPTIONAL_HOSTS = ['https://*/*', ...(bench ? LOOPBACK : [])];

declare global {
  interface ImportMetaEnv {
    /**
     * True only in the bench build. A compile-time constant: production builds read `false`,
     * so the minifier drops every branch it guards and nothing bench-only ships.
     */
    readonly SIDECARD_BENCH?: boolean;
  }
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // SIDECARD_OUT_DIR: a build of one's own beside another engineer's (test/e2e/harness.ts reads
  // SIDECARD_EXTENSION_DIR to run it).
  outDir: process.env.SIDECARD_OUT_DIR ?? (bench ? '.output-bench' : '.output'),
  vite: () => ({ define: { 'import.meta.env.SIDECARD_BENCH': JSON.stringify(bench) } }),
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
    // Firefox builds Manifest V2, which has no optional_host_permissions: there optional
    // permissions carry the host patterns too, or no proxy or custom domain could be granted.
    optional_permissions: ['scripting', ...(browser === 'firefox' ? OPTIONAL_HOSTS : [])],
    web_accessible_resources: [
      // The panel frame must load on admin-added domains too, which a static list cannot
      // name; use_dynamic_url keeps its address secret per session, so no page can embed it
      // by a guessable URL, and it shows data only to the tab our content script reported.
      // Manifest V2 (Firefox) flattens this to ["panel.html"], open to every origin: there the
      // address is secret per install instead (moz-extension://<random UUID>); docs/release.md.
      { resources: ['panel.html'], matches: ['https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
      ...(bench ? benchManifest.webAccessibleResources : []),
    ],
    commands: {
      // The command that opens the toolbar popup is named after the manifest's action key:
      // Manifest V2 (the Firefox build) has browser_action, so _execute_browser_action.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandOpenPopup__' },
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandTogglePanel__' },
    },
    // The content script is a WXT unlisted script listed here (see entrypoints/content-script.ts).
    // The bench build adds its floors' scripts, each on a bench-only host (scripts/bench-floor-pages.ts).
    content_scripts: [{ matches: sitePatterns, js: [CONTENT_SCRIPT_FILE], run_at: 'document_idle' }, ...(bench ? benchManifest.contentScripts : [])],
    // The toolbar shows the mark; the background adds the sync-state badge on top of it.
    action: { default_title: 'Sidecard', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Enterprise policy: see public/managed_schema.json and docs/admin.md.
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sidecard@sidecard.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
});
