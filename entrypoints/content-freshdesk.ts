import { runContentScript } from '@/lib/content-script';
import { freshdesk } from '@/lib/sites/freshdesk';

/** Sidecard's content script on Freshdesk: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(freshdesk));
