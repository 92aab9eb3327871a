/** Labels, colours and formatting of the demand exchange. */
import type { MessageKey, Translate } from '../i18n';
import type { User } from '../http/types';
import { PROGRAMME_STATES } from '../../domain/exchange/programmes';
import { TIE_ROLES } from '../../domain/exchange/ties';
import type { DeliveryStatus, DemandStatus, OfferStatus, ProgrammeState, TieRole, Visibility } from './types';

export { PROGRAMME_STATES, TIE_ROLES };

export const VISIBILITIES: Visibility[] = ['public', 'registered', 'anonymous'];
export const DEMAND_STATUSES: DemandStatus[] = ['open', 'closed'];
export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed'];
/** Currencies offered first; the server takes any ISO 4217 code. */
export const CURRENCIES = ['BYN', 'RUB', 'USD', 'EUR', 'CNY'];

export const VISIBILITY_KEYS: Record<Visibility, { label: MessageKey; hint: MessageKey }> = {
  public: { label: 'exchange.visibility.public', hint: 'exchange.visibility.publicHint' },
  registered: { label: 'exchange.visibility.registered', hint: 'exchange.visibility.registeredHint' },
  anonymous: { label: 'exchange.visibility.anonymous', hint: 'exchange.visibility.anonymousHint' },
};

const DEMAND_STATUS_KEYS: Record<DemandStatus, MessageKey> = { open: 'exchange.demandStatus.open', closed: 'exchange.demandStatus.closed' };
export const DEMAND_STATUS_COLORS: Record<DemandStatus, string> = { open: 'green', closed: 'gray' };

const OFFER_STATUS_KEYS: Record<OfferStatus, MessageKey> = {
  open: 'exchange.offerStatus.open',
  accepted: 'exchange.offerStatus.accepted',
  declined: 'exchange.offerStatus.declined',
  withdrawn: 'exchange.offerStatus.withdrawn',
  lapsed: 'exchange.offerStatus.lapsed',
};
export const OFFER_STATUS_COLORS: Record<OfferStatus, string> = { open: 'blue', accepted: 'green', declined: 'red', withdrawn: 'gray', lapsed: 'gray' };

const DELIVERY_STATUS_KEYS: Record<DeliveryStatus, MessageKey> = {
  pending: 'exchange.delivery.pending',
  delivered: 'exchange.delivery.delivered',
  failed: 'exchange.delivery.failed',
};
export const DELIVERY_STATUS_COLORS: Record<DeliveryStatus, string> = { pending: 'yellow', delivered: 'green', failed: 'red' };

const KIND_KEYS: Record<string, MessageKey> = {
  'demand.matched': 'exchange.kind.demand.matched',
  'offer.received': 'exchange.kind.offer.received',
  'offer.accepted': 'exchange.kind.offer.accepted',
  'offer.declined': 'exchange.kind.offer.declined',
  'offer.withdrawn': 'exchange.kind.offer.withdrawn',
  'offer.lapsed': 'exchange.kind.offer.lapsed',
};

const TIE_ROLE_KEYS: Record<TieRole, MessageKey> = {
  supplier: 'exchange.tieRole.supplier',
  customer: 'exchange.tieRole.customer',
  'co-development': 'exchange.tieRole.co-development',
};

const PROGRAMME_STATE_KEYS: Record<ProgrammeState, MessageKey> = {
  BY: 'exchange.programmeState.BY',
  RU: 'exchange.programmeState.RU',
  UNION: 'exchange.programmeState.UNION',
};

const known = <K extends string>(keys: Record<K, unknown>, value: string): value is K => Object.hasOwn(keys, value);

export const visibilityLabel = (t: Translate, v: string) => (known(VISIBILITY_KEYS, v) ? t(VISIBILITY_KEYS[v].label) : v);
export const demandStatusLabel = (t: Translate, s: string) => (known(DEMAND_STATUS_KEYS, s) ? t(DEMAND_STATUS_KEYS[s]) : s);
export const offerStatusLabel = (t: Translate, s: string) => (known(OFFER_STATUS_KEYS, s) ? t(OFFER_STATUS_KEYS[s]) : s);
export const deliveryStatusLabel = (t: Translate, s: string) => (known(DELIVERY_STATUS_KEYS, s) ? t(DELIVERY_STATUS_KEYS[s]) : s);
export const tieRoleLabel = (t: Translate, role: string) => (known(TIE_ROLE_KEYS, role) ? t(TIE_ROLE_KEYS[role]) : role);
export const programmeStateLabel = (t: Translate, state: string) => (known(PROGRAMME_STATE_KEYS, state) ? t(PROGRAMME_STATE_KEYS[state]) : state);
export const kindLabel = (t: Translate, kind: string) => (known(KIND_KEYS, kind) ? t(KIND_KEYS[kind]) : kind);

/** Members of organizations post demand and offers; operators and admins see contracts too. */
export const isMember = (user: User | null) => !!user && user.memberships.length > 0;
export const seesContracts = (user: User | null) => isMember(user) || user?.role === 'operator' || user?.role === 'admin';
export const isOperatorOrAdmin = (user: User | null) => user?.role === 'operator' || user?.role === 'admin';
export const managedOrganizations = (user: User | null) => (user ? user.memberships.filter((m) => m.role === 'manager' || user.role === 'admin') : []);

/** An amount in its currency, in the interface language (the code itself when Intl does not know it). */
export function money(intl: string, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(intl, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The item a demand asks for: its part number, else its description, else its category. */
export function demandItem(d: { partNumber: string | null; description: string | null; categoryCode: string | null }): string {
  return d.partNumber ?? d.description ?? d.categoryCode ?? '';
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

export type Option = { value: string; label: string };

/** Options found by the search text, plus the chosen ones (so their labels stay while the search changes). */
export function mergeOptions(chosen: Option[], found: Option[]): Option[] {
  const seen = new Set(chosen.map((o) => o.value));
  return [...chosen, ...found.filter((o) => !seen.has(o.value))];
}
