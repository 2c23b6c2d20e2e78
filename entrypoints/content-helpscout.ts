import { loadContentScript } from '@/lib/content-loader';

/** What the manifest injects on Help Scout: loads `content-helpscout-main.ts` when the page is idle (lib/content-loader.ts says why). */
export default defineUnlistedScript(() => loadContentScript('helpscout'));
