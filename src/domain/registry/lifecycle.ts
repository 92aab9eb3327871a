/**
 * Life cycle of a registry application and record, as an ordered list of decisions. The state is never
 * stored apart from the decisions: it is replayed from them, and every illegal step is refused with a
 * `LifecycleError` a person can act on.
 *
 * Dates: `at` is the ISO timestamp of the decision; effective dates are calendar days `YYYY-MM-DD`.
 * `validTill` is the last day the record is valid (inclusive); an exclusion's `endDate` is the first day it
 * is no longer active; a suspension applies from its `from` day up to the day before a resumption's `from`.
 * `statusOn` reads effective dates as known now: a decision taken later may change the status of an
 * earlier day (e.g. a retroactive exclusion).
 */

export type Decision =
  | { kind: 'submit'; at: string }
  | { kind: 'return'; at: string; remarks: string }
  | { kind: 'reject'; at: string; reason: string }
  | { kind: 'include'; at: string; validFrom: string; validTill: string }
  | { kind: 'renew'; at: string; validTill: string; validFrom?: string }
  | { kind: 'suspend'; at: string; from: string; reason: string }
  | { kind: 'resume'; at: string; from: string }
  | { kind: 'exclude'; at: string; endDate: string; reason: string };

export type DecisionKind = Decision['kind'];
export type ApplicationState = 'draft' | 'submitted' | 'returned' | 'rejected' | 'included';
export type RecordStatus = 'not_in_registry' | 'active' | 'expired' | 'suspended' | 'excluded';

export type LifecycleErrorCode = 'not_allowed' | 'invalid_date' | 'invalid_period' | 'missing_text' | 'out_of_order' | 'invalid_row';

export class LifecycleError extends Error {
  readonly code: LifecycleErrorCode;
  constructor(code: LifecycleErrorCode, message: string) {
    super(message);
    this.name = 'LifecycleError';
    this.code = code;
  }
}

/** One validity period: `from` to `till`, both inclusive. */
export interface ValidityPeriod {
  from: string;
  till: string;
}

/** One suspension: from `from` up to the day before `until` (null = not resumed). */
export interface Suspension {
  from: string;
  until: string | null;
  reason: string;
}

/** Everything replaying the decisions tells; `nextState` folds one more decision into it. */
export interface LifecycleState {
  application: ApplicationState;
  periods: ValidityPeriod[];
  suspensions: Suspension[];
  exclusion: { endDate: string; reason: string } | null;
  /** Timestamp of the last decision, to keep decisions in order. */
  lastAt: string | null;
}

export const INITIAL_STATE: LifecycleState = Object.freeze({
  application: 'draft',
  periods: [],
  suspensions: [],
  exclusion: null,
  lastAt: null,
}) as LifecycleState;

