/**
 * Cooperation ties (кооперационные связи) between organizations: supply (from a supplier to a customer) and
 * co-development (symmetric). Seen from one organization a tie names the partner's role: `supplier` (the
 * partner supplies it), `customer` (it supplies the partner) or `co-development`. Stored once per pair: a
 * supply tie from supplier to customer, a co-development tie with the lower organization id first.
 */
import { isAdmin, type Actor } from '../permissions';

export const TIE_ROLES = ['supplier', 'customer', 'co-development'] as const;
/** The partner's role as seen from an organization. */
export type TieRole = (typeof TIE_ROLES)[number];
export type StoredKind = 'supply' | 'co_development';

export interface StoredPair {
  organizationId: number;
  partnerOrganizationId: number;
  kind: StoredKind;
}

/** How a tie "`partner` is `role` of `organization`" is stored. */
export function storedPair(organizationId: number, partnerOrganizationId: number, role: TieRole): StoredPair {
  if (role === 'supplier') return { organizationId: partnerOrganizationId, partnerOrganizationId: organizationId, kind: 'supply' };
  if (role === 'customer') return { organizationId, partnerOrganizationId, kind: 'supply' };
  const [a, b] = organizationId < partnerOrganizationId ? [organizationId, partnerOrganizationId] : [partnerOrganizationId, organizationId];
  return { organizationId: a, partnerOrganizationId: b, kind: 'co_development' };
}

/** A stored tie seen from one of its two organizations: the partner and the partner's role. */
export function seenFrom(tie: StoredPair, viewerOrganizationId: number): { partnerId: number; role: TieRole } {
  const partnerId = tie.organizationId === viewerOrganizationId ? tie.partnerOrganizationId : tie.organizationId;
  if (tie.kind === 'co_development') return { partnerId, role: 'co-development' };
  // supply runs from organization (supplier) to partner (customer)
  return { partnerId, role: tie.organizationId === viewerOrganizationId ? 'customer' : 'supplier' };
}

/** Ties by hand are made and removed by members of either organization and by admins, never with a read-only token. */
export function canManageTie(actor: Actor, tie: { organizationId: number; partnerOrganizationId: number }): boolean {
  if (!actor.canWrite) return false;
  return isAdmin(actor) || actor.memberships.has(tie.organizationId) || actor.memberships.has(tie.partnerOrganizationId);
}

/** The weight of a tie in a graph: the contracts behind it, at least one (a tie by hand). */
export const tieWeight = (contractCount: number) => Math.max(1, contractCount);

export interface GraphOrganization {
  id: number;
  name: string;
  country: string;
  region: string | null;
}

export interface GraphTie extends StoredPair {
  id: number;
  source: 'contract' | 'manual';
  since: string;
  contractCount: number;
  productCount: number;
  demo: boolean;
}

export interface TieGraph {
  nodes: (GraphOrganization & { inScope: boolean })[];
  edges: {
    id: number;
    from: number;
    to: number;
    kind: 'supply' | 'co-development';
    source: 'contract' | 'manual';
    since: string;
    weight: number;
    products: number;
    demo: boolean;
  }[];
}

/**
 * A graph of ties: nodes are the organizations at either end (inScope: matched by the scope, e.g. the region),
 * edges run from supplier to customer (co-development: from the lower id), weighted by their contracts.
 */
export function tieGraph(ties: GraphTie[], organizations: GraphOrganization[], inScope: (o: GraphOrganization) => boolean): TieGraph {
  const used = new Set(ties.flatMap((t) => [t.organizationId, t.partnerOrganizationId]));
  return {
    nodes: organizations
      .filter((o) => used.has(o.id))
      .sort((a, b) => a.id - b.id)
      .map((o) => ({ ...o, inScope: inScope(o) })),
    edges: ties.map((t) => ({
      id: t.id,
      from: t.organizationId,
      to: t.partnerOrganizationId,
      kind: t.kind === 'supply' ? 'supply' : 'co-development',
      source: t.source,
      since: t.since,
      weight: tieWeight(t.contractCount),
      products: t.productCount,
      demo: t.demo,
    })),
  };
}
