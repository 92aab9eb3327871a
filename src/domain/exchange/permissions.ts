/**
 * Who may do what in the demand exchange. Commercial acts (posting demand, offering, accepting) belong to
 * members of the organization that makes them; webhooks are set by its managers; contracts are seen by their
 * two parties, operators of either party's country and admins.
 */
import { canManageOrganization, isAdmin, type Actor } from '../permissions';
import type { Viewer } from './demand';

const member = (actor: Actor, organizationId: number) => actor.canWrite && actor.memberships.has(organizationId);

/** Posting, changing or closing a demand of the buyer organization: its members. */
export const canPostDemandFor = (actor: Actor, buyerOrganizationId: number) => member(actor, buyerOrganizationId);

/** Offering a product type of the maker: the maker's members. */
export const canOfferFor = (actor: Actor, producerOrganizationId: number) => member(actor, producerOrganizationId);

/** Accepting or declining an offer: members of the buyer. */
export const canDecideOffer = (actor: Actor, buyerOrganizationId: number) => member(actor, buyerOrganizationId);

/** Withdrawing an offer: members of the producer. */
export const canWithdrawOffer = (actor: Actor, producerOrganizationId: number) => member(actor, producerOrganizationId);

/** Seeing an offer: the buyer's and the producer's members, operators and admins. */
export function canSeeOffer(actor: Actor | null, parties: { buyerOrganizationId: number; producerOrganizationId: number }): boolean {
  if (!actor) return false;
  if (isAdmin(actor) || actor.role === 'operator') return true;
  return actor.memberships.has(parties.buyerOrganizationId) || actor.memberships.has(parties.producerOrganizationId);
}

/** Contract details: both parties, operators of either party's country, admins. */
export function canSeeContract(actor: Actor | null, parties: { buyer: { id: number; country: string }; producer: { id: number; country: string } }): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  if (actor.memberships.has(parties.buyer.id) || actor.memberships.has(parties.producer.id)) return true;
  return actor.role === 'operator' && actor.operatorCountry !== null && [parties.buyer.country, parties.producer.country].includes(actor.operatorCountry);
}

/** Webhook URL, secret and delivery log of an organization: its managers and admins. */
export const canManageWebhook = (actor: Actor, organizationId: number) => canManageOrganization(actor, organizationId);

/** The demand-visibility viewer of an actor (null: an anonymous visitor). */
export function viewerOf(actor: Actor | null): Viewer {
  if (!actor) return { signedIn: false, organizationIds: [], privileged: false };
  return { signedIn: true, organizationIds: [...actor.memberships.keys()], privileged: isAdmin(actor) || actor.role === 'operator' };
}
