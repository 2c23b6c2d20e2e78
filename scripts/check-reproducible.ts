/**
 * `npm run zip:check`: does the sources package rebuild the Firefox package byte for byte?
 *
 * After `npm run zip`, this unpacks `sidecard-<version>-sources.zip` into an empty temporary
 * folder, checks that this machine runs the Node and npm versions its SOURCE-BUILD.md names,
 * runs the commands of that file's first `sh` block there (what an AMO reviewer runs), and
 * compares the Firefox package it makes with ours. Any difference fails, file by file.
 * The commands come from SOURCE-BUILD.md itself, so the instructions cannot drift from the check.
 *
 * SIDECARD_OUT_DIR names where `npm run zip` wrote the packages (default .output);
 * KEEP_REBUILD=1 keeps the temporary folder for a look.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.SIDECARD_OUT_DIR || '.output');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const firefoxZipName = `sidecard-${version}-firefox.zip`;
const firefoxZip = join(outDir, firefoxZipName);
const sourcesZip = join(outDir, `sidecard-${version}-sources.zip`);

/** The files of a zip, by path. Reads the central directory; stored and deflated entries, as WXT writes them. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method} not supported`);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

/** What differs between two zips' files: paths only in one, and paths whose contents differ. */
function compareZips(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  const differences: string[] = [];
  for (const [name, content] of expected) {
    const other = actual.get(name);
    if (!other) differences.push(`only in the uploaded package: ${name}`);
    else if (!content.equals(other)) differences.push(`differs: ${name} (${content.length} B uploaded, ${other.length} B rebuilt)`);
  }
  for (const name of actual.keys()) if (!expected.has(name)) differences.push(`only in the rebuilt package: ${name}`);
  return differences;
}

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  console.log(`\n$ ${[command, ...args].join(' ')}   (in ${cwd})`);
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function main(): void {
  const started = Date.now();
  for (const file of [firefoxZip, sourcesZip]) if (!existsSync(file)) fail(`${file} is missing: run npm run zip first`);

  const sources = readZip(readFileSync(sourcesZip));
  const instructions = sources.get('SOURCE-BUILD.md')?.toString('utf8');
  if (!instructions) fail('the sources package has no SOURCE-BUILD.md');

  // The instructions promise identical bytes for one Node and npm; a rebuild under others proves nothing.
  const wantNode = [...instructions.matchAll(/Node\.js (\d+\.\d+\.\d+)/g)].map((m) => m[1]!);
  const wantNpm = /\bnpm (\d+\.\d+\.\d+)/.exec(instructions)?.[1];
  const haveNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!wantNode.length || !wantNpm) fail('SOURCE-BUILD.md names no exact Node.js and npm versions');
  if (!wantNode.includes(process.versions.node) || wantNpm !== haveNpm) {
    fail(`SOURCE-BUILD.md says Node.js ${wantNode.join(' or ')} and npm ${wantNpm}; this is Node.js ${process.versions.node} and npm ${haveNpm}. ` +
      'Rebuild the packages with the documented versions, or correct SOURCE-BUILD.md and run npm run zip again.');
  }
  const block = /```sh\n([\s\S]*?)```/.exec(instructions)?.[1];
  const commands = (block ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  if (!commands.length) fail('SOURCE-BUILD.md has no sh block of build commands');

  const dir = mkdtempSync(join(tmpdir(), 'sidecard-rebuild-'));
  console.log(`Unpacking ${sources.size} files of ${sourcesZip} into ${dir}`);
  for (const [name, content] of sources) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }

  // A reviewer's shell: none of our build switches (output folder, bench or test builds) set.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SIDECARD_')));
  const buildStarted = Date.now();
  for (const line of commands) {
    const [command, ...args] = line.split(/\s+/) as [string, ...string[]];
    // The packages are in this machine's npm cache already; the registry is asked only for what is not.
    if (command === 'npm' && args[0] === 'ci') args.push('--prefer-offline', '--no-audit', '--no-fund');
    run(command, args, dir, env);
  }
  const buildSeconds = ((Date.now() - buildStarted) / 1000).toFixed(1);

  const rebuiltZip = join(dir, '.output', firefoxZipName);
  if (!existsSync(rebuiltZip)) fail(`the documented commands made no ${join('.output', firefoxZipName)}`);
  const expected = readFileSync(firefoxZip);
  const actual = readFileSync(rebuiltZip);
  const differences = expected.equals(actual) ? [] : compareZips(readZip(expected), readZip(actual));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (process.env.KEEP_REBUILD === '1') console.log(`\nKept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });

  if (!expected.equals(actual)) {
    for (const line of differences) console.error(`  ${line}`);
    if (!differences.length) console.error('  every file is the same; the zip itself (order, headers, compression) differs');
    fail(`the rebuilt ${firefoxZipName} differs from ${firefoxZip} (${seconds} s)`);
  }
  const files = readZip(expected).size;
  console.log(`\n✔ ${firefoxZipName} rebuilt from the sources package is identical, byte for byte ` +
    `(${expected.length} bytes, ${files} files; Node.js ${process.versions.node}, npm ${haveNpm}). ` +
    `npm ci and build ${buildSeconds} s, ${seconds} s in all.`);
}

main();
