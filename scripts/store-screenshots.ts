/**
 * `npx tsx scripts/store-screenshots.ts`: the store listings' screenshots, 1280×800 PNGs (the
 * size the Chrome Web Store asks for; Edge Add-ons and AMO take it too), in
 * demo-output/store/. The same harness as `npm run demo`: the built Chrome extension
 * (SIDECARD_EXTENSION_DIR, default .output/chrome-mv3) in headless Chromium, connected to the
 * Personio simulator's 200-person demo company, on the site fixtures at their real host names.
 * The Chrome Web Store shows at most five, in this order; AMO and Edge take all six.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { askBackground, connectedBrowser, nameTenants, openOptions, panelFrame, serveScenario, type Launched } from '../test/e2e/harness';
import { allScenarios } from '../test/fixtures/sites';
import { isTenantHost } from '../lib/tenants';

const outDir = resolve(import.meta.dirname, '../demo-output/store');
const SIZE = { width: 1280, height: 800 };
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/';

/** Each shot: a page with the panel open and the text that says the card is there. */
const SHOTS: { file: string; url: string; text: RegExp; scheme?: 'dark'; lang?: 'de' }[] = [
  { file: '1-gmail-away', url: `${GMAIL}FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh`, text: /Away until/ },
  { file: '2-zendesk-participants', url: 'https://acme.zendesk.com/agent/tickets/1001', text: /Senior Software Engineer/ },
  { file: '3-former-employee', url: `${GMAIL}FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmn`, text: /Former employee/ },
  { file: '4-dark', url: `${GMAIL}FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh`, text: /Away until/, scheme: 'dark' },
  { file: '5-german', url: `${GMAIL}FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmn`, text: /Nicht mehr beschäftigt/, lang: 'de' },
];

async function language(launched: Launched, lang: 'en' | 'de'): Promise<void> {
  const options = await openOptions(launched);
  await askBackground(options, { type: 'save-settings', patch: { language: lang } });
  await options.close();
}

async function panelShot(launched: Launched, shot: (typeof SHOTS)[number]): Promise<string> {
  if (shot.lang) await language(launched, shot.lang);
  const page: Page = await launched.context.newPage();
  await page.setViewportSize(SIZE);
  if (shot.scheme) await page.emulateMedia({ colorScheme: shot.scheme });
  await page.goto(shot.url);
  const panel = await panelFrame(page);
  // A store image without its card is worse than none: fail instead of saving it.
  await panel.getByText(shot.text).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  const file = join(outDir, `${shot.file}.png`);
  await page.screenshot({ path: file });
  await page.close();
  if (shot.lang) await language(launched, 'en');
  return file;
}

/** The toolbar popup (400×600) with the card a search for "mül" found, centred on a 1280×800 backdrop. */
async function popupShot(launched: Launched): Promise<string> {
  const popup = await launched.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('mül');
  await popup.getByRole('option').first().click();
  await popup.getByRole('article').waitFor();
  await popup.waitForTimeout(300);
  const png = await popup.screenshot();
  await popup.close();

  const stage = await launched.context.newPage();
  await stage.setViewportSize(SIZE);
  const image = `data:image/png;base64,${png.toString('base64')}`;
  await stage.setContent(
    `<body style="margin:0;height:100vh;display:grid;place-items:center;background:#e8ecf2">` +
      `<img src="${image}" width="400" height="600" style="border-radius:8px;box-shadow:0 8px 32px rgb(0 0 0 / 0.25)"></body>`,
  );
  const file = join(outDir, '6-popup.png');
  await stage.screenshot({ path: file });
  await stage.close();
  return file;
}

/** Width and height from a PNG's header. */
function pngSize(file: string): { width: number; height: number } {
  const header = readFileSync(file);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const { sim, launched } = await connectedBrowser({ employees: 200, seed: 42 });
  try {
    const sites = await allScenarios();
    for (const s of sites) await serveScenario(launched.context, s);
    await nameTenants(launched, sites.map((s) => new URL(s.startUrl).hostname).filter(isTenantHost));
    const files: string[] = [];
    for (const shot of SHOTS) files.push(await panelShot(launched, shot));
    files.push(await popupShot(launched));
    for (const file of files) {
      const { width, height } = pngSize(file);
      if (width !== SIZE.width || height !== SIZE.height) throw new Error(`${file} is ${width}×${height}, not 1280×800`);
      console.log(`  ${file} (${width}×${height})`);
    }
  } finally {
    await launched.close();
    await sim.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
