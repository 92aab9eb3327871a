import { describe, expect, it } from 'vitest';
import { OPERATION_CODES, type ContentShare, type Operation, type OperationCode } from './operations';
import { INITIAL_RULE_SETS } from './rule-sets';
import {
  evaluate,
  evaluateAll,
  fillGaps,
  isIsoDate,
  parseRuleSet,
  parseRuleSetDefinition,
  pointGaps,
  ruleSetsInForce,
  RuleValidationError,
  type EvaluationInput,
  type EvaluationResult,
  type PointsDefinition,
  type RuleSet,
  type RuleSetDefinition,
} from './rules';

// ---------------------------------------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------------------------------------

const byCode = (code: string): RuleSet => {
  const rs = INITIAL_RULE_SETS.find((r) => r.code === code);
  if (!rs) throw new Error(`no rule set ${code}`);
  return rs;
};
const PP764 = byCode('ru-pp764-ic');
const POINTS_DRAFT = byCode('ru-ic-points-draft-2025-12');
const RECOGNITION = byCode('ru-by-recognition-2024');
const UNION = byCode('union-state-product');
const RECOGNITIONS = { recognitions: [RECOGNITION] };

/** `'design@RU wafer@TW'` → operations. */
const ops = (spec: string): Operation[] =>
  spec
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => {
      const [code, country] = s.split('@');
      return { code: code as OperationCode, country };
    });

/** `'BY 30, RU 25'` → content shares. */
const shares = (spec: string): ContentShare[] =>
  spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [country, percent] = s.split(/\s+/);
      return { country, percent: Number(percent) };
    });

const LEVEL1_RU = 'design@RU software@RU wafer@RU assembly@RU testing@RU';

const input = (over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  date: '2025-06-01',
  makerCountry: 'RU',
  makerTaxResidentEaeu: true,
  designRightsYears: 10,
  usesForeignReadyMadeSolutions: false,
  operations: ops(LEVEL1_RU),
  contentShares: [],
  ...over,
});

/** The points draft, published as in force with the given point values (a new version with gaps filled). */
const pointsWith = (values: Partial<Record<OperationCode, number>>): RuleSet => ({
  ...POINTS_DRAFT,
  version: 2,
  status: 'in_force',
  definition: fillGaps(POINTS_DRAFT.definition, values),
});

/** An operation-level rule set requiring packages domestically, to exercise the materials rule of the recognition. */
const PACKAGES_RULE: RuleSet = {
  ...PP764,
  code: 'ru-test-packages',
  definition: {
    kind: 'operation_levels',
    domesticCountries: ['RU'],
    conditions: { makerTaxResidentEaeu: false, minDesignRightsYears: null, noForeignReadyMadeSolutions: false },
    levels: [{ level: 1, operations: ['design', 'packages'] }],
  },
};

const brief = (r: EvaluationResult) => ({ outcome: r.outcome, level: r.level, gaps: [...r.gaps].sort() });
const condition = (r: EvaluationResult, code: string) => {
  const c = r.conditions.find((x) => x.code === code);
  if (!c) throw new Error(`no condition ${code} in ${r.conditions.map((x) => x.code).join(', ')}`);
  return c;
};

// ---------------------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------------------