// ---------------------------------------------------------------------------------------------------------
// Date helpers
// ---------------------------------------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function requireDate(v: unknown, what: string): string {
  if (!isDate(v)) throw new LifecycleError('invalid_date', `${what} must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  return v;
}

function requireTimestamp(v: unknown, kind: string): number {
  const t = typeof v === 'string' && TIMESTAMP_RE.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t))
    throw new LifecycleError('invalid_date', `the ${kind} decision needs "at" as an ISO timestamp such as 2025-03-01T10:00:00Z, got ${JSON.stringify(v)}`);
  return t;
}

function requireText(v: unknown, what: string): void {
  if (typeof v !== 'string' || v.trim() === '') throw new LifecycleError('missing_text', `${what} must not be empty`);
}

const NOUN: Record<ApplicationState, string> = {
  draft: 'a draft application that was never submitted',
  submitted: 'a submitted application',
  returned: 'an application returned for remarks',
  rejected: 'a rejected application',
  included: 'a record already in the registry',
};

const VERB: Record<DecisionKind, string> = {
  submit: 'submitted',
  return: 'returned',
  reject: 'rejected',
  include: 'included',
  renew: 'renewed',
  suspend: 'suspended',
  resume: 'resumed',
  exclude: 'excluded',
};

function notAllowed(state: LifecycleState, kind: DecisionKind, hint = ''): never {
  const noun = state.exclusion ? 'an excluded record' : NOUN[state.application];
  throw new LifecycleError('not_allowed', `${noun} cannot be ${VERB[kind]}${hint ? `; ${hint}` : ''}`);
}

const currentPeriod = (s: LifecycleState) => s.periods[s.periods.length - 1];
const openSuspension = (s: LifecycleState) => s.suspensions.find((x) => x.until === null) ?? null;

// ---------------------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------------------

/** Apply one decision; throws `LifecycleError` when it is not allowed from `state`. Never mutates `state`. */
export function nextState(state: LifecycleState, decision: Decision): LifecycleState {
  if (typeof decision !== 'object' || decision === null || !(decision.kind in VERB)) {
    throw new LifecycleError('not_allowed', `unknown decision ${JSON.stringify((decision as { kind?: unknown } | null)?.kind)}`);
  }
  const at = requireTimestamp(decision.at, decision.kind);
  if (state.lastAt !== null && at < Date.parse(state.lastAt)) {
    throw new LifecycleError('out_of_order', `the ${decision.kind} decision at ${decision.at} is dated before the previous decision at ${state.lastAt}`);
  }
  const next: LifecycleState = { ...state, lastAt: decision.at };
  const app = state.application;

  switch (decision.kind) {
    case 'submit':
      if (app !== 'draft' && app !== 'returned') notAllowed(state, 'submit', app === 'submitted' ? 'it is already under review' : '');
      return { ...next, application: 'submitted' };

    case 'return':
      if (app !== 'submitted') notAllowed(state, 'return', 'only a submitted application can be returned for remarks');
      requireText(decision.remarks, 'the remarks of a return');
      return { ...next, application: 'returned' };

    case 'reject':
      if (app !== 'submitted') notAllowed(state, 'reject', 'only a submitted application can be rejected');
      requireText(decision.reason, 'the reason for a rejection');
      return { ...next, application: 'rejected' };

    case 'include': {
      if (app !== 'submitted') {
        const hint = app === 'returned' ? 'the producer must submit it again first' : app === 'draft' ? 'it must be submitted and reviewed first' : '';
        notAllowed(state, 'include', hint);
      }
      const from = requireDate(decision.validFrom, 'validFrom');
      const till = requireDate(decision.validTill, 'validTill');
      if (till <= from) throw new LifecycleError('invalid_period', `validTill ${till} must be after validFrom ${from}`);
      return { ...next, application: 'included', periods: [{ from, till }] };
    }

    case 'renew': {
      if (app !== 'included' || state.exclusion) notAllowed(state, 'renew', app === 'included' ? '' : 'only a record in the registry can be renewed');
      const till = requireDate(decision.validTill, 'validTill');
      const cur = currentPeriod(state);
      if (decision.validFrom === undefined) {
        if (till <= cur.from) throw new LifecycleError('invalid_period', `validTill ${till} must be after validFrom ${cur.from}`);
        return { ...next, periods: [...state.periods.slice(0, -1), { from: cur.from, till }] };
      }
      const from = requireDate(decision.validFrom, 'validFrom');
      if (till <= from) throw new LifecycleError('invalid_period', `validTill ${till} must be after validFrom ${from}`);
      if (from < state.periods[0].from) {
        throw new LifecycleError('invalid_period', `a renewal cannot start (${from}) before the record was first valid (${state.periods[0].from})`);
      }
      // The new period replaces whatever the earlier ones said from its first day on.
      const dayBefore = addDays(from, -1);
      const kept = state.periods.filter((p) => p.from < from).map((p) => (p.till > dayBefore ? { from: p.from, till: dayBefore } : p));
      return { ...next, periods: [...kept, { from, till }] };
    }

    case 'suspend': {
      if (app !== 'included' || state.exclusion) notAllowed(state, 'suspend', app === 'included' ? '' : 'only a record in the registry can be suspended');
      const open = openSuspension(state);
      if (open) throw new LifecycleError('not_allowed', `the record is already suspended since ${open.from}; resume it first`);
      const from = requireDate(decision.from, 'the suspension date');
      requireText(decision.reason, 'the reason for a suspension');
      const first = state.periods[0].from;
      const last = currentPeriod(state).till;
      if (from < first || from > last)
        throw new LifecycleError('invalid_period', `a suspension from ${from} must fall within the record's validity ${first} – ${last}`);
      const lastResume = state.suspensions.reduce<string | null>((m, s) => (s.until !== null && (m === null || s.until > m) ? s.until : m), null);
      if (lastResume !== null && from < lastResume)
        throw new LifecycleError('invalid_period', `a suspension from ${from} overlaps the previous one, resumed from ${lastResume}`);
      return { ...next, suspensions: [...state.suspensions, { from, until: null, reason: decision.reason }] };
    }

    case 'resume': {
      const open = openSuspension(state);
      if (app !== 'included' || state.exclusion || !open) {
        if (app === 'included' && !state.exclusion) throw new LifecycleError('not_allowed', 'a record that is not suspended cannot be resumed');
        notAllowed(state, 'resume');
      }
      const from = requireDate(decision.from, 'the resumption date');
      if (from < open.from) throw new LifecycleError('invalid_period', `the resumption date ${from} is before the suspension began (${open.from})`);
      return { ...next, suspensions: state.suspensions.map((s) => (s === open ? { ...s, until: from } : s)) };
    }

    case 'exclude': {
      if (app !== 'included' || state.exclusion)
        notAllowed(state, 'exclude', app === 'included' ? 'it is already excluded' : 'only a record in the registry can be excluded');
      const endDate = requireDate(decision.endDate, 'endDate');
      requireText(decision.reason, 'the reason for an exclusion');
      if (endDate < state.periods[0].from) {
        throw new LifecycleError('invalid_period', `the end date ${endDate} is before the record was first valid (${state.periods[0].from})`);
      }
      return { ...next, exclusion: { endDate, reason: decision.reason } };
    }
  }
}

