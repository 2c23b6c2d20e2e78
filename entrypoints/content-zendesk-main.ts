import { runContentScript } from '@/lib/content-script';
import { zendesk } from '@/lib/sites/zendesk';

/** Sidecard's content script on Zendesk, loaded by `content-zendesk.ts` once the page is idle: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(zendesk));
