import { loadContentScript } from '@/lib/content-loader';

/** What the manifest injects on Outlook on the web: loads `content-outlook-main.ts` when the page is idle (lib/content-loader.ts says why). */
export default defineUnlistedScript(() => loadContentScript('outlook'));
