/**
 * Who may do what. Pure rules over an actor; routes ask these before calling a service.
 * Roles: admin; registry operator (bound to one country); user, who acts for the organizations they are a
 * member or manager of. Anonymous visitors only read public data.
 */
export type Role = 'admin' | 'operator' | 'user';
export type MembershipRole = 'member' | 'manager';

export interface Actor {
  userId: number;
  role: Role;
  operatorCountry: string | null;
  memberships: ReadonlyMap<number, MembershipRole>;
  /** Tokens with scope 'read' cannot change anything. */
  canWrite: boolean;
}

export const isAdmin = (a: Actor) => a.role === 'admin';

/** Products of a maker are edited by the maker's members and by admins. Makerless reference rows: admins. */
export function canEditProductsOf(actor: Actor, organizationId: number | null): boolean {
  if (!actor.canWrite) return false;
  if (isAdmin(actor)) return true;
  return organizationId !== null && actor.memberships.has(organizationId);
}

/** Organization details and membership: its managers and admins. */
export function canManageOrganization(actor: Actor, organizationId: number): boolean {
  return actor.canWrite && (isAdmin(actor) || actor.memberships.get(organizationId) === 'manager');
}

/** Marking an analog link as verified: admins, the maker's members, and operators of the maker's country. */
export function canVerifyAnalog(actor: Actor, maker: { id: number; country: string } | null): boolean {
  if (!actor.canWrite) return false;
  if (isAdmin(actor)) return true;
  if (!maker) return false;
  if (actor.memberships.has(maker.id)) return true;
  return actor.role === 'operator' && actor.operatorCountry === maker.country;
}

/** Foreign parts are shared reference data: any signed-in user with write access may add them. */
export const canAddForeignParts = (actor: Actor) => actor.canWrite;
