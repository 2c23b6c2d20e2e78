// @vitest-environment node
/** Time-offs: page-number paging and the date and employee filters. */
import { describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { TODAY, get, withSharedSimulator, type Json, type TimeOffJson } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

describe('GET /v1/company/time-offs', () => {
  it('reads offset as a 1-based page number, with 0 treated as 1 (so 0 and 1 return the same page)', async () => {
    const zero = await get(sim, '/v1/company/time-offs?limit=5&offset=0', token);
    const one = await get(sim, '/v1/company/time-offs?limit=5&offset=1', token);
    const two = await get(sim, '/v1/company/time-offs?limit=5&offset=2', token);
    expect(zero.json.data).toEqual(one.json.data);
    expect(zero.json.metadata?.current_page).toBe(1);
    expect(one.json.metadata?.current_page).toBe(1);
    expect(two.json.metadata?.current_page).toBe(2);
    const idsOf = (json: Json) => (json.data as TimeOffJson[]).map((t) => t.attributes.id);
    expect(idsOf(two.json)).not.toEqual(idsOf(one.json));
    expect(one.json.limit).toBe(5);
  });

  it('walks pages 1..total_pages to every time-off exactly once; limit max 200', async () => {
    const seen: number[] = [];
    const first = await get(sim, '/v1/company/time-offs?limit=7&offset=1', token);
    const pages = first.json.metadata!.total_pages;
    for (let page = 1; page <= pages; page += 1) {
      const { json } = await get(sim, `/v1/company/time-offs?limit=7&offset=${page}`, token);
      seen.push(...(json.data as TimeOffJson[]).map((t) => t.attributes.id));
    }
    expect(seen.sort()).toEqual(sim.company.timeOffs.map((t) => t.id).sort());
    expect((await get(sim, '/v1/company/time-offs', token)).json.limit).toBe(200);
    expect((await get(sim, '/v1/company/time-offs?limit=201', token)).status).toBe(422);
  });

  it('filters by overlap with start_date..end_date (inclusive) and by employees[] (repeat form only)', async () => {
    const today = await get(sim, `/v1/company/time-offs?start_date=${TODAY}&end_date=${TODAY}`, token);
    const list = today.json.data as TimeOffJson[];
    expect(list.length).toBeGreaterThan(1);
    for (const t of list) {
      expect(t.attributes.start_date.slice(0, 10) <= TODAY).toBe(true);
      expect(t.attributes.end_date.slice(0, 10) >= TODAY).toBe(true);
    }
    const ada = await get(sim, `/v1/company/time-offs?start_date=${TODAY}&end_date=${TODAY}&employees[]=100003`, token);
    const adas = ada.json.data as TimeOffJson[];
    expect(adas).toHaveLength(1);
    expect(adas[0]?.attributes).toMatchObject({ start_date: '2025-06-17T00:00:00+02:00', end_date: '2025-06-20T00:00:00+02:00', days_count: 4 });
    expect(adas[0]?.attributes.employee.attributes.email?.value).toBe('ada.lovelace@acme.example');
    const both = await get(sim, '/v1/company/time-offs?employees[]=100003&employees[]=100005', token);
    expect(new Set((both.json.data as TimeOffJson[]).map((t) => t.attributes.employee.attributes.id?.value))).toEqual(new Set([100003, 100005]));
    expect((await get(sim, '/v1/company/time-offs?employees[]=100003,100005', token)).status).toBe(422);
  });
});
