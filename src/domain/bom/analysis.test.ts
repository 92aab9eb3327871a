import { describe, expect, it } from 'vitest';
import { lineQuery, lineStatus, rankCandidates, statusChanges, summarise, type AnalysedLine, type Candidate } from './analysis';
import type { Tier } from '../matching';

const maker = { id: 1, name: 'ОАО «Интеграл»', country: 'BY' };
const cand = (over: Partial<Candidate> & { tier: Tier; analogType: Candidate['analogType'] }): Candidate => ({
  productTypeId: 1,
  designation: 'КР1564ИР8',
  designationLatin: 'KR1564IR8',
  maker,
  category: 'registers',
  verified: false,
  foreignPart: { id: 1, partNumber: '74HC164' },
  notes: [],
  ...over,
});
const line = (over: Partial<{ dnp: boolean; generic: { kind: 'resistor'; value: string } | null; partNumber: string | null; value: string | null }> = {}) => ({
  dnp: false,
  generic: null,
  partNumber: 'SN74HC164N',
  value: null,
  ...over,
});

describe('lineStatus', () => {
  it.each<[string, ReturnType<typeof line>, Candidate[], string]>([
    ['full analog through the exact tier', line(), [cand({ tier: 'exact', analogType: 'full' })], 'covered'],
    ['full analog through the normalised tier', line(), [cand({ tier: 'normalised', analogType: 'full' })], 'covered'],
    ['full analog through the base tier', line(), [cand({ tier: 'base', analogType: 'full' })], 'covered'],
    ['full analog only through a family match is not covered', line(), [cand({ tier: 'family', analogType: 'full' })], 'functional'],
    ['full analog only through fuzzy is not covered', line(), [cand({ tier: 'fuzzy', analogType: 'full' })], 'functional'],
    ['functional analog only', line(), [cand({ tier: 'exact', analogType: 'functional' })], 'functional'],
    ['partial analog only', line(), [cand({ tier: 'base', analogType: 'partial' })], 'functional'],
    ['no candidate', line(), [], 'not_covered'],
    ['do-not-place line', line({ dnp: true }), [cand({ tier: 'exact', analogType: 'full' })], 'excluded'],
    ['generic passive', line({ partNumber: null, value: '10k', generic: { kind: 'resistor', value: '10k' } }), [], 'generic'],
    ['already a domestic product type', line({ partNumber: 'К155ЛА3' }), [cand({ tier: 'exact', analogType: 'self', foreignPart: null })], 'covered'],
    ['domestic, another package variant', line({ partNumber: 'КР155ЛА3' }), [cand({ tier: 'family', analogType: 'self', foreignPart: null })], 'functional'],
    ['nothing to search by', line({ partNumber: null, value: null }), [], 'unreadable'],
    ['only a placeholder', line({ partNumber: '~', value: '-' }), [], 'unreadable'],
    ['value used when there is no part number', line({ partNumber: null, value: 'NE555' }), [cand({ tier: 'exact', analogType: 'full' })], 'covered'],
  ])('%s', (_name, l, candidates, expected) => {
    expect(lineStatus(l, candidates)).toBe(expected);
  });
});

describe('lineQuery', () => {
  it.each([
    [{ partNumber: 'SN74HC595DR', value: '74HC595' }, 'SN74HC595DR'],
    [{ partNumber: null, value: 'STM32F103C8Tx' }, 'STM32F103C8Tx'],
    [{ partNumber: '  ', value: '100n' }, '100n'],
    [{ partNumber: '~', value: null }, null],
    [{ partNumber: '-', value: '' }, null],
    [{ partNumber: 'X', value: null }, null],
  ])('%o → %s', (l, expected) => {
    expect(lineQuery(l)).toBe(expected);
  });
});

describe('rankCandidates', () => {
  it('prefers stronger tiers, then full analogs, then verified ones', () => {
    const ranked = rankCandidates([
      cand({ productTypeId: 1, designation: 'A', tier: 'family', analogType: 'full' }),
      cand({ productTypeId: 2, designation: 'B', tier: 'base', analogType: 'functional' }),
      cand({ productTypeId: 3, designation: 'C', tier: 'base', analogType: 'full' }),
      cand({ productTypeId: 4, designation: 'D', tier: 'base', analogType: 'full', verified: true }),
    ]);
    expect(ranked.map((c) => c.productTypeId)).toEqual([4, 3, 2, 1]);
  });
});

