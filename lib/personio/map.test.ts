import { describe, expect, it } from 'vitest';
import { defaultFieldSettings, storedFields, type FieldKey } from '../fields';
import { calendarDate, filterFacts, mapEmployee, PERSONIO_TEXT_LIMITS, sameEmployee } from './map';
import { rawEmployeeSchema, type RawEmployee } from './schema';

const attr = (value: unknown, type = 'standard') => ({ label: 'x', value, type, universal_id: null });

function raw(overrides: Record<string, unknown> = {}): RawEmployee {
  return rawEmployeeSchema.parse({
    type: 'Employee',
    attributes: {
      id: attr(2040614, 'integer'),
      first_name: attr('Jürgen'),
      last_name: attr('Müller'),
      preferred_name: attr('Jürgen Müller'),
      email: attr('Juergen.Mueller@Acme.example'),
      gender: attr('male'),
      status: attr('active'),
      position: attr('Head of People'),
      weekly_working_hours: attr('40'),
      hire_date: attr('2021-03-01T00:00:00+01:00', 'date'),
      termination_date: attr(null, 'date'),
      last_modified_at: attr('2025-06-18T14:03:27+0200', 'date'),
      department: attr({ type: 'Department', attributes: { id: 281521, name: 'People & Culture' } }),
      office: attr({ type: 'Office', attributes: { id: 131014, name: 'Munich' } }),
      team: attr(null),
      subcompany: attr({ type: 'Subcompany', attributes: { id: 7033, name: 'Acme GmbH' } }),
      supervisor: attr({ type: 'Employee', attributes: { id: attr(100001, 'integer'), first_name: attr('Lena'), last_name: attr('Hoffmann') } }),
      cost_centers: attr([{ type: 'CostCenter', attributes: { id: 1, name: 'R&D', percentage: 60 } }]),
      profile_picture: attr('https://api.personio.de/v1/company/employees/2040614/profile-picture'),
      dynamic_33401: { label: 'Personalnummer', value: '10482', type: 'standard', universal_id: null },
      ...overrides,
    },
  });
}

const defaults = storedFields(defaultFieldSettings());

