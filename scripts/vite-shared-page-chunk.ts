import type { Plugin } from 'vite';

/**
 * The extension pages' shared code (React, our components and core) in one chunk. Each page then
 * loads three script files, its own, the shared one and the bundler's 0.6 KB module runtime,
 * instead of one more per set of pages that share a module: every file is a request the parser
 * starts and a module the page links before its script runs, and that is most of the popup's
 * first moment. Only for the pages' build (ES modules): the background and content scripts are
 * single files already. test/unit/manifest.test.ts holds every page to three files.
 */
export function sharedPageChunk(): Plugin {
  return {
    name: 'sidecard-shared-page-chunk',
    outputOptions(output) {
      if (output.format !== 'es') return null;
      return { ...output, codeSplitting: { groups: [{ name: 'card', test: /[\\/](components|lib|node_modules)[\\/]|virtual:wxt/, minShareCount: 2 }] } };
    },
  };
}
