import { describe, expect, it } from 'vitest';
import {
  INITIAL_STATE,
  LifecycleError,
  allowedDecisions,
  applicationState,
  nextState,
  parseRegistryDate,
  periodsFromRows,
  replay,
  statusOfState,
  statusOn,
  type Decision,
  type LifecycleErrorCode,
  type RegistryRow,
} from './lifecycle';

// ---------------------------------------------------------------------------------------------------------
// Factories: decisions a day apart, so `at` is always in order unless a test says otherwise
// ---------------------------------------------------------------------------------------------------------

let clock = 0;
const at = () => new Date(Date.UTC(2024, 0, 1) + clock++ * 3_600_000).toISOString();
const submit = (): Decision => ({ kind: 'submit', at: at() });
const ret = (remarks = 'add the topology certificate'): Decision => ({ kind: 'return', at: at(), remarks });
const reject = (reason = 'design abroad'): Decision => ({ kind: 'reject', at: at(), reason });
const include = (validFrom = '2024-01-10', validTill = '2027-01-09'): Decision => ({ kind: 'include', at: at(), validFrom, validTill });
const renew = (validTill: string, validFrom?: string): Decision => ({ kind: 'renew', at: at(), validTill, ...(validFrom ? { validFrom } : {}) });
const suspend = (from: string, reason = 'site visit pending'): Decision => ({ kind: 'suspend', at: at(), from, reason });
const resume = (from: string): Decision => ({ kind: 'resume', at: at(), from });
const exclude = (endDate: string, reason = 'maker liquidated'): Decision => ({ kind: 'exclude', at: at(), endDate, reason });

/** The named histories the tables start from. */
const HISTORY: Record<string, () => Decision[]> = {
  draft: () => [],
  submitted: () => [submit()],
  returned: () => [submit(), ret()],
  rejected: () => [submit(), reject()],
  included: () => [submit(), include()],
  suspended: () => [submit(), include(), suspend('2025-02-01')],
  excluded: () => [submit(), include(), exclude('2025-05-01')],
};

function refusal(history: Decision[], decision: Decision): LifecycleError {
  const state = replay(history);
  try {
    nextState(state, decision);
  } catch (e) {
    expect(e).toBeInstanceOf(LifecycleError);
    return e as LifecycleError;
  }
  throw new Error(`${decision.kind} was accepted`);
}

// ---------------------------------------------------------------------------------------------------------
// Application state and transitions
// ---------------------------------------------------------------------------------------------------------

describe('applicationState', () => {
  it.each([
    ['no decisions', [] as Decision[], 'draft'],
    ['submitted', HISTORY.submitted(), 'submitted'],
    ['returned', HISTORY.returned(), 'returned'],
    ['returned, then submitted again', [...HISTORY.returned(), submit()], 'submitted'],
    ['returned twice, then included', [submit(), ret(), submit(), ret(), submit(), include()], 'included'],
    ['rejected', HISTORY.rejected(), 'rejected'],
    ['included', HISTORY.included(), 'included'],
    ['included and excluded', HISTORY.excluded(), 'included'],
  ])('%s → %s', (_name, decisions, expected) => {
    expect(applicationState(decisions)).toBe(expected);
  });
});

