// @vitest-environment node
/** Determinism: the same options give the same company and the same responses. */
import { describe, expect, it } from 'vitest';
import { generateCompany, startSimulator, type Simulator } from './index';
import { TODAY, auth, get, withSharedSimulator } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

describe('determinism', () => {
  it('generates the identical company for the same seed, and a different one for another seed', () => {
    const a = generateCompany({ employees: 500, seed: 9, today: TODAY });
    const b = generateCompany({ employees: 500, seed: 9, today: TODAY });
    const c = generateCompany({ employees: 500, seed: 10, today: TODAY });
    expect(b).toEqual(a);
    expect(JSON.stringify(b.employees)).toBe(JSON.stringify(a.employees));
    expect(c.employees.slice(8).map((e) => e.email)).not.toEqual(a.employees.slice(8).map((e) => e.email));
    // The cast is the same in every company.
    expect(c.employees.slice(0, 8).map((e) => e.email)).toEqual(a.employees.slice(0, 8).map((e) => e.email));
  });

  it('serves identical responses from two simulators with the same options', async () => {
    const other = await startSimulator({ employees: 250, seed: 3, today: TODAY });
    try {
      const mine = await get(sim, '/v1/company/employees?limit=100&offset=100&attributes[]=first_name&attributes[]=email&attributes[]=hire_date', token);
      const theirs = await get(other, '/v1/company/employees?limit=100&offset=100&attributes[]=first_name&attributes[]=email&attributes[]=hire_date', await auth(other));
      expect(theirs.json).toEqual(mine.json);
    } finally {
      await other.close();
    }
  });

  // How fast is the bench's business (npm run bench), not a test's.
  it('generates 50,000 employees, every address distinct', () => {
    const company = generateCompany({ employees: 50_000, seed: 1, today: TODAY });
    expect(company.employees).toHaveLength(50_000);
    expect(new Set(company.employees.map((e) => e.email)).size).toBe(50_000);
  });
});
