import { loadContentScript } from '@/lib/content-loader';

/** What the manifest injects on Zendesk: loads `content-zendesk-main.ts` when the page is idle (lib/content-loader.ts says why). */
export default defineUnlistedScript(() => loadContentScript('zendesk'));
