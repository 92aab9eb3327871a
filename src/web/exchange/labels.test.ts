import { describe, expect, it } from 'vitest';
import type { User } from '../http/types';
import { demandItem, demandStatusLabel, isMember, managedOrganizations, money, seesContracts } from './labels';

const user = (role: User['role'], memberships: User['memberships'] = []): User => ({
  id: 1,
  email: 'u@example.test',
  name: 'U',
  role,
  operatorCountry: role === 'operator' ? 'BY' : null,
  memberships,
});

describe('exchange labels', () => {
  it('formats money in its currency and falls back to the code for one Intl does not know', () => {
    // Intl separates with no-break spaces
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(money('en-GB', 85000, 'RUB'))).toBe('RUB 85,000.00');
    expect(plain(money('ru-RU', 0.42, 'BYN'))).toBe('0,42 BYN');
    expect(money('en-GB', 5, 'not-a-code')).toBe('5 not-a-code');
  });

  it('names a demand by its part number, else its description, else its category', () => {
    expect(demandItem({ partNumber: 'SN74HC00N', description: 'logic', categoryCode: 'ic' })).toBe('SN74HC00N');
    expect(demandItem({ partNumber: null, description: 'logic', categoryCode: 'ic' })).toBe('logic');
    expect(demandItem({ partNumber: null, description: null, categoryCode: 'ic' })).toBe('ic');
  });

  it('shows an unknown status as it is rather than a missing key', () => {
    const t = (key: string) => `[${key}]`;
    expect(demandStatusLabel(t as never, 'open')).toBe('[exchange.demandStatus.open]');
    expect(demandStatusLabel(t as never, 'archived')).toBe('archived');
    expect(demandStatusLabel(t as never, 'toString')).toBe('toString');
  });

  it('tells who posts demand, sees contracts and manages webhooks', () => {
    const member = user('user', [{ organizationId: 3, organizationName: 'A', role: 'member' }]);
    const manager = user('user', [
      { organizationId: 3, organizationName: 'A', role: 'member' },
      { organizationId: 4, organizationName: 'B', role: 'manager' },
    ]);
    expect(isMember(null)).toBe(false);
    expect(isMember(user('user'))).toBe(false);
    expect(isMember(member)).toBe(true);
    expect(seesContracts(user('operator'))).toBe(true);
    expect(seesContracts(user('user'))).toBe(false);
    expect(managedOrganizations(member)).toEqual([]);
    expect(managedOrganizations(manager).map((m) => m.organizationId)).toEqual([4]);
  });
});
