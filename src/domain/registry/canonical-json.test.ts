import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [100, '100'],
    [1e21, '1e+21'],
    [0.000001, '0.000001'],
    [1e-7, '1e-7'],
    [0.1 + 0.2, '0.30000000000000004'],
    ['ё "q" \\ \n', '"ё \\"q\\" \\\\ \\n"'],
    ['\u2028', '"\u2028"'],
    ['\ud800', '"\\ud800"'],
    [[], '[]'],
    [{}, '{}'],
    [[1, 'a', null, [2]], '[1,"a",null,[2]]'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts keys by UTF-16 code units at every level, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null }, A: 0, é: 1, '10': 2, '9': 3 })).toBe(
      '{"10":2,"9":3,"A":0,"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1,"é":1}',
    );
  });

  it('gives the same text whatever order keys were built in', () => {
    const one = { facts: { n: 1, s: 'x' }, record: { valid_till: '2027-01-01', state: 'included' } };
    const two = { record: { state: 'included', valid_till: '2027-01-01' }, facts: { s: 'x', n: 1 } };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(JSON.parse(canonicalJson(one))).toEqual(one);
  });

  it('drops undefined object members, writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow('at $.a');
    expect(() => canonicalJson([Infinity])).toThrow('at $[0]');
    expect(() => canonicalJson({ d: new Date(0) })).toThrow('plain objects');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
    expect(() => canonicalJson(1n)).toThrow('bigint');
  });
});
