/**
 * Reading an uploaded credentials file. Personio shows the client ID and secret once, when
 * a credential is generated, and admins keep them as a download or a saved note. We accept
 * the shapes those take:
 * - JSON: {"client_id": "...", "client_secret": "..."} (also clientId/clientSecret, "Client ID"),
 *   optionally nested one level (e.g. {"personio": {...}} or {"credentials": {...}});
 * - CSV with a header row: Client ID,Client secret (any column order, comma or semicolon);
 * - text, one per line: "Client ID: ..." / "Client secret: ..." or CLIENT_ID=... (.env style),
 *   with or without a PERSONIO_ prefix.
 * Pure: the options page reads the File and hands the text here.
 */
export const MAX_CREDENTIALS_FILE_BYTES = 64 * 1024;

export type CredentialsFileResult =
  | { ok: true; clientId: string; clientSecret: string; format: 'json' | 'csv' | 'text' }
  | { ok: false; reason: 'empty' | 'too-large' | 'binary' | 'missing-fields' };

function keyKind(raw: string): 'id' | 'secret' | undefined {
  const k = raw.toLowerCase().replace(/^personio[_\s-]*/, '').replace(/[\s_-]+/g, '');
  if (k === 'clientid' || k === 'id' || k === 'apiclientid') return 'id';
  if (k === 'clientsecret' || k === 'secret' || k === 'apiclientsecret' || k === 'apisecret') return 'secret';
  return undefined;
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const v = String(value).trim().replace(/^["']|["']$/g, '').trim();
  return v ? v : undefined;
}

function fromObject(obj: unknown, depth = 0): { id?: string; secret?: string } {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return {};
  const found: { id?: string; secret?: string } = {};
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    const kind = keyKind(key);
    if (kind === 'id') found.id ??= clean(value);
    if (kind === 'secret') found.secret ??= clean(value);
  }
  if ((!found.id || !found.secret) && depth === 0) {
    for (const value of Object.values(obj as Record<string, unknown>)) {
      const nested = fromObject(value, 1);
      if (nested.id && nested.secret) return nested;
    }
  }
  return found;
}

/**
 * One CSV line's fields. A quoted field may hold the separator, and a quote written twice: a
 * spreadsheet writes `"a,b"` and `"say ""hi"""`. Outside quotes a quote is an ordinary character.
 */
function csvFields(line: string, sep: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === sep) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

function fromCsv(text: string): { id?: string; secret?: string } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return {};
  const sep = lines[0]!.includes(';') && !lines[0]!.includes(',') ? ';' : ',';
  const header = csvFields(lines[0]!, sep).map((h) => keyKind(clean(h) ?? ''));
  const values = csvFields(lines[1]!, sep);
  const idIndex = header.indexOf('id');
  const secretIndex = header.indexOf('secret');
  if (idIndex < 0 || secretIndex < 0) return {};
  return { id: clean(values[idIndex]), secret: clean(values[secretIndex]) };
}

/** A key as written before the ":" or "=", trimmed: a letter, then letters, digits, "_", "-", spaces. */
const LINE_KEY = /^(?:export\s+)?([A-Za-z][\w\s-]*)$/;

/**
 * "Key: value" lines. The line is split at its first ":" or "=" and each side trimmed, rather
 * than matched by one pattern: a lazy key and a lazy value each followed by optional
 * whitespace let such a pattern try every split of a long line of spaces and tabs.
 */
function fromLines(text: string): { id?: string; secret?: string } {
  const found: { id?: string; secret?: string } = {};
  for (const line of text.split(/[\r\n\u2028\u2029]+/)) {
    const separator = line.search(/[:=]/);
    if (separator < 0) continue;
    const key = LINE_KEY.exec(line.slice(0, separator).trim())?.[1];
    const value = line.slice(separator + 1).trim();
    if (!key || !value) continue;
    const kind = keyKind(key);
    if (kind === 'id') found.id ??= clean(value);
    if (kind === 'secret') found.secret ??= clean(value);
  }
  return found;
}

export function parseCredentialsFile(text: string, byteLength = new TextEncoder().encode(text).length): CredentialsFileResult {
  if (byteLength > MAX_CREDENTIALS_FILE_BYTES) return { ok: false, reason: 'too-large' };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, reason: 'empty' };
  // Images, archives and other binaries decode to control characters and replacement marks.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(trimmed.slice(0, 512))) return { ok: false, reason: 'binary' };

  const attempts: Array<[Extract<CredentialsFileResult, { ok: true }>['format'], () => { id?: string; secret?: string }]> = [
    ['json', () => {
      try {
        return fromObject(JSON.parse(trimmed));
      } catch {
        return {};
      }
    }],
    ['csv', () => fromCsv(trimmed)],
    ['text', () => fromLines(trimmed)],
  ];
  for (const [format, read] of attempts) {
    const { id, secret } = read();
    if (id && secret) return { ok: true, clientId: id, clientSecret: secret, format };
  }
  return { ok: false, reason: 'missing-fields' };
}
