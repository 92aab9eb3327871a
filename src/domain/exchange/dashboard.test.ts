import { describe, expect, it } from 'vitest';
import { dashboard, type ContractFact, type DemandFact } from './dashboard';
import { RateTable } from './rates';

const contract = (over: Partial<ContractFact>): ContractFact => ({
  id: 1,
  date: '2026-03-10',
  sum: 1000,
  currency: 'BYN',
  buyerId: 1,
  producerId: 2,
  country: 'BY',
  region: 'BY-MI',
  category: 'logic-nand',
  substituted: 'SN74HC00N',
  demo: false,
  ...over,
});
const demand = (over: Partial<DemandFact>): DemandFact => ({
  id: 1,
  year: 2026,
  country: 'BY',
  region: 'BY-MI',
  category: null,
  quantityPerYear: 100,
  demo: false,
  ...over,
});

describe('exchange dashboard', () => {
  const rates = new RateTable('RUB', [
    { currency: 'BYN', toCurrency: 'RUB', rate: 28.5, date: '2026-01-01' },
    { currency: 'BYN', toCurrency: 'RUB', rate: 29, date: '2026-06-01' },
  ]);
  const contracts = [
    contract({ id: 1 }),
    contract({ id: 2, date: '2026-07-01', sum: 500, substituted: 'SN74HC00N', producerId: 3 }),
    contract({
      id: 3,
      date: '2025-05-05',
      sum: 2000,
      currency: 'RUB',
      buyerId: 4,
      producerId: 2,
      country: 'RU',
      region: 'RU-MOW',
      category: null,
      substituted: 'STM32F103C8T6',
    }),
    contract({ id: 4, date: '2025-12-31', sum: 70, currency: 'USD', substituted: null, demo: true }),
  ];
  const demands = [demand({ id: 1 }), demand({ id: 2, year: 2025, country: 'RU', region: null, quantityPerYear: 0.5, demo: true })];
  const d = dashboard(contracts, demands, rates);

  it('counts distinct substituted types, contracts, organizations and demand', () => {
    expect(d.totals).toMatchObject({
      substitutedTypes: 2,
      contracts: 4,
      cooperatingOrganizations: 4,
      demand: { entries: 2, quantityPerYear: 100.5 },
      demo: { contracts: 1, demands: 1 },
    });
  });

  it('sums per currency and converts with the rate of each contract’s date, never guessing', () => {
    expect(d.totals.sums).toEqual([
      { currency: 'BYN', sum: 1500 },
      { currency: 'RUB', sum: 2000 },
      { currency: 'USD', sum: 70 },
    ]);
    // 1000 × 28.5 + 500 × 29 + 2000
    expect(d.totals.converted).toEqual({ currency: 'RUB', sum: 45000, contracts: 3, notConverted: [{ currency: 'USD', sum: 70, contracts: 1 }] });
    expect(d.ratesUsed).toEqual([
      { currency: 'BYN', toCurrency: 'RUB', rate: 28.5, date: '2026-01-01', contracts: 1 },
      { currency: 'BYN', toCurrency: 'RUB', rate: 29, date: '2026-06-01', contracts: 1 },
    ]);
  });

  it('groups by country, region, category and year, unknown keys last', () => {
    expect(d.groups.country.map((g) => [g.key, g.contracts, g.demand.entries])).toEqual([
      ['BY', 3, 1],
      ['RU', 1, 1],
    ]);
    expect(d.groups.region.map((g) => g.key)).toEqual(['BY-MI', 'RU-MOW', null]);
    expect(d.groups.category.map((g) => [g.key, g.contracts, g.substitutedTypes])).toEqual([
      ['logic-nand', 3, 1],
      [null, 1, 1],
    ]);
    const y2026 = d.groups.year.find((g) => g.key === '2026')!;
    expect(y2026).toMatchObject({ contracts: 2, substitutedTypes: 1, cooperatingOrganizations: 3, converted: { sum: 43000 } });
  });

  it('is empty without facts', () => {
    const empty = dashboard([], [], rates);
    expect(empty.totals).toMatchObject({ contracts: 0, substitutedTypes: 0, sums: [], converted: { sum: 0, contracts: 0, notConverted: [] } });
    expect(empty.groups.year).toEqual([]);
  });
});
