import { runContentScript } from '@/lib/content-script';
import { outlook } from '@/lib/sites/outlook';

/** Sidecard's content script on Outlook on the web, loaded by `content-outlook.ts` once the page is idle: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(outlook));
