import { describe, expect, it } from 'vitest';
import { checkNewOffer, contractSum, ExchangeError, nextOfferStatus, roundMoney } from './offers';

describe('offer state machine', () => {
  it('moves open offers only', () => {
    expect(nextOfferStatus('open', 'accept', 'open')).toBe('accepted');
    expect(nextOfferStatus('open', 'decline', 'open')).toBe('declined');
    expect(nextOfferStatus('open', 'withdraw', 'closed')).toBe('withdrawn');
    expect(nextOfferStatus('open', 'lapse', 'closed')).toBe('lapsed');
    for (const s of ['accepted', 'declined', 'withdrawn', 'lapsed'] as const) expect(() => nextOfferStatus(s, 'accept', 'open')).toThrow(ExchangeError);
  });

  it('accepts and declines nothing on a closed demand', () => {
    expect(() => nextOfferStatus('open', 'accept', 'closed')).toThrow(/closed/);
    expect(() => nextOfferStatus('open', 'decline', 'closed')).toThrow(/closed/);
  });

  it('takes new offers on open demands of other organizations only', () => {
    expect(() => checkNewOffer({ status: 'open', buyerOrganizationId: 1 }, 2)).not.toThrow();
    expect(() => checkNewOffer({ status: 'closed', buyerOrganizationId: 1 }, 2)).toThrow(/closed/);
    expect(() => checkNewOffer({ status: 'open', buyerOrganizationId: 1 }, 1)).toThrow(/own demand/);
  });
});

describe('contract sum', () => {
  it('is price × volume in the currency’s minor unit unless given', () => {
    expect(contractSum(12.34, 1000, 'RUB')).toBe(12340);
    expect(contractSum(0.1, 3, 'USD')).toBe(0.3);
    expect(contractSum(1.005, 1, 'EUR')).toBe(1.01);
    expect(contractSum(99.5, 3, 'JPY')).toBe(299);
    expect(contractSum(1.0005, 1, 'KWD')).toBe(1.001);
    expect(contractSum(10, 10, 'BYN', 95.555)).toBe(95.56);
  });

  it('refuses negative amounts and empty volumes', () => {
    expect(() => contractSum(-1, 1, 'RUB')).toThrow(ExchangeError);
    expect(() => contractSum(1, 0, 'RUB')).toThrow(ExchangeError);
    expect(() => contractSum(1, 1, 'RUB', -5)).toThrow(ExchangeError);
    expect(roundMoney(-2.345, 'RUB')).toBe(-2.35);
    expect(() => contractSum(1e12, 1e12, 'RUB')).toThrow(/at most/);
    expect(contractSum(1e12, 1e12, 'RUB', 5)).toBe(5);
  });
});
