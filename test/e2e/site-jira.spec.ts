import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { fixtureFile } from '../fixtures/sites/scenario';
import { jiraExtras, row, scenario } from '../fixtures/sites/jira/scenario';
import { connectedBrowser, type Launched, nameTenants, panelFrame, panelShows, panelVisible, serveScenario } from './harness';

/**
 * Jira Service Management as Atlassian serves it: the issue view shows people by name only,
 * the requester's address comes from the REST API on the agent's session, and a reporter who
 * hides their address in their Atlassian profile is named, matched by name, and the panel says
 * why there is no address.
 */
const HOST = 'https://acme.atlassian.net';
const ISSUES = `${HOST}/jira/servicedesk/projects/ITSD/queues/custom/1`;
const PRIVACY = /hidden by the site.s privacy settings/;

let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 200, seed: 7 }, 100));
  await nameTenants(launched, [new URL(HOST).hostname]);
  await serveScenario(launched.context, scenario);
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

/** A page whose calls to Atlassian's REST API are all refused (the agent's session lacks permission). */
async function withoutApi(): Promise<Page> {
  const page = await launched.context.newPage();
  await page.route(`${HOST}/rest/**`, (route) => route.fulfill({ status: 403, contentType: 'application/json', body: '{"errorMessages":["Forbidden"]}' }));
  return page;
}

describe('jira in real Chromium', () => {
  it('shows the requester the API names by address, then one whose address Atlassian hides, matched by name', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${ISSUES}/ITSD-101`);
    const panel = await panelFrame(page);
    await panelShows(panel, scenario.first.position);
    expect(await panel.locator('body').innerText()).not.toMatch(PRIVACY);

    await page.click(jiraExtras.queue);
    await page.click(row(jiraExtras.hiddenAddress.key));
    await panelShows(panel, jiraExtras.hiddenAddress.position);
    await panelShows(panel, 'Matched by name');
    await panelShows(panel, PRIVACY);
    expect(await panel.locator('body').innerText()).toContain(jiraExtras.hiddenAddress.name);
    expect(await panelVisible(page)).toBe(true);
    await page.close();
  });

  it('without the API, reads the reporter’s name from the issue view and matches it by name', async () => {
    const page = await withoutApi();
    await page.goto(`${ISSUES}/ITSD-101`);
    const panel = await panelFrame(page);
    await panelShows(panel, scenario.first.position);
    await panelShows(panel, 'Matched by name');
    // The page hid nothing: it only shows names.
    expect(await panel.locator('body').innerText()).not.toMatch(PRIVACY);
    await page.close();
  });

  it('without the API and with the Reporter field renamed, says it cannot read the page and names the hook', async () => {
    const page = await withoutApi();
    const renamed = fixtureFile('jira', 'index.html').replaceAll('issue.views.field.user.reporter', 'issue.views.field.user.creator');
    await page.route(`${HOST}/jira/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: renamed }));
    await page.goto(`${ISSUES}/ITSD-101`);
    const panel = await panelFrame(page);
    await panelShows(panel, 'Sidecard can’t read this page yet');
    expect(await panelVisible(page)).toBe(true);
    await panel.getByText('Details for your admin').click();
    await expect.poll(() => panel.locator('details').innerText()).toMatch(/issue\.views\.field\.user\.reporter/);
    await page.close();
  });
});
