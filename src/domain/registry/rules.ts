/**
 * Rule sets: versioned data that turn a product's technological operations and content shares into a
 * registry level, points or status, with an explanation a person can check. A new act adds a rule set (or
 * a new version of one); it never adds a code branch. One evaluator reads every kind of definition.
 *
 * Reading conventions (stated once, used everywhere):
 * - Dates are calendar days `YYYY-MM-DD`; `effectiveTo` is the last day a rule set is in force (inclusive).
 * - An operation that is not in the applicant's list is "not declared" and so not performed domestically.
 *   An operation listed several times is domestic only when every listed country counts as domestic.
 * - A country without a content-share row has an unknown share between 0 and what the other rows leave of
 *   100%; a condition that depends on it is decided only when every possible value gives the same answer.
 * - `met: null` means "unknown, data missing": the outcome is then `incomplete` and `gaps` names the data.
 *   Nothing is guessed: unknown data never counts for or against the product.
 */
import {
  OPERATION_CODES,
  OPERATION_LABELS,
  isCountryCode,
  isOperationCode,
  type ContentShare,
  type LocalizedText,
  type Operation,
  type OperationCode,
} from './operations';

export type { LocalizedText } from './operations';

// ---------------------------------------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------------------------------------

/** Conditions on the maker and design rights, common to every level of a rule set. */
export interface GeneralConditions {
  /** The maker must be a legal entity and a tax resident of a member state of the Eurasian Economic Union. */
  makerTaxResidentEaeu: boolean;
  /** Minimum years of rights to the design documentation (incl. third-party IP blocks); null = no requirement. */
  minDesignRightsYears: number | null;
  /** No ready-made foreign circuit solutions may be used in the design. */
  noForeignReadyMadeSolutions: boolean;
}

/** One level of an operation-list rule set: these operations must all be performed domestically. */
export interface OperationLevel {
  level: number;
  operations: OperationCode[];
}

/** ПП РФ 764 style: levels as lists of operations that must be done in a domestic country. */
export interface OperationLevelsDefinition {
  kind: 'operation_levels';
  domesticCountries: string[];
  conditions: GeneralConditions;
  levels: OperationLevel[];
}

export interface PointsThreshold {
  level: number;
  minPoints: number;
}

/** An operation that must be performed domestically from a date; `from: null` = from the rule set's start. */
export interface MandatoryOperation {
  operation: OperationCode;
  from: string | null;
}

/**
 * Points style (the December 2025 draft): points are earned only by operations performed domestically; a
 * level is reached at a threshold. A `null` point value is a gap an operator fills (see `fillGaps`).
 */
export interface PointsDefinition {
  kind: 'points';
  domesticCountries: string[];
  /** General conditions, when the act states them; null = none stated. */
  conditions: GeneralConditions | null;
  thresholds: PointsThreshold[];
  points: Record<OperationCode, number | null>;
  mandatory: MandatoryOperation[];
}

/** Materials/components from a recognised country count only with a minimum share of work in a given country. */
export interface MaterialsRequirement {
  operations: OperationCode[];
  minShareCountry: string;
  minSharePercent: number;
}

/**
 * Mutual recognition: operations and documents of `recognizedCountries` are accepted on a par with domestic
 * ones by the rule sets of the recognition's own country (all of them, or only `appliesTo` codes).
 */
export interface RecognitionDefinition {
  kind: 'recognition';
  recognizedCountries: string[];
  /** Rule-set codes this recognition widens; null = every rule set of the recognition's country. */
  appliesTo: string[] | null;
  materials: MaterialsRequirement | null;
}

/** "Product of the Union State": joint content of `countries` and a minimum share for each of them. */
export interface UnionStateDefinition {
  kind: 'union_state';
  countries: string[];
  minJointPercent: number;
  minEachPercent: number;
}

export type RuleSetDefinition = OperationLevelsDefinition | PointsDefinition | RecognitionDefinition | UnionStateDefinition;
export type RuleSetKind = RuleSetDefinition['kind'];

export type RuleSetCountry = 'RU' | 'BY' | 'UNION';
export type RuleSetStatus = 'in_force' | 'draft';

export interface RuleSet {
  code: string;
  version: number;
  title: LocalizedText;
  country: RuleSetCountry;
  status: RuleSetStatus;
  /** YYYY-MM-DD, first day in force. */
  effectiveFrom: string;
  /** YYYY-MM-DD, last day in force (inclusive); null = open. */
  effectiveTo: string | null;
  /** The act and links it comes from. */
  source: string;
  definition: RuleSetDefinition;
}

export interface RuleSetRef {
  code: string;
  version: number;
}

/** Bad rule-set JSON or bad evaluation input. `field` is a path such as `definition.thresholds[1].minPoints`. */
export class RuleValidationError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'RuleValidationError';
    this.field = field;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

function fmt(n: number, lang: 'ru' | 'en'): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === 'ru' ? s.replace('.', ',') : s;
}

type Tri = boolean | null;

function and3(values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  if (values.some((v) => v === null)) return null;
  return true;
}

