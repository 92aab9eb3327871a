/**
 * Types of the registry API (`/api/registry/…`), after src/server/registry/service.ts (`summary()`, `get()`),
 * verification.ts, the gisp import routes and the evaluator's result in src/domain/registry/rules.ts.
 */
import type { EvaluationResult, RuleSet } from '../../domain/registry/rules';
import type { OperationCode } from '../../domain/registry/operations';

export type { EvaluationCondition, EvaluationOutcome, EvaluationResult, RuleSetDefinition } from '../../domain/registry/rules';
export type { OperationCode } from '../../domain/registry/operations';

export type RegistryStatus = 'active' | 'expired' | 'suspended' | 'excluded' | 'not_in_registry';
export type ApplicationState = 'draft' | 'submitted' | 'returned' | 'rejected' | 'included';
export type RecordOrigin = 'reestr' | 'gisp';

export type LocalizedTitle = { ru: string; en: string };
export type RuleSetRef = { id: number; code: string; version: number; title: LocalizedTitle };

export type RecordSummary = {
  id: number;
  origin: RecordOrigin;
  number: string | null;
  country: string;
  state: ApplicationState;
  status: RegistryStatus;
  organizationId: number | null;
  makerName: string;
  makerInn: string | null;
  productName: string;
  level: number | null;
  points: number | null;
  ruleSet: RuleSetRef | null;
  validFrom: string | null;
  validTill: string | null;
  endDate: string | null;
  suspended: boolean;
  updatedAt: string;
};

export type RecordList = { items: RecordSummary[]; total: number; page: number; pageSize: number; date?: string };

export type RecordOperation = { code: OperationCode; country: string; organizationId: number | null; organizationName: string | null; note: string | null };
export type ContentShare = { country: string; percent: number };

export type RecordDocument = {
  id: number;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  downloadable: boolean;
};

export type HistoryEvent = {
  id: number;
  kind: string;
  actorName: string | null;
  at: string;
  effectiveDate: string | null;
  remarks: string | null;
  facts: Record<string, unknown>;
};

export type RegistryRecord = RecordSummary & {
  statusDate: string;
  period: { validFrom: string | null; validTill: string | null; endDate: string | null };
  primaryNumber: string | null;
  makerAddress: string | null;
  productionAddress: string | null;
  okpd2: string | null;
  tnved: string[];
  regulations: string | null;
  ektru: string | null;
  percentage: number | null;
  scoreDescription: string | null;
  isElectronic: boolean | null;
  isAi: boolean | null;
  basisDocument: {
    name: string | null;
    date: string | null;
    number: string | null;
    validTill: string | null;
    department: string | null;
    conclusionNumber: string | null;
  };
  remarks: string | null;
  makerTaxResidentEaeu: boolean | null;
  designRightsYears: number | null;
  usesForeignReadyMadeSolutions: boolean | null;
  evaluation: EvaluationResult[] | null;
  products: { id: number; designation: string; designationLatin: string | null; categoryCode: string | null }[];
  operations: RecordOperation[];
  contentShares: ContentShare[];
  periods: { validFrom: string; validTill: string | null; docDate: string | null }[];
  suspensions: { from: string; till: string | null }[];
  documents: RecordDocument[];
  history: HistoryEvent[];
  canEdit: boolean;
  canDecide: boolean;
};

/** Facts of an application that the evaluator reads. */
export type ApplicationFacts = {
  makerTaxResidentEaeu: boolean | null;
  designRightsYears: number | null;
  usesForeignReadyMadeSolutions: boolean | null;
  operations: { code: OperationCode; country: string; organizationName?: string | null; organizationId?: number | null }[];
  contentShares: ContentShare[];
};

export type ApplicationBody = ApplicationFacts & { organizationId: number; productTypeIds: number[]; productName?: string };

export type EvaluateBody = ApplicationFacts & { makerCountry: string; date?: string; includeDrafts?: boolean };

export type DecisionKind = 'return' | 'reject' | 'include' | 'renew' | 'suspend' | 'resume' | 'exclude';

export type DecisionBody =
  | { kind: 'return'; remarks: string }
  | { kind: 'reject'; remarks: string }
  | { kind: 'include'; number?: string; validFrom?: string; validTill?: string; ruleSetId?: number; remarks?: string }
  | { kind: 'renew'; validTill: string; validFrom?: string; remarks?: string }
  | { kind: 'suspend'; date?: string; remarks: string }
  | { kind: 'resume'; date?: string; remarks?: string }
  | { kind: 'exclude'; date?: string; remarks: string };

export type RuleSetVersion = RuleSet & { id: number };

export type VerifiedRecord = {
  recordId: number;
  number: string | null;
  origin: RecordOrigin;
  status: RegistryStatus;
  validOnDate: boolean;
  level: number | null;
  points: number | null;
  ruleSet: RuleSetRef | null;
  maker: { name: string; inn: string | null; country: string; organizationId: number | null };
  productName: string;
  validFrom: string | null;
  validTill: string | null;
  endDate: string | null;
};

export type VerifyResult = {
  query: { number?: string; designation?: string };
  date: string | null;
  found: boolean;
  validOnDate: boolean;
  records: VerifiedRecord[];
  error?: string | null;
};

export type BulkVerifyResult = { total: number; found: number; valid: number; results: VerifyResult[] };

export type ImportSummary = {
  status: 'running' | 'finished' | 'failed';
  asOf: string;
  previousImportId: number | null;
  previousAsOf: string | null;
  rows: number;
  records: number;
  new: number;
  renewed: number;
  excluded: number;
  expired: number;
  updated: number;
  unchanged: number;
  absent: number;
  events: number;
  rejectedRows: number;
  rejected: { line: number; message: string }[];
  error?: string;
  seconds?: number;
};

export type RegistryImport = {
  id: number;
  source: string;
  fileName: string;
  sha256: string;
  rows: number;
  startedBy: number | null;
  startedAt: string;
  finishedAt: string;
  summary: ImportSummary;
};

export type LogCheckpoint = { treeSize: number; rootHash: string; signedAt: string; keyId: string; signature: string };

/** A record's decisions in the tamper-evident log with inclusion proofs against the newest checkpoint (src/server/registry/log/schema.ts). */
export type RecordLog = {
  recordId: number;
  checkpoint: LogCheckpoint | null;
  /** `seq`: leaf index; `entry`: canonical JSON, leaf hash = SHA-256(0x00 ‖ entry); `proof`: null for a leaf newer than the checkpoint. */
  entries: { seq: number; eventId: number; at: string; entry: string; leafHash: string; proof: string[] | null }[];
};

export type LogKey = { keyId: string; algorithm: 'Ed25519'; publicKeyPem: string; signedText: string };
