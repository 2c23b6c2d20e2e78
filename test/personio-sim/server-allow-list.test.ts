// @vitest-environment node
/** A credential's attribute allow-list, and the attribute definitions it may read. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from './index';
import { NO_DEPARTMENT, TODAY, auth, employees, get, withSharedSimulator, type EmployeeJson } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

describe('credential allow-list', () => {
  it('leaves attributes the credential may not read out of every response (absent, not null)', async () => {
    const t = await auth(sim, NO_DEPARTMENT);
    const page = await get(sim, '/v1/company/employees?limit=100', t);
    expect(employees(page.json).length).toBe(100);
    for (const e of employees(page.json)) {
      expect(e.attributes).not.toHaveProperty('department');
      expect(e.attributes).toHaveProperty('office');
    }
    const asked = await get(sim, '/v1/company/employees?limit=5&attributes[]=department&attributes[]=first_name', t);
    for (const e of employees(asked.json)) expect(Object.keys(e.attributes).sort()).toEqual(['first_name', 'id']);
    const one = await get(sim, '/v1/company/employees/100003', t);
    expect((one.json.data as EmployeeJson).attributes).not.toHaveProperty('department');

    const defs = (await get(sim, '/v1/company/employees/attributes', t)).json.data as { key: string }[];
    expect(defs.map((d) => d.key)).not.toContain('department');
    expect(defs.map((d) => d.key)).toContain('office');
    const full = (await get(sim, '/v1/company/employees/attributes', token)).json.data as { key: string }[];
    expect(full.map((d) => d.key)).toContain('department');
  });

  it('lists attribute definitions with labels, types and options (custom ones too)', async () => {
    const defs = (await get(sim, '/v1/company/employees/attributes', token)).json.data as { key: string; label: string; type: string; universal_id: string | null; options: string[] }[];
    expect(defs.find((d) => d.key === 'first_name')).toEqual({ key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name', options: [] });
    expect(defs.find((d) => d.label === 'T-shirt size')).toMatchObject({ type: 'list', options: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] });
    expect(defs.find((d) => d.label === 'Personnel number')).toMatchObject({ type: 'standard', universal_id: null });
    expect(defs.find((d) => d.label === 'Birthday')).toMatchObject({ type: 'date' });
    expect(defs.find((d) => d.label === 'Phone (work)')).toMatchObject({ type: 'standard' });
    expect((await get(sim, '/v1/company/employees/custom-attributes', token)).json.data).toEqual(defs);
  });

  it('applies setAllowedAttributes at once, also to the supervisor short form', async () => {
    const own = await startSimulator({ employees: 20, today: TODAY });
    try {
      const t = await auth(own);
      own.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, ['first_name', 'supervisor']);
      const ada = (await get(own, '/v1/company/employees/100003', t)).json.data as EmployeeJson;
      expect(Object.keys(ada.attributes).sort()).toEqual(['first_name', 'id', 'supervisor']);
      expect(Object.keys((ada.attributes.supervisor?.value as EmployeeJson).attributes).sort()).toEqual(['first_name', 'id']);
    } finally {
      await own.close();
    }
  });

  it('labels in the company language', async () => {
    const own = await startSimulator({ employees: 10, today: TODAY, language: 'de' });
    try {
      const defs = (await get(own, '/v1/company/employees/attributes', await auth(own))).json.data as { key: string; label: string }[];
      const labels = defs.map((d) => d.label);
      expect(labels).toEqual(expect.arrayContaining(['Personalnummer', 'Geburtstag', 'Vorname']));
    } finally {
      await own.close();
    }
  });
});
