import { loadContentScript } from '@/lib/content-loader';

/**
 * What Chrome's manifest injects on Gmail: loads `content-gmail-main.ts` when the page is idle.
 * Not built for Firefox, which is given the script itself (lib/content-loader.ts says why).
 */
export default defineUnlistedScript({ exclude: ['firefox'], main: () => loadContentScript('gmail') });
