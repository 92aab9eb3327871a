import { describe, expect, it } from 'vitest';
import { canAddForeignParts, canEditProductsOf, canManageOrganization, canVerifyAnalog, isAdmin, type Actor, type MembershipRole } from './permissions';

/** Organization 1 is a maker in BY (Integral), organization 2 a maker in RU (Milandr). */
const INTEGRAL = { id: 1, country: 'BY' };
const MILANDR = { id: 2, country: 'RU' };

const actor = (role: Actor['role'], opts: { country?: string; memberships?: [number, MembershipRole][]; readOnly?: boolean } = {}): Actor => ({
  userId: 1,
  role,
  operatorCountry: opts.country ?? null,
  memberships: new Map(opts.memberships ?? []),
  canWrite: !opts.readOnly,
});

const ACTORS = {
  admin: actor('admin'),
  'operator BY': actor('operator', { country: 'BY' }),
  'operator RU': actor('operator', { country: 'RU' }),
  'operator without country': actor('operator'),
  'member of 1': actor('user', { memberships: [[1, 'member']] }),
  'manager of 1': actor('user', { memberships: [[1, 'manager']] }),
  'manager of 2': actor('user', { memberships: [[2, 'manager']] }),
  'member of 1, manager of 2': actor('user', {
    memberships: [
      [1, 'member'],
      [2, 'manager'],
    ],
  }),
  'operator BY, member of 2': actor('operator', { country: 'BY', memberships: [[2, 'member']] }),
  outsider: actor('user'),
  'user with a leftover operator country': actor('user', { country: 'BY' }),
  'admin, read-only token': actor('admin', { readOnly: true }),
  'operator BY, read-only token': actor('operator', { country: 'BY', readOnly: true }),
  'manager of 1, read-only token': actor('user', { memberships: [[1, 'manager']], readOnly: true }),
  'outsider, read-only token': actor('user', { readOnly: true }),
} satisfies Record<string, Actor>;
type Who = keyof typeof ACTORS;

describe('isAdmin', () => {
  it.each<[Who, boolean]>([
    ['admin', true],
    ['admin, read-only token', true],
    ['operator BY', false],
    ['manager of 1', false],
    ['outsider', false],
  ])('%s → %s', (who, expected) => {
    expect(isAdmin(ACTORS[who])).toBe(expected);
  });
});

describe('canEditProductsOf', () => {
  it.each<[Who, number | null, boolean]>([
    ['admin', 1, true],
    ['admin', null, true], // makerless reference rows
    ['operator BY', 1, false],
    ['operator BY', null, false],
    ['member of 1', 1, true],
    ['member of 1', 2, false],
    ['member of 1', null, false],
    ['manager of 1', 1, true],
    ['manager of 2', 1, false],
    ['member of 1, manager of 2', 2, true],
    ['operator BY, member of 2', 2, true],
    ['operator BY, member of 2', 1, false],
    ['outsider', 1, false],
    ['outsider', null, false],
    ['admin, read-only token', 1, false],
    ['admin, read-only token', null, false],
    ['manager of 1, read-only token', 1, false],
  ])('%s, organization %s → %s', (who, organizationId, expected) => {
    expect(canEditProductsOf(ACTORS[who], organizationId)).toBe(expected);
  });
});

describe('canManageOrganization', () => {
  it.each<[Who, number, boolean]>([
    ['admin', 1, true],
    ['admin', 2, true],
    ['operator BY', 1, false],
    ['member of 1', 1, false],
    ['manager of 1', 1, true],
    ['manager of 1', 2, false],
    ['manager of 2', 2, true],
    ['member of 1, manager of 2', 1, false],
    ['member of 1, manager of 2', 2, true],
    ['operator BY, member of 2', 2, false],
    ['outsider', 1, false],
    ['admin, read-only token', 1, false],
    ['manager of 1, read-only token', 1, false],
  ])('%s, organization %s → %s', (who, organizationId, expected) => {
    expect(canManageOrganization(ACTORS[who], organizationId)).toBe(expected);
  });
});

describe('canVerifyAnalog', () => {
  it.each<[Who, { id: number; country: string } | null, boolean]>([
    ['admin', INTEGRAL, true],
    ['admin', null, true],
    ['operator BY', INTEGRAL, true],
    ['operator BY', MILANDR, false],
    ['operator RU', MILANDR, true],
    ['operator RU', INTEGRAL, false],
    ['operator BY', null, false],
    ['operator without country', INTEGRAL, false],
    ['user with a leftover operator country', INTEGRAL, false],
    ['member of 1', INTEGRAL, true],
    ['member of 1', MILANDR, false],
    ['member of 1', null, false],
    ['manager of 1', INTEGRAL, true],
    ['manager of 2', INTEGRAL, false],
    ['operator BY, member of 2', MILANDR, true],
    ['outsider', INTEGRAL, false],
    ['outsider', null, false],
    ['admin, read-only token', INTEGRAL, false],
    ['operator BY, read-only token', INTEGRAL, false],
    ['manager of 1, read-only token', INTEGRAL, false],
  ])('%s, maker %j → %s', (who, maker, expected) => {
    expect(canVerifyAnalog(ACTORS[who], maker)).toBe(expected);
  });
});

describe('canAddForeignParts', () => {
  it.each<[Who, boolean]>([
    ['admin', true],
    ['operator BY', true],
    ['member of 1', true],
    ['manager of 1', true],
    ['outsider', true],
    ['admin, read-only token', false],
    ['operator BY, read-only token', false],
    ['manager of 1, read-only token', false],
    ['outsider, read-only token', false],
  ])('%s → %s', (who, expected) => {
    expect(canAddForeignParts(ACTORS[who])).toBe(expected);
  });
});
