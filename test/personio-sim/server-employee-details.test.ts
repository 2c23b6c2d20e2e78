// @vitest-environment node
/** One employee, absence balances and profile pictures. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { NO_PICTURES, auth, expectErrorEnvelope, get, withSharedSimulator, type EmployeeJson, type Json } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

describe('single employee and balance', () => {
  it('returns one employee, or the 404 envelope', async () => {
    const one = await get(sim, '/v1/company/employees/100004', token);
    expect(one.status).toBe(200);
    expect((one.json.data as EmployeeJson).attributes.email?.value).toBe('grace.hopper@acme.example');
    const missing = await get(sim, '/v1/company/employees/1', token);
    expect(missing.status).toBe(404);
    expectErrorEnvelope(missing.json);
  });

  it('returns deterministic absence balances in halves', async () => {
    const first = await get(sim, '/v1/company/employees/100003/absences/balance', token);
    const again = await get(sim, '/v1/company/employees/100003/absences/balance', token);
    expect(first.json).toEqual(again.json);
    const rows = first.json.data as { id: number; name: string; category: string; balance: number; available_balance: number }[];
    const vacation = rows.find((r) => r.category === 'paid_vacation')!;
    expect(vacation.name).toBe('Paid vacation');
    expect(Number.isInteger(vacation.balance * 2)).toBe(true);
    // Ada is away until Friday: Thursday and Friday are still to come, deducted from what is available.
    expect(vacation.available_balance).toBe(vacation.balance - 2);
    expect((await get(sim, '/v1/company/employees/1/absences/balance', token)).status).toBe(404);
  });
});

describe('profile pictures', () => {
  async function picture(path: string, t = token) {
    const response = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${t}` } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  const ihdr = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

  it('serves a real PNG at the asked width, clamped to 16..512, without an Authorization echo', async () => {
    const { status, headers, bytes } = await picture('/v1/company/employees/100001/profile-picture/64');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('image/png');
    expect(headers.get('authorization')).toBeNull();
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(ihdr(bytes)).toEqual({ width: 64, height: 64 });
    expect(ihdr((await picture('/v1/company/employees/100001/profile-picture/4')).bytes).width).toBe(16);
    expect(ihdr((await picture('/v1/company/employees/100001/profile-picture/4000')).bytes).width).toBe(512);
    expect(ihdr((await picture('/v1/company/employees/100001/profile-picture')).bytes).width).toBe(256);
    // The pixel data inflates to exactly one filter byte plus RGB per row.
    const idatLength = bytes.readUInt32BE(33);
    expect(bytes.subarray(37, 41).toString('latin1')).toBe('IDAT');
    expect(inflateSync(bytes.subarray(41, 41 + idatLength)).length).toBe((64 * 3 + 1) * 64);
  });

  it('answers 404 JSON for no photo, an unknown employee, or a credential without profile_picture', async () => {
    const zoe = await picture('/v1/company/employees/100005/profile-picture/64');
    expect(zoe.status).toBe(404);
    expectErrorEnvelope(JSON.parse(zoe.bytes.toString('utf8')) as Json);
    expect((await picture('/v1/company/employees/1/profile-picture/64')).status).toBe(404);
    const t = await auth(sim, NO_PICTURES);
    expect((await picture('/v1/company/employees/100001/profile-picture/64', t)).status).toBe(404);
    const lena = (await get(sim, '/v1/company/employees/100001', t)).json.data as EmployeeJson;
    expect(lena.attributes).not.toHaveProperty('profile_picture');
  });
});
