// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CREDENTIALS_FILE_BYTES, parseCredentialsFile } from './credentials-file';

/**
 * Properties of reading an uploaded credentials file: it never throws, whatever the bytes; a
 * file written in any shape the reader accepts (JSON, CSV with a header, "key: value" / .env
 * lines) gives back exactly the client ID and secret written into it; and a file that names no
 * credentials is refused with a reason, never read as a wrong ID or secret.
 */

/**
 * A credential value. Personio's are letters, digits and dashes; separators, quotes and spaces
 * inside a value are allowed too, where the format can carry them. Never at either end: the
 * reader trims whitespace and the quotes an admin pasted around a value.
 */
const edge = fc.constantFrom(...'abcXYZ0189-_.'.split(''));
const inner = fc.constantFrom(...'abcXYZ0189-_.'.split(''), ',', ';', '"', ' ', ':', '=', "'");
const value = fc.tuple(edge, fc.array(inner, { maxLength: 40 }), edge).map(([a, mid, b]) => a + mid.join('') + b);
/** Real ones: what Personio generates. */
const personioValue = fc.tuple(fc.constantFrom('papi-', ''), fc.stringMatching(/^[A-Za-z0-9-]{1,48}$/)).map(([p, v]) => p + v);

const idKeys = ['client_id', 'clientId', 'Client ID', 'CLIENT_ID', 'PERSONIO_CLIENT_ID', 'Personio client id', 'id'];
const secretKeys = ['client_secret', 'clientSecret', 'Client secret', 'CLIENT_SECRET', 'PERSONIO_CLIENT_SECRET', 'api secret', 'secret'];

interface Style {
  bom: boolean;
  eol: '\n' | '\r\n';
  trailingNewline: boolean;
}
const style = fc.record<Style>({ bom: fc.boolean(), eol: fc.constantFrom('\n' as const, '\r\n' as const), trailingNewline: fc.boolean() });
const finish = (lines: string[], s: Style) => (s.bom ? '\uFEFF' : '') + lines.join(s.eol) + (s.trailingNewline ? s.eol : '');

/** JSON, flat or nested one level, with other keys around. */
const jsonFile = (id: string, secret: string) =>
  fc
    .record({ idKey: fc.constantFrom(...idKeys), secretKey: fc.constantFrom(...secretKeys), nest: fc.constantFrom(undefined, 'personio', 'credentials'), name: fc.string(), indent: fc.constantFrom(0, 2) })
    .map(({ idKey, secretKey, nest, name, indent }) => {
      const inner = { name, [idKey]: id, [secretKey]: secret };
      return JSON.stringify(nest ? { [nest]: inner } : inner, null, indent);
    });

