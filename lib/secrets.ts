import { db, type SidecardDB } from './db';

/**
 * Secrets at rest: AES-GCM under a key that WebCrypto generates as non-extractable, kept as
 * a CryptoKey object in the same IndexedDB as the ciphertext. No script can export the key,
 * so what storage shows through the browser (a dump of the rows, DevTools' storage view) is
 * ciphertext and an opaque key handle, never the secret.
 *
 * What it does not protect: the browser writes the key's bytes into the profile's IndexedDB
 * files on disk beside the ciphertext, so anyone who can read those files (the OS account,
 * another account with access, a stolen unencrypted disk) can recover the key and decrypt.
 * Code running in this extension's origin (DevTools on the background) can simply call
 * openSecret. Disk encryption and OS accounts guard against those; see "Threat model" in
 * docs/architecture.md.
 */
const KEY_NAME = 'sealing-key';

async function sealingKey(database: SidecardDB): Promise<CryptoKey> {
  const existing = await database.vault.get(KEY_NAME);
  if (existing?.key) return existing.key;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await database.vault.put({ name: KEY_NAME, key });
  return key;
}

export async function sealSecret(name: string, plaintext: string, database: SidecardDB = db()): Promise<void> {
  const key = await sealingKey(database);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  await database.vault.put({ name, iv, data });
}

export async function openSecret(name: string, database: SidecardDB = db()): Promise<string | undefined> {
  const entry = await database.vault.get(name);
  const keyEntry = await database.vault.get(KEY_NAME);
  if (!entry?.data || !entry.iv || !keyEntry?.key) return undefined;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: entry.iv as Uint8Array<ArrayBuffer> }, keyEntry.key, entry.data);
    return new TextDecoder().decode(plain);
  } catch {
    // A key from another profile or a tampered row: treat as absent rather than leak an error.
    return undefined;
  }
}

export async function forgetSecret(name: string, database: SidecardDB = db()): Promise<void> {
  await database.vault.delete(name);
}

/** A secret together with the one API base URL it may be sent to. */
export interface BoundSecret {
  secret: string;
  baseUrl: string;
}

/**
 * Seal a secret with its base URL in one ciphertext: AES-GCM authenticates both, so the
 * binding cannot be changed without the key.
 */
export async function sealBoundSecret(name: string, bound: BoundSecret, database: SidecardDB = db()): Promise<void> {
  await sealSecret(name, JSON.stringify({ baseUrl: bound.baseUrl, secret: bound.secret }), database);
}

/** A secret sealed with `sealBoundSecret`; anything else under that name counts as absent. */
export async function openBoundSecret(name: string, database: SidecardDB = db()): Promise<BoundSecret | undefined> {
  const plain = await openSecret(name, database);
  if (plain === undefined) return undefined;
  try {
    const value = JSON.parse(plain) as unknown;
    if (value && typeof value === 'object' && 'secret' in value && 'baseUrl' in value && typeof value.secret === 'string' && typeof value.baseUrl === 'string') {
      return { secret: value.secret, baseUrl: value.baseUrl };
    }
  } catch {
    // not a bound secret
  }
  return undefined;
}

/** The client secret, bound to the API base URL it was saved with. */
export const CLIENT_SECRET = 'personio-client-secret-for-url';
/** A client secret sealed alone by earlier versions: bound to the saved settings' base URL when read. */
export const UNBOUND_CLIENT_SECRET = 'personio-client-secret';
/** The API token, bound to the base URL that issued it. */
export const API_TOKEN = 'personio-token';
