import { loadContentScript } from '@/lib/content-loader';

/** What the manifest injects on Jira Service Management: loads `content-jira-main.ts` when the page is idle (lib/content-loader.ts says why). */
export default defineUnlistedScript(() => loadContentScript('jira'));