/** Decide `value ≥ min` for a value known only to lie in [lo, hi]. */
function atLeast(lo: number, hi: number, min: number): Tri {
  if (lo >= min) return true;
  if (hi < min) return false;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing (operators edit definitions as JSON)
// ---------------------------------------------------------------------------------------------------------

function expectKeys(obj: Record<string, unknown>, path: string, required: string[], optional: string[] = []): void {
  for (const key of required) if (!(key in obj)) throw new RuleValidationError(`${path}.${key}`, 'is missing');
  const known = new Set([...required, ...optional]);
  for (const key of Object.keys(obj))
    if (!known.has(key)) throw new RuleValidationError(`${path}.${key}`, `is not a known field (expected one of: ${[...known].join(', ')})`);
}

function parseObject(v: unknown, path: string): Record<string, unknown> {
  if (!isRecord(v)) throw new RuleValidationError(path, `must be an object, got ${show(v)}`);
  return v;
}

function parseNumber(v: unknown, path: string, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RuleValidationError(path, `must be a finite number, got ${show(v)}`);
  if (opts.integer && !Number.isInteger(v)) throw new RuleValidationError(path, `must be a whole number, got ${v}`);
  if (opts.min !== undefined && v < opts.min) throw new RuleValidationError(path, `must be at least ${opts.min}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) throw new RuleValidationError(path, `must be at most ${opts.max}, got ${v}`);
  return v;
}

function parseBoolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new RuleValidationError(path, `must be true or false, got ${show(v)}`);
  return v;
}

function parseArray(v: unknown, path: string, nonEmpty = true): unknown[] {
  if (!Array.isArray(v)) throw new RuleValidationError(path, `must be a list, got ${show(v)}`);
  if (nonEmpty && v.length === 0) throw new RuleValidationError(path, 'must not be empty');
  return v;
}

function parseCountries(v: unknown, path: string): string[] {
  const list = parseArray(v, path).map((c, i) => {
    if (!isCountryCode(c)) throw new RuleValidationError(`${path}[${i}]`, `must be an ISO 3166-1 alpha-2 code such as "RU", got ${show(c)}`);
    return c;
  });
  const dup = list.find((c, i) => list.indexOf(c) !== i);
  if (dup) throw new RuleValidationError(path, `lists ${dup} twice`);
  return list;
}

function parseOperation(v: unknown, path: string): OperationCode {
  if (!isOperationCode(v)) throw new RuleValidationError(path, `unknown operation ${show(v)} (known: ${OPERATION_CODES.join(', ')})`);
  return v;
}

function parseOperations(v: unknown, path: string): OperationCode[] {
  const list = parseArray(v, path).map((op, i) => parseOperation(op, `${path}[${i}]`));
  const dup = list.find((c, i) => list.indexOf(c) !== i);
  if (dup) throw new RuleValidationError(path, `lists ${dup} twice`);
  return list;
}

function parseDate(v: unknown, path: string): string {
  if (!isIsoDate(v)) throw new RuleValidationError(path, `must be a date YYYY-MM-DD, got ${show(v)}`);
  return v;
}

function parseLevelNumbers<T extends { level: number }>(items: T[], path: string): T[] {
  const seen = new Set<number>();
  items.forEach((it, i) => {
    if (seen.has(it.level)) throw new RuleValidationError(`${path}[${i}].level`, `level ${it.level} appears twice`);
    seen.add(it.level);
  });
  return [...items].sort((a, b) => a.level - b.level);
}

function parseConditions(v: unknown, path: string): GeneralConditions {
  const o = parseObject(v, path);
  expectKeys(o, path, ['makerTaxResidentEaeu', 'minDesignRightsYears', 'noForeignReadyMadeSolutions']);
  return {
    makerTaxResidentEaeu: parseBoolean(o.makerTaxResidentEaeu, `${path}.makerTaxResidentEaeu`),
    minDesignRightsYears: o.minDesignRightsYears === null ? null : parseNumber(o.minDesignRightsYears, `${path}.minDesignRightsYears`, { min: 0 }),
    noForeignReadyMadeSolutions: parseBoolean(o.noForeignReadyMadeSolutions, `${path}.noForeignReadyMadeSolutions`),
  };
}

function parsePoints(v: unknown, path: string): Record<OperationCode, number | null> {
  const o = parseObject(v, path);
  const out = Object.fromEntries(OPERATION_CODES.map((c) => [c, null])) as Record<OperationCode, number | null>;
  for (const [key, value] of Object.entries(o)) {
    const code = parseOperation(key, `${path}.${key}`);
    out[code] = value === null ? null : parseNumber(value, `${path}.${key}`, { min: 0 });
  }
  return out;
}

/**
 * Validate rule-set definition JSON as an operator typed it. Throws `RuleValidationError` naming the bad
 * field. Point values missing from `points` are gaps (null). Levels and thresholds come back sorted.
 */
export function parseRuleSetDefinition(json: unknown): RuleSetDefinition {
  const p = 'definition';
  const o = parseObject(json, p);
  switch (o.kind) {
    case 'operation_levels': {
      expectKeys(o, p, ['kind', 'domesticCountries', 'conditions', 'levels']);
      const levels = parseArray(o.levels, `${p}.levels`).map((lv, i) => {
        const lp = `${p}.levels[${i}]`;
        const l = parseObject(lv, lp);
        expectKeys(l, lp, ['level', 'operations']);
        return { level: parseNumber(l.level, `${lp}.level`, { min: 1, integer: true }), operations: parseOperations(l.operations, `${lp}.operations`) };
      });
      return {
        kind: 'operation_levels',
        domesticCountries: parseCountries(o.domesticCountries, `${p}.domesticCountries`),
        conditions: parseConditions(o.conditions, `${p}.conditions`),
        levels: parseLevelNumbers(levels, `${p}.levels`),
      };
    }
    case 'points': {
      expectKeys(o, p, ['kind', 'domesticCountries', 'thresholds', 'points', 'mandatory'], ['conditions']);
      const thresholds = parseLevelNumbers(
        parseArray(o.thresholds, `${p}.thresholds`).map((t, i) => {
          const tp = `${p}.thresholds[${i}]`;
          const th = parseObject(t, tp);
          expectKeys(th, tp, ['level', 'minPoints']);
          return {
            level: parseNumber(th.level, `${tp}.level`, { min: 1, integer: true }),
            minPoints: parseNumber(th.minPoints, `${tp}.minPoints`, { min: 0 }),
          };
        }),
        `${p}.thresholds`,
      );
      for (let i = 1; i < thresholds.length; i++) {
        if (thresholds[i].minPoints > thresholds[i - 1].minPoints) {
          throw new RuleValidationError(
            `${p}.thresholds`,
            `level ${thresholds[i].level} needs ${thresholds[i].minPoints} points, more than the better level ${thresholds[i - 1].level} (${thresholds[i - 1].minPoints})`,
          );
        }
      }
      const mandatory = parseArray(o.mandatory, `${p}.mandatory`, false).map((m, i) => {
        const mp = `${p}.mandatory[${i}]`;
        const mo = parseObject(m, mp);
        expectKeys(mo, mp, ['operation', 'from']);
        return { operation: parseOperation(mo.operation, `${mp}.operation`), from: mo.from === null ? null : parseDate(mo.from, `${mp}.from`) };
      });
      const dup = mandatory.find((m, i) => mandatory.findIndex((x) => x.operation === m.operation) !== i);
      if (dup) throw new RuleValidationError(`${p}.mandatory`, `lists ${dup.operation} twice`);
      return {
        kind: 'points',
        domesticCountries: parseCountries(o.domesticCountries, `${p}.domesticCountries`),
        conditions: o.conditions === undefined || o.conditions === null ? null : parseConditions(o.conditions, `${p}.conditions`),
        thresholds,
        points: parsePoints(o.points, `${p}.points`),
        mandatory,
      };
    }
    case 'recognition': {
      expectKeys(o, p, ['kind', 'recognizedCountries', 'appliesTo', 'materials']);
      let materials: MaterialsRequirement | null = null;
      if (o.materials !== null) {
        const mp = `${p}.materials`;
        const m = parseObject(o.materials, mp);
        expectKeys(m, mp, ['operations', 'minShareCountry', 'minSharePercent']);
        if (!isCountryCode(m.minShareCountry))
          throw new RuleValidationError(`${mp}.minShareCountry`, `must be an ISO 3166-1 alpha-2 code, got ${show(m.minShareCountry)}`);
        materials = {
          operations: parseOperations(m.operations, `${mp}.operations`),
          minShareCountry: m.minShareCountry,
          minSharePercent: parseNumber(m.minSharePercent, `${mp}.minSharePercent`, { min: 0, max: 100 }),
        };
      }
      let appliesTo: string[] | null = null;
      if (o.appliesTo !== null) {
        appliesTo = parseArray(o.appliesTo, `${p}.appliesTo`).map((c, i) => {
          if (typeof c !== 'string' || c.trim() === '') throw new RuleValidationError(`${p}.appliesTo[${i}]`, `must be a rule-set code, got ${show(c)}`);
          return c;
        });
      }
      return { kind: 'recognition', recognizedCountries: parseCountries(o.recognizedCountries, `${p}.recognizedCountries`), appliesTo, materials };
    }
    case 'union_state': {
      expectKeys(o, p, ['kind', 'countries', 'minJointPercent', 'minEachPercent']);
      const countries = parseCountries(o.countries, `${p}.countries`);
      if (countries.length < 2) throw new RuleValidationError(`${p}.countries`, 'must name at least two countries');
      const minJointPercent = parseNumber(o.minJointPercent, `${p}.minJointPercent`, { min: 0, max: 100 });
      const minEachPercent = parseNumber(o.minEachPercent, `${p}.minEachPercent`, { min: 0, max: 100 });
      if (minEachPercent * countries.length > 100) {
        throw new RuleValidationError(`${p}.minEachPercent`, `${minEachPercent}% for each of ${countries.length} countries adds up to more than 100%`);
      }
      return { kind: 'union_state', countries, minJointPercent, minEachPercent };
    }
    default:
      throw new RuleValidationError(`${p}.kind`, `must be one of operation_levels, points, recognition, union_state; got ${show(o.kind)}`);
  }
}

/** Validate a whole rule set (e.g. a row read back from the database or an operator's upload). */
export function parseRuleSet(json: unknown): RuleSet {
  const p = 'ruleSet';
  const o = parseObject(json, p);
  expectKeys(o, p, ['code', 'version', 'title', 'country', 'status', 'effectiveFrom', 'effectiveTo', 'source', 'definition']);
  if (typeof o.code !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(o.code)) {
    throw new RuleValidationError(`${p}.code`, `must be lower-case letters, digits, dots, dashes or underscores, got ${show(o.code)}`);
  }
  const title = parseObject(o.title, `${p}.title`);
  expectKeys(title, `${p}.title`, ['ru', 'en']);
  for (const lang of ['ru', 'en'] as const) {
    if (typeof title[lang] !== 'string' || (title[lang] as string).trim() === '')
      throw new RuleValidationError(`${p}.title.${lang}`, 'must be a non-empty text');
  }
  if (o.country !== 'RU' && o.country !== 'BY' && o.country !== 'UNION')
    throw new RuleValidationError(`${p}.country`, `must be RU, BY or UNION, got ${show(o.country)}`);
  if (o.status !== 'in_force' && o.status !== 'draft') throw new RuleValidationError(`${p}.status`, `must be in_force or draft, got ${show(o.status)}`);
  const effectiveFrom = parseDate(o.effectiveFrom, `${p}.effectiveFrom`);
  const effectiveTo = o.effectiveTo === null ? null : parseDate(o.effectiveTo, `${p}.effectiveTo`);
  if (effectiveTo !== null && effectiveTo < effectiveFrom)
    throw new RuleValidationError(`${p}.effectiveTo`, `${effectiveTo} is before effectiveFrom ${effectiveFrom}`);
  if (typeof o.source !== 'string' || o.source.trim() === '') throw new RuleValidationError(`${p}.source`, 'must name the act and its links');
  const definition = parseRuleSetDefinition(o.definition);
  if (definition.kind === 'union_state' && o.country !== 'UNION')
    throw new RuleValidationError(`${p}.country`, 'a union_state rule set must have country UNION');
  return {
    code: o.code,
    version: parseNumber(o.version, `${p}.version`, { min: 1, integer: true }),
    title: { ru: title.ru as string, en: title.en as string },
    country: o.country,
    status: o.status,
    effectiveFrom,
    effectiveTo,
    source: o.source,
    definition,
  };
}

/**
 * Fill point values of a points definition (for a new version of the rule set). Values already set may be
 * replaced too. Rejects unknown operations and negative or non-finite numbers.
 */
export function fillGaps(def: RuleSetDefinition, values: Partial<Record<OperationCode, number>>): PointsDefinition {
  if (def.kind !== 'points') throw new RuleValidationError('definition.kind', `only a points rule set has point values to fill, this one is ${def.kind}`);
  if (!isRecord(values)) throw new RuleValidationError('values', `must be an object of operation → points, got ${show(values)}`);
  const points = { ...def.points };
  for (const [key, value] of Object.entries(values)) {
    const code = parseOperation(key, `values.${key}`);
    points[code] = parseNumber(value, `values.${key}`, { min: 0 });
  }
  return {
    ...def,
    points,
    thresholds: def.thresholds.map((t) => ({ ...t })),
    mandatory: def.mandatory.map((m) => ({ ...m })),
    domesticCountries: [...def.domesticCountries],
  };
}

/** Operations whose point value is still a gap. */
export function pointGaps(def: PointsDefinition): OperationCode[] {
  return OPERATION_CODES.filter((c) => def.points[c] === null);
}

// ---------------------------------------------------------------------------------------------------------
// Which rule sets apply
// ---------------------------------------------------------------------------------------------------------

export function isInForceOn(ruleSet: RuleSet, date: string, options: { includeDrafts?: boolean } = {}): boolean {
  if (ruleSet.status === 'draft' && !options.includeDrafts) return false;
  return ruleSet.effectiveFrom <= date && (ruleSet.effectiveTo === null || date <= ruleSet.effectiveTo);
}

/**
 * Rule sets of `country` in force on `date` (drafts only when asked). Of several versions of one code in
 * force on the date, the highest version wins. Sorted by code.
 */
export function ruleSetsInForce(all: readonly RuleSet[], country: string, date: string, options: { includeDrafts?: boolean } = {}): RuleSet[] {
  if (!isIsoDate(date)) throw new RuleValidationError('date', `must be a date YYYY-MM-DD, got ${show(date)}`);
  const best = new Map<string, RuleSet>();
  for (const rs of all) {
    if (rs.country !== country || !isInForceOn(rs, date, options)) continue;
    const prev = best.get(rs.code);
    if (!prev || rs.version > prev.version) best.set(rs.code, rs);
  }
  return [...best.values()].sort((a, b) => a.code.localeCompare(b.code));
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------------------

export interface EvaluationInput {
  /** The date the product is judged on (YYYY-MM-DD). */
  date: string;
  makerCountry: string;
  /** The maker is a legal entity and a tax resident of an EAEU member state; null = unknown. */
  makerTaxResidentEaeu: boolean | null;
  /** Years of rights to the design documentation (incl. third-party IP blocks); null = unknown. */
  designRightsYears: number | null;
  /** Ready-made foreign circuit solutions were used in the design; null = unknown. */
  usesForeignReadyMadeSolutions: boolean | null;
  operations: Operation[];
  contentShares: ContentShare[];
}

export interface EvaluationCondition {
  code: string;
  /** null = unknown, data missing. */
  met: boolean | null;
  text: LocalizedText;
}

export type EvaluationOutcome = 'qualified' | 'not_qualified' | 'incomplete';

export interface EvaluationResult {
  ruleSet: RuleSetRef;
  appliedRecognitions: RuleSetRef[];
  outcome: EvaluationOutcome;
  /** The best (lowest-numbered) level reached; null when not qualified, incomplete, or the rule set has no levels. */
  level: number | null;
  /** Points total for a points rule set when it is exactly known; otherwise null. */
  points: number | null;
  conditions: EvaluationCondition[];
  /** Data (input fields, content shares, rule-set point values) whose absence keeps the outcome open. Empty unless incomplete. */
  gaps: string[];
}

export interface EvaluationContext {
  /** Recognition rule sets; those in force on the input date and applying to the evaluated rule set widen its domestic countries. */
  recognitions: readonly RuleSet[];
}

interface Checked extends EvaluationCondition {
  gaps: string[];
}

function validateInput(input: EvaluationInput): void {
  if (!isRecord(input)) throw new RuleValidationError('input', 'must be an object');
  if (!isIsoDate(input.date)) throw new RuleValidationError('input.date', `must be a date YYYY-MM-DD, got ${show(input.date)}`);
  if (!isCountryCode(input.makerCountry))
    throw new RuleValidationError('input.makerCountry', `must be an ISO 3166-1 alpha-2 code, got ${show(input.makerCountry)}`);
  if (input.makerTaxResidentEaeu !== null && typeof input.makerTaxResidentEaeu !== 'boolean') {
    throw new RuleValidationError('input.makerTaxResidentEaeu', `must be true, false or null, got ${show(input.makerTaxResidentEaeu)}`);
  }
  if (input.designRightsYears !== null) parseNumber(input.designRightsYears, 'input.designRightsYears', { min: 0 });
  if (input.usesForeignReadyMadeSolutions !== null && typeof input.usesForeignReadyMadeSolutions !== 'boolean') {
    throw new RuleValidationError('input.usesForeignReadyMadeSolutions', `must be true, false or null, got ${show(input.usesForeignReadyMadeSolutions)}`);
  }
  parseArray(input.operations, 'input.operations', false).forEach((op, i) => {
    const o = parseObject(op, `input.operations[${i}]`);
    parseOperation(o.code, `input.operations[${i}].code`);
    if (!isCountryCode(o.country))
      throw new RuleValidationError(`input.operations[${i}].country`, `must be an ISO 3166-1 alpha-2 code such as "RU", got ${show(o.country)}`);
  });
  const shares = parseArray(input.contentShares, 'input.contentShares', false);
  const seen = new Set<string>();
  let total = 0;
  shares.forEach((s, i) => {
    const o = parseObject(s, `input.contentShares[${i}]`);
    if (!isCountryCode(o.country))
      throw new RuleValidationError(`input.contentShares[${i}].country`, `must be an ISO 3166-1 alpha-2 code, got ${show(o.country)}`);
    if (seen.has(o.country))
      throw new RuleValidationError(`input.contentShares[${i}].country`, `${o.country} has more than one content share; give one total per country`);
    seen.add(o.country);
    total += parseNumber(o.percent, `input.contentShares[${i}].percent`, { min: 0, max: 100 });
  });
  if (total > 100 + 1e-9) throw new RuleValidationError('input.contentShares', `the shares add up to ${fmt(total, 'en')}%, more than 100%`);
}

/** The share of `country` as an interval: exact when given or when the given rows already add up to 100%. */
function shareBounds(shares: readonly ContentShare[], country: string): { lo: number; hi: number; known: boolean } {
  const row = shares.find((s) => s.country === country);
  if (row) return { lo: row.percent, hi: row.percent, known: true };
  const rest = Math.max(0, 100 - shares.reduce((sum, s) => sum + s.percent, 0));
  return { lo: 0, hi: rest, known: rest <= 1e-9 };
}

function shareText(b: { lo: number; hi: number; known: boolean }, lang: 'ru' | 'en'): string {
  if (b.known) return `${fmt(b.lo, lang)}%`;
  return lang === 'ru' ? `неизвестна (от ${fmt(b.lo, lang)}% до ${fmt(b.hi, lang)}%)` : `unknown (between ${fmt(b.lo, lang)}% and ${fmt(b.hi, lang)}%)`;
}

interface ActiveRecognition {
  ref: RuleSetRef;
  def: RecognitionDefinition;
}

const refOf = (rs: RuleSet): RuleSetRef => ({ code: rs.code, version: rs.version });
const refText = (r: RuleSetRef) => `${r.code} v${r.version}`;

function activeRecognitions(ruleSet: RuleSet, recognitions: readonly RuleSet[], date: string): ActiveRecognition[] {
  const out = new Map<string, RuleSet>();
  for (const rs of recognitions) {
    const def = rs.definition;
    if (def.kind !== 'recognition' || rs.code === ruleSet.code) continue;
    if (rs.country !== ruleSet.country || !isInForceOn(rs, date)) continue;
    if (def.appliesTo !== null && !def.appliesTo.includes(ruleSet.code)) continue;
    const prev = out.get(rs.code);
    if (!prev || rs.version > prev.version) out.set(rs.code, rs);
  }
  return [...out.values()].map((rs) => ({ ref: refOf(rs), def: rs.definition as RecognitionDefinition }));
}

/** Whether one declared operation counts as performed domestically, with the reasons. */
function checkDomestic(code: OperationCode, input: EvaluationInput, domestic: readonly string[], recognitions: readonly ActiveRecognition[]): Checked {
  const label = OPERATION_LABELS[code];
  const entries = input.operations.filter((o) => o.code === code);
  const base = { code: `domestic:${code}` };
  if (entries.length === 0) {
    return {
      ...base,
      met: false,
      gaps: [],
      text: { ru: `«${label.ru}»: не заявлено, отечественным не считается`, en: `“${label.en}”: not declared, so not counted as domestic` },
    };
  }
  const parts: { met: Tri; ru: string; en: string; gaps: string[] }[] = entries.map((e) => {
    const who = e.organizationName ? ` (${e.organizationName})` : '';
    if (domestic.includes(e.country)) return { met: true, ru: `${e.country}${who} — отечественная`, en: `${e.country}${who} — domestic`, gaps: [] };
    const rec = recognitions.find((r) => r.def.recognizedCountries.includes(e.country));
    if (!rec) return { met: false, ru: `${e.country}${who} — не отечественная`, en: `${e.country}${who} — not domestic`, gaps: [] };
    const name = refText(rec.ref);
    const m = rec.def.materials;
    if (m && m.operations.includes(code)) {
      const b = shareBounds(input.contentShares, m.minShareCountry);
      const met = atLeast(b.lo, b.hi, m.minSharePercent);
      const verdict = {
        ru: met === true ? 'засчитывается' : met === false ? 'не засчитывается' : 'не определено',
        en: met === true ? 'counted' : met === false ? 'not counted' : 'undecided',
      };
      return {
        met,
        ru: `${e.country}${who} — ${verdict.ru} по признанию ${name}: материалы и комплектующие засчитываются при доле работ в ${m.minShareCountry} не менее ${fmt(m.minSharePercent, 'ru')}%, доля ${m.minShareCountry} ${shareText(b, 'ru')}`,
        en: `${e.country}${who} — ${verdict.en} under recognition ${name}: materials and components count when at least ${fmt(m.minSharePercent, 'en')}% of the work is done in ${m.minShareCountry}; the ${m.minShareCountry} share is ${shareText(b, 'en')}`,
        gaps: met === null ? [`contentShares.${m.minShareCountry}`] : [],
      };
    }
    return {
      met: true,
      ru: `${e.country}${who} — признаётся наравне с отечественной по ${name}`,
      en: `${e.country}${who} — accepted as domestic under recognition ${name}`,
      gaps: [],
    };
  });
  const met = and3(parts.map((x) => x.met));
  return {
    ...base,
    met,
    gaps: met === null ? [...new Set(parts.flatMap((x) => x.gaps))] : [],
    text: { ru: `«${label.ru}»: ${parts.map((x) => x.ru).join('; ')}`, en: `“${label.en}”: ${parts.map((x) => x.en).join('; ')}` },
  };
}

function checkGeneral(c: GeneralConditions, input: EvaluationInput): Checked[] {
  const out: Checked[] = [];
  const yesNo = (v: Tri, lang: 'ru' | 'en') =>
    v === null ? (lang === 'ru' ? 'неизвестно' : 'unknown') : v ? (lang === 'ru' ? 'да' : 'yes') : lang === 'ru' ? 'нет' : 'no';
  if (c.makerTaxResidentEaeu) {
    const v = input.makerTaxResidentEaeu;
    out.push({
      code: 'maker_eaeu_tax_resident',
      met: v,
      gaps: v === null ? ['makerTaxResidentEaeu'] : [],
      text: {
        ru: `Изготовитель — юридическое лицо и налоговый резидент государства — члена ЕАЭС (страна изготовителя ${input.makerCountry}): ${yesNo(v, 'ru')}`,
        en: `The maker is a legal entity and a tax resident of an EAEU member state (maker country ${input.makerCountry}): ${yesNo(v, 'en')}`,
      },
    });
  }
  if (c.minDesignRightsYears !== null) {
    const y = input.designRightsYears;
    const min = c.minDesignRightsYears;
    const met = y === null ? null : y >= min;
    out.push({
      code: 'design_rights_years',
      met,
      gaps: y === null ? ['designRightsYears'] : [],
      text: {
        ru: `Права на конструкторскую документацию (включая СФ-блоки) не менее чем на ${fmt(min, 'ru')} лет: ${y === null ? 'срок неизвестен' : `${fmt(y, 'ru')} лет — ${met ? 'выполнено' : 'не выполнено'}`}`,
        en: `Rights to the design documentation (incl. third-party IP blocks) for at least ${fmt(min, 'en')} years: ${y === null ? 'term unknown' : `${fmt(y, 'en')} years — ${met ? 'met' : 'not met'}`}`,
      },
    });
  }
  if (c.noForeignReadyMadeSolutions) {
    const u = input.usesForeignReadyMadeSolutions;
    out.push({
      code: 'no_foreign_ready_made_solutions',
      met: u === null ? null : !u,
      gaps: u === null ? ['usesForeignReadyMadeSolutions'] : [],
      text: {
        ru: `Готовые иностранные схемотехнические решения не используются: ${u === null ? 'неизвестно' : u ? 'используются — не выполнено' : 'выполнено'}`,
        en: `No ready-made foreign circuit solutions are used: ${u === null ? 'unknown' : u ? 'they are used — not met' : 'met'}`,
      },
    });
  }
  return out;
}

/** Walk levels best first: the first level not definitely failed decides the outcome. */
function decideLevels(levels: { level: number; met: Tri; gaps: string[] }[]): { outcome: EvaluationOutcome; level: number | null; gaps: string[] } {
  for (const lv of levels) {
    if (lv.met === true) return { outcome: 'qualified', level: lv.level, gaps: [] };
    if (lv.met === null) {
      const gaps = new Set<string>();
      for (const l of levels) if (l.met === null) l.gaps.forEach((g) => gaps.add(g));
      return { outcome: 'incomplete', level: null, gaps: [...gaps] };
    }
  }
  return { outcome: 'not_qualified', level: null, gaps: [] };
}

const gapsOf = (cs: Checked[]) => [...new Set(cs.filter((c) => c.met === null).flatMap((c) => c.gaps))];
const strip = (cs: Checked[]): EvaluationCondition[] => cs.map(({ code, met, text }) => ({ code, met, text }));

function evaluateOperationLevels(def: OperationLevelsDefinition, input: EvaluationInput, recs: ActiveRecognition[]) {
  const general = checkGeneral(def.conditions, input);
  const ops = OPERATION_CODES.filter((c) => def.levels.some((l) => l.operations.includes(c)));
  const checks = new Map(ops.map((c) => [c, checkDomestic(c, input, def.domesticCountries, recs)] as const));
  const levels = def.levels.map((l) => {
    const cs = [...general, ...l.operations.map((op) => checks.get(op)!)];
    return { level: l.level, met: and3(cs.map((c) => c.met)), gaps: gapsOf(cs) };
  });
  const levelLines: Checked[] = def.levels.map((l, i) => {
    const met = levels[i].met;
    const labels = {
      ru: l.operations.map((o) => `«${OPERATION_LABELS[o].ru}»`).join(', '),
      en: l.operations.map((o) => `“${OPERATION_LABELS[o].en}”`).join(', '),
    };
    const verdict = {
      ru: met === true ? 'выполнено' : met === false ? 'не выполнено' : 'не определено',
      en: met === true ? 'met' : met === false ? 'not met' : 'undecided',
    };
    return {
      code: `level_${l.level}`,
      met,
      gaps: levels[i].gaps,
      text: {
        ru: `Уровень ${l.level}: общие условия и отечественные операции ${labels.ru} — ${verdict.ru}`,
        en: `Level ${l.level}: the general conditions and domestic ${labels.en} — ${verdict.en}`,
      },
    };
  });
  return { ...decideLevels(levels), points: null, conditions: [...general, ...ops.map((c) => checks.get(c)!), ...levelLines] };
}

function evaluatePoints(def: PointsDefinition, ruleSet: RuleSet, input: EvaluationInput, recs: ActiveRecognition[]) {
  const general = def.conditions ? checkGeneral(def.conditions, input) : [];
  const declared = OPERATION_CODES.filter((c) => input.operations.some((o) => o.code === c));
  const domesticChecks = new Map<OperationCode, Checked>();
  const domesticOf = (c: OperationCode) => {
    let ch = domesticChecks.get(c);
    if (!ch) domesticChecks.set(c, (ch = checkDomestic(c, input, def.domesticCountries, recs)));
    return ch;
  };

  // Mandatory operations.
  const mandatory: Checked[] = def.mandatory.map((m) => {
    const from = m.from ?? ruleSet.effectiveFrom;
    const label = OPERATION_LABELS[m.operation];
    if (input.date < from) {
      return {
        code: `mandatory:${m.operation}`,
        met: true,
        gaps: [],
        text: {
          ru: `«${label.ru}»: отечественное исполнение обязательно с ${from}, на ${input.date} ещё не требуется`,
          en: `“${label.en}”: domestic performance is mandatory from ${from}; not yet required on ${input.date}`,
        },
      };
    }
    const d = domesticOf(m.operation);
    return {
      code: `mandatory:${m.operation}`,
      met: d.met,
      gaps: d.gaps,
      text: { ru: `Обязательно с ${from}: ${d.text.ru}`, en: `Mandatory from ${from}: ${d.text.en}` },
    };
  });

  // Points: only operations performed domestically earn them.
  let lo = 0;
  let hi = 0;
  const pointLines: Checked[] = declared.map((c) => {
    const d = domesticOf(c);
    const value = def.points[c];
    const gaps = new Set(d.gaps);
    if (d.met === false) {
      return { code: `points:${c}`, met: false, gaps: [], text: { ru: `${d.text.ru} — 0 баллов`, en: `${d.text.en} — 0 points` } };
    }
    if (value === null) {
      hi = Infinity;
      gaps.add(`points.${c}`);
      return {
        code: `points:${c}`,
        met: null,
        gaps: [...gaps],
        text: {
          ru: `${d.text.ru} — баллы за операцию в наборе правил не заданы (пробел, заполняет оператор)`,
          en: `${d.text.en} — the rule set has no point value for this operation yet (a gap the operator fills)`,
        },
      };
    }
    if (d.met === true) lo += value;
    hi += value;
    return {
      code: `points:${c}`,
      met: d.met === true ? true : value === 0 ? true : null,
      gaps: d.met === null && value > 0 ? [...gaps] : [],
      text: {
        ru: `${d.text.ru} — ${d.met === true ? fmt(value, 'ru') : `0 или ${fmt(value, 'ru')}`} баллов`,
        en: `${d.text.en} — ${d.met === true ? fmt(value, 'en') : `0 or ${fmt(value, 'en')}`} points`,
      },
    };
  });
  const exact = lo === hi;
  const totalText = exact
    ? { ru: `${fmt(lo, 'ru')} баллов`, en: `${fmt(lo, 'en')} points` }
    : hi === Infinity
      ? { ru: `не менее ${fmt(lo, 'ru')} баллов (итог неизвестен)`, en: `at least ${fmt(lo, 'en')} points (total unknown)` }
      : { ru: `от ${fmt(lo, 'ru')} до ${fmt(hi, 'ru')} баллов`, en: `between ${fmt(lo, 'en')} and ${fmt(hi, 'en')} points` };
  const pointGapList = [...new Set(pointLines.flatMap((p) => (p.met === null ? p.gaps : [])))];

  const thresholdLines: Checked[] = def.thresholds.map((t) => {
    const met = atLeast(lo, hi, t.minPoints);
    return {
      code: `points_level_${t.level}`,
      met,
      gaps: met === null ? pointGapList : [],
      text: {
        ru: `Уровень ${t.level} требует не менее ${fmt(t.minPoints, 'ru')} баллов; набрано ${totalText.ru} — ${met === true ? 'выполнено' : met === false ? 'не выполнено' : 'не определено'}`,
        en: `Level ${t.level} needs at least ${fmt(t.minPoints, 'en')} points; the product has ${totalText.en} — ${met === true ? 'met' : met === false ? 'not met' : 'undecided'}`,
      },
    };
  });

  const levels = def.thresholds.map((t, i) => {
    const cs = [...general, ...mandatory, thresholdLines[i]];
    return { level: t.level, met: and3(cs.map((c) => c.met)), gaps: gapsOf(cs) };
  });
  return { ...decideLevels(levels), points: exact ? lo : null, conditions: [...general, ...mandatory, ...pointLines, ...thresholdLines] };
}

function evaluateUnionState(def: UnionStateDefinition, input: EvaluationInput) {
  const bounds = def.countries.map((c) => ({ country: c, ...shareBounds(input.contentShares, c) }));
  const hasRow = (c: string) => input.contentShares.some((s) => s.country === c);
  const rest = Math.max(0, 100 - input.contentShares.reduce((s, x) => s + x.percent, 0));
  const jointLo = bounds.reduce((s, b) => s + b.lo, 0);
  // Countries without a row share what the other rows leave, together: their sum is at most `rest`.
  const jointHi = bounds.filter((b) => hasRow(b.country)).reduce((s, b) => s + b.lo, 0) + (bounds.some((b) => !hasRow(b.country)) ? rest : 0);
  const jointKnown = jointLo === jointHi;
  const shareGaps = (bs: typeof bounds) => bs.filter((b) => !b.known).map((b) => `contentShares.${b.country}`);
  const jointMet = atLeast(jointLo, jointHi, def.minJointPercent);
  const joint: Checked = {
    code: 'joint_share',
    met: jointMet,
    gaps: jointMet === null ? shareGaps(bounds) : [],
    text: {
      ru: `Совместная доля ${def.countries.join('+')} не менее ${fmt(def.minJointPercent, 'ru')}%: ${jointKnown ? `${fmt(jointLo, 'ru')}%` : `неизвестна (от ${fmt(jointLo, 'ru')}% до ${fmt(jointHi, 'ru')}%)`} — ${jointMet === true ? 'выполнено' : jointMet === false ? 'не выполнено' : 'не определено'}`,
      en: `Joint ${def.countries.join('+')} content at least ${fmt(def.minJointPercent, 'en')}%: ${jointKnown ? `${fmt(jointLo, 'en')}%` : `unknown (between ${fmt(jointLo, 'en')}% and ${fmt(jointHi, 'en')}%)`} — ${jointMet === true ? 'met' : jointMet === false ? 'not met' : 'undecided'}`,
    },
  };
  const each: Checked[] = bounds.map((b) => {
    const met = atLeast(b.lo, b.hi, def.minEachPercent);
    return {
      code: `share:${b.country}`,
      met,
      gaps: met === null ? [`contentShares.${b.country}`] : [],
      text: {
        ru: `Доля ${b.country} не менее ${fmt(def.minEachPercent, 'ru')}%: ${shareText(b, 'ru')} — ${met === true ? 'выполнено' : met === false ? 'не выполнено' : 'не определено'}`,
        en: `${b.country} share at least ${fmt(def.minEachPercent, 'en')}%: ${shareText(b, 'en')} — ${met === true ? 'met' : met === false ? 'not met' : 'undecided'}`,
      },
    };
  });
  const all = [joint, ...each];
  const met = and3(all.map((c) => c.met));
  return {
    outcome: (met === true ? 'qualified' : met === false ? 'not_qualified' : 'incomplete') as EvaluationOutcome,
    level: null,
    points: null,
    gaps: met === null ? gapsOf(all) : [],
    conditions: all,
  };
}

/**
 * Judge one product under one rule set on `input.date`. Recognitions in `context` that are in force on that
 * date and apply to the rule set widen its domestic countries; they are listed in `appliedRecognitions` and
 * named in the sentences where they made a difference. Throws `RuleValidationError` on malformed input
 * (content shares over 100% or negative, bad dates or country codes) and for a recognition rule set, which
 * is not judged on its own.
 */
export function evaluate(input: EvaluationInput, ruleSet: RuleSet, context: EvaluationContext = { recognitions: [] }): EvaluationResult {
  validateInput(input);
  const def = ruleSet.definition;
  if (def.kind === 'recognition') {
    throw new RuleValidationError(
      'ruleSet.definition.kind',
      `${refText(refOf(ruleSet))} is a recognition; it widens other rule sets and is not evaluated on its own`,
    );
  }
  const recs = def.kind === 'union_state' ? [] : activeRecognitions(ruleSet, context.recognitions, input.date);
  const r =
    def.kind === 'operation_levels'
      ? evaluateOperationLevels(def, input, recs)
      : def.kind === 'points'
        ? evaluatePoints(def, ruleSet, input, recs)
        : evaluateUnionState(def, input);
  const conditions = strip(r.conditions);
  if (recs.length > 0) {
    conditions.unshift({
      code: 'recognitions',
      met: true,
      text: {
        ru: `Применено признание: ${recs.map((x) => `${refText(x.ref)} (${x.def.recognizedCountries.join(', ')})`).join('; ')}`,
        en: `Recognition applied: ${recs.map((x) => `${refText(x.ref)} (${x.def.recognizedCountries.join(', ')})`).join('; ')}`,
      },
    });
  }
  return {
    ruleSet: refOf(ruleSet),
    appliedRecognitions: recs.map((x) => x.ref),
    outcome: r.outcome,
    level: r.level,
    points: r.points,
    conditions,
    gaps: r.outcome === 'incomplete' ? r.gaps : [],
  };
}

/**
 * Judge a product under every rule set in force on `input.date` for the maker's country, plus the Union
 * State rule set(s); recognitions among `ruleSets` are applied, not judged. Drafts only when asked.
 */
export function evaluateAll(input: EvaluationInput, ruleSets: readonly RuleSet[], options: { includeDrafts?: boolean } = {}): EvaluationResult[] {
  validateInput(input);
  const recognitions = ruleSets.filter((rs) => rs.definition.kind === 'recognition');
  const chosen = [...ruleSetsInForce(ruleSets, input.makerCountry, input.date, options), ...ruleSetsInForce(ruleSets, 'UNION', input.date, options)];
  return chosen.filter((rs) => rs.definition.kind !== 'recognition').map((rs) => evaluate(input, rs, { recognitions }));
}