/** Replay decisions from the start; throws `LifecycleError` (with the decision's position) at the first illegal one. */
export function replay(decisions: readonly Decision[]): LifecycleState {
  let state = INITIAL_STATE;
  decisions.forEach((d, i) => {
    try {
      state = nextState(state, d);
    } catch (e) {
      if (e instanceof LifecycleError) throw new LifecycleError(e.code, `decision ${i + 1} (${d?.kind}): ${e.message}`);
      throw e;
    }
  });
  return state;
}

export function applicationState(decisions: readonly Decision[]): ApplicationState {
  return replay(decisions).application;
}

/** Which decisions may come next (for buttons in the UI); effective dates are still checked on apply. */
export function allowedDecisions(state: LifecycleState): DecisionKind[] {
  if (state.exclusion) return [];
  switch (state.application) {
    case 'draft':
    case 'returned':
      return ['submit'];
    case 'submitted':
      return ['return', 'reject', 'include'];
    case 'rejected':
      return [];
    case 'included':
      return openSuspension(state) ? ['renew', 'resume', 'exclude'] : ['renew', 'suspend', 'exclude'];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Status on a date
// ---------------------------------------------------------------------------------------------------------

export interface StatusOnDate {
  status: RecordStatus;
  /** The validity period that applies on the date (the last one begun by then); null when not in the registry. */
  validFrom: string | null;
  validTill: string | null;
  /** The exclusion's end date, when the record has one. */
  endDate: string | null;
  /** Start of the suspension in effect on the date, if any. */
  suspendedFrom: string | null;
}

/** The status on `date` of the record the decisions describe (replayed, so an illegal history throws). */
export function statusOn(decisions: readonly Decision[], date: string): StatusOnDate {
  requireDate(date, 'the date');
  return statusOfState(replay(decisions), date);
}

/** The status on `date` of an already replayed (or stored) life-cycle state. */
export function statusOfState(s: LifecycleState, date: string): StatusOnDate {
  requireDate(date, 'the date');
  const none: StatusOnDate = { status: 'not_in_registry', validFrom: null, validTill: null, endDate: null, suspendedFrom: null };
  if (s.application !== 'included') return none;
  const endDate = s.exclusion?.endDate ?? null;
  const begun = s.periods.filter((p) => p.from <= date);
  const period = begun[begun.length - 1];
  if (!period) return { ...none, endDate };
  const base = { validFrom: period.from, validTill: period.till, endDate, suspendedFrom: null };
  if (endDate !== null && date >= endDate) return { ...base, status: 'excluded' };
  if (date > period.till) return { ...base, status: 'expired' };
  const susp = s.suspensions.find((x) => x.from <= date && (x.until === null || date < x.until));
  if (susp) return { ...base, status: 'suspended', suspendedFrom: susp.from };
  return { ...base, status: 'active' };
}

// ---------------------------------------------------------------------------------------------------------
// The Russian registry's open data: several rows per registry number
// ---------------------------------------------------------------------------------------------------------

export interface RegistryRow {
  /** Docdate: date of entry (of the conclusion). YYYY-MM-DD or DD.MM.YYYY; '-' or empty = none. */
  docDate: string | null;
  /** Docvalidtill. */
  validTill: string | null;
  /** Enddate: actual early end. */
  endDate: string | null;
}

/** Accepts YYYY-MM-DD and DD.MM.YYYY; '-', empty and null mean "no date". */
export function parseRegistryDate(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (v === '' || v === '-') return null;
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v);
  const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : v;
  if (!isDate(iso)) throw new LifecycleError('invalid_date', `"${value}" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)`);
  return iso;
}

const OPEN_DATA_REASON = 'Enddate filled in the registry open data';

/**
 * Turn the rows of one registry number (renewals) into decisions: the oldest row is the inclusion, each
 * newer one a renewal from its Docdate, and a filled Enddate on the current row (newest by Docdate, then by
 * latest Docvalidtill) an exclusion. An Enddate on an older row ends that period early (it is read as a
 * shortened period, since the record was renewed afterwards). Rows that cannot make sense are refused with
 * `invalid_row` naming the row (1-based, in the order given).
 */
export function periodsFromRows(rows: readonly RegistryRow[]): Decision[] {
  if (rows.length === 0) return [];
  const parsed = rows.map((r, i) => {
    const where = `row ${i + 1}`;
    try {
      const docDate = parseRegistryDate(r.docDate);
      const validTill = parseRegistryDate(r.validTill);
      const endDate = parseRegistryDate(r.endDate);
      if (docDate === null) throw new LifecycleError('invalid_row', 'Docdate is empty');
      if (validTill === null) throw new LifecycleError('invalid_row', 'Docvalidtill is empty');
      if (validTill <= docDate) throw new LifecycleError('invalid_row', `Docvalidtill ${validTill} is not after Docdate ${docDate}`);
      return { docDate, validTill, endDate };
    } catch (e) {
      if (e instanceof LifecycleError) throw new LifecycleError('invalid_row', `${where}: ${e.message}`);
      throw e;
    }
  });
  const sorted = [...parsed].sort((a, b) =>
    a.docDate === b.docDate ? (a.validTill < b.validTill ? -1 : a.validTill > b.validTill ? 1 : 0) : a.docDate < b.docDate ? -1 : 1,
  );
  // Rows repeated verbatim (same dates) carry nothing new.
  const unique = sorted.filter(
    (r, i) => i === 0 || r.docDate !== sorted[i - 1].docDate || r.validTill !== sorted[i - 1].validTill || r.endDate !== sorted[i - 1].endDate,
  );
  const at = (date: string) => `${date}T00:00:00Z`;

  // An older row that ended early: its period stops the day before its Enddate; one that ended on its first
  // day was never in force and gives no period.
  const current = unique[unique.length - 1];
  const periods = unique
    .map((r) => ({ ...r, till: r !== current && r.endDate !== null && r.endDate <= r.validTill ? addDays(r.endDate, -1) : r.validTill }))
    .filter((r) => r.till > r.docDate);

  const decisions: Decision[] = [];
  periods.forEach((r, i) => {
    if (i === 0) decisions.push({ kind: 'submit', at: at(r.docDate) }, { kind: 'include', at: at(r.docDate), validFrom: r.docDate, validTill: r.till });
    else if (r.docDate === periods[i - 1].docDate) decisions.push({ kind: 'renew', at: at(r.docDate), validTill: r.till });
    else decisions.push({ kind: 'renew', at: at(r.docDate), validFrom: r.docDate, validTill: r.till });
  });
  if (current.endDate !== null) {
    const first = periods[0].docDate;
    if (current.endDate < first) {
      throw new LifecycleError('invalid_row', `Enddate ${current.endDate} is before the record's first Docdate ${first}`);
    }
    decisions.push({
      kind: 'exclude',
      at: at(current.endDate > current.docDate ? current.endDate : current.docDate),
      endDate: current.endDate,
      reason: OPEN_DATA_REASON,
    });
  }
  replay(decisions); // the result must itself be a legal history
  return decisions;
}