describe('INITIAL_RULE_SETS', () => {
  it('holds the four facts of rules.md, each with its act and links', () => {
    expect(INITIAL_RULE_SETS.map((r) => [r.code, r.definition.kind, r.country, r.status, r.effectiveFrom, r.effectiveTo])).toEqual([
      ['ru-pp764-ic', 'operation_levels', 'RU', 'in_force', '2016-08-09', null],
      ['ru-ic-points-draft-2025-12', 'points', 'RU', 'draft', '2026-01-01', null],
      ['ru-by-recognition-2024', 'recognition', 'RU', 'in_force', '2024-07-01', null],
      ['union-state-product', 'union_state', 'UNION', 'in_force', '2026-01-01', null],
    ]);
    for (const rs of INITIAL_RULE_SETS) {
      expect(rs.source).toMatch(/https:\/\//);
      expect(parseRuleSet(JSON.parse(JSON.stringify(rs)))).toEqual(rs);
    }
    expect(POINTS_DRAFT.source).toMatch(/декабр/);
  });

  it('leaves every point value of the draft as a gap', () => {
    const def = POINTS_DRAFT.definition as PointsDefinition;
    expect(pointGaps(def)).toEqual([...OPERATION_CODES]);
    expect(def.thresholds).toEqual([
      { level: 1, minPoints: 100 },
      { level: 2, minPoints: 55 },
      { level: 3, minPoints: 36 },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// ПП 764
// ---------------------------------------------------------------------------------------------------------

type Case = [name: string, over: Partial<EvaluationInput>, expected: { outcome: EvaluationResult['outcome']; level: number | null; gaps?: string[] }];

describe('evaluate: ПП РФ 764 operation levels', () => {
  const cases: Case[] = [
    ['all five operations in RU → level 1', {}, { outcome: 'qualified', level: 1 }],
    ['wafer abroad → level 2', { operations: ops('design@RU software@RU wafer@TW assembly@RU testing@RU') }, { outcome: 'qualified', level: 2 }],
    ['assembly abroad → level 2', { operations: ops('design@RU software@RU wafer@RU assembly@CN testing@RU') }, { outcome: 'qualified', level: 2 }],
    ['testing split between RU and CN → level 2', { operations: ops(`${LEVEL1_RU} testing@CN`) }, { outcome: 'qualified', level: 2 }],
    ['only design and software in RU → level 2', { operations: ops('design@RU software@RU') }, { outcome: 'qualified', level: 2 }],
    ['design abroad → not qualified', { operations: ops('design@CN software@RU wafer@RU assembly@RU testing@RU') }, { outcome: 'not_qualified', level: null }],
    ['software not declared → not qualified', { operations: ops('design@RU wafer@RU assembly@RU testing@RU') }, { outcome: 'not_qualified', level: null }],
    ['no operations at all → not qualified', { operations: [] }, { outcome: 'not_qualified', level: null }],
    ['design rights exactly 5 years → level 1', { designRightsYears: 5 }, { outcome: 'qualified', level: 1 }],
    ['design rights 4.9 years → not qualified', { designRightsYears: 4.9 }, { outcome: 'not_qualified', level: null }],
    ['design rights unknown → incomplete', { designRightsYears: null }, { outcome: 'incomplete', level: null, gaps: ['designRightsYears'] }],
    ['maker not an EAEU tax resident → not qualified', { makerTaxResidentEaeu: false }, { outcome: 'not_qualified', level: null }],
    ['maker tax residency unknown → incomplete', { makerTaxResidentEaeu: null }, { outcome: 'incomplete', level: null, gaps: ['makerTaxResidentEaeu'] }],
    ['ready-made foreign solutions used → not qualified', { usesForeignReadyMadeSolutions: true }, { outcome: 'not_qualified', level: null }],
    [
      'use of foreign solutions unknown → incomplete',
      { usesForeignReadyMadeSolutions: null },
      { outcome: 'incomplete', level: null, gaps: ['usesForeignReadyMadeSolutions'] },
    ],
    [
      'all three general data unknown → incomplete, all named',
      { makerTaxResidentEaeu: null, designRightsYears: null, usesForeignReadyMadeSolutions: null },
      { outcome: 'incomplete', level: null, gaps: ['designRightsYears', 'makerTaxResidentEaeu', 'usesForeignReadyMadeSolutions'] },
    ],
    [
      'unknown data but design abroad → not qualified regardless',
      { designRightsYears: null, operations: ops('design@CN software@RU') },
      { outcome: 'not_qualified', level: null },
    ],
    [
      'BY wafer on 2024-06-30 (before recognition) → level 2',
      { date: '2024-06-30', operations: ops('design@RU software@RU wafer@BY assembly@RU testing@RU') },
      { outcome: 'qualified', level: 2 },
    ],
    [
      'BY wafer on 2024-07-01 (recognition in force) → level 1',
      { date: '2024-07-01', operations: ops('design@RU software@RU wafer@BY assembly@RU testing@RU') },
      { outcome: 'qualified', level: 1 },
    ],
    ['BY design on 2024-06-30 → not qualified', { date: '2024-06-30', operations: ops('design@BY software@RU') }, { outcome: 'not_qualified', level: null }],
    ['BY design on 2024-07-01 → level 2', { date: '2024-07-01', operations: ops('design@BY software@RU') }, { outcome: 'qualified', level: 2 }],
    [
      'everything in BY on 2025-06-01 → level 1 (no materials among the level operations)',
      { operations: ops('design@BY software@BY wafer@BY assembly@BY testing@BY') },
      { outcome: 'qualified', level: 1 },
    ],
    [
      'wafer in KZ (EAEU but not recognised) → level 2',
      { operations: ops('design@RU software@RU wafer@KZ assembly@RU testing@RU') },
      { outcome: 'qualified', level: 2 },
    ],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(brief(evaluate(input(over), PP764, RECOGNITIONS))).toEqual({ ...expected, gaps: [...(expected.gaps ?? [])].sort() });
  });

  it('without the recognition in the context, BY operations are foreign', () => {
    const r = evaluate(input({ operations: ops('design@BY software@RU') }), PP764, { recognitions: [] });
    expect(brief(r)).toEqual({ outcome: 'not_qualified', level: null, gaps: [] });
    expect(r.appliedRecognitions).toEqual([]);
  });

  it('names the recognition that made a Belarusian operation domestic', () => {
    const r = evaluate(input({ operations: ops('design@RU software@RU wafer@BY assembly@RU testing@RU') }), PP764, RECOGNITIONS);
    expect(r.appliedRecognitions).toEqual([{ code: 'ru-by-recognition-2024', version: 1 }]);
    expect(condition(r, 'domestic:wafer')).toMatchObject({ met: true });
    expect(condition(r, 'domestic:wafer').text.en).toContain('ru-by-recognition-2024 v1');
    expect(condition(r, 'domestic:wafer').text.ru).toContain('ru-by-recognition-2024 v1');
    expect(condition(r, 'recognitions').text.en).toContain('ru-by-recognition-2024 v1 (BY)');
  });

  it('states the concrete figures in both languages', () => {
    const r = evaluate(input({ designRightsYears: 4, operations: ops('design@RU software@RU wafer@TW') }), PP764);
    expect(condition(r, 'design_rights_years')).toEqual({
      code: 'design_rights_years',
      met: false,
      text: {
        ru: 'Права на конструкторскую документацию (включая СФ-блоки) не менее чем на 5 лет: 4 лет — не выполнено',
        en: 'Rights to the design documentation (incl. third-party IP blocks) for at least 5 years: 4 years — not met',
      },
    });
    expect(condition(r, 'domestic:wafer').text.en).toBe(
      '“Full-cycle wafer fabrication (except photomasks), crystals and their measurement”: TW — not domestic',
    );
    expect(condition(r, 'domestic:assembly').text.en).toMatch(/not declared/);
    expect(condition(r, 'level_1').met).toBe(false);
    expect(condition(r, 'level_2').met).toBe(false);
  });

  it('names the organization that performed an operation', () => {
    const r = evaluate(
      input({ operations: [{ code: 'design', country: 'RU', organizationName: 'Миландр', organizationId: 2 }, ...ops('software@RU')] }),
      PP764,
    );
    expect(condition(r, 'domestic:design').text.ru).toContain('RU (Миландр) — отечественная');
  });

  it('ignores a recognition that is a draft, ends before the date, or applies to other rule sets', () => {
    const by = input({ operations: ops('design@BY software@RU') });
    const variants: RuleSet[] = [
      { ...RECOGNITION, status: 'draft' },
      { ...RECOGNITION, effectiveTo: '2025-05-31' },
      {
        ...RECOGNITION,
        definition: { ...(RECOGNITION.definition as Extract<RuleSetDefinition, { kind: 'recognition' }>), appliesTo: ['some-other-rule-set'] },
      },
      { ...RECOGNITION, country: 'BY' },
    ];
    for (const rec of variants) expect(evaluate(by, PP764, { recognitions: [rec] }).outcome).toBe('not_qualified');
    const scoped = {
      ...RECOGNITION,
      definition: { ...(RECOGNITION.definition as Extract<RuleSetDefinition, { kind: 'recognition' }>), appliesTo: ['ru-pp764-ic'] },
    };
    expect(evaluate(by, PP764, { recognitions: [scoped] }).outcome).toBe('qualified');
  });

  it('uses the newest version of a recognition in force', () => {
    const v2 = { ...RECOGNITION, version: 2 };
    expect(evaluate(input({ operations: ops('design@BY software@RU') }), PP764, { recognitions: [RECOGNITION, v2] }).appliedRecognitions).toEqual([
      { code: 'ru-by-recognition-2024', version: 2 },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The 20% rule for Belarusian materials and components
// ---------------------------------------------------------------------------------------------------------

describe('evaluate: Belarusian materials count only with at least 20% of the work in RU', () => {
  const cases: Case[] = [
    ['RU share 20% → counted', { operations: ops('design@RU packages@BY'), contentShares: shares('RU 20, BY 80') }, { outcome: 'qualified', level: 1 }],
    [
      'RU share 19.99% → not counted',
      { operations: ops('design@RU packages@BY'), contentShares: shares('RU 19.99, BY 80') },
      { outcome: 'not_qualified', level: null },
    ],
    ['RU share 65% → counted', { operations: ops('design@RU packages@BY'), contentShares: shares('RU 65, BY 35') }, { outcome: 'qualified', level: 1 }],
    ['no content shares → incomplete', { operations: ops('design@RU packages@BY') }, { outcome: 'incomplete', level: null, gaps: ['contentShares.RU'] }],
    [
      'RU row missing but at most 15% left → not counted',
      { operations: ops('design@RU packages@BY'), contentShares: shares('BY 85') },
      { outcome: 'not_qualified', level: null },
    ],
    [
      'RU row missing with 25% left → incomplete',
      { operations: ops('design@RU packages@BY'), contentShares: shares('BY 70, CN 5') },
      { outcome: 'incomplete', level: null, gaps: ['contentShares.RU'] },
    ],
    [
      'before 2024-07-01 BY packages are foreign whatever the share',
      { date: '2024-06-30', operations: ops('design@RU packages@BY'), contentShares: shares('RU 90, BY 10') },
      { outcome: 'not_qualified', level: null },
    ],
    ['RU packages need no share', { operations: ops('design@RU packages@RU') }, { outcome: 'qualified', level: 1 }],
    [
      'BY design (an operation, not a material) needs no share',
      { operations: ops('design@BY packages@RU'), contentShares: shares('RU 1, BY 99') },
      { outcome: 'qualified', level: 1 },
    ],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(brief(evaluate(input(over), PACKAGES_RULE, RECOGNITIONS))).toEqual({ ...expected, gaps: [...(expected.gaps ?? [])].sort() });
  });

  it('explains the share it used', () => {
    const r = evaluate(input({ operations: ops('design@RU packages@BY'), contentShares: shares('RU 15, BY 85') }), PACKAGES_RULE, RECOGNITIONS);
    expect(condition(r, 'domestic:packages').text.en).toBe(
      '“Packages, substrates and bonding wire”: BY — not counted under recognition ru-by-recognition-2024 v1: materials and components count when at least 20% of the work is done in RU; the RU share is 15%',
    );
    const unknown = evaluate(input({ operations: ops('design@RU packages@BY'), contentShares: shares('BY 70') }), PACKAGES_RULE, RECOGNITIONS);
    expect(condition(unknown, 'domestic:packages').text.ru).toContain('доля RU неизвестна (от 0% до 30%)');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Points (December 2025 draft)
// ---------------------------------------------------------------------------------------------------------

describe('evaluate: points levels', () => {
  const d = '2026-06-01';
  type PointsCase = [
    name: string,
    values: Partial<Record<OperationCode, number>>,
    over: Partial<EvaluationInput>,
    expected: ReturnType<typeof brief> & { points: number | null },
  ];
  const cases: PointsCase[] = [
    ['100 points → level 1', { design: 99, eda: 1 }, { operations: ops('design@RU eda@RU') }, { outcome: 'qualified', level: 1, points: 100, gaps: [] }],
    ['99 points → level 2', { design: 98, eda: 1 }, { operations: ops('design@RU eda@RU') }, { outcome: 'qualified', level: 2, points: 99, gaps: [] }],
    ['55 points → level 2', { design: 54, eda: 1 }, { operations: ops('design@RU eda@RU') }, { outcome: 'qualified', level: 2, points: 55, gaps: [] }],
    ['54.5 points → level 3', { design: 53.5, eda: 1 }, { operations: ops('design@RU eda@RU') }, { outcome: 'qualified', level: 3, points: 54.5, gaps: [] }],
    ['36 points → level 3', { design: 35, eda: 1 }, { operations: ops('design@RU eda@RU') }, { outcome: 'qualified', level: 3, points: 36, gaps: [] }],
    [
      '35 points → not qualified',
      { design: 34, eda: 1 },
      { operations: ops('design@RU eda@RU') },
      { outcome: 'not_qualified', level: null, points: 35, gaps: [] },
    ],
    [
      'a foreign operation earns nothing',
      { design: 50, wafer: 60, eda: 1 },
      { operations: ops('design@RU wafer@TW eda@RU') },
      { outcome: 'qualified', level: 3, points: 51, gaps: [] },
    ],
    [
      'branding alone earns little',
      { branding: 2, eda: 1, wafer: 60 },
      { operations: ops('branding@RU eda@RU wafer@CN') },
      { outcome: 'not_qualified', level: null, points: 3, gaps: [] },
    ],
    [
      'domestic EDA is required from the start',
      { design: 200, eda: 1 },
      { operations: ops('design@RU eda@US') },
      { outcome: 'not_qualified', level: null, points: 200, gaps: [] },
    ],
    [
      'EDA not declared → not qualified',
      { design: 200, eda: 1 },
      { operations: ops('design@RU') },
      { outcome: 'not_qualified', level: null, points: 200, gaps: [] },
    ],
    [
      'foreign photoresists on 2029-12-31 → not yet mandatory',
      { design: 100, eda: 1, photoresists: 5 },
      { date: '2029-12-31', operations: ops('design@RU eda@RU photoresists@JP') },
      { outcome: 'qualified', level: 1, points: 101, gaps: [] },
    ],
    [
      'foreign photoresists on 2030-01-01 → not qualified',
      { design: 100, eda: 1, photoresists: 5 },
      { date: '2030-01-01', operations: ops('design@RU eda@RU photoresists@JP') },
      { outcome: 'not_qualified', level: null, points: 101, gaps: [] },
    ],
    [
      'RU photoresists on 2030-01-01 → counted and mandatory met',
      { design: 100, eda: 1, photoresists: 5 },
      { date: '2030-01-01', operations: ops('design@RU eda@RU photoresists@RU') },
      { outcome: 'qualified', level: 1, points: 106, gaps: [] },
    ],
    [
      'foreign packages on 2030-12-31 → not yet mandatory',
      { design: 100, eda: 1, photoresists: 1, packages: 1 },
      { date: '2030-12-31', operations: ops('design@RU eda@RU photoresists@RU packages@CN') },
      { outcome: 'qualified', level: 1, points: 102, gaps: [] },
    ],
    [
      'foreign packages on 2031-01-01 → not qualified',
      { design: 100, eda: 1, photoresists: 1, packages: 1 },
      { date: '2031-01-01', operations: ops('design@RU eda@RU photoresists@RU packages@CN') },
      { outcome: 'not_qualified', level: null, points: 102, gaps: [] },
    ],
    [
      'foreign photomasks on 2034-12-31 → level by points',
      { design: 100, eda: 1, photoresists: 1, packages: 1 },
      { date: '2034-12-31', operations: ops('design@RU eda@RU photoresists@RU packages@RU photomasks@NL') },
      { outcome: 'qualified', level: 1, points: 103, gaps: [] },
    ],
    [
      'foreign photomasks on 2035-01-01 → not qualified',
      { design: 100, eda: 1, photoresists: 1, packages: 1 },
      { date: '2035-01-01', operations: ops('design@RU eda@RU photoresists@RU packages@RU photomasks@NL') },
      { outcome: 'not_qualified', level: null, points: 103, gaps: [] },
    ],
    [
      'a domestic operation with an unfilled value → incomplete',
      { design: 40, eda: 1 },
      { operations: ops('design@RU eda@RU wafer@RU') },
      { outcome: 'incomplete', level: null, points: null, gaps: ['points.wafer'] },
    ],
    [
      'an unfilled value that cannot change the level → decided, total unknown',
      { design: 100, eda: 1 },
      { operations: ops('design@RU eda@RU wafer@RU') },
      { outcome: 'qualified', level: 1, points: null, gaps: [] },
    ],
    [
      'an unfilled value of a foreign operation does not matter',
      { design: 60, eda: 1 },
      { operations: ops('design@RU eda@RU wafer@TW') },
      { outcome: 'qualified', level: 2, points: 61, gaps: [] },
    ],
    [
      'BY wafer counts under the recognition',
      { design: 40, wafer: 60, eda: 1 },
      { operations: ops('design@RU eda@RU wafer@BY') },
      { outcome: 'qualified', level: 1, points: 101, gaps: [] },
    ],
    [
      'BY packages with RU share 20% count',
      { design: 95, packages: 5, eda: 1 },
      { operations: ops('design@RU eda@RU packages@BY'), contentShares: shares('RU 20, BY 80') },
      { outcome: 'qualified', level: 1, points: 101, gaps: [] },
    ],
    [
      'BY packages with RU share 19% do not count',
      { design: 95, packages: 5, eda: 1 },
      { operations: ops('design@RU eda@RU packages@BY'), contentShares: shares('RU 19, BY 81') },
      { outcome: 'qualified', level: 2, points: 96, gaps: [] },
    ],
    [
      'BY packages with unknown RU share → incomplete where it matters',
      { design: 95, packages: 5, eda: 1 },
      { operations: ops('design@RU eda@RU packages@BY') },
      { outcome: 'incomplete', level: null, points: null, gaps: ['contentShares.RU'] },
    ],
  ];
  it.each(cases)('%s', (_name, values, over, expected) => {
    const r = evaluate(input({ date: d, ...over }), pointsWith(values), RECOGNITIONS);
    expect({ ...brief(r), points: r.points }).toEqual({ ...expected, gaps: [...expected.gaps].sort() });
  });

  it('the unfilled draft leaves every declared domestic operation as a gap', () => {
    const r = evaluate(input({ date: d, operations: ops(`${LEVEL1_RU} eda@RU`) }), POINTS_DRAFT, RECOGNITIONS);
    expect(brief(r)).toEqual({
      outcome: 'incomplete',
      level: null,
      gaps: ['points.assembly', 'points.design', 'points.eda', 'points.software', 'points.testing', 'points.wafer'],
    });
    expect(r.points).toBeNull();
    expect(condition(r, 'points_level_1').text.en).toBe('Level 1 needs at least 100 points; the product has at least 0 points (total unknown) — undecided');
    expect(condition(r, 'points:wafer').text.en).toMatch(/a gap the operator fills/);
  });

  it('the unfilled draft still refuses a product missing a mandatory operation', () => {
    const r = evaluate(input({ date: d, operations: ops(LEVEL1_RU) }), POINTS_DRAFT, RECOGNITIONS);
    expect(brief(r)).toEqual({ outcome: 'not_qualified', level: null, gaps: [] });
    expect(condition(r, 'mandatory:eda')).toMatchObject({ met: false });
  });

  it('says when a mandatory operation is not yet required', () => {
    const r = evaluate(input({ date: '2029-12-31', operations: ops('design@RU eda@RU') }), pointsWith({ design: 100, eda: 0 }));
    expect(condition(r, 'mandatory:photoresists')).toEqual({
      code: 'mandatory:photoresists',
      met: true,
      text: {
        ru: '«Фоторезисты»: отечественное исполнение обязательно с 2030-01-01, на 2029-12-31 ещё не требуется',
        en: '“Photoresists”: domestic performance is mandatory from 2030-01-01; not yet required on 2029-12-31',
      },
    });
    expect(condition(r, 'mandatory:eda').text.en).toMatch(/^Mandatory from 2026-01-01: /);
  });

  it('applies general conditions when a points rule set states them', () => {
    const rs = pointsWith({ design: 100, eda: 1 });
    const withConditions: RuleSet = {
      ...rs,
      definition: {
        ...(rs.definition as PointsDefinition),
        conditions: { makerTaxResidentEaeu: true, minDesignRightsYears: 5, noForeignReadyMadeSolutions: true },
      },
    };
    const r = evaluate(input({ date: d, operations: ops('design@RU eda@RU'), designRightsYears: null }), withConditions);
    expect(brief(r)).toEqual({ outcome: 'incomplete', level: null, gaps: ['designRightsYears'] });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Union State
// ---------------------------------------------------------------------------------------------------------

describe('evaluate: product of the Union State', () => {
  const d = '2026-03-01';
  const cases: [string, string, ReturnType<typeof brief>][] = [
    ['BY 25 + RU 25 = 50 → qualified', 'BY 25, RU 25, CN 50', { outcome: 'qualified', level: null, gaps: [] }],
    ['BY 26 + RU 25 = 51 → qualified', 'BY 26, RU 25', { outcome: 'qualified', level: null, gaps: [] }],
    ['BY 25 + RU 24 = 49 → not qualified (joint and RU side)', 'BY 25, RU 24', { outcome: 'not_qualified', level: null, gaps: [] }],
    ['BY 24.5 + RU 24.5 = 49 → not qualified', 'BY 24.5, RU 24.5', { outcome: 'not_qualified', level: null, gaps: [] }],
    ['BY 24 + RU 60 → not qualified (BY side)', 'BY 24, RU 60', { outcome: 'not_qualified', level: null, gaps: [] }],
    ['BY 60 + RU 24 → not qualified (RU side)', 'BY 60, RU 24', { outcome: 'not_qualified', level: null, gaps: [] }],
    ['BY 75 + RU 25 → qualified', 'BY 75, RU 25', { outcome: 'qualified', level: null, gaps: [] }],
    ['no shares → incomplete', '', { outcome: 'incomplete', level: null, gaps: ['contentShares.BY', 'contentShares.RU'] }],
    ['BY 30, RU missing with 70 left → incomplete', 'BY 30', { outcome: 'incomplete', level: null, gaps: ['contentShares.RU'] }],
    ['BY 30, CN 70 → RU is 0 → not qualified', 'BY 30, CN 70', { outcome: 'not_qualified', level: null, gaps: [] }],
    ['BY 10, RU missing → not qualified whatever RU is', 'BY 10', { outcome: 'not_qualified', level: null, gaps: [] }],
    ['RU 30, CN 60, BY missing with 10 left → not qualified', 'RU 30, CN 60', { outcome: 'not_qualified', level: null, gaps: [] }],
  ];
  it.each(cases)('%s', (_name, spec, expected) => {
    expect(brief(evaluate(input({ date: d, contentShares: shares(spec) }), UNION, RECOGNITIONS))).toEqual(expected);
  });

  it('is not widened by recognitions and explains the figures', () => {
    const r = evaluate(input({ date: d, contentShares: shares('BY 24, RU 27') }), UNION, RECOGNITIONS);
    expect(r.appliedRecognitions).toEqual([]);
    expect(r.conditions).toEqual([
      {
        code: 'joint_share',
        met: true,
        text: { ru: 'Совместная доля BY+RU не менее 50%: 51% — выполнено', en: 'Joint BY+RU content at least 50%: 51% — met' },
      },
      { code: 'share:BY', met: false, text: { ru: 'Доля BY не менее 25%: 24% — не выполнено', en: 'BY share at least 25%: 24% — not met' } },
      { code: 'share:RU', met: true, text: { ru: 'Доля RU не менее 25%: 27% — выполнено', en: 'RU share at least 25%: 27% — met' } },
    ]);
  });

  it.each([
    ['shares over 100%', shares('BY 60, RU 50'), /input\.contentShares: the shares add up to 110%, more than 100%/],
    ['a negative share', shares('BY -5, RU 50'), /input\.contentShares\[0\]\.percent: must be at least 0, got -5/],
    ['a share over 100', shares('RU 101'), /input\.contentShares\[0\]\.percent: must be at most 100/],
    ['a share that is not a number', [{ country: 'RU', percent: Number.NaN }], /input\.contentShares\[0\]\.percent: must be a finite number/],
    ['a country twice', shares('RU 20, RU 30'), /RU has more than one content share/],
    ['a lower-case country', [{ country: 'ru', percent: 10 }], /input\.contentShares\[0\]\.country/],
  ])('refuses %s', (_name, contentShares, message) => {
    expect(() => evaluate(input({ date: d, contentShares }), UNION)).toThrow(message);
    expect(() => evaluate(input({ date: d, contentShares }), UNION)).toThrow(RuleValidationError);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Input validation, rule-set choice
// ---------------------------------------------------------------------------------------------------------

describe('evaluate: bad input', () => {
  it.each([
    ['a bad date', { date: '2025-02-30' }, 'input.date'],
    ['a bad maker country', { makerCountry: 'Russia' }, 'input.makerCountry'],
    ['negative design-rights years', { designRightsYears: -1 }, 'input.designRightsYears'],
    ['an unknown operation', { operations: [{ code: 'etching' as OperationCode, country: 'RU' }] }, 'input.operations[0].code'],
    ['an operation without a valid country', { operations: [{ code: 'design' as OperationCode, country: 'R' }] }, 'input.operations[0].country'],
  ] as [string, Partial<EvaluationInput>, string][])('refuses %s, naming the field', (_name, over, field) => {
    try {
      evaluate(input(over), PP764);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleValidationError);
      expect((e as RuleValidationError).field).toBe(field);
    }
  });

  it('does not evaluate a recognition on its own', () => {
    expect(() => evaluate(input(), RECOGNITION)).toThrow(/is a recognition/);
  });
});

describe('ruleSetsInForce', () => {
  const codes = (list: RuleSet[]) => list.map((r) => `${r.code} v${r.version}`);
  it('picks by country and date, drafts only when asked', () => {
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'RU', '2016-08-08'))).toEqual([]);
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'RU', '2016-08-09'))).toEqual(['ru-pp764-ic v1']);
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'RU', '2024-07-01'))).toEqual(['ru-by-recognition-2024 v1', 'ru-pp764-ic v1']);
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'RU', '2026-01-01'))).toEqual(['ru-by-recognition-2024 v1', 'ru-pp764-ic v1']);
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'RU', '2026-01-01', { includeDrafts: true }))).toEqual([
      'ru-by-recognition-2024 v1',
      'ru-ic-points-draft-2025-12 v1',
      'ru-pp764-ic v1',
    ]);
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'UNION', '2025-12-31'))).toEqual([]);
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'UNION', '2026-01-01'))).toEqual(['union-state-product v1']);
    expect(codes(ruleSetsInForce(INITIAL_RULE_SETS, 'BY', '2026-01-01'))).toEqual([]);
  });

  it('treats effectiveTo as the last day and prefers the newest version', () => {
    const old = { ...PP764, effectiveTo: '2026-12-31' };
    const v2 = { ...PP764, version: 2, effectiveFrom: '2027-01-01' };
    const v3 = { ...PP764, version: 3, effectiveFrom: '2027-01-01' };
    expect(codes(ruleSetsInForce([old, v2, v3], 'RU', '2026-12-31'))).toEqual(['ru-pp764-ic v1']);
    expect(codes(ruleSetsInForce([old, v3, v2], 'RU', '2027-01-01'))).toEqual(['ru-pp764-ic v3']);
  });

  it('refuses a bad date', () => {
    expect(() => ruleSetsInForce(INITIAL_RULE_SETS, 'RU', '01.01.2026')).toThrow(/date: must be a date YYYY-MM-DD/);
  });
});

describe('evaluateAll', () => {
  const summary = (rs: EvaluationResult[]) => rs.map((r) => `${r.ruleSet.code}: ${r.outcome}${r.level ? ` ${r.level}` : ''}`);
  it('judges under the maker country’s rule sets in force plus the Union State, applying recognitions', () => {
    const by = input({ date: '2025-06-01', operations: ops('design@BY software@BY wafer@BY assembly@RU testing@RU') });
    expect(summary(evaluateAll(by, INITIAL_RULE_SETS))).toEqual(['ru-pp764-ic: qualified 1']);
    expect(evaluateAll(by, INITIAL_RULE_SETS)[0].appliedRecognitions).toEqual([{ code: 'ru-by-recognition-2024', version: 1 }]);

    const later = { ...by, date: '2026-02-01', contentShares: shares('BY 40, RU 60') };
    expect(summary(evaluateAll(later, INITIAL_RULE_SETS))).toEqual(['ru-pp764-ic: qualified 1', 'union-state-product: qualified']);
    expect(summary(evaluateAll(later, INITIAL_RULE_SETS, { includeDrafts: true }))).toEqual([
      'ru-ic-points-draft-2025-12: not_qualified',
      'ru-pp764-ic: qualified 1',
      'union-state-product: qualified',
    ]);
  });

  it('gives a Belarusian maker the Union State rule set only (no BY rule sets yet)', () => {
    expect(summary(evaluateAll(input({ date: '2026-02-01', makerCountry: 'BY', contentShares: shares('BY 50, RU 30') }), INITIAL_RULE_SETS))).toEqual([
      'union-state-product: qualified',
    ]);
  });

  it('finds nothing before the first act', () => {
    expect(evaluateAll(input({ date: '2010-01-01' }), INITIAL_RULE_SETS)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Parsing and filling gaps
// ---------------------------------------------------------------------------------------------------------

describe('parseRuleSetDefinition', () => {
  it('accepts every initial definition and fills missing point values as gaps', () => {
    for (const rs of INITIAL_RULE_SETS) expect(parseRuleSetDefinition(JSON.parse(JSON.stringify(rs.definition)))).toEqual(rs.definition);
    const def = parseRuleSetDefinition({
      kind: 'points',
      domesticCountries: ['RU'],
      thresholds: [{ level: 1, minPoints: 10 }],
      points: { wafer: 5 },
      mandatory: [],
    });
    expect(def).toMatchObject({ kind: 'points', conditions: null });
    expect((def as PointsDefinition).points.wafer).toBe(5);
    expect((def as PointsDefinition).points.design).toBeNull();
  });

  it('sorts levels and thresholds', () => {
    const def = parseRuleSetDefinition({
      kind: 'points',
      domesticCountries: ['RU'],
      thresholds: [
        { level: 3, minPoints: 36 },
        { level: 1, minPoints: 100 },
        { level: 2, minPoints: 55 },
      ],
      points: {},
      mandatory: [],
    }) as PointsDefinition;
    expect(def.thresholds.map((t) => t.level)).toEqual([1, 2, 3]);
  });

  const points = (over: Record<string, unknown>) => ({
    kind: 'points',
    domesticCountries: ['RU'],
    thresholds: [{ level: 1, minPoints: 100 }],
    points: {},
    mandatory: [],
    ...over,
  });
  const levels = (over: Record<string, unknown>) => ({
    kind: 'operation_levels',
    domesticCountries: ['RU'],
    conditions: { makerTaxResidentEaeu: true, minDesignRightsYears: 5, noForeignReadyMadeSolutions: true },
    levels: [{ level: 1, operations: ['design'] }],
    ...over,
  });
  it.each([
    ['not an object', [], 'definition', /must be an object/],
    ['an unknown kind', { kind: 'percent' }, 'definition.kind', /must be one of operation_levels/],
    ['a typo in a field name', points({ tresholds: [] }), 'definition.tresholds', /not a known field/],
    ['a missing field', { kind: 'union_state', countries: ['BY', 'RU'], minJointPercent: 50 }, 'definition.minEachPercent', /is missing/],
    [
      'an unknown operation in a level',
      levels({ levels: [{ level: 1, operations: ['design', 'waffer'] }] }),
      'definition.levels[0].operations[1]',
      /unknown operation "waffer"/,
    ],
    [
      'a level listed twice',
      levels({
        levels: [
          { level: 1, operations: ['design'] },
          { level: 1, operations: ['software'] },
        ],
      }),
      'definition.levels[1].level',
      /appears twice/,
    ],
    ['level 0', levels({ levels: [{ level: 0, operations: ['design'] }] }), 'definition.levels[0].level', /at least 1/],
    ['a lower-case country', levels({ domesticCountries: ['ru'] }), 'definition.domesticCountries[0]', /ISO 3166-1/],
    ['no domestic country', levels({ domesticCountries: [] }), 'definition.domesticCountries', /must not be empty/],
    [
      'negative design-rights years',
      levels({ conditions: { makerTaxResidentEaeu: true, minDesignRightsYears: -5, noForeignReadyMadeSolutions: true } }),
      'definition.conditions.minDesignRightsYears',
      /at least 0/,
    ],
    ['a negative threshold', points({ thresholds: [{ level: 1, minPoints: -1 }] }), 'definition.thresholds[0].minPoints', /at least 0/],
    ['a threshold given as text', points({ thresholds: [{ level: 1, minPoints: '100' }] }), 'definition.thresholds[0].minPoints', /finite number, got "100"/],
    [
      'a worse level needing more points',
      points({
        thresholds: [
          { level: 1, minPoints: 50 },
          { level: 2, minPoints: 60 },
        ],
      }),
      'definition.thresholds',
      /level 2 needs 60 points, more than the better level 1 \(50\)/,
    ],
    ['a negative point value', points({ points: { wafer: -3 } }), 'definition.points.wafer', /at least 0/],
    ['a point value for an unknown operation', points({ points: { etching: 3 } }), 'definition.points.etching', /unknown operation/],
    ['a bad mandatory date', points({ mandatory: [{ operation: 'photoresists', from: '2030' }] }), 'definition.mandatory[0].from', /YYYY-MM-DD/],
    [
      'a mandatory operation twice',
      points({
        mandatory: [
          { operation: 'eda', from: null },
          { operation: 'eda', from: '2030-01-01' },
        ],
      }),
      'definition.mandatory',
      /lists eda twice/,
    ],
    [
      'a materials share over 100',
      {
        kind: 'recognition',
        recognizedCountries: ['BY'],
        appliesTo: null,
        materials: { operations: ['packages'], minShareCountry: 'RU', minSharePercent: 120 },
      },
      'definition.materials.minSharePercent',
      /at most 100/,
    ],
    [
      'a union share for each side that cannot add up',
      { kind: 'union_state', countries: ['BY', 'RU'], minJointPercent: 50, minEachPercent: 60 },
      'definition.minEachPercent',
      /more than 100%/,
    ],
    ['a union of one country', { kind: 'union_state', countries: ['BY'], minJointPercent: 50, minEachPercent: 25 }, 'definition.countries', /at least two/],
  ])('refuses %s', (_name, json, field, message) => {
    try {
      parseRuleSetDefinition(json);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleValidationError);
      expect((e as RuleValidationError).field).toBe(field);
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message.startsWith(`${field}: `)).toBe(true);
    }
  });
});

describe('parseRuleSet', () => {
  it.each([
    ['a bad code', { code: 'PP 764' }, 'ruleSet.code'],
    ['a bad country', { country: 'KZ' }, 'ruleSet.country'],
    ['a bad status', { status: 'active' }, 'ruleSet.status'],
    ['an end before the start', { effectiveTo: '2016-01-01' }, 'ruleSet.effectiveTo'],
    ['version 0', { version: 0 }, 'ruleSet.version'],
    ['no source', { source: ' ' }, 'ruleSet.source'],
    ['an empty title', { title: { ru: '', en: 'x' } }, 'ruleSet.title.ru'],
    ['a union definition for RU', { definition: UNION.definition }, 'ruleSet.country'],
  ])('refuses %s', (_name, over, field) => {
    expect(() => parseRuleSet({ ...PP764, ...over })).toThrow(new RegExp(`^${field.replace('.', '\\.')}`));
  });
});

describe('fillGaps', () => {
  it('returns a new definition with the values filled and leaves the old one alone', () => {
    const before = POINTS_DRAFT.definition as PointsDefinition;
    const after = fillGaps(before, { wafer: 40, design: 0 });
    expect(after.points.wafer).toBe(40);
    expect(after.points.design).toBe(0);
    expect(after.points.assembly).toBeNull();
    expect(before.points.wafer).toBeNull();
    expect(pointGaps(after)).toHaveLength(OPERATION_CODES.length - 2);
    expect(after.thresholds).toEqual(before.thresholds);
    expect(after.thresholds).not.toBe(before.thresholds);
    const full = fillGaps(before, Object.fromEntries(OPERATION_CODES.map((c) => [c, 1])) as Record<OperationCode, number>);
    expect(pointGaps(full)).toEqual([]);
    expect(parseRuleSetDefinition(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it.each([
    ['a negative value', { wafer: -1 }, /values\.wafer: must be at least 0/],
    ['NaN', { wafer: Number.NaN }, /values\.wafer: must be a finite number/],
    ['Infinity', { wafer: Number.POSITIVE_INFINITY }, /values\.wafer: must be a finite number/],
    ['a value given as text', { wafer: '5' }, /values\.wafer: must be a finite number, got "5"/],
    ['an unknown operation', { etching: 5 }, /values\.etching: unknown operation "etching"/],
  ])('refuses %s', (_name, values, message) => {
    expect(() => fillGaps(POINTS_DRAFT.definition, values as never)).toThrow(message);
  });

  it('refuses a definition without points', () => {
    expect(() => fillGaps(PP764.definition, { wafer: 1 })).toThrow(/only a points rule set/);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['01.07.2024', false],
  ])('%s → %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));
});
