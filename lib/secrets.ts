import { db, type SidecardDB } from './db';

/**
 * Secrets at rest, as Personio's API policy asks: AES-GCM under a key that WebCrypto
 * generates as non-extractable and IndexedDB keeps as a CryptoKey object. The raw key
 * never exists in JS memory, so a dump of storage yields only ciphertext and a key
 * handle usable in this extension origin alone.
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

export const CLIENT_SECRET = 'personio-client-secret';
export const API_TOKEN = 'personio-token';
