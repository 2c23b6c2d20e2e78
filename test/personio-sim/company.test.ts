// @vitest-environment node
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EmailRegistry, emailSlug, generateCompany, mulberry32, workingDays, type Company, type SimEmployee } from './company';
import { crc32, encodePng, renderAvatar } from './png';
import { addDays, formatDateAttribute, formatTimestamp, parseTimestamp } from './time';

const TODAY = '2025-06-18';
const company = generateCompany({ employees: 2000, seed: 5, today: TODAY });
const name = (c: Company, id: number | null) => (id === null ? null : c.departments.find((d) => d.id === id)?.name);
const officeName = (c: Company, id: number | null) => c.offices.find((o) => o.id === id)?.name;
const subcompanyName = (c: Company, id: number | null) => c.subcompanies.find((s) => s.id === id)?.name;

describe('the fixed cast', () => {
  const cast = company.employees.slice(0, 8);

  it('is ids 100001–100008 with the agreed names, emails, positions, places and statuses', () => {
    const summary = cast.map((e: SimEmployee) => [e.id, `${e.firstName} ${e.lastName}`, e.email, e.position, name(company, e.departmentId), officeName(company, e.officeId), e.status, e.supervisorId]);
    expect(summary).toEqual([
      [100001, 'Lena Hoffmann', 'lena.hoffmann@acme.example', 'Chief Executive Officer', 'Management', 'Munich', 'active', null],
      [100002, 'Jürgen Müller', 'juergen.mueller@acme.example', 'Head of People', 'People & Culture', 'Munich', 'active', 100001],
      [100003, 'Ada Lovelace', 'ada.lovelace@acme.example', 'Senior Software Engineer', 'Engineering', 'Berlin', 'active', 100004],
      [100004, 'Grace Hopper', 'grace.hopper@acme.example', 'VP Engineering', 'Engineering', 'Berlin', 'active', 100001],
      [100005, 'Zoë Schäfer', 'zoe.schaefer@acme.example', 'HR Business Partner', 'People & Culture', 'Hamburg', 'leave', 100002],
      [100006, 'Tobias Weiß', 'tobias.weiss@acme.example', 'IT Support Specialist', 'IT', 'Munich', 'onboarding', 100004],
      [100007, 'Emily Clarke', 'emily.clarke@acme.example', 'Account Executive', 'Sales', 'London', 'active', 100001],
      [100008, 'Max Mustermann', 'max.mustermann@acme.example', 'Accountant', 'Finance', 'Munich', 'inactive', null],
    ]);
  });

  it('has the agreed dates, photos, teams and subcompanies', () => {
    const [lena, , ada, , zoe, tobias, emily, max] = cast;
    expect(lena?.hasPhoto).toBe(true);
    expect(subcompanyName(company, lena!.subcompanyId)).toBe('Acme GmbH');
    expect(subcompanyName(company, ada!.subcompanyId)).toBe('Acme GmbH');
    expect(company.teams.find((t) => t.id === ada!.teamId)?.name).toBe('Platform');
    expect(zoe?.hasPhoto).toBe(false);
    expect(tobias?.hireDate).toBe(addDays(TODAY, 14));
    expect(emily?.terminationDate).toBe(addDays(TODAY, 30));
    expect(subcompanyName(company, emily!.subcompanyId)).toBe('Acme Ltd');
    expect(max!.terminationDate! < TODAY).toBe(true);
  });

  it('has Ada away now, from yesterday until the day after tomorrow', () => {
    const away = company.timeOffs.filter((t) => t.employeeId === 100003 && t.startDate <= TODAY && t.endDate >= TODAY);
    expect(away.map((t) => [t.startDate, t.endDate])).toEqual([[addDays(TODAY, -1), addDays(TODAY, 2)]]);
  });

  it('is the same in every company, whatever the seed or size', () => {
    const other = generateCompany({ employees: 10, seed: 77, today: TODAY });
    expect(other.employees.map((e) => [e.id, e.email, e.position, e.status, e.supervisorId]).slice(0, 8)).toEqual(
      cast.map((e) => [e.id, e.email, e.position, e.status, e.supervisorId]),
    );
  });
});

