/**
 * Currency conversion of contract sums with the rates operators record (currency → to-currency, rate, date).
 * A sum is converted with the latest rate of its pair on or before the contract date; without one it is
 * reported as not converted, never guessed (no inverse or cross rates, no later rate).
 */
import { roundMoney } from './offers';

export interface Rate {
  currency: string;
  toCurrency: string;
  /** Units of toCurrency for one unit of currency. */
  rate: number;
  /** YYYY-MM-DD */
  date: string;
}

export type Conversion = { converted: true; sum: number; currency: string; rate: number; rateDate: string | null } | { converted: false; reason: string };

/** Rates of one target currency indexed by source currency, newest date first: build once, look up many times. */
export class RateTable {
  private readonly byCurrency = new Map<string, Rate[]>();

  constructor(
    readonly toCurrency: string,
    rates: Rate[],
  ) {
    for (const r of rates) {
      if (r.toCurrency !== toCurrency) continue;
      const list = this.byCurrency.get(r.currency) ?? [];
      list.push(r);
      this.byCurrency.set(r.currency, list);
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  /** The latest rate of `currency` on or before `date`, or null. */
  rateOn(currency: string, date: string): Rate | null {
    return this.byCurrency.get(currency)?.find((r) => r.date <= date) ?? null;
  }

  /** A sum in `currency` on `date` in the table's currency (the same currency: as it is, no rate). */
  convert(sum: number, currency: string, date: string): Conversion {
    if (currency === this.toCurrency) return { converted: true, sum, currency, rate: 1, rateDate: null };
    const rate = this.rateOn(currency, date);
    if (!rate) return { converted: false, reason: `no ${currency}→${this.toCurrency} rate on or before ${date}` };
    return { converted: true, sum: roundMoney(sum * rate.rate, this.toCurrency), currency: this.toCurrency, rate: rate.rate, rateDate: rate.date };
  }
}

/** The smallest rate stored exactly (ten decimal places). */
export const MIN_RATE = 1e-9;

/** Checks a rate an operator records; returns the problems a person can fix. */
export function rateProblems(r: Rate, isDate: (s: string) => boolean): string[] {
  const problems: string[] = [];
  if (r.currency === r.toCurrency) problems.push('a rate converts between two different currencies');
  if (!Number.isFinite(r.rate) || r.rate < MIN_RATE) problems.push(`the rate must be a positive number of at least ${MIN_RATE}`);
  if (!isDate(r.date)) problems.push(`date "${r.date}" is not a date YYYY-MM-DD`);
  return problems;
}

/** Currency rates are recorded and removed by operators and admins. */
export const canRecordRates = (actor: { role: string; canWrite: boolean }) => actor.canWrite && (actor.role === 'admin' || actor.role === 'operator');
