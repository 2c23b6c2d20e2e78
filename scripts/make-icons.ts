/**
 * `npx tsx scripts/make-icons.ts`: draws the toolbar and manifest icons (public/icon/16.png,
 * 32.png, 48.png, 128.png) from the mark's source, public/icon/sidecard.svg, in the same
 * Chromium the end-to-end tests use. WXT lists public/icon/<size>.png in the manifest's
 * `icons`. Run it again after changing the SVG and commit the PNGs with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/e2e/harness';

const SIZES = [16, 32, 48, 128] as const;
const iconDir = resolve(import.meta.dirname, '../public/icon');

async function main(): Promise<void> {
  const svg = readFileSync(join(iconDir, 'sidecard.svg'), 'utf8');
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      writeFileSync(join(iconDir, `${size}.png`), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

void main();
