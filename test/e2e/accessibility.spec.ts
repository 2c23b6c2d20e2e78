import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { askBackground, connectedBrowser, openOptions, panelFrame, serveScenario, type Launched } from './harness';

/**
 * axe-core over the three surfaces as an agent and an admin see them (the options page
 * connected and with its dialog open, the popup with results and a card, the panel with an
 * away colleague and with a former employee), in light and dark, English and German: no
 * serious or critical violation.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 60, seed: 7 }, 30));
  await serveScenario(launched.context, gmail);
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe's serious and critical findings on one document (its own frame only: the panel is checked on its own). */
async function seriousFindings(target: Page | Frame): Promise<Finding[]> {
  // Evaluated over DevTools, so the extension pages' CSP (no inline script) does not apply.
  await target.evaluate(axeSource);
  const results = await target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'], iframes: false });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

it('the check catches a violation: a button without a name on the options page', async () => {
  const options = await openOptions(launched);
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.evaluate(() => document.body.append(document.createElement('button')));
  expect((await seriousFindings(options)).map((f) => f.id)).toContain('button-name');
  await options.close();
});

const combos = [
  { lang: 'en', scheme: 'light' },
  { lang: 'en', scheme: 'dark' },
  { lang: 'de', scheme: 'light' },
  { lang: 'de', scheme: 'dark' },
] as const;

describe.each(combos)('axe: $lang, $scheme', ({ lang, scheme }) => {
  beforeAll(async () => {
    const options = await openOptions(launched);
    await askBackground(options, { type: 'save-settings', patch: { language: lang } });
    await options.close();
  });

  it('the options page has no serious or critical violation', async () => {
    const options = await openOptions(launched);
    await options.emulateMedia({ colorScheme: scheme });
    await options.getByRole('heading', { level: 1 }).waitFor();
    await options.waitForTimeout(300);
    expect(await seriousFindings(options)).toEqual([]);
    await options.close();
  });

  it('the popup, with results and a card, has no serious or critical violation', async () => {
    const popup = await launched.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
    await popup.getByRole('searchbox').fill('Ada');
    const option = popup.getByRole('listbox').getByRole('option').first();
    await option.waitFor();
    expect(await seriousFindings(popup)).toEqual([]);
    await option.click();
    await popup.getByRole('article').waitFor();
    expect(await seriousFindings(popup)).toEqual([]);
    await popup.close();
  });

  it('the options page with the disconnect dialog open has no serious or critical violation', async () => {
    const options = await openOptions(launched);
    await options.emulateMedia({ colorScheme: scheme });
    await options.getByRole('button', { name: lang === 'de' ? 'Trennen und Daten löschen' : 'Disconnect and delete data' }).click();
    await options.getByRole('dialog').waitFor();
    expect(await seriousFindings(options)).toEqual([]);
    await options.keyboard.press('Escape');
    await options.close();
  });

  it('the panel, showing a former employee, has no serious or critical violation', async () => {
    const page = await launched.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmn');
    const panel = await panelFrame(page);
    await panel.getByRole('note').first().waitFor({ timeout: 10_000 });
    expect(await seriousFindings(panel)).toEqual([]);
    await page.close();
  });

  it('the panel, showing an away colleague, has no serious or critical violation', async () => {
    const page = await launched.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(gmail.startUrl);
    const panel = await panelFrame(page);
    await panel.getByRole('article').waitFor({ timeout: 10_000 });
    await panel.getByText(lang === 'de' ? /Abwesend|Zurück am/ : /Away until/).first().waitFor();
    expect(await seriousFindings(panel)).toEqual([]);
    await page.close();
  });
});
