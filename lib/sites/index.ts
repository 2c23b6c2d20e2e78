import { freshdesk } from './freshdesk';
import { front } from './front';
import { gmail } from './gmail';
import { helpscout } from './helpscout';
import { jira } from './jira';
import { outlook } from './outlook';
import { zendesk } from './zendesk';
import type { SiteAdapter } from './types';

/**
 * Every supported site. Adding a site: one adapter file, one fixture folder, one test, one line
 * here, and its name in the docs and the managed-policy schema (listed.test.ts checks those).
 */
export const SITES: readonly SiteAdapter[] = [gmail, outlook, zendesk, freshdesk, jira, helpscout, front];

/**
 * A site's content script in the built extension (`entrypoints/content-<site>.ts`): listed in
 * the manifest for the site's own addresses, registered at run time for the domains an admin
 * added for that site.
 */
export const contentScriptFile = (site: SiteAdapter['id']): string => `content-${site}.js`;
