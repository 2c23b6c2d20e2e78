import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { askBackground, connectedBrowser, openOptions, panelFrame, serveScenario, type Launched } from './harness';

/**
 * How Sidecard reads in real Chromium: type sizes as the browser computes them (extension
 * pages start from a 75 % default font size), the mark in the manifest and on the pages, and
 * the panel's icon buttons by name, tooltip and keyboard.
 */
let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 200, seed: 7 }, 100));
  await serveScenario(launched.context, gmail);
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

interface TextSize {
  text: string;
  px: number;
  chars: number;
}

/**
 * Every piece of text a reader can see on the page (text nodes with a box on screen, and the
 * values of form fields), with its computed font size. Runs in the page.
 */
function visibleTextSizes(): TextSize[] {
  const seen: TextSize[] = [];
  const shown = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (!text || !el || !shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
    seen.push({ text: text.slice(0, 60), px: parseFloat(getComputedStyle(el).fontSize), chars: text.length });
  }
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([type="checkbox"], [type="radio"], [type="hidden"]), select')) {
    if (!shown(field)) continue;
    const text = field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.text ?? '') : field.value || field.placeholder;
    if (text) seen.push({ text: text.slice(0, 60), px: parseFloat(getComputedStyle(field).fontSize), chars: text.length });
  }
  return seen;
}

/** The smallest text, and the body text: the size most of the characters are set in. */
async function typeOf(target: Page | Frame): Promise<{ smallest: TextSize; body: number; bodyElement: number }> {
  const sizes = await target.evaluate(visibleTextSizes);
  expect(sizes.length).toBeGreaterThan(3);
  const chars = new Map<number, number>();
  for (const s of sizes) chars.set(s.px, (chars.get(s.px) ?? 0) + s.chars);
  const body = [...chars].sort((a, b) => b[1] - a[1])[0]![0];
  const smallest = sizes.reduce((min, s) => (s.px < min.px ? s : min));
  const bodyElement = await target.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  return { smallest, body, bodyElement };
}

function expectLegible(type: Awaited<ReturnType<typeof typeOf>>, bodyPx: number) {
  expect(type.smallest.px, `smallest text: "${type.smallest.text}"`).toBeGreaterThanOrEqual(11);
  expect(type.body).toBeGreaterThanOrEqual(bodyPx);
  expect(type.bodyElement).toBeGreaterThanOrEqual(bodyPx);
}

async function gmailPanel(): Promise<{ page: Page; panel: Frame }> {
  const page = await launched.context.newPage();
  await page.goto(gmail.startUrl);
  const panel = await panelFrame(page);
  await panel.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
  return { page, panel };
}

describe('type sizes', () => {
  it('the panel: body text 13 px or more, nothing under 11 px (a card with badges; an unknown sender)', async () => {
    const { page, panel } = await gmailPanel();
    // Ada is away (a badge); her card has muted labels and a copy button.
    await panel.getByText(/^Away until/).waitFor();
    expectLegible(await typeOf(panel), 13);
    await gmail.goToUnknown!(page);
    await panel.getByRole('heading', { name: 'Not in Personio' }).waitFor();
    expectLegible(await typeOf(panel), 13);
    await page.close();
  });

  it('the popup: body text 13 px or more, nothing under 11 px (results, a card with its org chart)', async () => {
    const popup = await launched.context.newPage();
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
    await popup.getByRole('searchbox', { name: 'Search people' }).fill('ada lovelace');
    await popup.getByRole('option').first().waitFor();
    expectLegible(await typeOf(popup), 13);
    await popup.getByRole('searchbox', { name: 'Search people' }).press('Enter');
    await popup.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
    await popup.getByText('VP Engineering').first().waitFor();
    expectLegible(await typeOf(popup), 13);
    await popup.close();
  });

  it('the options page: body text 14 px or more, nothing under 11 px (every section open)', async () => {
    const options = await openOptions(launched);
    await options.getByRole('heading', { name: 'Who is synced' }).waitFor();
    await options.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expectLegible(await typeOf(options), 14);
    await options.close();
  });
});

