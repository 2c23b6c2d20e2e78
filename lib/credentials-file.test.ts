import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CREDENTIALS_FILE_BYTES, parseCredentialsFile } from './credentials-file';

const fixture = (name: string) => readFileSync(join(__dirname, '../test/fixtures/credentials', name), 'latin1');
const utf8 = (name: string) => readFileSync(join(__dirname, '../test/fixtures/credentials', name), 'utf8');
const expected = { ok: true, clientId: 'papi-client-3f9c2a7e-1b4d-4c8e-9a6f-2d5e8b7c1a90', clientSecret: 'papi-secret-Zx8Qw3Er5Ty7Ui9Op1As2Df4Gh6Jk8Lz' };

describe('parseCredentialsFile', () => {
  it.each([
    ['personio-credentials.json', 'json'],
    ['personio-credentials.csv', 'csv'],
    ['personio-credentials.txt', 'text'],
    ['personio.env', 'text'],
  ])('reads %s', (file, format) => {
    expect(parseCredentialsFile(utf8(file))).toEqual({ ...expected, format });
  });

  it('reads camelCase and nested JSON', () => {
    expect(parseCredentialsFile(JSON.stringify({ personio: { clientId: 'a', clientSecret: 'b' } }))).toMatchObject({ ok: true, clientId: 'a', clientSecret: 'b' });
  });

  it.each([
    ['empty.txt', 'empty'],
    ['wrong-columns.csv', 'missing-fields'],
    ['not-credentials.png', 'binary'],
  ])('rejects %s as %s', (file, reason) => {
    expect(parseCredentialsFile(fixture(file))).toEqual({ ok: false, reason });
  });

  it('rejects a file that is far too large without reading it', () => {
    expect(parseCredentialsFile('', 10 * 1024 * 1024)).toEqual({ ok: false, reason: 'too-large' });
    expect(parseCredentialsFile('x'.repeat(MAX_CREDENTIALS_FILE_BYTES + 1))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('reads "key: value" lines however the lines end and whatever spaces surround them', () => {
    expect(parseCredentialsFile('  export PERSONIO_CLIENT_ID =  abc  \r\rClient secret:\t"d:e=f" ')).toEqual({ ok: true, clientId: 'abc', clientSecret: 'd:e=f', format: 'text' });
    expect(parseCredentialsFile('Client ID: abc\nnot a key!: x\nsecret = ')).toEqual({ ok: false, reason: 'missing-fields' });
  });

  /**
   * The largest file accepted, as one line built so that a backtracking pattern tries every
   * split of it. A generous bound: it catches quadratic blow-up (seconds), not a slow machine.
   */
  it.each([
    ['spaces and tabs after a key', 'a' + ' \t'.repeat(MAX_CREDENTIALS_FILE_BYTES / 2 - 1) + 'b'],
    ['spaces inside a value', 'client_id:x' + ' '.repeat(MAX_CREDENTIALS_FILE_BYTES - 13) + 'y'],
    ['a key of words and dashes with no value', 'export ' + 'a - '.repeat(MAX_CREDENTIALS_FILE_BYTES / 4 - 3) + '!:'],
    ['separators only', ':='.repeat(MAX_CREDENTIALS_FILE_BYTES / 2)],
    ['one long word', 'a'.repeat(MAX_CREDENTIALS_FILE_BYTES)],
  ])('parses a 64 KB line of %s in under 50 ms', (_kind, line) => {
    expect(line.length).toBeLessThanOrEqual(MAX_CREDENTIALS_FILE_BYTES);
    const start = performance.now();
    expect(parseCredentialsFile(line)).toMatchObject({ ok: false });
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('rejects JSON with only one of the two fields', () => {
    expect(parseCredentialsFile('{"client_id": "abc"}')).toEqual({ ok: false, reason: 'missing-fields' });
  });

  // Found by credentials-file.property.test.ts: quoted CSV fields were split at the separators inside them.
  it('reads quoted CSV fields that hold the separator or a doubled quote', () => {
    expect(parseCredentialsFile('"Client secret",Name,"Client ID"\n11,",",09ab')).toEqual({ ok: true, clientId: '09ab', clientSecret: '11', format: 'csv' });
    expect(parseCredentialsFile('"Client secret","Client ID"\n"c 8","Y a81""8"":0-"')).toEqual({ ok: true, clientId: 'Y a81"8":0-', clientSecret: 'c 8', format: 'csv' });
    expect(parseCredentialsFile('Client ID;Client secret\r\n"a;b";"c,d"\r\n')).toEqual({ ok: true, clientId: 'a;b', clientSecret: 'c,d', format: 'csv' });
  });
});

