import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { askBackground, connectedBrowser, launchExtension, openOptions, type Launched } from './harness';

/**
 * The popup's shell: the search box written in popup.html, there as soon as the page is parsed,
 * before React has loaded. What the page's own scripts do to it before React takes over is
 * recorded from inside the page (a race with keystrokes sent from here would be decided by the
 * machine's speed, not by the popup).
 */
let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

/**
 * Opens the popup with `script` run in it first. `window.__shell` gets the shell's search box
 * as it was when React took it away: its value and words, and the page's language then.
 */
async function openPopup(script = '', browser = launched): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.addInitScript({
    content: `
      new MutationObserver((changes, observer) => {
        for (const change of changes) for (const node of change.removedNodes) {
          const shell = node.querySelector?.('input[data-shell]');
          if (!shell) continue;
          window.__shell = { value: shell.value, label: shell.getAttribute('aria-label'), placeholder: shell.placeholder, hidden: shell.hidden, lang: document.documentElement.lang };
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
      ${script}
    `,
  });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return popup;
}

interface ShellSeen {
  value: string;
  label: string;
  placeholder: string;
  hidden: boolean;
  lang: string;
}
const shellSeen = (popup: Page) => popup.waitForFunction(() => (window as unknown as { __shell?: ShellSeen }).__shell).then((handle) => handle.jsonValue() as Promise<ShellSeen>);

/** Text put in the shell's box as soon as it is parsed, as a fast typist would. */
const TYPE_INTO_SHELL = `
  new MutationObserver((changes, observer) => {
    const shell = document.querySelector('input[data-shell]');
    if (shell) { shell.value = 'hopper'; observer.disconnect(); }
  }).observe(document, { subtree: true, childList: true });
`;

describe('popup shell', () => {
  it('keeps what was typed before React loaded, searches it, and keeps the focus', async () => {
    const popup = await openPopup(TYPE_INTO_SHELL);
    expect((await shellSeen(popup)).value).toBe('hopper');
    const search = popup.getByRole('searchbox', { name: 'Search people' });
    expect(await search.inputValue()).toBe('hopper');
    await popup.getByRole('option', { name: /Grace Hopper/ }).waitFor();
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typing goes on in React's box, after what the shell took.
    await popup.keyboard.press('Backspace');
    expect(await search.inputValue()).toBe('hoppe');
    await popup.close();
  });

  it('speaks the language the last popup spoke, before React loads', async () => {
    const options = await openOptions(launched);
    await askBackground(options, { type: 'save-settings', patch: { language: 'de' } });
    try {
      const first = await openPopup();
      // The first popup after the change: the shell still speaks what the last one spoke.
      expect(await shellSeen(first)).toMatchObject({ label: 'Search people', placeholder: 'Name or email', lang: 'en', hidden: false });
      await first.getByRole('searchbox', { name: 'Personen suchen' }).waitFor();
      await first.close();

      const next = await openPopup();
      expect(await shellSeen(next)).toMatchObject({ label: 'Personen suchen', placeholder: 'Name oder E-Mail', lang: 'de', hidden: false });
      await next.close();
    } finally {
      await askBackground(options, { type: 'save-settings', patch: { language: 'en' } });
      await options.close();
    }
  });

  it('hides its search box when the last popup found Sidecard not connected', async () => {
    const unset = await launchExtension();
    try {
      const first = await openPopup('', unset);
      await first.getByRole('button', { name: 'Open settings' }).waitFor();
      expect(await first.getByRole('searchbox').count()).toBe(0);
      await first.close();
      const next = await openPopup('', unset);
      expect((await shellSeen(next)).hidden).toBe(true);
      await next.getByRole('button', { name: 'Open settings' }).waitFor();
      expect(await next.getByRole('searchbox').count()).toBe(0);
      await next.close();
    } finally {
      await unset.close();
    }
  });
});
