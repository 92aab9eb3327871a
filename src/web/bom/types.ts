/** Types of the BOM analysis API (`/api/bom/…`), after src/server/bom/service.ts and src/domain/bom/analysis.ts. */
import type { RegistryRef, SearchNote, SearchTier } from '../http/types';

export const COLUMN_ROLES = [
  'partNumber',
  'value',
  'manufacturer',
  'designators',
  'quantity',
  'package',
  'description',
  'dnp',
  'distributorPartNumber',
] as const;

/** What a BOM column holds. */
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export type MappedColumn = {
  index: number;
  header: string;
  role: ColumnRole | null;
  /** For distributorPartNumber: the distributor named by the column (Digi-Key, Mouser, LCSC …). */
  distributor?: string;
  /** For dnp: the column says "fitted", so a true value means the part is placed. */
  inverted?: boolean;
};

export type SkippedLine = { sourceLine: number; reason: string };

/** `POST /api/bom/preview`: the mapping step, nothing stored. */
export type BomPreview = {
  name: string;
  sourceKind: 'csv' | 'xlsx' | 'text' | 'json';
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** Zero-based row of the header in the table. */
  headerRow: number;
  headers: string[];
  mapping: MappedColumn[];
  confidence: 'high' | 'low';
  sampleRows: string[][];
  lineCount: number;
  skipped: SkippedLine[];
};

export const ANALYSIS_STATUSES = ['covered', 'functional', 'not_covered', 'generic', 'unreadable', 'excluded'] as const;

/** Verdict of one line: `covered` only for a full analog found through a strong tier (exact, normalised, base). */
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export type CandidateAnalogType = 'full' | 'functional' | 'partial' | 'self';

/** A domestic product type proposed for a line, best first. */
export type Candidate = {
  productTypeId: number;
  designation: string;
  designationLatin: string;
  maker: { id: number; name: string; country: string } | null;
  category: string | null;
  /** `self`: the line already names a domestic product type. */
  analogType: CandidateAnalogType;
  verified: boolean;
  tier: SearchTier;
  foreignPart: { id: number; partNumber: string } | null;
  notes: SearchNote[];
  /** Registry status on the day of the run (absent in analyses run before it was kept). */
  registry?: RegistryRef;
};

export type GenericPart = {
  kind: 'resistor' | 'capacitor' | 'inductor' | 'ferrite' | 'mechanical' | 'connector' | 'other';
  value: string | null;
};

export type BomTally = {
  total: number;
  covered: number;
  functional: number;
  notCovered: number;
  generic: number;
  unreadable: number;
  excluded: number;
};

export type BomSummary = {
  lines: BomTally;
  quantity: BomTally;
  /** Shares (0…1) of the judged lines (covered + functional + not covered). */
  coverage: { byLines: { full: number; any: number }; byQuantity: { full: number; any: number } };
  byMaker: { makerId: number; name: string; country: string; lines: number; quantity: number }[];
  byCountry: { country: string; lines: number; quantity: number }[];
  notCovered: { position: number; sourceLine: number; partNumber: string | null; value: string | null; quantity: number }[];
  /** Covered lines whose covering analog is active in the registry (absent in analyses run before it was kept). */
  registryListed?: { lines: number; quantity: number };
};

export type BomStatusChange = { position: number; sourceLine: number; from: AnalysisStatus; to: AnalysisStatus };

export type BomAnalysisLine = {
  position: number;
  sourceLine: number;
  cells: string[];
  partNumber: string | null;
  value: string | null;
  manufacturer: string | null;
  designators: string[];
  quantity: number | null;
  dnp: boolean;
  generic: GenericPart | null;
  warnings: string[];
  status: AnalysisStatus;
  previousStatus: AnalysisStatus | null;
  bestTier: SearchTier | null;
  candidates: Candidate[];
};

/** `GET /api/bom/analyses/:id` (and the answer of create and re-run). */
export type BomAnalysis = {
  id: string;
  name: string;
  owner: number | null;
  sourceKind: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number;
  headers: string[];
  mapping: MappedColumn[];
  summary: BomSummary;
  /** Status changes of the last re-run; null before the first re-run. */
  changes: BomStatusChange[] | null;
  skipped: SkippedLine[];
  revision: number;
  createdAt: string;
  runAt: string;
  lines: BomAnalysisLine[];
};

/** One item of `GET /api/bom/analyses`. */
export type BomAnalysisSummary = {
  id: string;
  name: string;
  sourceKind: string;
  lineCount: number;
  summary: BomSummary;
  revision: number;
  createdAt: string;
  runAt: string;
};

/** Column index → role (null: not used), as the mapping step sends it. */
export type RoleMapping = Record<string, ColumnRole | null>;
