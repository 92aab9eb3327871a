/**
 * Demand (потребность): a buyer organization's need for an imported item. Pure validation and the rules of
 * who sees the buyer's name. The item is a foreign part number (stored as typed beside its normalised key),
 * a description or a category code; at least one of them.
 */
import { partNumberKey } from '../part-number';

export const VISIBILITIES = ['public', 'registered', 'anonymous'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const DEMAND_STATUSES = ['open', 'closed'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** ISO 3166-2 subdivision code: two-letter country, dash, one to three letters or digits (BY-MI, RU-MOW, RU-77). */
export const REGION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
export const MAX_QUANTITY_PER_YEAR = 1e12;

export interface DemandInput {
  partNumber?: string | null;
  description?: string | null;
  categoryCode?: string | null;
  quantityPerYear: number;
  neededBy?: string | null;
  region?: string | null;
  visibility?: Visibility;
}

export interface DemandFields {
  partNumber: string | null;
  partNumberKey: string | null;
  description: string | null;
  categoryCode: string | null;
  quantityPerYear: number;
  neededBy: string | null;
  region: string | null;
  visibility: Visibility;
}

const clean = (s: string | null | undefined) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Checks and normalises a demand; returns the fields, or the list of problems a person can fix. */
export function validateDemand(input: DemandInput): { ok: true; value: DemandFields } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const partNumber = clean(input.partNumber);
  const key = partNumber ? partNumberKey(partNumber) : null;
  const description = clean(input.description);
  const categoryCode = clean(input.categoryCode);
  if (partNumber && !key) problems.push(`part number "${partNumber}" has no letters or digits`);
  if (!partNumber && !description && !categoryCode) problems.push('name the item: a foreign part number, a description or a category code');
  if (!Number.isFinite(input.quantityPerYear) || input.quantityPerYear <= 0) problems.push('quantityPerYear must be a positive number');
  else if (input.quantityPerYear > MAX_QUANTITY_PER_YEAR) problems.push(`quantityPerYear must be at most ${MAX_QUANTITY_PER_YEAR}`);
  const neededBy = clean(input.neededBy);
  if (neededBy && !isCalendarDate(neededBy)) problems.push(`neededBy "${neededBy}" is not a date YYYY-MM-DD`);
  const region = clean(input.region)?.toUpperCase() ?? null;
  if (region && !REGION_PATTERN.test(region)) problems.push(`region "${region}" is not an ISO 3166-2 code such as BY-MI or RU-MOW`);
  const visibility = input.visibility ?? 'public';
  if (!VISIBILITIES.includes(visibility)) problems.push(`visibility must be one of ${VISIBILITIES.join(', ')}`);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { partNumber, partNumberKey: key || null, description, categoryCode, quantityPerYear: input.quantityPerYear, neededBy, region, visibility },
  };
}

/** Who is looking: signed in or not, the organizations they belong to, operator or admin. */
export interface Viewer {
  signedIn: boolean;
  organizationIds: readonly number[];
  /** Operators (of any country) and admins see every buyer's name. */
  privileged: boolean;
}

export const ANONYMOUS_VIEWER: Viewer = { signedIn: false, organizationIds: [], privileged: false };

/** The visibilities a viewer may list: `registered` demands only for signed-in users. */
export function visibleVisibilities(viewer: Viewer): Visibility[] {
  return viewer.signedIn ? [...VISIBILITIES] : ['public', 'anonymous'];
}

export function canSeeDemand(viewer: Viewer, demand: { visibility: Visibility; buyerOrganizationId: number }): boolean {
  return visibleVisibilities(viewer).includes(demand.visibility) || viewer.organizationIds.includes(demand.buyerOrganizationId) || viewer.privileged;
}

/** An `anonymous` demand hides its buyer from everyone but the buyer's members, operators and admins. */
export function canSeeBuyer(viewer: Viewer, demand: { visibility: Visibility; buyerOrganizationId: number }): boolean {
  if (demand.visibility !== 'anonymous') return canSeeDemand(viewer, demand);
  return viewer.privileged || viewer.organizationIds.includes(demand.buyerOrganizationId);
}

/** Yearly demand of a BOM line: its quantity per board times the boards built per year. */
export function yearlyQuantity(quantityPerBoard: number, boardsPerYear = 1): number {
  return Math.round(quantityPerBoard * boardsPerYear * 1000) / 1000;
}