describe('generated employees', () => {
  const generated = company.employees.slice(8);

  it('get ids from 100009 on, sorted, and unique lower-case emails that never reuse the cast', () => {
    expect(generated[0]?.id).toBe(100009);
    expect(company.employees.map((e) => e.id)).toEqual(company.employees.map((_, i) => 100001 + i));
    const emails = company.employees.map((e) => e.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+\d*@acme\.example$/);
    const castEmails = new Set(company.employees.slice(0, 8).map((e) => e.email));
    expect(generated.filter((e) => castEmails.has(e.email))).toEqual([]);
  });

  it('have German and English names with umlauts and ß', () => {
    const names = company.employees.map((e) => `${e.firstName} ${e.lastName}`).join(' ');
    expect(names).toMatch(/[äöü]/);
    expect(names).toMatch(/ß/);
    expect(company.employees.some((e) => /^(Emily|Oliver|George|Harry|Jack|Olivia|Amelia)$/.test(e.firstName))).toBe(true);
  });

  it('form one supervisor tree: no cycles, the CEO at the root, heads under her, about 1% without supervisor', () => {
    for (const e of company.employees) {
      const seen = new Set<number>();
      for (let s = e.supervisorId; s !== null; s = company.byId.get(s)?.supervisorId ?? null) {
        expect(seen.has(s)).toBe(false);
        seen.add(s);
        expect(company.byId.has(s)).toBe(true);
      }
    }
    const heads = company.departments.map((d) => d.headId).filter((id): id is number => id !== null && id !== 100001);
    for (const id of heads) expect(company.byId.get(id)?.supervisorId).toBe(100001);
    const withoutSupervisor = generated.filter((e) => e.supervisorId === null).length;
    expect(withoutSupervisor).toBeGreaterThan(0);
    expect(withoutSupervisor / generated.length).toBeLessThan(0.03);
    // Others report within their department: its head (Grace heads IT too), someone in it, or the CEO.
    const headOf = (departmentId: number | null) => company.departments.find((d) => d.id === departmentId)?.headId;
    const crossing = generated.filter(
      (e) => e.supervisorId !== null && e.supervisorId !== 100001 && e.supervisorId !== headOf(e.departmentId) && company.byId.get(e.supervisorId)?.departmentId !== e.departmentId,
    );
    expect(crossing).toEqual([]);
  });

  it('cover all four statuses with consistent dates, and ~15% without a photo', () => {
    const count = (status: string) => generated.filter((e) => e.status === status).length;
    expect(count('active') / generated.length).toBeGreaterThan(0.7);
    for (const status of ['onboarding', 'leave', 'inactive']) expect(count(status)).toBeGreaterThan(20);
    for (const e of generated) {
      if (e.status === 'onboarding') expect(e.hireDate > TODAY).toBe(true);
      if (e.status === 'inactive') expect(e.terminationDate !== null && e.terminationDate < TODAY).toBe(true);
      if (e.status === 'active') expect(e.hireDate <= TODAY).toBe(true);
    }
    expect(generated.some((e) => e.status === 'active' && e.terminationDate !== null && e.terminationDate > TODAY)).toBe(true);
    const noPhoto = generated.filter((e) => !e.hasPhoto).length / generated.length;
    expect(noPhoto).toBeGreaterThan(0.1);
    expect(noPhoto).toBeLessThan(0.2);
  });

  it('were last modified within the past year, before today, never before creation', () => {
    const today = Date.parse(`${TODAY}T00:00:00Z`);
    for (const e of company.employees) {
      expect(e.lastModifiedAt).toBeLessThan(today);
      expect(e.lastModifiedAt).toBeGreaterThanOrEqual(e.createdAt);
      expect(e.lastModifiedAt % 1000).toBe(0);
    }
    const oldest = Math.min(...company.employees.map((e) => e.lastModifiedAt));
    expect(today - oldest).toBeGreaterThan(200 * 86_400_000);
    expect(today - oldest).toBeLessThanOrEqual(366 * 86_400_000);
  });

  it('use ten departments, five offices, two subcompanies, teams and cost centres', () => {
    expect(company.departments.map((d) => d.name)).toEqual([
      'Management', 'People & Culture', 'Engineering', 'IT', 'Sales', 'Marketing', 'Finance', 'Customer Success', 'Legal', 'Operations',
    ]);
    expect(company.offices.map((o) => o.name)).toEqual(['Munich', 'Berlin', 'Hamburg', 'London', 'Remote']);
    expect(company.subcompanies.map((s) => s.name)).toEqual(['Acme GmbH', 'Acme Ltd']);
    for (const d of company.departments) expect(company.teams.some((t) => t.departmentId === d.id)).toBe(true);
    expect(new Set(company.employees.map((e) => e.departmentId)).size).toBe(10);
    expect(new Set(company.employees.map((e) => e.officeId)).size).toBe(5);
  });
});

describe('time-offs around today', () => {
  const active = (t: { startDate: string; endDate: string }) => t.startDate <= TODAY && t.endDate >= TODAY;
  it('include people away now, back within days, planned leave within 60 days and last week', () => {
    const away = company.timeOffs.filter(active);
    expect(away.length).toBeGreaterThan(20);
    expect(away.some((t) => t.endDate <= addDays(TODAY, 6) && t.typeId === 113401)).toBe(true);
    const future = company.timeOffs.filter((t) => t.startDate > TODAY);
    expect(future.length).toBeGreaterThan(50);
    for (const t of future) expect(t.startDate <= addDays(TODAY, 60)).toBe(true);
    expect(company.timeOffs.some((t) => t.endDate < TODAY && t.endDate >= addDays(TODAY, -7))).toBe(true);
    for (const e of company.employees.filter((x) => x.status === 'leave')) expect(company.timeOffs.some((t) => t.employeeId === e.id && active(t))).toBe(true);
  });

  it('never overlap for one person, and count working days', () => {
    const byPerson = new Map<number, { startDate: string; endDate: string }[]>();
    for (const t of company.timeOffs) byPerson.set(t.employeeId, [...(byPerson.get(t.employeeId) ?? []), t]);
    for (const list of byPerson.values()) {
      const sorted = [...list].sort((a, b) => a.startDate.localeCompare(b.startDate));
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]!.startDate > sorted[i - 1]!.endDate).toBe(true);
    }
    expect(workingDays('2025-06-16', '2025-06-22', false, false)).toBe(5); // Mon–Sun
    expect(workingDays('2025-06-13', '2025-06-16', false, false)).toBe(2); // Fri–Mon
    expect(workingDays('2025-06-02', '2025-06-27', false, false)).toBe(20);
    expect(workingDays('2025-06-18', '2025-06-18', true, false)).toBe(0.5);
    expect(workingDays('2025-06-18', '2025-06-20', false, true)).toBe(2.5);
  });
});

