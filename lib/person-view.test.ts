import { describe, expect, it } from 'vitest';
import type { Employee } from './employee';
import { toPersonView } from './person-view';

const leaver: Employee = {
  v: 1, id: 9, email: 'max@acme.example', firstName: 'Max', lastName: 'Mustermann', nameTokens: [], status: 'inactive', terminationDate: '2026-08-05',
};
const extras = { away: { kind: 'away', until: '2026-12-06', backOn: '2026-12-07' } as const, vacation: { state: 'ready', days: 12, asOf: 1 } as const };

describe('toPersonView', () => {
  it('says someone left even when the panel does not show the status field', () => {
    expect(toPersonView(leaver, ['name', 'position'])).toMatchObject({ status: 'inactive', terminationDate: '2026-08-05' });
  });

  it('shows no absence and no balance for someone who left', () => {
    const view = toPersonView(leaver, ['status', 'absence', 'vacationBalance'], extras);
    expect(view.away).toBeUndefined();
    expect(view.vacation).toBeUndefined();
    const employed = toPersonView({ ...leaver, status: 'active' }, ['status', 'absence', 'vacationBalance'], extras);
    expect(employed.away).toEqual(extras.away);
    expect(employed.vacation).toEqual(extras.vacation);
  });
});
