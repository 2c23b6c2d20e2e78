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
 * The content script's file in the built extension (entrypoints/content-script.ts): listed
 * in the manifest for the supported sites, registered at run time for admin-added domains.
 */
export const CONTENT_SCRIPT_FILE = 'content-script.js';
