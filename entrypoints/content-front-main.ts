import { runContentScript } from '@/lib/content-script';
import { front } from '@/lib/sites/front';

/** Sidecard's content script on Front, loaded by `content-front.ts` once the page is idle: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(front));
