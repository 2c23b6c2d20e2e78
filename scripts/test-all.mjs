#!/usr/bin/env node
// `npm test`: everything CI checks, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// Vite 8 needs ^20.19 || >=22.12 (`engines` in package.json); on an older Node the build fails
// deep inside Vite, so say it plainly first.
const [major, minor] = process.versions.node.split('.').map(Number);
if (!((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22)) {
  const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  console.error(`Node ${process.versions.node} is too old: Sidecard needs Node ${engines.node} (.nvmrc: 24).`);
  process.exit(1);
}

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build (chrome)', 'npm', ['run', '--silent', 'build']],
  ['build (firefox)', 'npm', ['run', '--silent', 'build:firefox']],
  ['firefox lint', 'npm', ['run', '--silent', 'lint:firefox']],
  // The soak's own build (its sync clock can be moved ahead), for the short soak in the e2e suite.
  ['build (soak)', 'npx', ['wxt', 'build'], { SIDECARD_SOAK: '1' }],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
];

for (const [name, command, args, env = {}] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