const analysed = (over: Partial<AnalysedLine>): AnalysedLine => ({
  position: 1,
  sourceLine: 2,
  partNumber: 'X1',
  value: null,
  quantity: null,
  designators: [],
  status: 'not_covered',
  candidates: [],
  ...over,
});

describe('summarise', () => {
  const lines = [
    analysed({ position: 1, status: 'covered', quantity: 4, candidates: [cand({ tier: 'exact', analogType: 'full' })] }),
    analysed({
      position: 2,
      status: 'functional',
      designators: ['U1', 'U2'],
      candidates: [cand({ tier: 'family', analogType: 'full', maker: { id: 2, name: 'АО «ПКК Миландр»', country: 'RU' } })],
    }),
    analysed({ position: 3, status: 'not_covered', partNumber: 'MAX3483', quantity: 1 }),
    analysed({ position: 4, status: 'generic', quantity: 10 }),
    analysed({ position: 5, status: 'excluded', quantity: 3 }),
    analysed({ position: 6, status: 'unreadable' }),
  ];
  const s = summarise(lines);

  it('counts lines and quantities per status, excluding do-not-place lines from the totals', () => {
    expect(s.lines).toEqual({ total: 5, covered: 1, functional: 1, notCovered: 1, generic: 1, unreadable: 1, excluded: 1 });
    expect(s.quantity).toEqual({ total: 18, covered: 4, functional: 2, notCovered: 1, generic: 10, unreadable: 1, excluded: 3 });
  });

  it('computes coverage over the lines that are imports to judge', () => {
    expect(s.coverage.byLines).toEqual({ full: 0.333, any: 0.667 });
    expect(s.coverage.byQuantity).toEqual({ full: 0.571, any: 0.857 });
  });

  it('groups by maker and country of the best candidate, and lists what is not covered', () => {
    expect(s.byCountry).toEqual([
      { country: 'BY', lines: 1, quantity: 4 },
      { country: 'RU', lines: 1, quantity: 2 },
    ]);
    expect(s.byMaker.map((m) => m.name)).toEqual(['АО «ПКК Миландр»', 'ОАО «Интеграл»']);
    expect(s.notCovered).toEqual([{ position: 3, sourceLine: 2, partNumber: 'MAX3483', value: null, quantity: 1 }]);
  });

  it('counts covered lines whose covering analog is active in the registry', () => {
    expect(s.registryListed).toEqual({ lines: 0, quantity: 0 });
    const listed = { status: 'active' as const, number: 'BY-1', recordId: 1, country: 'BY', validTill: null };
    const withRegistry = summarise([
      analysed({ position: 1, status: 'covered', quantity: 4, candidates: [cand({ tier: 'exact', analogType: 'full', registry: listed })] }),
      // a functional analog listed in the registry does not make the line registry-covered
      analysed({ position: 2, status: 'functional', candidates: [cand({ tier: 'exact', analogType: 'functional', registry: listed })] }),
      analysed({
        position: 3,
        status: 'covered',
        candidates: [cand({ tier: 'exact', analogType: 'full', registry: { ...listed, status: 'suspended' } })],
      }),
    ]);
    expect(withRegistry.registryListed).toEqual({ lines: 1, quantity: 4 });
  });

  it('reports zero coverage, not NaN, for a BOM of passives only', () => {
    expect(summarise([analysed({ status: 'generic' })]).coverage.byLines).toEqual({ full: 0, any: 0 });
  });
});

describe('statusChanges', () => {
  it('lists lines whose status changed between runs', () => {
    const previous = new Map([
      [1, 'not_covered' as const],
      [2, 'covered' as const],
    ]);
    const changes = statusChanges(previous, [analysed({ position: 1, status: 'covered' }), analysed({ position: 2, status: 'covered' })]);
    expect(changes).toEqual([{ position: 1, sourceLine: 2, from: 'not_covered', to: 'covered' }]);
  });
});