describe('the mark', () => {
  it('is the manifest icon in 16, 32, 48 and 128 px', async () => {
    const options = await openOptions(launched);
    const icons = await options.evaluate(async () => {
      const manifest = (globalThis as unknown as { chrome: { runtime: { getManifest(): { icons?: Record<string, string> } } } }).chrome.runtime.getManifest();
      const sizes: Record<string, number> = {};
      for (const [size, path] of Object.entries(manifest.icons ?? {})) {
        const image = await createImageBitmap(await (await fetch(`/${path}`)).blob());
        sizes[size] = image.width === image.height ? image.width : -1;
      }
      return sizes;
    });
    expect(icons).toEqual({ '16': 16, '32': 32, '48': 48, '128': 128 });
    await options.close();
  });

  it('shows in the panel header and the options page header', async () => {
    const { page, panel } = await gmailPanel();
    const loaded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;
    await expect.poll(() => panel.locator('header img[src$="sidecard.svg"]').evaluate(loaded)).toBe(true);
    await page.close();
    const options = await openOptions(launched);
    await expect.poll(() => options.locator('h1 img[src$="sidecard.svg"]').evaluate(loaded)).toBe(true);
    expect(await options.getByRole('heading', { level: 1 }).textContent()).toBe('Sidecard settings');
    await options.close();
  });
});

describe('the panel header controls', () => {
  /** The focused element in the frame: its accessible name and whether a focus ring shows. */
  const focused = (panel: Frame) =>
    panel.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { label: el.getAttribute('aria-label'), title: el.getAttribute('title'), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });

  it('are icon buttons with names and tooltips, worked from the keyboard with a visible focus ring', async () => {
    const { page, panel } = await gmailPanel();
    const hostWidth = () => page.evaluate(() => (document.querySelector('sidecard-panel') as HTMLElement).style.width);
    // Icons, not text glyphs.
    for (const name of [/^Wider/, /^Collapse/]) {
      const button = panel.getByRole('button', { name });
      expect((await button.textContent())?.trim()).toBe('');
      expect(await button.locator('svg').count()).toBe(1);
    }

    // Into the panel, then Tab: the width control comes first.
    await panel.locator('.brand').click();
    await page.keyboard.press('Tab');
    expect(await focused(panel)).toEqual({ label: 'Wider — Change the panel width', title: 'Wider — Change the panel width', ring: true });
    await page.keyboard.press('Enter');
    await expect.poll(hostWidth).toBe('420px');
    // At the widest, the next step is narrower, and the button says so.
    await expect.poll(async () => (await focused(panel)).label).toBe('Narrower — Change the panel width');
    await page.keyboard.press('Enter');
    await expect.poll(hostWidth).toBe('300px');
    await page.keyboard.press('Enter');
    await expect.poll(hostWidth).toBe('340px');

    await page.keyboard.press('Tab');
    expect(await focused(panel)).toEqual({ label: 'Collapse — Hide the Sidecard panel', title: 'Collapse — Hide the Sidecard panel', ring: true });
    await page.keyboard.press('Enter');
    await expect.poll(hostWidth).toBe('36px');

    // The collapsed strip: one button that opens the panel again.
    const open = panel.getByRole('button', { name: 'Open panel — Show the Sidecard panel' });
    await open.waitFor();
    expect(await open.getAttribute('title')).toBe('Open panel — Show the Sidecard panel');
    await panel.locator('main').click({ position: { x: 2, y: 200 } });
    await page.keyboard.press('Tab');
    expect(await focused(panel)).toMatchObject({ label: 'Open panel — Show the Sidecard panel', ring: true });
    await page.keyboard.press('Enter');
    await expect.poll(hostWidth).toBe('340px');
    await page.close();
  });

  it('are named in German too', async () => {
    const options = await openOptions(launched);
    await askBackground(options, { type: 'save-settings', patch: { language: 'de' } });
    try {
      const page = await launched.context.newPage();
      await page.goto(gmail.startUrl);
      const panel = await panelFrame(page);
      await panel.getByRole('button', { name: 'Breiter — Breite der Leiste ändern' }).waitFor();
      expect(await panel.getByRole('button', { name: 'Einklappen — Sidecard-Leiste ausblenden' }).getAttribute('title')).toBe('Einklappen — Sidecard-Leiste ausblenden');
      await panel.getByRole('button', { name: 'Einklappen — Sidecard-Leiste ausblenden' }).click();
      await panel.getByRole('button', { name: 'Leiste öffnen — Sidecard-Leiste einblenden' }).click();
      await panel.getByRole('button', { name: 'Breiter — Breite der Leiste ändern' }).waitFor();
      await page.close();
    } finally {
      await askBackground(options, { type: 'save-settings', patch: { language: 'auto' } });
      await options.close();
    }
  });
});
