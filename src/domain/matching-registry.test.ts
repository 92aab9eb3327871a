import { describe, expect, it } from 'vitest';
import { bestStanding, recordStanding, NOT_IN_REGISTRY, type StoredRecord } from './matching-registry';

const record = (over: Partial<StoredRecord> = {}): StoredRecord => ({
  recordId: 1,
  number: 'РЭ-1',
  country: 'RU',
  state: 'included',
  endDate: null,
  periods: [{ validFrom: '2025-01-01', validTill: '2027-12-31' }],
  suspensions: [],
  ...over,
});

describe('registry standing of a matched product type', () => {
  it('is active inside a period, with the number and the last valid day', () => {
    expect(recordStanding(record(), '2026-12-03')).toEqual({ status: 'active', number: 'РЭ-1', recordId: 1, country: 'RU', validTill: '2027-12-31' });
  });

  it('follows the life cycle: expired after the period, suspended while suspended, excluded from the end date', () => {
    expect(recordStanding(record(), '2028-01-01').status).toBe('expired');
    expect(recordStanding(record({ suspensions: [{ from: '2026-06-01', till: null }] }), '2026-12-03').status).toBe('suspended');
    expect(recordStanding(record({ suspensions: [{ from: '2026-06-01', till: '2026-07-01' }] }), '2026-12-03').status).toBe('active');
    expect(recordStanding(record({ endDate: '2026-12-03' }), '2026-12-03').status).toBe('excluded');
    expect(recordStanding(record({ endDate: '2026-12-04' }), '2026-12-03').status).toBe('active');
  });

  it('is not in the registry before the first period or while the application is not included', () => {
    expect(recordStanding(record(), '2024-12-31')).toEqual(NOT_IN_REGISTRY);
    expect(recordStanding(record({ state: 'submitted' }), '2026-12-03')).toEqual(NOT_IN_REGISTRY);
  });

  it('reads an open-ended period as valid without a last day', () => {
    expect(recordStanding(record({ periods: [{ validFrom: '2020-01-01', validTill: null }] }), '2099-01-01')).toMatchObject({
      status: 'active',
      validTill: null,
    });
  });

  it('takes the best of several records: active over suspended over expired over excluded', () => {
    const excluded = record({ recordId: 1, number: 'A', endDate: '2026-01-01' });
    const expired = record({ recordId: 2, number: 'B', periods: [{ validFrom: '2020-01-01', validTill: '2021-01-01' }] });
    const suspended = record({ recordId: 3, number: 'C', suspensions: [{ from: '2026-01-01', till: null }] });
    const active = record({ recordId: 4, number: 'D' });
    expect(bestStanding([excluded, expired], '2026-12-03').number).toBe('B');
    expect(bestStanding([excluded, expired, suspended], '2026-12-03').number).toBe('C');
    expect(bestStanding([active, excluded, expired, suspended], '2026-12-03')).toMatchObject({ status: 'active', number: 'D' });
    expect(bestStanding([], '2026-12-03')).toEqual(NOT_IN_REGISTRY);
  });
});
