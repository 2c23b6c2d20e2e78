import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SiteScenario } from '../../test/fixtures/sites/scenario';
import { SITES } from './index';

/**
 * A site added to SITES but missing from the admin's docs or the policy schema cannot be
 * switched off by an admin who reads them; one without a fixture is never tested end to end.
 */
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoFile = (path: string): string => join(REPO, path);
const readRepoFile = (path: string): string => readFileSync(repoFile(path), 'utf8');
const FIXTURES = 'test/fixtures/sites';

const ids = SITES.map((site) => site.id).sort();

/** Every `code` span in a piece of Markdown. */
function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

describe('every site is listed everywhere', () => {
  it('has one unique id and label per site', () => {
    expect(new Set(ids).size).toBe(SITES.length);
    expect(new Set(SITES.map((site) => site.label)).size).toBe(SITES.length);
    for (const site of SITES) expect(site.label.trim()).not.toBe('');
  });

  it.each(SITES.map((site) => site.id))('has a fixture folder with a page and an end-to-end scenario for %s', async (id) => {
    const folder = `${FIXTURES}/${id}`;
    expect(existsSync(repoFile(`${folder}/index.html`)), `${folder}/index.html`).toBe(true);
    expect(existsSync(repoFile(`${folder}/scenario.ts`)), `${folder}/scenario.ts`).toBe(true);
    const { scenario } = (await import(repoFile(`${folder}/scenario.ts`))) as { scenario: SiteScenario };
    expect(scenario.site).toBe(id);
  });

  it('has no fixture folder for a site that is not in SITES', () => {
    const folders = readdirSync(repoFile(FIXTURES)).filter((name) => statSync(repoFile(`${FIXTURES}/${name}`)).isDirectory());
    expect(folders.sort()).toEqual(ids);
  });

  it('names every site by its label in the README sentence "Supported sites: …"', () => {
    const sentence = /Supported sites:([^.]*)\./.exec(readRepoFile('README.md'))?.[1]?.replace(/\s+/g, ' ');
    expect(sentence, 'README.md has no "Supported sites:" sentence').toBeDefined();
    for (const { label } of SITES) {
      const named = new RegExp(`\\b${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(sentence ?? '');
      expect(named, `README.md "Supported sites" does not name ${label}`).toBe(true);
    }
    for (const { label, beta } of SITES) {
      expect(sentence?.includes(`${label} (beta)`), `README.md "Supported sites" must say whether ${label} is beta`).toBe(beta === true);
    }
  });

  it('lists exactly the site ids for disabledSites in docs/admin.md', () => {
    const row = readRepoFile('docs/admin.md')
      .split('\n')
      .find((line) => line.startsWith('| `disabledSites` |'));
    expect(row, 'docs/admin.md has no disabledSites row').toBeDefined();
    const meaning = row?.split('|').at(-2) ?? '';
    expect(codeSpans(meaning).sort()).toEqual(ids);
  });

  it('lists exactly the site ids for disabledSites in public/managed_schema.json', () => {
    const schema = JSON.parse(readRepoFile('public/managed_schema.json')) as {
      properties: { disabledSites?: { description?: string } };
    };
    const description = schema.properties.disabledSites?.description ?? '';
    const listed = /Site ids:([^.]*)\./.exec(description)?.[1];
    expect(listed, 'the disabledSites description has no "Site ids: …." list').toBeDefined();
    expect((listed ?? '').split(',').map((id) => id.trim()).sort()).toEqual(ids);
  });
});
