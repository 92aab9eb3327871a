/**
 * State-support programmes (программы государственной поддержки): a programme of Belarus, Russia or the Union
 * State, its owner body and years, with participating organizations and products. Managed by admins and by
 * registry operators of that state (both countries' operators for a Union State programme).
 */
import { isAdmin, type Actor } from '../permissions';

export const PROGRAMME_STATES = ['BY', 'RU', 'UNION'] as const;
export type ProgrammeState = (typeof PROGRAMME_STATES)[number];
/** The countries of the Union State. */
export const UNION_STATE_COUNTRIES = ['BY', 'RU'] as const;
export const MIN_YEAR = 1991;
export const MAX_YEAR = 2100;

export interface ProgrammeInput {
  name: string;
  state: ProgrammeState;
  ownerBody: string;
  yearFrom: number;
  yearTo: number;
  description?: string | null;
}

const clean = (s: string | null | undefined) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** Checks a programme; returns it trimmed, or the problems a person can fix. */
export function validateProgramme(input: ProgrammeInput): { ok: true; value: ProgrammeInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const name = clean(input.name);
  const ownerBody = clean(input.ownerBody);
  if (!name) problems.push('name the programme');
  if (!ownerBody) problems.push('name the owner body (ministry, committee, …)');
  if (!PROGRAMME_STATES.includes(input.state)) problems.push(`state must be one of ${PROGRAMME_STATES.join(', ')}`);
  for (const [field, year] of [
    ['yearFrom', input.yearFrom],
    ['yearTo', input.yearTo],
  ] as const)
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) problems.push(`${field} must be a year from ${MIN_YEAR} to ${MAX_YEAR}`);
  if (Number.isInteger(input.yearFrom) && Number.isInteger(input.yearTo) && input.yearFrom > input.yearTo) problems.push('yearFrom must not be after yearTo');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { name: name!, state: input.state, ownerBody: ownerBody!, yearFrom: input.yearFrom, yearTo: input.yearTo, description: clean(input.description) },
  };
}

/** Admins, and operators of the programme's state (of either Union State country for a Union State programme). */
export function canManageProgramme(actor: Actor, state: ProgrammeState): boolean {
  if (!actor.canWrite) return false;
  if (isAdmin(actor)) return true;
  if (actor.role !== 'operator' || !actor.operatorCountry) return false;
  return state === 'UNION' ? (UNION_STATE_COUNTRIES as readonly string[]).includes(actor.operatorCountry) : actor.operatorCountry === state;
}

/** A programme runs in a year when the year is within its years, both ends included. */
export const runsIn = (p: { yearFrom: number; yearTo: number }, year: number) => p.yearFrom <= year && year <= p.yearTo;
