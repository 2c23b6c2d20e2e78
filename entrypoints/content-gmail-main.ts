import { runContentScript } from '@/lib/content-script';
import { gmail } from '@/lib/sites/gmail';

/** Sidecard's content script on Gmail, loaded by `content-gmail.ts` once the page is idle: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(gmail));
