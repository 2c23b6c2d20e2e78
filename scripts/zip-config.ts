/**
 * What `npm run zip` packs (wxt.config.ts `zip`). Zipping for Firefox also writes the sources
 * package AMO asks for (`sidecard-<version>-sources.zip`): everything the build reads, and
 * SOURCE-BUILD.md, which says how to rebuild the Firefox package from it byte for byte
 * (`npm run zip:check` does exactly that). Tests, fixtures, screenshots and build outputs stay
 * out: a reviewer needs only what goes into the package.
 */
import type { InlineConfig } from 'wxt';

export const zipConfig: NonNullable<InlineConfig['zip']> = {
  // Fixed names, whichever outDir a build uses: sidecard-<version>-chrome.zip (Chrome Web Store
  // and Edge Add-ons), sidecard-<version>-firefox.zip and sidecard-<version>-sources.zip (AMO).
  name: 'sidecard',
  includeSources: [
    'SOURCE-BUILD.md',
    'README.md',
    'CHANGELOG.md',
    '.nvmrc',
    'package.json',
    'package-lock.json',
    'wxt.config.ts',
    'tsconfig.json',
    'components/**',
    'entrypoints/**',
    'lib/**',
    'public/**',
    'scripts/**',
    // wxt.config.ts reads the test builds' manifest key from here (never used by a store build).
    'test/e2e/test-extension-key.ts',
    'docs/*.md',
  ],
};
