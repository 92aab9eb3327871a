/**
 * Registry standing of a matched product type: the status on a date of its registry records, judged by the
 * registry's own life-cycle rules (statusOfState), and when several records list the product type, the best of
 * them (active before suspended before expired before excluded).
 */
import { statusOfState, type LifecycleState, type RecordStatus } from './registry/lifecycle';

/** Registry status of a hit: the registry's record statuses; `not_in_registry` when no included record lists it. */
export type RegistryStanding = RecordStatus;

export const REGISTRY_STANDINGS: readonly RegistryStanding[] = ['active', 'suspended', 'expired', 'excluded', 'not_in_registry'];

const RANK: Record<RegistryStanding, number> = { active: 4, suspended: 3, expired: 2, excluded: 1, not_in_registry: 0 };

/** What a search hit or a BOM candidate carries about the registry. */
export interface RegistryRef {
  status: RegistryStanding;
  /** Registry number of the record the status comes from (null for a record without a number). */
  number: string | null;
  recordId: number | null;
  /** Country of the registry (BY, RU). */
  country: string | null;
  /** Last day of the validity period in force on the date, when there is one. */
  validTill: string | null;
}

export const NOT_IN_REGISTRY: RegistryRef = Object.freeze({ status: 'not_in_registry', number: null, recordId: null, country: null, validTill: null });

/** One record listing a product type, as stored: its application state, exclusion date, periods and suspensions. */
export interface StoredRecord {
  recordId: number;
  number: string | null;
  country: string;
  state: LifecycleState['application'];
  endDate: string | null;
  periods: { validFrom: string; validTill: string | null }[];
  suspensions: { from: string; till: string | null }[];
}

/** The status of one stored record on `date` (open-ended periods run to the end of time). */
export function recordStanding(r: StoredRecord, date: string): RegistryRef {
  const state: LifecycleState = {
    application: r.state,
    periods: [...r.periods]
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))
      .map((p) => ({ from: p.validFrom, till: p.validTill ?? '9999-12-31' })),
    suspensions: r.suspensions.map((s) => ({ from: s.from, until: s.till, reason: '' })),
    exclusion: r.endDate ? { endDate: r.endDate, reason: '' } : null,
    lastAt: null,
  };
  const s = statusOfState(state, date);
  if (s.status === 'not_in_registry') return NOT_IN_REGISTRY;
  return { status: s.status, number: r.number, recordId: r.recordId, country: r.country, validTill: s.validTill === '9999-12-31' ? null : s.validTill };
}

/** The best standing among the records of one product type (ties: the lower record id, for stable answers). */
export function bestStanding(records: readonly StoredRecord[], date: string): RegistryRef {
  let best = NOT_IN_REGISTRY;
  for (const r of [...records].sort((a, b) => a.recordId - b.recordId)) {
    const s = recordStanding(r, date);
    if (RANK[s.status] > RANK[best.status]) best = s;
  }
  return best;
}

export const isRegistryStanding = (v: string): v is RegistryStanding => (REGISTRY_STANDINGS as readonly string[]).includes(v);