describe('mapEmployee', () => {
  it('maps the default fields to one flat record', () => {
    const e = mapEmployee(raw(), { stored: defaults });
    expect(e).toMatchObject({
      id: 2040614,
      email: 'juergen.mueller@acme.example',
      firstName: 'Jürgen',
      lastName: 'Müller',
      status: 'active',
      position: 'Head of People',
      department: { id: 281521, name: 'People & Culture' },
      departmentId: 281521,
      office: { id: 131014, name: 'Munich' },
      supervisorId: 100001,
      supervisorName: 'Lena Hoffmann',
      hireDate: '2021-03-01',
    });
    // Personio's record timestamps are read by no one: not stored.
    expect(e).not.toHaveProperty('createdAt');
    expect(e).not.toHaveProperty('lastModifiedAt');
    // Personio repeats "First Last" as the preferred name when none was set.
    expect(e?.preferredName).toBeUndefined();
    expect(e?.nameTokens).toEqual(expect.arrayContaining(['jurgen', 'juergen', 'muller', 'mueller']));
  });

  it('refuses a row whose text attribute is not text, naming the attribute', () => {
    const numberName = rawEmployeeSchema.safeParse({ attributes: { id: attr(5), email: attr('a@b.example'), first_name: attr(42) } });
    expect(numberName.success).toBe(false);
    expect(numberName.error?.issues[0]?.path).toEqual(['attributes', 'first_name']);
    expect(rawEmployeeSchema.safeParse({ attributes: { id: attr(5), email: attr(null) } }).success).toBe(false);
    expect(rawEmployeeSchema.safeParse({ attributes: { id: attr(5), email: attr('a@b.example'), position: 'Head of People' } }).success).toBe(false);
    expect(rawEmployeeSchema.safeParse({ attributes: { id: attr(5), email: attr('a@b.example'), first_name: attr(null) } }).success).toBe(true);
  });

  it('never keeps a field the admin did not allow', () => {
    const e = mapEmployee(raw(), { stored: defaults });
    expect(e).not.toHaveProperty('gender');
    expect(e).not.toHaveProperty('weeklyHours');
    expect(e).not.toHaveProperty('costCenters');
    expect(e).not.toHaveProperty('photoUrl');
    expect(e).not.toHaveProperty('subcompany');
    expect(e).not.toHaveProperty('custom');
    expect(JSON.stringify(e)).not.toContain('Acme GmbH');
  });

  it('keeps opt-in fields, coercing weekly hours sent as a string, labelling custom attributes', () => {
    const stored = new Set<FieldKey>([...defaults, 'gender', 'weeklyHours', 'costCenters', 'photo', 'subcompany', 'dynamic_33401']);
    const e = mapEmployee(raw(), { stored, attributeDefinitions: [{ key: 'dynamic_33401', label: 'Personnel number' }] });
    expect(e).toMatchObject({
      gender: 'male',
      weeklyHours: 40,
      costCenters: [{ id: 1, name: 'R&D', percentage: 60 }],
      photoUrl: 'https://api.personio.de/v1/company/employees/2040614/profile-picture',
      subcompany: { id: 7033, name: 'Acme GmbH' },
      custom: { dynamic_33401: { label: 'Personnel number', type: 'standard', value: '10482' } },
    });
  });

  it('works when the credential grants only a few attributes (absent, not null)', () => {
    const minimal = rawEmployeeSchema.parse({ attributes: { id: attr(5), email: attr('a@b.example') } });
    expect(mapEmployee(minimal, { stored: defaults })).toEqual({ v: 1, id: 5, email: 'a@b.example', nameTokens: ['a'] });
  });

  it('drops a row without an email: nobody could look it up', () => {
    expect(mapEmployee(raw({ email: attr('') }), { stored: defaults })).toBeNull();
  });

  it('cuts every text to its limit, so a 100,000-character position is neither stored nor drawn', () => {
    const huge = 'Chief '.repeat(20_000);
    const stored = new Set<FieldKey>([...defaults, 'gender', 'costCenters', 'dynamic_33401']);
    const e = mapEmployee(
      raw({
        first_name: attr('J'.repeat(100_000)),
        position: attr(huge),
        gender: attr(huge),
        department: attr({ type: 'Department', attributes: { id: 281521, name: huge } }),
        supervisor: attr({ type: 'Employee', attributes: { id: attr(100001, 'integer'), preferred_name: attr(huge) } }),
        cost_centers: attr(Array.from({ length: 1_000 }, (_, i) => ({ attributes: { id: i + 1, name: huge } }))),
        dynamic_33401: { label: huge, value: [huge, huge], type: 'multi' },
      }),
      { stored },
    )!;
    const { name, text, listItems } = PERSONIO_TEXT_LIMITS;
    expect(e.firstName).toBe('J'.repeat(name));
    expect(e.position).toBe(huge.slice(0, text).trimEnd());
    expect([e.gender, e.department?.name].map((v) => v?.length)).toEqual([text, text]);
    expect(e.supervisorName?.length).toBeLessThanOrEqual(name);
    expect(e.costCenters).toHaveLength(listItems);
    expect(e.costCenters?.every((c) => c.name.length <= text)).toBe(true);
    expect(e.custom?.dynamic_33401?.label.length).toBeLessThanOrEqual(text);
    expect((e.custom?.dynamic_33401?.value as string[]).map((v) => v.length)).toEqual([text, text]);
    expect(JSON.stringify(e).length).toBeLessThan(100_000);
  });

  it('keeps a list attribute whose items are objects as their text, even one whose toString is not a function', () => {
    const stored = new Set<FieldKey>([...defaults, 'dynamic_33401']);
    const e = mapEmployee(raw({ dynamic_33401: { label: 'Skills', value: ['SQL', 3, { toString: '' }, { name: 'Go' }], type: 'multi' } }), { stored })!;
    expect(e.custom?.dynamic_33401?.value).toEqual(['SQL', '3', '{"toString":""}', '{"name":"Go"}']);
  });

  it('never cuts an address: a row whose email is longer than any address is dropped', () => {
    const long = 'a'.repeat(PERSONIO_TEXT_LIMITS.email) + '@acme.example';
    expect(mapEmployee(raw({ email: attr(long) }), { stored: defaults })).toBeNull();
    const longest = 'a'.repeat(64) + '@' + 'b'.repeat(243) + '.example';
    expect(mapEmployee(raw({ email: attr(longest) }), { stored: defaults })?.email).toBe(longest);
  });

  it.each([-1, 1.5, 0, '-7', '2.5'])('drops a row whose id is %j, as malformed', (id) => {
    expect(mapEmployee(raw({ id: attr(id, 'integer') }), { stored: defaults })).toBeNull();
  });

  it('drops a reference whose id is not a positive integer, keeping the person', () => {
    const e = mapEmployee(
      raw({
        supervisor: attr({ type: 'Employee', attributes: { id: attr(-1, 'integer'), first_name: attr('Lena') } }),
        department: attr({ type: 'Department', attributes: { id: 0.5, name: 'People' } }),
      }),
      { stored: defaults },
    );
    expect(e?.id).toBe(2040614);
    expect(e).not.toHaveProperty('supervisorId');
    expect(e).not.toHaveProperty('supervisorName');
    expect(e).not.toHaveProperty('department');
  });

  it('reads filter facts whether or not they are stored', () => {
    expect(filterFacts(raw())).toEqual({ status: 'active', departmentId: 281521, subcompanyId: 7033 });
  });

  it('treats the same data as unchanged, whatever the order of its keys', () => {
    const a = mapEmployee(raw(), { stored: defaults })!;
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(sameEmployee(a, reordered)).toBe(true);
    expect(sameEmployee(a, { ...a, position: 'CPO' })).toBe(false);
  });
});

describe('dates', () => {
  it('keeps the calendar date of midnight-with-offset values (no day shift)', () => {
    expect(calendarDate('2021-03-01T00:00:00+01:00')).toBe('2021-03-01');
    expect(calendarDate('2021-01-01')).toBe('2021-01-01');
    expect(calendarDate(null)).toBeUndefined();
  });
  // Found by parse.property.test.ts: these were kept as the hire or termination date.
  it('keeps no day that does not exist', () => {
    expect(calendarDate('2024-02-30')).toBeUndefined();
    expect(calendarDate('2024-13-01T25:00')).toBeUndefined();
    expect(calendarDate('0000-00-00')).toBeUndefined();
    expect(calendarDate('2024-02-29')).toBe('2024-02-29');
    expect(mapEmployee(raw({ hire_date: attr('2024-02-30', 'date') }), { stored: defaults })?.hireDate).toBeUndefined();
  });
  it('knows leap years and the length of each month', () => {
    expect(calendarDate('2023-02-29')).toBeUndefined();
    expect(calendarDate('2000-02-29')).toBe('2000-02-29');
    expect(calendarDate('1900-02-29')).toBeUndefined();
    expect(calendarDate('2024-04-31')).toBeUndefined();
    expect(calendarDate('2024-12-31')).toBe('2024-12-31');
    expect(calendarDate('2024-01-00')).toBeUndefined();
  });
});
