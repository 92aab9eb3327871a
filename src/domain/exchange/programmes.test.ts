import { describe, expect, it } from 'vitest';
import type { Actor } from '../permissions';
import { canManageProgramme, runsIn, validateProgramme } from './programmes';

const actor = (over: Partial<Actor> = {}): Actor => ({ userId: 1, role: 'user', operatorCountry: null, memberships: new Map(), canWrite: true, ...over });

describe('state-support programmes', () => {
  const good = { name: '  Импортозамещение  2026 ', state: 'BY' as const, ownerBody: 'Минпром', yearFrom: 2026, yearTo: 2030 };

  it('are validated and trimmed', () => {
    expect(validateProgramme(good)).toEqual({ ok: true, value: { ...good, name: 'Импортозамещение 2026', description: null } });
    const bad = validateProgramme({ ...good, name: ' ', ownerBody: '', yearFrom: 2031, yearTo: 2030 });
    expect(!bad.ok && bad.problems).toEqual(['name the programme', 'name the owner body (ministry, committee, …)', 'yearFrom must not be after yearTo']);
    const years = validateProgramme({ ...good, yearFrom: 1900, yearTo: 2026.5 });
    expect(!years.ok && years.problems.join('; ')).toMatch(/yearFrom must be a year.*yearTo must be a year/);
    expect(validateProgramme({ ...good, state: 'KZ' as 'BY' }).ok).toBe(false);
  });

  it('are managed by admins and operators of their state', () => {
    const by = actor({ role: 'operator', operatorCountry: 'BY' });
    const ru = actor({ role: 'operator', operatorCountry: 'RU' });
    const kz = actor({ role: 'operator', operatorCountry: 'KZ' });
    expect(canManageProgramme(by, 'BY')).toBe(true);
    expect(canManageProgramme(by, 'RU')).toBe(false);
    expect(canManageProgramme(ru, 'UNION')).toBe(true);
    expect(canManageProgramme(kz, 'UNION')).toBe(false);
    expect(canManageProgramme(actor({ role: 'admin' }), 'RU')).toBe(true);
    expect(canManageProgramme(actor({ role: 'admin', canWrite: false }), 'RU')).toBe(false);
    expect(canManageProgramme(actor({ memberships: new Map([[1, 'manager']]) }), 'BY')).toBe(false);
  });

  it('run in the years from and to, both included', () => {
    expect([2025, 2026, 2030, 2031].map((y) => runsIn({ yearFrom: 2026, yearTo: 2030 }, y))).toEqual([false, true, true, false]);
  });
});
