import { describe, expect, it } from 'vitest';
import { designatorPrefix, looksLikeDesignators, MAX_RANGE, parseDesignators } from './designators';

describe('parseDesignators', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['  ', []],
    ['-', []],
    ['—', []],
    ['R1', ['R1']],
    ['C1, C4', ['C1', 'C4']],
    ['C1,C2,C3', ['C1', 'C2', 'C3']],
    ['C1;C2', ['C1', 'C2']],
    ['U1 U2', ['U1', 'U2']],
    ['U1  ,  U2 ;U3', ['U1', 'U2', 'U3']],
    ['R1-R5', ['R1', 'R2', 'R3', 'R4', 'R5']],
    ['R1 - R3', ['R1', 'R2', 'R3']],
    ['R1–R3', ['R1', 'R2', 'R3']], // en dash
    ['R1—R3', ['R1', 'R2', 'R3']], // em dash
    ['R5 to R7', ['R5', 'R6', 'R7']],
    ['R5 TO R7', ['R5', 'R6', 'R7']],
    ['R5 bis R7', ['R5', 'R6', 'R7']],
    ['R5 до R7', ['R5', 'R6', 'R7']],
    ['R1..R3', ['R1', 'R2', 'R3']],
    ['R1...R3', ['R1', 'R2', 'R3']], // ESKD lists
    ['R1…R3', ['R1', 'R2', 'R3']],
    ['R1-5', ['R1', 'R2', 'R3', 'R4', 'R5']], // the prefix carries over
    ['R1..3', ['R1', 'R2', 'R3']],
    ['LED1-LED3', ['LED1', 'LED2', 'LED3']],
    ['DD1-DD3', ['DD1', 'DD2', 'DD3']],
    ['R5-R3', ['R3', 'R4', 'R5']], // reversed: listed in ascending order
    ['R08-R10', ['R08', 'R09', 'R10']], // zero padding kept
    ['r1, r2', ['R1', 'R2']],
    ['led1-led2', ['LED1', 'LED2']],
    ['С1, С2', ['C1', 'C2']], // Cyrillic С
    ['Р1', ['P1']], // Cyrillic Р
    ['C1,2,5', ['C1', 'C2', 'C5']], // shorthand: the prefix carries over
    ['C1, C3-C5, C8', ['C1', 'C3', 'C4', 'C5', 'C8']],
    ['R1, R2, R1', ['R1', 'R2']],
    ['U1A, U1B', ['U1A', 'U1B']], // units of a multi-unit part
    ['J1-1', ['J1-1']], // a pin or sub-part name, not a range
    ['SW1.1', ['SW1.1']],
    ['R1 + R2', ['R1', 'R2']],
  ])('%j', (text, designators) => {
    expect(parseDesignators(text).designators).toEqual(designators);
  });

  it.each<[string, string[], string[]]>([
    ['R1, R2, R1', ['R1', 'R2'], ['repeated designators: R1']],
    ['R1-R3, R2', ['R1', 'R2', 'R3'], ['repeated designators: R2']],
    ['R?', [], ['R? is not annotated (no number)']],
    ['R1-C5', [], ['"R1-C5" mixes designator prefixes R and C']],
    ['R1, ???', ['R1'], ['"???" is not a designator']],
    ['see note', [], ['"SEE" is not a designator', '"NOTE" is not a designator']],
    ['R1..R3..R5', [], ['"R1-R3-R5" is not a designator range']],
  ])('%j → errors', (text, designators, errors) => {
    expect(parseDesignators(text)).toEqual({ designators, errors });
  });

  it('caps an absurd range instead of exploding', () => {
    const r = parseDesignators('R1-R100000');
    expect(r.designators).toHaveLength(MAX_RANGE);
    expect(r.designators[0]).toBe('R1');
    expect(r.designators[MAX_RANGE - 1]).toBe(`R${MAX_RANGE}`);
    expect(r.errors).toEqual([`the range R1-R100000 has 100000 designators; only the first ${MAX_RANGE} are listed`]);
  });

  it('caps a line of many ranges', () => {
    const r = parseDesignators(Array.from({ length: 15 }, (_, i) => `R${i * 1000 + 1}-R${i * 1000 + 1000}`).join(', '));
    expect(r.designators).toHaveLength(10_000);
    expect(r.errors).toEqual(['more than 10000 designators; the rest are not listed']);
  });

  it('reports at most ten unreadable tokens', () => {
    const r = parseDesignators(Array.from({ length: 25 }, (_, i) => `x${i}?`).join(' '));
    expect(r.designators).toEqual([]);
    expect(r.errors).toHaveLength(11);
    expect(r.errors[10]).toBe('… and 15 more unreadable designators');
  });

  it('does not read a list longer than MAX_TEXT, and shortens long tokens in messages', () => {
    expect(parseDesignators('R1 '.repeat(100_000)).errors).toEqual(['the designator list is too long (299999 characters) to read']);
    expect(parseDesignators(`R1, ${'Z'.repeat(100)}`)).toEqual({ designators: ['R1'], errors: [`"${'Z'.repeat(40)}…" is not a designator`] });
  });

  it('a huge range number does not hang', () => {
    const r = parseDesignators('R1-R99999999999999999999');
    expect(r.designators).toHaveLength(MAX_RANGE);
    expect(r.errors).toHaveLength(1);
  });
});

describe('designatorPrefix', () => {
  it.each([
    ['R12', 'R'],
    ['LED3', 'LED'],
    ['FB1', 'FB'],
    ['DD4', 'DD'],
    ['U1A', 'U'],
    ['12', ''],
  ])('%s → %j', (d, p) => {
    expect(designatorPrefix(d)).toBe(p);
  });
});

describe('looksLikeDesignators', () => {
  it.each<[string, boolean]>([
    ['R1', true],
    ['C1, C2', true],
    ['DD1-DD3', true],
    ['XS1', true],
    ['LM358', false], // a part number, not a designator
    ['NE555', false],
    ['10k', false],
    ['R?', false],
    ['Resistor', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeDesignators(text)).toBe(expected);
  });
});
