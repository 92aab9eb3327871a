import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './demand';
import { RateTable, rateProblems } from './rates';

const rates = [
  { currency: 'BYN', toCurrency: 'RUB', rate: 28.5, date: '2026-01-10' },
  { currency: 'BYN', toCurrency: 'RUB', rate: 29.1, date: '2026-03-01' },
  { currency: 'USD', toCurrency: 'RUB', rate: 92.25, date: '2026-02-01' },
  { currency: 'RUB', toCurrency: 'BYN', rate: 0.035, date: '2025-01-01' },
];

describe('conversion of contract sums', () => {
  const table = new RateTable('RUB', rates);

  it('uses the latest rate on or before the contract date and says which', () => {
    expect(table.convert(1000, 'BYN', '2026-02-15')).toEqual({ converted: true, sum: 28500, currency: 'RUB', rate: 28.5, rateDate: '2026-01-10' });
    expect(table.convert(1000, 'BYN', '2026-03-01')).toEqual({ converted: true, sum: 29100, currency: 'RUB', rate: 29.1, rateDate: '2026-03-01' });
    expect(table.convert(1000, 'BYN', '2027-01-01')).toMatchObject({ rate: 29.1, rateDate: '2026-03-01' });
    expect(table.convert(0.3, 'USD', '2026-02-01')).toMatchObject({ sum: 27.68 });
  });

  it('keeps sums in the target currency as they are', () => {
    expect(table.convert(12.34, 'RUB', '2020-01-01')).toEqual({ converted: true, sum: 12.34, currency: 'RUB', rate: 1, rateDate: null });
  });

  it('never guesses: no rate before the date, no inverse and no cross rate', () => {
    expect(table.convert(1000, 'BYN', '2026-01-09')).toEqual({ converted: false, reason: 'no BYN→RUB rate on or before 2026-01-09' });
    expect(table.convert(1000, 'EUR', '2026-06-01').converted).toBe(false);
    const toByn = new RateTable('BYN', rates);
    expect(toByn.convert(100, 'USD', '2026-06-01').converted).toBe(false); // USD→RUB→BYN is a cross rate
    expect(toByn.convert(1000, 'RUB', '2026-06-01')).toMatchObject({ converted: true, sum: 35, rateDate: '2025-01-01' });
  });

  it('checks recorded rates', () => {
    expect(rateProblems({ currency: 'BYN', toCurrency: 'RUB', rate: 28.5, date: '2026-01-10' }, isCalendarDate)).toEqual([]);
    expect(rateProblems({ currency: 'RUB', toCurrency: 'RUB', rate: 0, date: '2026-02-30' }, isCalendarDate)).toHaveLength(3);
    expect(rateProblems({ currency: 'BYN', toCurrency: 'RUB', rate: 1e-12, date: '2026-01-10' }, isCalendarDate)).toEqual([
      'the rate must be a positive number of at least 1e-9',
    ]);
  });
});
