import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_FILE, SITES } from './lib/sites';

const sitePatterns = SITES.flatMap((s) => s.matches);

/** `npm run bench` builds a separate copy with a benchmark page; production never contains it. */
const bench = process.env.SIDECARD_BENCH === '1';

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
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (bench) return;
      const index = entrypoints.findIndex((e) => e.name === 'bench');
      if (index >= 0) entrypoints.splice(index, 1);
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Narrowest set: storage for settings and data, alarms for scheduled syncs. Host access
    // is Personio's API plus the supported sites; any other host (a proxy, a self-hosted
    // Jira) is an optional permission the options page asks for at run time.
    permissions: ['storage', 'alarms'],
    // The bench build may also reach the simulator on loopback directly (no request routing in the path).
    host_permissions: ['https://api.personio.de/*', ...sitePatterns, ...(bench ? ['http://127.0.0.1/*'] : [])],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // Asked for together with a custom domain's host, to register the content script there.
    optional_permissions: ['scripting'],
    web_accessible_resources: [
      // The panel frame must load on admin-added domains too, which a static list cannot
      // name; use_dynamic_url keeps its address secret per session, so no page can embed it
      // by a guessable URL, and it shows data only to the tab our content script reported.
      { resources: ['panel.html'], matches: ['https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandOpenPopup__' },
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandTogglePanel__' },
    },
    // The content script is a WXT unlisted script listed here (see entrypoints/content-script.ts).
    content_scripts: [{ matches: sitePatterns, js: [CONTENT_SCRIPT_FILE], run_at: 'document_idle' }],
    action: { default_title: 'Sidecard' },
    // Enterprise policy: see public/managed_schema.json and docs/admin.md.
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sidecard@sidecard.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
});
