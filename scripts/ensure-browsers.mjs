#!/usr/bin/env node
// End-to-end tests, the demo and the bench drive Debian's browsers (never a downloaded
// browser: downloads fail on closed networks). Install what is missing when we are root.
//   node scripts/ensure-browsers.mjs            Chromium and Firefox ESR (the e2e suite)
//   node scripts/ensure-browsers.mjs chromium   Chromium only (demo, bench)
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium', env: 'CHROMIUM_PATH' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr', env: 'FIREFOX_PATH' },
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BROWSERS);
const missing = wanted.map((name) => BROWSERS[name]).filter((b) => b && !existsSync(b.path));
if (missing.length === 0) process.exit(0);

const packages = missing.map((b) => b.pkg).join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  const where = missing.map((b) => `${b.path} (or set ${b.env})`).join(', ');
  console.error(`Missing: ${where}. Install with:\n  sudo apt-get update && sudo apt-get install -y ${packages}`);
  process.exit(1);
}
console.log(`Installing Debian ${packages} for the browser tests (about a minute)…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
const still = missing.filter((b) => !existsSync(b.path));
if (still.length) {
  console.error(`apt-get finished but ${still.map((b) => b.path).join(', ')} is still missing.`);
  process.exit(1);
}
