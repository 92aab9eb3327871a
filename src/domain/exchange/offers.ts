/**
 * Offers and contracts. An offer answers an open demand; the buyer accepts or declines it, the producer may
 * withdraw it, and closing the demand lets the offers still open lapse. Accepting makes a contract whose sum
 * is price × volume (rounded to the currency's minor unit) unless the parties give it.
 */
export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'withdrawn', 'lapsed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type OfferAction = 'accept' | 'decline' | 'withdraw' | 'lapse';

export class ExchangeError extends Error {
  constructor(
    readonly code: 'demand_closed' | 'offer_not_open' | 'own_demand' | 'bad_amount',
    message: string,
  ) {
    super(message);
  }
}

const TARGET: Record<OfferAction, OfferStatus> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn', lapse: 'lapsed' };

/** The status an offer moves to; only open offers move, and only while their demand is open (lapse: as it closes). */
export function nextOfferStatus(current: OfferStatus, action: OfferAction, demandStatus: 'open' | 'closed'): OfferStatus {
  if (current !== 'open') throw new ExchangeError('offer_not_open', `the offer is ${current}, not open`);
  if (demandStatus !== 'open' && action !== 'withdraw' && action !== 'lapse') throw new ExchangeError('demand_closed', 'the demand is closed');
  return TARGET[action];
}

/** A new offer needs an open demand of another organization. */
export function checkNewOffer(demand: { status: 'open' | 'closed'; buyerOrganizationId: number }, producerOrganizationId: number): void {
  if (demand.status !== 'open') throw new ExchangeError('demand_closed', 'the demand is closed and takes no more offers');
  if (demand.buyerOrganizationId === producerOrganizationId) throw new ExchangeError('own_demand', 'an organization does not offer to its own demand');
}

/** ISO 4217 minor units that differ from two. */
const MINOR_UNITS: Record<string, number> = { BYR: 0, JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3 };
export const minorUnits = (currency: string) => MINOR_UNITS[currency] ?? 2;

export function roundMoney(amount: number, currency: string): number {
  const f = 10 ** minorUnits(currency);
  return Math.round((amount + Number.EPSILON * Math.sign(amount)) * f) / f;
}

/** The largest contract sum stored (the money columns hold 16 digits before the point). */
export const MAX_CONTRACT_SUM = 1e15;

/** The sum of a contract: as given, else price × volume in the currency's minor unit; at most MAX_CONTRACT_SUM. */
export function contractSum(price: number, volume: number, currency: string, given?: number | null): number {
  let sum: number;
  if (given !== undefined && given !== null) {
    if (!Number.isFinite(given) || given < 0) throw new ExchangeError('bad_amount', 'the sum must be a non-negative number');
    sum = roundMoney(given, currency);
  } else {
    if (!Number.isFinite(price) || price < 0 || !Number.isFinite(volume) || volume <= 0)
      throw new ExchangeError('bad_amount', 'price must be non-negative and volume positive');
    sum = roundMoney(price * volume, currency);
  }
  if (sum > MAX_CONTRACT_SUM) throw new ExchangeError('bad_amount', `the sum must be at most ${MAX_CONTRACT_SUM}; agree a smaller volume or give the sum`);
  return sum;
}
