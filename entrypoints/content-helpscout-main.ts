import { runContentScript } from '@/lib/content-script';
import { helpscout } from '@/lib/sites/helpscout';

/** Sidecard's content script on Help Scout, loaded by `content-helpscout.ts` once the page is idle: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(helpscout));
