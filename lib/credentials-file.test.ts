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

  it('rejects JSON with only one of the two fields', () => {
    expect(parseCredentialsFile('{"client_id": "abc"}')).toEqual({ ok: false, reason: 'missing-fields' });
  });
});
