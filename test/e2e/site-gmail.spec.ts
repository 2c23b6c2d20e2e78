import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { scenario } from '../fixtures/sites/gmail/scenario';
import { connectedBrowser, type Launched, panelFrame, panelShows, panelVisible, serveScenario } from './harness';

/**
 * Gmail in real Chromium, signed in as the shared mailbox helpdesk@acme.example (the fixture's
 * title and account button say so): a thread whose latest message is the agent's own reply
 * shows the colleague the agent answered, and threads whose id Gmail writes as "undefined"
 * are still told apart as the agent moves between them.
 */
const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const GRACE_THREAD = 'tr.zA[data-thread="FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKml"]';
const EMILY_THREAD = 'tr.zA[data-thread="FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm"]';
const ADA_THREAD = 'tr.zA[data-thread="FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh"]';
/** Positions of the simulator's fixed cast. */
const GRACE = 'VP Engineering';
const EMILY = 'Account Executive';
const ADA = 'Senior Software Engineer';

let sim: Simulator;
let launched: Launched;
let page: Page;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
  await serveScenario(launched.context, scenario);
  page = await launched.context.newPage();
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

async function open(row: string, list = '#nav-inbox'): Promise<void> {
  await page.click(list);
  await page.click(row);
}

describe('gmail: the signed-in agent is never the requester', () => {
  it('shows the colleague the agent answered, not the agent, when the latest message is the agent’s reply', async () => {
    await page.goto(INBOX);
    await page.click(GRACE_THREAD);
    const panel = await panelFrame(page);
    await panelShows(panel, GRACE);
    expect(await panelVisible(page)).toBe(true);
    const text = await panel.locator('body').innerText();
    // The agent's mailbox is not a Personio employee: had it been taken, the panel would say so.
    expect(text).not.toContain('Not in Personio');
    expect(text).not.toContain('helpdesk@acme.example');
  });

  it('follows the agent between threads whose id Gmail writes as "undefined"', async () => {
    // Both threads have data-thread-perm-id="undefined"; the second has no legacy thread id either.
    await open(EMILY_THREAD, '#nav-sent');
    await panelShows(await panelFrame(page), EMILY);
    await open(GRACE_THREAD);
    await panelShows(await panelFrame(page), GRACE);
    await open(EMILY_THREAD, '#nav-sent');
    await panelShows(await panelFrame(page), EMILY);
    await open(ADA_THREAD);
    await panelShows(await panelFrame(page), ADA);
  });

  it('tells two threads without a thread id apart while the second one is still loading', async () => {
    // The first: open longer than the watcher waits before calling a conversation unreadable.
    await open(GRACE_THREAD);
    const panel = await panelFrame(page);
    await panelShows(panel, GRACE);
    await page.waitForTimeout(3500);
    await panel.evaluate(() => {
      const seen = window as unknown as { sawUnreadable: boolean };
      seen.sawUnreadable = false;
      new MutationObserver(() => {
        if (document.body.textContent?.includes('can’t read this page')) seen.sawUnreadable = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // The second, as Gmail opens a thread: the subject first, its messages a moment later. Had
    // both keys been "undefined", the watcher would take this for the first thread, open for
    // seconds without a requester, and call the page unreadable.
    await page.evaluate(() => {
      history.pushState(null, '', '#sent/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm');
      const template = document.getElementById('view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm') as HTMLTemplateElement;
      const view = template.content.cloneNode(true) as DocumentFragment;
      const list = view.querySelector('[role="list"]') as Element;
      const messages = [...list.children];
      list.replaceChildren();
      document.getElementById('main')?.replaceChildren(view);
      setTimeout(() => list.append(...messages), 1500);
    });
    await panelShows(panel, EMILY);
    expect(await panel.evaluate(() => (window as unknown as { sawUnreadable: boolean }).sawUnreadable)).toBe(false);
  });

  it('hides on the sent list', async () => {
    await page.click('#nav-sent');
    await expect.poll(() => panelVisible(page), { timeout: 10_000 }).toBe(false);
  });
});
