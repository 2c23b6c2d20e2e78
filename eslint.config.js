import { posix } from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering, checked: files under `from` never import anything under a `forbid` path.
 * A file is caught by the rules of its own folder and of every folder above it.
 */
const LAYERS = [
  {
    from: 'lib',
    forbid: ['entrypoints', 'components'],
    why: 'lib/ is the core; pages, the background and components build on it, never the other way round.',
  },
  {
    from: 'lib/personio',
    forbid: ['lib/db'],
    why: 'The Personio client only talks to Personio; storing what it fetched is the sync’s job.',
  },
  {
    from: 'lib/sites',
    forbid: ['lib/db', 'lib/lookup', 'lib/search', 'lib/sync', 'lib/personio'],
    why: 'Site adapters only read the page; the store and the Personio client belong to the background.',
  },
  ...['components', 'entrypoints/options', 'entrypoints/popup', 'entrypoints/panel'].map((from) => ({
    from,
    forbid: ['lib/personio'],
    why: 'Pages and components never call Personio; they ask the background, which holds the credentials.',
  })),
];

/** How deep below a layer's folder a file may sit and still be checked. */
const MAX_DEPTH = 4;
/** The project-root aliases WXT defines (tsconfig `paths`). */
const ALIASES = ['@', '~', '@@', '~~'];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One `no-restricted-imports` pattern for `target`, as seen from a file in `dir`: the alias form
 * and the relative form (which depends on the file's depth, hence one block per depth below).
 */
function forbidPattern(dir, target, message) {
  const relative = posix.relative(dir, target);
  const relativeForm = relative.startsWith('..') ? relative : `./${relative}`;
  const forms = [...ALIASES.map((alias) => `${alias}/${target}`), relativeForm].map(escapeRegex);
  return { regex: `^(?:${forms.join('|')})(?:\\.tsx?|/.*)?$`, message };
}

/**
 * ESLint gives a rule the options of the last block matching a file, so each block carries the
 * rules of its folder and of all folders above it, and deeper folders come after shallower ones.
 */
function layeringBlocks() {
  const byDepth = [...LAYERS].sort((a, b) => a.from.split('/').length - b.from.split('/').length);
  return byDepth.flatMap(({ from }) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
      const dir = posix.join(from, ...Array(depth).fill('sub'));
      const patterns = LAYERS.filter((layer) => from === layer.from || from.startsWith(`${layer.from}/`)).flatMap(
        (layer) => layer.forbid.map((target) => forbidPattern(dir, target, layer.why)),
      );
      return {
        files: [`${from}/${'*/'.repeat(depth)}*.{ts,tsx}`],
        // Tests may cross layers to build their fixtures; the layering concerns what ships.
        ignores: ['**/*.test.{ts,tsx}'],
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      };
    }),
  );
}

export default defineConfig(
  globalIgnores([
    '.output/**',
    '.output-bench/**',
    '.output-soak/**',
    '.wxt/**',
    'node_modules/**',
    'demo-output/**',
    'bench-output/**',
    'test/fixtures/sites/**/*.js',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Type information for the promise rules; tsconfig.json covers every TypeScript file.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Secrets and tokens must never reach a console; nothing logs in shipped code.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // A promise nobody awaits loses its error: a failed sync or write would pass unnoticed.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async callback where a plain one is expected (event handlers, forEach) has the same flaw.
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  layeringBlocks(),
  {
    // React renders text, never markup: no HTML from a string reaches a page, and react-dom's
    // innerHTML path stays unused, which the build removes (scripts/vite-no-inner-html.ts).
    files: ['**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render text and elements.' },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render text and elements.' },
      ],
    },
  },
  {
    // A file past 400 lines holds more than one concern; split it by responsibility.
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['scripts/**', 'test/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