describe('emails', () => {
  it('transliterate umlauts, ß and accents', () => {
    expect(['Jürgen', 'Müller', 'Zoë', 'Schäfer', 'Weiß', 'Özdemir', 'Yılmaz', 'Şahin', "O'Brien", 'von Bülow', 'Müller-Lüdenscheidt', 'Chloé', 'Małgorzata'].map(emailSlug)).toEqual([
      'juergen', 'mueller', 'zoe', 'schaefer', 'weiss', 'oezdemir', 'yilmaz', 'sahin', 'obrien', 'vonbuelow', 'mueller-luedenscheidt', 'chloe', 'malgorzata',
    ]);
  });

  it('get a numeric suffix on collisions', () => {
    const registry = new EmailRegistry();
    registry.reserve('anna.schmidt@acme.example');
    expect([registry.allocate('Anna', 'Schmidt'), registry.allocate('Anna', 'Schmidt'), registry.allocate('Anna', 'Schmidt')]).toEqual([
      'anna.schmidt2@acme.example',
      'anna.schmidt3@acme.example',
      'anna.schmidt4@acme.example',
    ]);
  });
});

describe('options', () => {
  it('reject out-of-range sizes and bad dates', () => {
    expect(() => generateCompany({ employees: 9 })).toThrow(RangeError);
    expect(() => generateCompany({ employees: 50_001 })).toThrow(RangeError);
    expect(() => generateCompany({ today: '2025-02-30' })).toThrow(RangeError);
    expect(generateCompany({ employees: 10 }).employees).toHaveLength(10);
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });
});

describe('time formatting (Europe/Berlin with offset)', () => {
  it('switches offset on the EU summer-time days', () => {
    expect(formatDateAttribute('2025-03-30')).toBe('2025-03-30T00:00:00+01:00');
    expect(formatDateAttribute('2025-03-31')).toBe('2025-03-31T00:00:00+02:00');
    expect(formatDateAttribute('2025-10-26')).toBe('2025-10-26T00:00:00+02:00');
    expect(formatDateAttribute('2025-10-27')).toBe('2025-10-27T00:00:00+01:00');
    expect(formatTimestamp(Date.UTC(2025, 0, 1, 12, 0, 5))).toBe('2025-01-01T13:00:05+01:00');
    expect(formatTimestamp(Date.UTC(2025, 6, 1, 23, 30, 0))).toBe('2025-07-02T01:30:00+02:00');
  });

  it('parses updated_since forms, offset-less as UTC', () => {
    expect(parseTimestamp('2022-12-24T08:15:30')).toBe(Date.UTC(2022, 11, 24, 8, 15, 30));
    expect(parseTimestamp('2022-12-24')).toBe(Date.UTC(2022, 11, 24));
    expect(parseTimestamp('2022-12-24T08:15:30+01:00')).toBe(Date.UTC(2022, 11, 24, 7, 15, 30));
    expect(parseTimestamp('2022-12-24T08:15:30Z')).toBe(Date.UTC(2022, 11, 24, 8, 15, 30));
    expect(parseTimestamp('2022-12-24T08:15:30.123+0100')).toBe(Date.UTC(2022, 11, 24, 7, 15, 30));
    for (const bad of ['yesterday', '2022-13-01', '2022-02-30', '2022-12-24T25:00:00']) expect(parseTimestamp(bad)).toBeNull();
  });
});

describe('PNG encoder', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });

  it('writes signature, IHDR, IDAT and IEND with valid CRCs, and pixels that inflate back', () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    const png = encodePng(2, 2, rgb);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(type, data));
      chunks.push({ type: type.toString('latin1'), data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([...chunks[0]!.data]).toEqual([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    expect([...inflateSync(chunks[1]!.data)]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  });

  it('renders the same avatar for the same key and width, a different one for another key', () => {
    expect(renderAvatar(7, 48).equals(renderAvatar(7, 48))).toBe(true);
    expect(renderAvatar(7, 48).equals(renderAvatar(8, 48))).toBe(false);
    expect(renderAvatar(7, 1).readUInt32BE(16)).toBe(16);
    expect(renderAvatar(7, 9999).readUInt32BE(16)).toBe(512);
  });
});
