/**
 * The import-substitution verdict of each BOM line and of the whole BOM. Pure rules over the candidates
 * that the search tiers found: a line is `covered` only when a `full` analog was found through a strong
 * tier (exact, normalised or base); a family or fuzzy match is never presented as covered.
 */
import { TIER_SCORE, type Note, type Tier } from '../matching';
import type { RegistryRef } from '../matching-registry';
import type { BomLine, LineStatus } from './types';

export type AnalysisStatus = LineStatus | 'excluded';

export interface Candidate {
  productTypeId: number;
  designation: string;
  designationLatin: string;
  maker: { id: number; name: string; country: string } | null;
  category: string | null;
  /** `self`: the line already names a domestic product type. */
  analogType: 'full' | 'functional' | 'partial' | 'self';
  verified: boolean;
  tier: Tier;
  foreignPart: { id: number; partNumber: string } | null;
  notes: Note[];
  /** Registry status of the product type on the day of the run (absent in analyses run before it was kept). */
  registry?: RegistryRef;
}

const STRONG_TIERS: ReadonlySet<Tier> = new Set(['exact', 'normalised', 'base']);
const ANALOG_RANK = { self: 4, full: 3, functional: 2, partial: 1 } as const;

/** Best first: stronger tier, then full over functional over partial, verified first, then designation. */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) =>
      TIER_SCORE[b.tier] - TIER_SCORE[a.tier] ||
      ANALOG_RANK[b.analogType] - ANALOG_RANK[a.analogType] ||
      Number(b.verified) - Number(a.verified) ||
      a.designation.localeCompare(b.designation) ||
      a.productTypeId - b.productTypeId,
  );
}

/** The text a line is searched by: the manufacturer part number, else the value. Null when there is none. */
export function lineQuery(line: Pick<BomLine, 'partNumber' | 'value'>): string | null {
  for (const text of [line.partNumber, line.value]) {
    const t = text?.trim();
    if (t && /[\p{L}\p{N}]{2,}/u.test(t) && !/^[~-]+$/.test(t)) return t;
  }
  return null;
}

export function lineStatus(line: Pick<BomLine, 'dnp' | 'generic' | 'partNumber' | 'value'>, candidates: Candidate[]): AnalysisStatus {
  if (line.dnp) return 'excluded';
  if (candidates.some((c) => c.analogType === 'self' && STRONG_TIERS.has(c.tier))) return 'covered';
  if (line.generic) return 'generic';
  if (!lineQuery(line)) return 'unreadable';
  if (candidates.some((c) => c.analogType === 'full' && STRONG_TIERS.has(c.tier))) return 'covered';
  if (candidates.length) return 'functional';
  return 'not_covered';
}

export interface AnalysedLine {
  position: number;
  sourceLine: number;
  partNumber: string | null;
  value: string | null;
  quantity: number | null;
  designators: string[];
  status: AnalysisStatus;
  candidates: Candidate[];
}

interface Tally {
  total: number;
  covered: number;
  functional: number;
  notCovered: number;
  generic: number;
  unreadable: number;
  excluded: number;
}

export interface BomSummary {
  lines: Tally;
  quantity: Tally;
  /** Shares of the lines (or quantity) that are imports we can judge: covered + functional + not covered. */
  coverage: { byLines: { full: number; any: number }; byQuantity: { full: number; any: number } };
  byMaker: { makerId: number; name: string; country: string; lines: number; quantity: number }[];
  byCountry: { country: string; lines: number; quantity: number }[];
  notCovered: { position: number; sourceLine: number; partNumber: string | null; value: string | null; quantity: number }[];
  /** Covered lines with a full (or own) analog that is active in the registry on the day of the run. */
  registryListed: { lines: number; quantity: number };
}

/** A covered line's candidate that covers it (a full analog or the domestic product itself, by a strong tier) and is active in the registry. */
export function registryListedCandidate(line: Pick<AnalysedLine, 'status' | 'candidates'>): Candidate | undefined {
  if (line.status !== 'covered') return undefined;
  return line.candidates.find((c) => (c.analogType === 'full' || c.analogType === 'self') && STRONG_TIERS.has(c.tier) && c.registry?.status === 'active');
}

/** Quantity of a line: as given, else the number of designators, else 1. */
export const lineQuantity = (l: Pick<AnalysedLine, 'quantity' | 'designators'>) => l.quantity ?? (l.designators.length || 1);

const KEY: Record<AnalysisStatus, keyof Tally> = {
  covered: 'covered',
  functional: 'functional',
  not_covered: 'notCovered',
  generic: 'generic',
  unreadable: 'unreadable',
  excluded: 'excluded',
};

const emptyTally = (): Tally => ({ total: 0, covered: 0, functional: 0, notCovered: 0, generic: 0, unreadable: 0, excluded: 0 });
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export function summarise(lines: AnalysedLine[]): BomSummary {
  const byLines = emptyTally();
  const byQuantity = emptyTally();
  const makers = new Map<number, BomSummary['byMaker'][number]>();
  const countries = new Map<string, BomSummary['byCountry'][number]>();
  const registryListed = { lines: 0, quantity: 0 };
  for (const line of lines) {
    const quantity = lineQuantity(line);
    if (registryListedCandidate(line)) {
      registryListed.lines++;
      registryListed.quantity += quantity;
    }
    byLines[KEY[line.status]]++;
    byQuantity[KEY[line.status]] += quantity;
    if (line.status !== 'excluded') {
      byLines.total++;
      byQuantity.total += quantity;
    }
    const best = line.status === 'covered' || line.status === 'functional' ? line.candidates[0] : undefined;
    if (best?.maker) {
      const m = makers.get(best.maker.id) ?? { makerId: best.maker.id, name: best.maker.name, country: best.maker.country, lines: 0, quantity: 0 };
      m.lines++;
      m.quantity += quantity;
      makers.set(best.maker.id, m);
      const c = countries.get(best.maker.country) ?? { country: best.maker.country, lines: 0, quantity: 0 };
      c.lines++;
      c.quantity += quantity;
      countries.set(best.maker.country, c);
    }
  }
  const judged = (t: Tally) => t.covered + t.functional + t.notCovered;
  return {
    lines: byLines,
    quantity: byQuantity,
    coverage: {
      byLines: { full: share(byLines.covered, judged(byLines)), any: share(byLines.covered + byLines.functional, judged(byLines)) },
      byQuantity: { full: share(byQuantity.covered, judged(byQuantity)), any: share(byQuantity.covered + byQuantity.functional, judged(byQuantity)) },
    },
    byMaker: [...makers.values()].sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name)),
    byCountry: [...countries.values()].sort((a, b) => b.lines - a.lines || a.country.localeCompare(b.country)),
    notCovered: lines
      .filter((l) => l.status === 'not_covered')
      .map((l) => ({ position: l.position, sourceLine: l.sourceLine, partNumber: l.partNumber, value: l.value, quantity: lineQuantity(l) })),
    registryListed,
  };
}

/** What changed between two runs of the same analysis, line by line. */
export function statusChanges(previous: Map<number, AnalysisStatus>, current: AnalysedLine[]) {
  return current
    .filter((l) => previous.has(l.position) && previous.get(l.position) !== l.status)
    .map((l) => ({ position: l.position, sourceLine: l.sourceLine, from: previous.get(l.position)!, to: l.status }));
}
