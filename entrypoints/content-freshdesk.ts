import { loadContentScript } from '@/lib/content-loader';

/** What the manifest injects on Freshdesk: loads `content-freshdesk-main.ts` when the page is idle (lib/content-loader.ts says why). */
export default defineUnlistedScript(() => loadContentScript('freshdesk'));
