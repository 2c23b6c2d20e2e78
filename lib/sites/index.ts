import { freshdesk } from './freshdesk';
import { front } from './front';
import { gmail } from './gmail';
import { helpscout } from './helpscout';
import { jira } from './jira';
import { outlook } from './outlook';
import { zendesk } from './zendesk';
import type { SiteAdapter } from './types';
import { contentMainFile } from '../content-loader';

/**
 * Every supported site. Adding a site: one adapter file, one fixture folder, one test, one line
 * here, and its name in the docs and the managed-policy schema (listed.test.ts checks those).
 */
export const SITES: readonly SiteAdapter[] = [gmail, outlook, zendesk, freshdesk, jira, helpscout, front];

/**
 * The content script a supported page is given, by the manifest or by an admin-added domain's
 * registration. Chrome: a loader (`entrypoints/content-<site>.ts`) that imports the site's
 * script proper when the page is idle. Firefox: the script proper (`content-<site>-main.ts`),
 * which waits for that idle period itself (lib/content-loader.ts says why).
 */
export const contentScriptFile = (site: SiteAdapter['id'], browser: 'chrome' | 'firefox' = import.meta.env?.FIREFOX ? 'firefox' : 'chrome'): string =>
  browser === 'firefox' ? contentMainFile(site) : `content-${site}.js`;
