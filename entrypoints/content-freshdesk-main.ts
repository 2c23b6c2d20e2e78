import { runContentScript } from '@/lib/content-script';
import { freshdesk } from '@/lib/sites/freshdesk';

/** Sidecard's content script on Freshdesk, loaded by `content-freshdesk.ts` once the page is idle: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(freshdesk));
