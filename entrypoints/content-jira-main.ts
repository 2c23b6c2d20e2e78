import { runContentScript } from '@/lib/content-script';
import { jira } from '@/lib/sites/jira';

/** Sidecard's content script on Jira Service Management, loaded by `content-jira.ts` once the page is idle: only this site's adapter (lib/content-script.ts says why). */
export default defineUnlistedScript(() => runContentScript(jira));
