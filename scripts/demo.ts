/**
 * `npm run demo`: build Sidecard, start the Personio simulator with a 200-person demo
 * company, serve demo mail and ticket pages at their real host names, and open Chromium
 * with Sidecard loaded and already connected. Headful when a display exists; otherwise
 * headless. Either way it writes screenshots to demo-output/ (and the panel's states to
 * demo-output/states/, scripts/demo-states.ts).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSimulator } from '../test/personio-sim';
import type { SiteScenario } from '../test/fixtures/sites/scenario';
import { connect, launchExtension, nameTenants, openOptions, panelFrame, routePersonio, serveScenario, waitForSync } from '../test/e2e/harness';
import { isTenantHost } from '../lib/tenants';
import { captureStates } from './demo-states';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'demo-output');
const headless = !process.env.DISPLAY || process.env.DEMO_HEADLESS === '1';

async function scenarios(): Promise<SiteScenario[]> {
  const dir = join(root, 'test/fixtures/sites');
  const list: SiteScenario[] = [];
  for (const site of readdirSync(dir)) {
    const file = join(dir, site, 'scenario.ts');
    if (existsSync(file)) list.push(((await import(file)) as { scenario: SiteScenario }).scenario);
  }
  return list;
}

async function main(): Promise<void> {
  console.log('Building Sidecard…');
  execSync('npx wxt build', { cwd: root, stdio: 'inherit' });
  execSync('node scripts/ensure-browsers.mjs chromium', { cwd: root, stdio: 'inherit' });

  const sim = await startSimulator({ employees: 200, seed: 42 });
  console.log(`Personio simulator: ${sim.url} (200 employees; answering as https://api.personio.de)`);
  const launched = await launchExtension({ headless });
  await routePersonio(launched.context, sim);
  const sites = await scenarios();
  for (const s of sites) await serveScenario(launched.context, s);

  const options = await openOptions(launched);
  await connect(options);
  const count = await waitForSync(launched, 1);
  console.log(`Connected and synced ${count} employees.`);
  // The demo pages' Zendesk, Freshdesk and Jira are the demo company's own tenants.
  await nameTenants(launched, sites.map((s) => new URL(s.startUrl).hostname).filter(isTenantHost));
  await options.reload();

  mkdirSync(outDir, { recursive: true });
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.screenshot({ path: join(outDir, 'options.png'), fullPage: true });
  const shots = [join(outDir, 'options.png')];

  for (const s of sites) {
    const page = await launched.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(s.startUrl);
    try {
      const panel = await panelFrame(page);
      await panel.getByText(s.first.position).first().waitFor({ timeout: 10_000 });
    } catch {
      console.warn(`  (${s.site}: the panel did not show ${s.first.position} in time)`);
    }
    const file = join(outDir, `${s.site}.png`);
    await page.screenshot({ path: file });
    shots.push(file);
  }

  const popup = await launched.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('mül');
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(outDir, 'popup.png') });
  shots.push(join(outDir, 'popup.png'));
  await popup.getByRole('option').first().click();
  await popup.getByRole('article').waitFor();
  await popup.screenshot({ path: join(outDir, 'popup-card.png') });
  shots.push(join(outDir, 'popup-card.png'));
  await popup.close();

  const statesDir = join(outDir, 'states');
  mkdirSync(statesDir, { recursive: true });
  shots.push(...(await captureStates(launched, statesDir)));

  if (headless) {
    console.log(`No display: ran headless. Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
    await launched.close();
    await sim.close();
    return;
  }
  console.log('Sidecard is running in Chromium. Close the browser or press Ctrl+C to stop.');
  await new Promise<void>((done) => {
    launched.context.on('close', () => done());
    process.on('SIGINT', () => done());
  });
  await launched.close().catch(() => undefined);
  await sim.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
