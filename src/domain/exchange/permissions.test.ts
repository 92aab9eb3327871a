import { describe, expect, it } from 'vitest';
import type { Actor, MembershipRole } from '../permissions';
import { canDecideOffer, canManageWebhook, canOfferFor, canPostDemandFor, canSeeContract, canSeeOffer, canWithdrawOffer, viewerOf } from './permissions';

const actor = (over: Partial<Actor> & { orgs?: [number, MembershipRole][] } = {}): Actor => ({
  userId: 1,
  role: 'user',
  operatorCountry: null,
  memberships: new Map(over.orgs ?? []),
  canWrite: true,
  ...over,
});

const buyer = { id: 1, country: 'BY' };
const producer = { id: 2, country: 'RU' };

describe('exchange permissions', () => {
  it('lets members act for their organization only, and never with a read-only token', () => {
    const m = actor({ orgs: [[1, 'member']] });
    expect(canPostDemandFor(m, 1)).toBe(true);
    expect(canPostDemandFor(m, 2)).toBe(false);
    expect(canPostDemandFor(actor({ orgs: [[1, 'member']], canWrite: false }), 1)).toBe(false);
    expect(canPostDemandFor(actor({ role: 'admin' }), 1)).toBe(false);
    expect(canOfferFor(actor({ orgs: [[2, 'member']] }), 2)).toBe(true);
    expect(canDecideOffer(actor({ orgs: [[2, 'member']] }), 1)).toBe(false);
    expect(canDecideOffer(m, 1)).toBe(true);
    expect(canWithdrawOffer(m, 2)).toBe(false);
  });

  it('shows offers to both parties, operators and admins', () => {
    const parties = { buyerOrganizationId: 1, producerOrganizationId: 2 };
    expect(canSeeOffer(null, parties)).toBe(false);
    expect(canSeeOffer(actor({ orgs: [[3, 'member']] }), parties)).toBe(false);
    expect(canSeeOffer(actor({ orgs: [[2, 'member']] }), parties)).toBe(true);
    expect(canSeeOffer(actor({ role: 'operator', operatorCountry: 'BY' }), parties)).toBe(true);
  });

  it('shows contracts to both parties, operators of either party’s country and admins', () => {
    const parties = { buyer, producer };
    expect(canSeeContract(null, parties)).toBe(false);
    expect(canSeeContract(actor({ orgs: [[3, 'manager']] }), parties)).toBe(false);
    expect(canSeeContract(actor({ orgs: [[1, 'member']] }), parties)).toBe(true);
    expect(canSeeContract(actor({ orgs: [[2, 'member']], canWrite: false }), parties)).toBe(true);
    expect(canSeeContract(actor({ role: 'operator', operatorCountry: 'RU' }), parties)).toBe(true);
    expect(canSeeContract(actor({ role: 'operator', operatorCountry: 'KZ' }), parties)).toBe(false);
    expect(canSeeContract(actor({ role: 'admin' }), parties)).toBe(true);
  });

  it('leaves webhooks to managers and admins', () => {
    expect(canManageWebhook(actor({ orgs: [[1, 'manager']] }), 1)).toBe(true);
    expect(canManageWebhook(actor({ orgs: [[1, 'member']] }), 1)).toBe(false);
    expect(canManageWebhook(actor({ role: 'admin' }), 1)).toBe(true);
  });

  it('describes the viewer of demand lists', () => {
    expect(viewerOf(null)).toEqual({ signedIn: false, organizationIds: [], privileged: false });
    expect(viewerOf(actor({ orgs: [[4, 'member']] }))).toEqual({ signedIn: true, organizationIds: [4], privileged: false });
    expect(viewerOf(actor({ role: 'operator', operatorCountry: 'BY' })).privileged).toBe(true);
  });
});
