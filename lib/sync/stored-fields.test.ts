import { describe, expect, it } from 'vitest';
import { SidecardDB } from '../db';
import type { Employee } from '../employee';
import type { FieldKey } from '../fields';
import { applyStoredFields } from './stored-fields';

describe('applyStoredFields', () => {
  it('deletes a field turned off from every record at once, with its caches', async () => {
    const database = new SidecardDB(`strip-${Math.random()}`);
    const row = (id: number): Employee => ({
      v: 1, id, email: `p${id}@acme.example`, nameTokens: ['p'], position: 'Engineer',
      department: { id: 1, name: 'IT' }, departmentId: 1, gender: 'female', photoUrl: 'https://x/p.png',
      custom: { dynamic_1: { label: 'Personnel number', type: 'standard', value: '7' } },
    });
    await database.employees.bulkPut([row(1), row(2)]);
    await database.photos.put({ employeeId: 1, fetchedAt: 1, blob: null, size: 0 });
    const stored = new Set<FieldKey>(['name', 'email', 'position']);
    expect((await applyStoredFields(database, stored)).sort()).toEqual([1, 2]);
    const rows = await database.employees.toArray();
    expect(rows).toEqual([
      { v: 1, id: 1, email: 'p1@acme.example', nameTokens: ['p'], position: 'Engineer' },
      { v: 1, id: 2, email: 'p2@acme.example', nameTokens: ['p'], position: 'Engineer' },
    ]);
    expect(await database.photos.count()).toBe(0);
    // The department index no longer finds anyone.
    expect(await database.employees.where('departmentId').equals(1).count()).toBe(0);
  });
});