describe('nextState: illegal transitions', () => {
  type Row = [from: string, decision: () => Decision, code: LifecycleErrorCode, message: RegExp];
  const rows: Row[] = [
    ['draft', () => include(), 'not_allowed', /^a draft application that was never submitted cannot be included; it must be submitted and reviewed first$/],
    ['draft', () => ret(), 'not_allowed', /cannot be returned/],
    ['draft', () => reject(), 'not_allowed', /cannot be rejected/],
    ['draft', () => renew('2030-01-01'), 'not_allowed', /draft .* cannot be renewed/],
    ['draft', () => suspend('2025-01-01'), 'not_allowed', /cannot be suspended/],
    ['draft', () => resume('2025-01-01'), 'not_allowed', /cannot be resumed/],
    ['draft', () => exclude('2025-01-01'), 'not_allowed', /cannot be excluded/],
    ['submitted', () => submit(), 'not_allowed', /^a submitted application cannot be submitted; it is already under review$/],
    ['submitted', () => renew('2030-01-01'), 'not_allowed', /^a submitted application cannot be renewed/],
    ['submitted', () => exclude('2025-01-01'), 'not_allowed', /^a submitted application cannot be excluded/],
    ['returned', () => include(), 'not_allowed', /^an application returned for remarks cannot be included; the producer must submit it again first$/],
    ['returned', () => ret(), 'not_allowed', /cannot be returned/],
    ['returned', () => reject(), 'not_allowed', /cannot be rejected/],
    ['rejected', () => include(), 'not_allowed', /^a rejected application cannot be included$/],
    ['rejected', () => submit(), 'not_allowed', /^a rejected application cannot be submitted$/],
    ['rejected', () => ret(), 'not_allowed', /^a rejected application cannot be returned/],
    ['included', () => include(), 'not_allowed', /^a record already in the registry cannot be included$/],
    ['included', () => submit(), 'not_allowed', /cannot be submitted/],
    ['included', () => ret(), 'not_allowed', /cannot be returned/],
    ['included', () => reject(), 'not_allowed', /cannot be rejected/],
    ['included', () => resume('2025-03-01'), 'not_allowed', /^a record that is not suspended cannot be resumed$/],
    ['suspended', () => suspend('2025-03-01'), 'not_allowed', /already suspended since 2025-02-01; resume it first/],
    ['excluded', () => renew('2030-01-01'), 'not_allowed', /^an excluded record cannot be renewed$/],
    ['excluded', () => suspend('2025-03-01'), 'not_allowed', /^an excluded record cannot be suspended$/],
    ['excluded', () => resume('2025-03-01'), 'not_allowed', /^an excluded record cannot be resumed$/],
    ['excluded', () => exclude('2025-06-01'), 'not_allowed', /^an excluded record cannot be excluded/],
    ['excluded', () => include(), 'not_allowed', /^an excluded record cannot be included$/],
    ['excluded', () => submit(), 'not_allowed', /^an excluded record cannot be submitted/],
    // dates and texts
    ['submitted', () => include('2024-01-10', '2024-01-10'), 'invalid_period', /^validTill 2024-01-10 must be after validFrom 2024-01-10$/],
    ['submitted', () => include('2024-01-10', '2023-12-31'), 'invalid_period', /validTill 2023-12-31 must be after validFrom 2024-01-10/],
    ['submitted', () => include('2024-02-30', '2027-01-01'), 'invalid_date', /^validFrom must be a date YYYY-MM-DD, got "2024-02-30"$/],
    ['submitted', () => ret('  '), 'missing_text', /^the remarks of a return must not be empty$/],
    ['submitted', () => reject(''), 'missing_text', /^the reason for a rejection must not be empty$/],
    ['included', () => renew('2024-01-10'), 'invalid_period', /validTill 2024-01-10 must be after validFrom 2024-01-10/],
    ['included', () => renew('2027-01-01', '2027-06-01'), 'invalid_period', /validTill 2027-01-01 must be after validFrom 2027-06-01/],
    ['included', () => renew('2030-01-01', '2023-01-01'), 'invalid_period', /cannot start \(2023-01-01\) before the record was first valid \(2024-01-10\)/],
    ['included', () => suspend('2024-01-09'), 'invalid_period', /must fall within the record's validity 2024-01-10 – 2027-01-09/],
    ['included', () => suspend('2027-01-10'), 'invalid_period', /must fall within/],
    ['included', () => suspend('2025-01-01', ''), 'missing_text', /reason for a suspension/],
    ['suspended', () => resume('2025-01-31'), 'invalid_period', /^the resumption date 2025-01-31 is before the suspension began \(2025-02-01\)$/],
    ['included', () => exclude('2024-01-09'), 'invalid_period', /^the end date 2024-01-09 is before the record was first valid \(2024-01-10\)$/],
    ['included', () => exclude('2025-01-01', ' '), 'missing_text', /reason for an exclusion/],
    [
      'submitted',
      () => ({ kind: 'include', at: '2023-12-31T00:00:00Z', validFrom: '2024-01-10', validTill: '2027-01-09' }),
      'out_of_order',
      /is dated before the previous decision/,
    ],
    ['submitted', () => ({ kind: 'include', at: '2024-01-10', validFrom: '2024-01-10', validTill: '2027-01-09' }), 'invalid_date', /"at" as an ISO timestamp/],
    ['draft', () => ({ kind: 'approve', at: at() }) as unknown as Decision, 'not_allowed', /unknown decision "approve"/],
  ];
  const named = rows.map(([from, decision, code, message]) => ({ from, kind: decision().kind, decision, code, message }));
  it.each(named)('$from → $kind refused ($code)', ({ from, decision, code, message }) => {
    const e = refusal(HISTORY[from](), decision());
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('suspensions may follow one another but not overlap', () => {
    const base = [submit(), include(), suspend('2025-02-01'), resume('2025-03-01')];
    expect(() => replay([...base, suspend('2025-03-01')])).not.toThrow();
    expect(refusal(base, suspend('2025-02-15')).message).toMatch(/overlaps the previous one, resumed from 2025-03-01/);
  });

  it('replay names the position of the illegal decision', () => {
    expect(() => replay([submit(), reject(), include()])).toThrow(/^decision 3 \(include\): a rejected application cannot be included$/);
  });

  it('never changes the state it is given', () => {
    const state = replay(HISTORY.included());
    const copy = structuredClone(state);
    nextState(state, renew('2030-01-01'));
    nextState(state, exclude('2025-01-01'));
    expect(state).toEqual(copy);
    expect(INITIAL_STATE).toEqual({ application: 'draft', periods: [], suspensions: [], exclusion: null, lastAt: null });
  });

  it.each([
    ['draft', ['submit']],
    ['submitted', ['return', 'reject', 'include']],
    ['returned', ['submit']],
    ['rejected', []],
    ['included', ['renew', 'suspend', 'exclude']],
    ['suspended', ['renew', 'resume', 'exclude']],
    ['excluded', []],
  ])('allowedDecisions(%s) → %j', (from, kinds) => {
    expect(allowedDecisions(replay(HISTORY[from]()))).toEqual(kinds);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Status on a date
// ---------------------------------------------------------------------------------------------------------

describe('statusOn', () => {
  type Row = [
    history: string,
    date: string,
    status: string,
    period: { validFrom: string | null; validTill: string | null; endDate?: string | null; suspendedFrom?: string | null },
  ];
  const histories: Record<string, () => Decision[]> = {
    'submitted only': () => [submit()],
    rejected: () => [submit(), reject()],
    'included 2024-01-10..2027-01-09': () => [submit(), include()],
    'renewed to 2029-01-09': () => [submit(), include(), renew('2029-01-09')],
    'renewed from 2026-06-01 to 2031-05-31': () => [submit(), include(), renew('2031-05-31', '2026-06-01')],
    'renewed after a gap, from 2027-03-01': () => [submit(), include(), renew('2030-02-28', '2027-03-01')],
    'excluded from 2025-05-01': () => [submit(), include(), exclude('2025-05-01')],
    'excluded after expiry, from 2027-06-01': () => [submit(), include(), exclude('2027-06-01')],
    'suspended 2025-02-01, resumed 2025-03-01': () => [submit(), include(), suspend('2025-02-01'), resume('2025-03-01')],
    'suspended 2025-02-01, never resumed': () => [submit(), include(), suspend('2025-02-01')],
    'suspended, then excluded 2025-04-01': () => [submit(), include(), suspend('2025-02-01'), exclude('2025-04-01')],
    'suspended and resumed the same day': () => [submit(), include(), suspend('2025-02-01'), resume('2025-02-01')],
    'excluded retroactively': () => [submit(), include(), { kind: 'exclude', at: '2026-01-01T00:00:00Z', endDate: '2025-01-01', reason: 'false documents' }],
  };
  const P = { validFrom: '2024-01-10', validTill: '2027-01-09' };
  const rows: Row[] = [
    ['submitted only', '2025-01-01', 'not_in_registry', { validFrom: null, validTill: null }],
    ['rejected', '2025-01-01', 'not_in_registry', { validFrom: null, validTill: null }],
    ['included 2024-01-10..2027-01-09', '2024-01-09', 'not_in_registry', { validFrom: null, validTill: null }],
    ['included 2024-01-10..2027-01-09', '2024-01-10', 'active', P],
    ['included 2024-01-10..2027-01-09', '2027-01-09', 'active', P],
    ['included 2024-01-10..2027-01-09', '2027-01-10', 'expired', P],
    ['included 2024-01-10..2027-01-09', '2040-01-01', 'expired', P],
    ['renewed to 2029-01-09', '2027-01-10', 'active', { validFrom: '2024-01-10', validTill: '2029-01-09' }],
    ['renewed to 2029-01-09', '2029-01-09', 'active', { validFrom: '2024-01-10', validTill: '2029-01-09' }],
    ['renewed to 2029-01-09', '2029-01-10', 'expired', { validFrom: '2024-01-10', validTill: '2029-01-09' }],
    ['renewed from 2026-06-01 to 2031-05-31', '2026-05-31', 'active', { validFrom: '2024-01-10', validTill: '2026-05-31' }],
    ['renewed from 2026-06-01 to 2031-05-31', '2026-06-01', 'active', { validFrom: '2026-06-01', validTill: '2031-05-31' }],
    ['renewed from 2026-06-01 to 2031-05-31', '2031-06-01', 'expired', { validFrom: '2026-06-01', validTill: '2031-05-31' }],
    ['renewed after a gap, from 2027-03-01', '2027-02-01', 'expired', P],
    ['renewed after a gap, from 2027-03-01', '2027-03-01', 'active', { validFrom: '2027-03-01', validTill: '2030-02-28' }],
    ['excluded from 2025-05-01', '2025-04-30', 'active', { ...P, endDate: '2025-05-01' }],
    ['excluded from 2025-05-01', '2025-05-01', 'excluded', { ...P, endDate: '2025-05-01' }],
    ['excluded from 2025-05-01', '2026-01-01', 'excluded', { ...P, endDate: '2025-05-01' }],
    ['excluded from 2025-05-01', '2028-01-01', 'excluded', { ...P, endDate: '2025-05-01' }],
    ['excluded from 2025-05-01', '2024-01-09', 'not_in_registry', { validFrom: null, validTill: null, endDate: '2025-05-01' }],
    ['excluded after expiry, from 2027-06-01', '2027-05-31', 'expired', { ...P, endDate: '2027-06-01' }],
    ['excluded after expiry, from 2027-06-01', '2027-06-01', 'excluded', { ...P, endDate: '2027-06-01' }],
    ['suspended 2025-02-01, resumed 2025-03-01', '2025-01-31', 'active', P],
    ['suspended 2025-02-01, resumed 2025-03-01', '2025-02-01', 'suspended', { ...P, suspendedFrom: '2025-02-01' }],
    ['suspended 2025-02-01, resumed 2025-03-01', '2025-02-28', 'suspended', { ...P, suspendedFrom: '2025-02-01' }],
    ['suspended 2025-02-01, resumed 2025-03-01', '2025-03-01', 'active', P],
    ['suspended 2025-02-01, never resumed', '2026-12-31', 'suspended', { ...P, suspendedFrom: '2025-02-01' }],
    ['suspended 2025-02-01, never resumed', '2027-01-10', 'expired', P],
    ['suspended, then excluded 2025-04-01', '2025-03-31', 'suspended', { ...P, endDate: '2025-04-01', suspendedFrom: '2025-02-01' }],
    ['suspended, then excluded 2025-04-01', '2025-04-01', 'excluded', { ...P, endDate: '2025-04-01' }],
    ['suspended and resumed the same day', '2025-02-01', 'active', P],
    ['excluded retroactively', '2025-01-01', 'excluded', { ...P, endDate: '2025-01-01' }],
  ];
  it.each(rows)('%s, on %s → %s', (history, date, status, period) => {
    expect(statusOn(histories[history](), date)).toEqual({ status, endDate: null, suspendedFrom: null, ...period });
  });

  it('agrees with statusOfState on the replayed state', () => {
    const decisions = histories['suspended 2025-02-01, resumed 2025-03-01']();
    expect(statusOfState(replay(decisions), '2025-02-10')).toEqual(statusOn(decisions, '2025-02-10'));
  });

  it('refuses a bad date and an illegal history', () => {
    expect(() => statusOn(HISTORY.included(), '10.01.2024')).toThrow(/the date must be a date YYYY-MM-DD/);
    expect(() => statusOn([include()], '2025-01-01')).toThrow(LifecycleError);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Open data of the Russian registry
// ---------------------------------------------------------------------------------------------------------

describe('periodsFromRows', () => {
  const row = (docDate: string | null, validTill: string | null, endDate: string | null = null): RegistryRow => ({ docDate, validTill, endDate });
  const strip = (ds: Decision[]) => ds.map((d) => ({ ...d, at: undefined }));

  it('turns no rows into no decisions, and one row into an inclusion', () => {
    expect(periodsFromRows([])).toEqual([]);
    expect(periodsFromRows([row('2024-04-10', '2027-04-09')])).toEqual([
      { kind: 'submit', at: '2024-04-10T00:00:00Z' },
      { kind: 'include', at: '2024-04-10T00:00:00Z', validFrom: '2024-04-10', validTill: '2027-04-09' },
    ]);
  });

  it('orders renewals by Docdate whatever the row order', () => {
    const ds = periodsFromRows([row('2023-05-01', '2026-04-30'), row('2017-03-01', '2020-02-29'), row('2020-02-20', '2023-02-19')]);
    expect(strip(ds)).toEqual(
      strip([
        { kind: 'submit', at: '' },
        { kind: 'include', at: '', validFrom: '2017-03-01', validTill: '2020-02-29' },
        { kind: 'renew', at: '', validFrom: '2020-02-20', validTill: '2023-02-19' },
        { kind: 'renew', at: '', validFrom: '2023-05-01', validTill: '2026-04-30' },
      ]),
    );
    expect(statusOn(ds, '2020-02-19')).toMatchObject({ status: 'active', validFrom: '2017-03-01', validTill: '2020-02-19' });
    expect(statusOn(ds, '2023-03-01')).toMatchObject({ status: 'expired', validTill: '2023-02-19' });
    expect(statusOn(ds, '2025-01-01')).toMatchObject({ status: 'active', validFrom: '2023-05-01', validTill: '2026-04-30' });
  });

  it('takes the newest row by Docdate as current, even when an older one runs longer', () => {
    const ds = periodsFromRows([row('2020-01-01', '2026-01-01'), row('2022-01-01', '2025-01-01')]);
    expect(statusOn(ds, '2025-06-01')).toMatchObject({ status: 'expired', validFrom: '2022-01-01', validTill: '2025-01-01' });
  });

  it('on the same Docdate, takes the latest Docvalidtill', () => {
    const ds = periodsFromRows([row('2022-01-01', '2027-01-01'), row('2022-01-01', '2025-01-01')]);
    expect(ds.map((d) => d.kind)).toEqual(['submit', 'include', 'renew']);
    expect(statusOn(ds, '2026-01-01')).toMatchObject({ status: 'active', validFrom: '2022-01-01', validTill: '2027-01-01' });
  });

  it('reads a filled Enddate on the current row as an early exclusion', () => {
    const ds = periodsFromRows([row('2020-01-01', '2023-01-01'), row('2022-06-01', '2025-06-01', '2024-03-01')]);
    expect(ds[ds.length - 1]).toEqual({
      kind: 'exclude',
      at: '2024-03-01T00:00:00Z',
      endDate: '2024-03-01',
      reason: 'Enddate filled in the registry open data',
    });
    expect(statusOn(ds, '2024-02-29')).toMatchObject({ status: 'active', endDate: '2024-03-01' });
    expect(statusOn(ds, '2024-03-01')).toMatchObject({ status: 'excluded', endDate: '2024-03-01' });
  });

  it('shortens an older period that ended early, before it was renewed', () => {
    const ds = periodsFromRows([row('2018-01-01', '2021-01-01', '2019-06-01'), row('2020-01-01', '2023-01-01')]);
    expect(statusOn(ds, '2019-05-31')).toMatchObject({ status: 'active', validTill: '2019-05-31' });
    expect(statusOn(ds, '2019-06-01')).toMatchObject({ status: 'expired' });
    expect(statusOn(ds, '2020-01-01')).toMatchObject({ status: 'active', validFrom: '2020-01-01' });
  });

  it('drops an older row that ended on its first day; the next one is the inclusion', () => {
    const ds = periodsFromRows([row('2018-01-01', '2021-01-01', '2018-01-01'), row('2020-01-01', '2023-01-01')]);
    expect(ds.filter((d) => d.kind === 'include')).toMatchObject([{ validFrom: '2020-01-01' }]);
  });

  it("accepts DD.MM.YYYY and '-' as in the open data, and ignores repeated rows", () => {
    const ds = periodsFromRows([row('10.04.2024', '09.04.2027', '-'), row('2024-04-10', '2027-04-09', null), row('10.04.2024', '09.04.2027', '')]);
    expect(ds).toHaveLength(2);
    expect(ds[1]).toMatchObject({ validFrom: '2024-04-10', validTill: '2027-04-09' });
  });

  it.each([
    ['an empty Docdate', [row('-', '2027-01-01')], /^row 1: Docdate is empty$/],
    ['an empty Docvalidtill', [row('2024-01-01', '2027-01-01'), row('2025-01-01', null)], /^row 2: Docvalidtill is empty$/],
    ['Docvalidtill before Docdate', [row('2024-01-01', '2023-01-01')], /^row 1: Docvalidtill 2023-01-01 is not after Docdate 2024-01-01$/],
    ['a date that does not exist', [row('31.02.2024', '2027-01-01')], /^row 1: "31.02.2024" is not a date/],
    [
      'an Enddate before the first Docdate',
      [row('2024-01-01', '2027-01-01', '2023-01-01')],
      /Enddate 2023-01-01 is before the record's first Docdate 2024-01-01/,
    ],
  ])('refuses %s', (_name, rows, message) => {
    try {
      periodsFromRows(rows);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LifecycleError);
      expect((e as LifecycleError).code).toBe('invalid_row');
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe('parseRegistryDate', () => {
  it.each([
    ['2024-04-10', '2024-04-10'],
    ['10.04.2024', '2024-04-10'],
    [' 2024-04-10 ', '2024-04-10'],
    ['-', null],
    ['', null],
    [null, null],
  ])('%j → %j', (value, expected) => expect(parseRegistryDate(value)).toBe(expected));

  it('refuses what is not a date', () => {
    expect(() => parseRegistryDate('2024/04/10')).toThrow(/"2024\/04\/10" is not a date/);
  });
});
