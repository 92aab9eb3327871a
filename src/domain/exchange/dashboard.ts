/**
 * The public exchange dashboard: aggregates only, never a contract's parties, volume or sum. Figures per
 * group: foreign part types substituted (distinct foreign parts, or item descriptions, with a substitution),
 * contracts, sums per currency and converted into one currency (with the rates used; sums without a rate are
 * listed as not converted), cooperating organizations (distinct parties of the contracts) and demand (entries
 * and yearly quantity). Groups: by country, region, category and year. A contract counts for its buyer's
 * country and region (the importer that substituted), the category of the domestic product type and the year
 * of its date; a demand for its region (else its buyer's), its category and the year it was posted.
 */
import { roundMoney } from './offers';
import type { RateTable } from './rates';

export interface ContractFact {
  id: number;
  date: string; // YYYY-MM-DD
  sum: number;
  currency: string;
  buyerId: number;
  producerId: number;
  country: string;
  region: string | null;
  category: string | null;
  /** The foreign part replaced (its normalised key), else the demand's description; null when neither. */
  substituted: string | null;
  demo: boolean;
}

export interface DemandFact {
  id: number;
  year: number;
  country: string;
  region: string | null;
  category: string | null;
  quantityPerYear: number;
  demo: boolean;
}

export const DIMENSIONS = ['country', 'region', 'category', 'year'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Figures {
  substitutedTypes: number;
  contracts: number;
  sums: { currency: string; sum: number }[];
  converted: { currency: string; sum: number; contracts: number; notConverted: { currency: string; sum: number; contracts: number }[] };
  cooperatingOrganizations: number;
  demand: { entries: number; quantityPerYear: number };
  demo: { contracts: number; demands: number };
}

export interface Dashboard {
  currency: string;
  totals: Figures;
  groups: Record<Dimension, (Figures & { key: string | null })[]>;
  ratesUsed: { currency: string; toCurrency: string; rate: number; date: string; contracts: number }[];
}

class Accumulator {
  substituted = new Set<string>();
  contracts = 0;
  sums = new Map<string, number>();
  convertedSum = 0;
  convertedContracts = 0;
  notConverted = new Map<string, { sum: number; contracts: number }>();
  organizations = new Set<number>();
  demandEntries = 0;
  demandQuantity = 0;
  demoContracts = 0;
  demoDemands = 0;

  addContract(c: ContractFact, conversion: ReturnType<RateTable['convert']>) {
    if (c.substituted) this.substituted.add(c.substituted);
    this.contracts++;
    this.sums.set(c.currency, (this.sums.get(c.currency) ?? 0) + c.sum);
    if (conversion.converted) {
      this.convertedSum += conversion.sum;
      this.convertedContracts++;
    } else {
      const n = this.notConverted.get(c.currency) ?? { sum: 0, contracts: 0 };
      this.notConverted.set(c.currency, { sum: n.sum + c.sum, contracts: n.contracts + 1 });
    }
    this.organizations.add(c.buyerId).add(c.producerId);
    if (c.demo) this.demoContracts++;
  }

  addDemand(d: DemandFact) {
    this.demandEntries++;
    this.demandQuantity += d.quantityPerYear;
    if (d.demo) this.demoDemands++;
  }

  figures(currency: string): Figures {
    const byCode = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      substitutedTypes: this.substituted.size,
      contracts: this.contracts,
      sums: byCode(this.sums).map(([c, sum]) => ({ currency: c, sum: roundMoney(sum, c) })),
      converted: {
        currency,
        sum: roundMoney(this.convertedSum, currency),
        contracts: this.convertedContracts,
        notConverted: byCode(this.notConverted).map(([c, n]) => ({ currency: c, sum: roundMoney(n.sum, c), contracts: n.contracts })),
      },
      cooperatingOrganizations: this.organizations.size,
      demand: { entries: this.demandEntries, quantityPerYear: Math.round(this.demandQuantity * 1000) / 1000 },
      demo: { contracts: this.demoContracts, demands: this.demoDemands },
    };
  }
}

const contractKey: Record<Dimension, (c: ContractFact) => string | null> = {
  country: (c) => c.country,
  region: (c) => c.region,
  category: (c) => c.category,
  year: (c) => c.date.slice(0, 4),
};
const demandKey: Record<Dimension, (d: DemandFact) => string | null> = {
  country: (d) => d.country,
  region: (d) => d.region,
  category: (d) => d.category,
  year: (d) => String(d.year),
};

/** Aggregates contracts and demand (already filtered) into totals and groups, converting sums with `rates`. */
export function dashboard(contracts: ContractFact[], demands: DemandFact[], rates: RateTable): Dashboard {
  const totals = new Accumulator();
  const groups = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string | null, Accumulator>()])) as Record<Dimension, Map<string | null, Accumulator>>;
  const at = (d: Dimension, key: string | null) => {
    let acc = groups[d].get(key);
    if (!acc) groups[d].set(key, (acc = new Accumulator()));
    return acc;
  };
  const used = new Map<string, Dashboard['ratesUsed'][number]>();
  for (const c of contracts) {
    const conversion = rates.convert(c.sum, c.currency, c.date);
    if (conversion.converted && conversion.rateDate) {
      const k = `${c.currency}|${conversion.rateDate}`;
      const u = used.get(k) ?? { currency: c.currency, toCurrency: rates.toCurrency, rate: conversion.rate, date: conversion.rateDate, contracts: 0 };
      u.contracts++;
      used.set(k, u);
    }
    totals.addContract(c, conversion);
    for (const d of DIMENSIONS) at(d, contractKey[d](c)).addContract(c, conversion);
  }
  for (const x of demands) {
    totals.addDemand(x);
    for (const d of DIMENSIONS) at(d, demandKey[d](x)).addDemand(x);
  }
  const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return {
    currency: rates.toCurrency,
    totals: totals.figures(rates.toCurrency),
    groups: Object.fromEntries(
      DIMENSIONS.map((d) => [d, [...groups[d].entries()].sort(([a], [b]) => order(a, b)).map(([key, acc]) => ({ key, ...acc.figures(rates.toCurrency) }))]),
    ) as Dashboard['groups'],
    ratesUsed: [...used.values()].sort((a, b) => (a.currency + a.date < b.currency + b.date ? -1 : 1)),
  };
}
