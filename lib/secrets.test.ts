import { describe, expect, it } from 'vitest';
import { SidecardDB } from './db';
import { forgetSecret, openSecret, sealSecret } from './secrets';

describe('sealed secrets', () => {
  it('stores only ciphertext under a non-extractable key, and opens it again', async () => {
    const database = new SidecardDB(`vault-${Math.random()}`);
    await sealSecret('s', 'papi-secret-123', database);
    const rows = await database.vault.toArray();
    const key = rows.find((r) => r.key)?.key;
    expect(key?.extractable).toBe(false);
    const sealed = rows.find((r) => r.name === 's')!;
    expect(new TextDecoder().decode(sealed.data)).not.toContain('papi-secret-123');
    expect(await openSecret('s', database)).toBe('papi-secret-123');
    await forgetSecret('s', database);
    expect(await openSecret('s', database)).toBeUndefined();
  });
});
