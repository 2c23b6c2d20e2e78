import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { stubMissingApis } from '../../test/unit/background-harness';
import { db, wipeAll } from '../db';
import type { Employee } from '../employee';
import { defaultFieldSettings } from '../fields';
import type { MessageOf, PageRequests } from '../messages';
import { FIRST_LETTERS_KEY, LAST_STATUS_KEY } from '../status';
import { forgetSearchIndex, searchPeople } from '../search';
import { pageHandlers } from './page-handlers';
import { createServices } from './services';

const grace = { v: 1, id: 4, email: 'grace.hopper@acme.example', firstName: 'Grace', lastName: 'Hopper', nameTokens: ['grace', 'hopper'], position: 'Head of Engineering' } as Employee;
const hit = { id: grace.id, name: 'Grace Hopper', email: grace.email, position: 'Head of Engineering' };

/** What the panels and the popup keep of a search for Grace (by her position) in `storage.session`. */
const sessionCopies = {
  'tab:5': { site: 'gmail', participants: [{ email: 'pat@customer.example', name: 'Pat', role: 'from' }], selected: 'pat@customer.example', opened: [], searchQuery: 'Head of Engineering', searchResults: [hit] },
  [FIRST_LETTERS_KEY]: { g: [hit] },
  [LAST_STATUS_KEY]: { connected: true },
};

const saveSettings = (patch: MessageOf<PageRequests, 'save-settings'>['patch']) =>
  pageHandlers(createServices())['save-settings']({ type: 'save-settings', patch }, undefined);

beforeEach(async () => {
  stubMissingApis();
  await wipeAll();
  forgetSearchIndex();
  await db().employees.put(grace);
  await fakeBrowser.storage.session.set(sessionCopies);
});

describe('saving settings', () => {
  it('switching a field off leaves its values in no copy kept for the panels or the popup', async () => {
    const fields = defaultFieldSettings().map((f) => (f.key === 'position' ? { ...f, store: false, show: false } : f));
    expect(await saveSettings({ fields })).toEqual({ ok: true });

    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('Head of Engineering');
    expect(await fakeBrowser.storage.session.get('tab:5')).toHaveProperty(['tab:5', 'selected'], 'pat@customer.example');
    expect(JSON.stringify(await db().employees.toArray())).not.toContain('Head of Engineering');
    expect((await searchPeople('grace'))[0]).not.toHaveProperty('position');
  });

  it('changing the filters drops the search results made under the old ones', async () => {
    expect(await saveSettings({ filters: { statuses: ['active'], departmentIds: [3], subcompanyIds: [] } })).toEqual({ ok: true });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(grace.email);
  });

  it('keeps the copies when nothing they depend on changed', async () => {
    expect(await saveSettings({ intervalMinutes: 30 })).toEqual({ ok: true });
    expect(await fakeBrowser.storage.session.get(null)).toEqual(sessionCopies);
  });
});
