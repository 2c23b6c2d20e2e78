/**
 * The screenshot set `npm run demo` writes to demo-output/states/: each state an agent meets
 * in the panel (a colleague away, one leaving soon, one who left, an external sender, a
 * ticket with several people), and the same card in dark mode, in German, and in a narrow
 * window. docs/ and the README take the best of them.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { askBackground, openOptions, panelFrame, type Launched } from '../test/e2e/harness';

const GMAIL = 'https://mail.google.com/mail/u/0/#';
const STATES: { file: string; url: string; waitFor: RegExp | { button: string }; width?: number; scheme?: 'dark'; lang?: 'de'; open?: boolean }[] = [
  { file: 'away', url: `${GMAIL}inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh`, waitFor: /Away until/ },
  { file: 'leaving-soon', url: `${GMAIL}sent/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm`, waitFor: /Leaves on/ },
  { file: 'former-employee', url: `${GMAIL}inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmn`, waitFor: /Former employee/ },
  { file: 'external-sender', url: `${GMAIL}inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmk`, waitFor: /Not in Personio/ },
  { file: 'several-participants', url: 'https://acme.zendesk.com/agent/tickets/1001', waitFor: /Senior Software Engineer/ },
  { file: 'dark', url: `${GMAIL}inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh`, waitFor: /Away until/, scheme: 'dark' },
  { file: 'german', url: `${GMAIL}inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmn`, waitFor: /Nicht mehr beschäftigt/, lang: 'de' },
  { file: 'narrow-window', url: `${GMAIL}inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh`, waitFor: { button: 'Open panel' }, width: 800 },
  { file: 'narrow-window-opened', url: `${GMAIL}inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh`, waitFor: /Away until/, width: 800, open: true },
];

async function language(launched: Launched, lang: 'en' | 'de'): Promise<void> {
  const options = await openOptions(launched);
  await askBackground(options, { type: 'save-settings', patch: { language: lang } });
  await options.close();
}

export async function captureStates(launched: Launched, outDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const state of STATES) {
    if (state.lang) await language(launched, state.lang);
    const page: Page = await launched.context.newPage();
    await page.setViewportSize({ width: state.width ?? 1280, height: 800 });
    if (state.scheme) await page.emulateMedia({ colorScheme: state.scheme });
    await page.goto(state.url);
    try {
      const panel = await panelFrame(page);
      if (state.open) await panel.getByRole('button', { name: 'Open panel' }).click({ timeout: 10_000 });
      const shown = state.waitFor instanceof RegExp ? panel.getByText(state.waitFor) : panel.getByRole('button', { name: state.waitFor.button });
      await shown.first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300);
    } catch {
      console.warn(`  (${state.file}: the panel did not show ${String(state.waitFor)} in time)`);
    }
    const file = join(outDir, `${state.file}.png`);
    await page.screenshot({ path: file });
    files.push(file);
    await page.close();
    if (state.lang) await language(launched, 'en');
  }
  return files;
}