/** A CSV field, quoted when it has to be (or when the writer quotes everything). */
const csvField = (v: string, sep: string, quoteAll: boolean) => (quoteAll || /[",;\s]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV with a header row: the two columns in either order, other columns around them. */
const csvFile = (id: string, secret: string) =>
  fc
    .record({
      sep: fc.constantFrom(',', ';'),
      quoteAll: fc.boolean(),
      idKey: fc.constantFrom('Client ID', 'client_id', 'ClientId'),
      secretKey: fc.constantFrom('Client secret', 'client_secret', 'Secret'),
      order: fc.boolean(),
      extra: fc.array(fc.tuple(fc.constantFrom('Name', 'Created at', 'Scopes'), fc.stringMatching(/^[\w ,;"]{0,20}$/)), { maxLength: 2 }),
      style,
    })
    .map(({ sep, quoteAll, idKey, secretKey, order, extra, style: s }) => {
      const columns: [string, string][] = order ? [[idKey, id], [secretKey, secret]] : [[secretKey, secret], [idKey, id]];
      columns.splice(1, 0, ...extra);
      const line = (cells: string[]) => cells.map((c) => csvField(c, sep, quoteAll)).join(sep);
      return finish([line(columns.map(([k]) => k)), line(columns.map(([, v]) => v))], s);
    });

/** "Client ID: …" lines, or .env's CLIENT_ID=…, quoted or not, with other lines around. */
const textFile = (id: string, secret: string) =>
  fc
    .record({
      env: fc.boolean(),
      quote: fc.constantFrom('', '"', "'"),
      export: fc.boolean(),
      order: fc.boolean(),
      comment: fc.constantFrom('', '# Personio API credentials', 'Generated for Sidecard'),
      style,
    })
    .map(({ env, quote, export: exp, order, comment, style: s }) => {
      const line = (key: string, v: string) => (env ? `${exp ? 'export ' : ''}${key}=${quote}${v}${quote}` : `${key}: ${quote}${v}${quote}`);
      const pair = env ? [line('PERSONIO_CLIENT_ID', id), line('PERSONIO_CLIENT_SECRET', secret)] : [line('Client ID', id), line('Client secret', secret)];
      return finish([...(comment ? [comment] : []), ...(order ? pair : pair.reverse())], s);
    });

/** No JSON key, CSV header or line key the reader takes for an ID or a secret. */
const namesNoCredential = (text: string) => !/id|secret/i.test(text);

describe('parseCredentialsFile, whatever the file holds', () => {
  it('never throws on arbitrary text, bytes or sizes, and refuses with a reason what is not credentials', () => {
    const bytes = fc.uint8Array({ maxLength: 600 }).map((b) => new TextDecoder('utf-8').decode(b));
    const latin1 = fc.uint8Array({ maxLength: 600 }).map((b) => String.fromCharCode(...b));
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), bytes, latin1, fc.jsonValue().map((v) => JSON.stringify(v)));
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseCredentialsFile(text);
        if (namesNoCredential(text)) expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a file past the limit as too large, whatever it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1024 }), fc.constantFrom('a', '\u00e9', '{"client_id":"a","client_secret":"b"}'), (over, fill) => {
        const text = fill.repeat(Math.ceil((MAX_CREDENTIALS_FILE_BYTES + over) / new TextEncoder().encode(fill).length));
        expect(parseCredentialsFile(text)).toEqual({ ok: false, reason: 'too-large' });
      }),
      { numRuns: 20 },
    );
  });

  it('reads back exactly the ID and secret written, in every accepted shape', () => {
    const credentials = fc.tuple(fc.oneof(personioValue, value), fc.oneof(personioValue, value));
    const written = credentials.chain(([id, secret]) =>
      fc.oneof(
        jsonFile(id, secret).map((text) => ({ text, format: 'json' })),
        csvFile(id, secret).map((text) => ({ text, format: 'csv' })),
        textFile(id, secret).map((text) => ({ text, format: 'text' })),
      ).map((file) => ({ ...file, id, secret })),
    );
    fc.assert(
      fc.property(written, ({ text, format, id, secret }) => {
        expect(parseCredentialsFile(text)).toEqual({ ok: true, clientId: id, clientSecret: secret, format });
      }),
      { numRuns: 400 },
    );
  });

  it('gives no ID or secret for a file that has only one of them', () => {
    const oneOnly = fc.tuple(fc.oneof(personioValue, value), fc.boolean()).chain(([v, isId]) =>
      fc.oneof(
        fc.constant(JSON.stringify(isId ? { client_id: v } : { client_secret: v })),
        fc.constant(isId ? `Client ID,Name\n${csvField(v, ',', false)},x` : `Name,Client secret\nx,${csvField(v, ',', false)}`),
        fc.constant(isId ? `CLIENT_ID=${v}` : `CLIENT_SECRET=${v}`),
      ),
    );
    fc.assert(
      fc.property(oneOnly, (text) => {
        expect(parseCredentialsFile(text)).toEqual({ ok: false, reason: 'missing-fields' });
      }),
      { numRuns: 100 },
    );
  });
});
