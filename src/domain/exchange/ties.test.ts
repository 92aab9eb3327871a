import { describe, expect, it } from 'vitest';
import type { Actor } from '../permissions';
import { canManageTie, seenFrom, storedPair, tieGraph, tieWeight, TIE_ROLES } from './ties';

const actor = (over: Partial<Actor> = {}): Actor => ({ userId: 1, role: 'user', operatorCountry: null, memberships: new Map(), canWrite: true, ...over });

describe('cooperation ties', () => {
  it('store supply from supplier to customer and co-development once per pair', () => {
    expect(storedPair(1, 2, 'supplier')).toEqual({ organizationId: 2, partnerOrganizationId: 1, kind: 'supply' });
    expect(storedPair(1, 2, 'customer')).toEqual({ organizationId: 1, partnerOrganizationId: 2, kind: 'supply' });
    expect(storedPair(5, 2, 'co-development')).toEqual({ organizationId: 2, partnerOrganizationId: 5, kind: 'co_development' });
    expect(storedPair(2, 5, 'co-development')).toEqual(storedPair(5, 2, 'co-development'));
  });

  it('show the partner’s role from either side', () => {
    for (const role of TIE_ROLES) {
      const stored = storedPair(1, 2, role);
      expect(seenFrom(stored, 1)).toEqual({ partnerId: 2, role });
    }
    expect(seenFrom(storedPair(1, 2, 'supplier'), 2)).toEqual({ partnerId: 1, role: 'customer' });
    expect(seenFrom(storedPair(1, 2, 'customer'), 2)).toEqual({ partnerId: 1, role: 'supplier' });
    expect(seenFrom(storedPair(1, 2, 'co-development'), 2)).toEqual({ partnerId: 1, role: 'co-development' });
  });

  it('are managed by members of either side and admins, with write access', () => {
    const tie = { organizationId: 1, partnerOrganizationId: 2 };
    expect(canManageTie(actor({ memberships: new Map([[2, 'member']]) }), tie)).toBe(true);
    expect(canManageTie(actor({ memberships: new Map([[1, 'member']]) }), tie)).toBe(true);
    expect(canManageTie(actor({ memberships: new Map([[3, 'manager']]) }), tie)).toBe(false);
    expect(canManageTie(actor({ role: 'admin' }), tie)).toBe(true);
    expect(canManageTie(actor({ role: 'operator', operatorCountry: 'BY' }), tie)).toBe(false);
    expect(canManageTie(actor({ memberships: new Map([[1, 'manager']]), canWrite: false }), tie)).toBe(false);
  });

  it('make a graph of the organizations at either end, weighted by contracts', () => {
    const orgs = [
      { id: 1, name: 'A', country: 'BY', region: 'BY-MI' },
      { id: 2, name: 'B', country: 'RU', region: 'RU-MOW' },
      { id: 3, name: 'C', country: 'BY', region: null },
    ];
    const g = tieGraph(
      [
        { id: 10, ...storedPair(1, 2, 'supplier'), source: 'contract', since: '2026-01-02', contractCount: 3, productCount: 2, demo: false },
        { id: 11, ...storedPair(1, 2, 'co-development'), source: 'manual', since: '2025-05-01', contractCount: 0, productCount: 0, demo: true },
      ],
      orgs,
      (o) => o.region === 'BY-MI',
    );
    expect(g.nodes.map((n) => [n.id, n.inScope])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(g.edges).toEqual([
      { id: 10, from: 2, to: 1, kind: 'supply', source: 'contract', since: '2026-01-02', weight: 3, products: 2, demo: false },
      { id: 11, from: 1, to: 2, kind: 'co-development', source: 'manual', since: '2025-05-01', weight: 1, products: 0, demo: true },
    ]);
    expect(tieWeight(0)).toBe(1);
  });
});
