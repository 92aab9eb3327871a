/**
 * Property-based tests (fast-check, fixed seed) of the parsers people feed by hand: part numbers,
 * designations, units and quantities, designator lists and the CSV readers. They never throw on any text,
 * normalisation is idempotent, and what the writer writes the reader reads back.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manufacturerKey, partNumberKey } from './part-number';
import { canonicalText, designationKey, designationToLatin, foldToCyrillic, parseDesignation } from './designation';
import { parseQuantity, parseUnit, toSi } from './units';
import { MAX_DESIGNATORS, MAX_RANGE, parseDesignators } from './bom/designators';
import { parseDelimited, splitTable } from './bom/table';
import { CsvReader, type CsvRecord } from './registry/gisp';

const runs = { seed: 20261203, numRuns: 300 };
/** Texts found to break a parser once stay in the mix: ΐ and ῢ upper-case to decomposed letters. */
const KNOWN_HARD = ['ΐ', 'ῢ', 'ﬃ', 'ǅ', 'İ', 'ß', '\u0000', '\uD800', 'A\u0301', '１ｋ５', '4,7мкФ'];
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 80 }),
  fc.constantFrom(...KNOWN_HARD),
);
const alnum = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789abcdefxyz'), minLength: 1, maxLength: 20 });
const cyrillic = fc.string({ unit: fc.constantFrom(...'АБВГДЕЁЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯабвгдекмнопрстух0123456789'), minLength: 1, maxLength: 16 });

describe('part numbers', () => {
  it('key any text without throwing; the key is idempotent and has no whitespace or separators', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const key = partNumberKey(text);
        expect(partNumberKey(key)).toBe(key);
        expect(key).not.toMatch(/[\s_‐‑–—-]/);
      }),
      runs,
    );
  });

  it('ignore case and separators typed between the characters', () => {
    const separated = alnum.chain((pn) =>
      fc.array(fc.constantFrom(' ', '-', '_', '–'), { minLength: pn.length, maxLength: pn.length }).map((seps) => ({
        pn,
        typed: [...pn].map((ch, i) => (i ? seps[i] : '') + ch).join(''),
      })),
    );
    fc.assert(
      fc.property(separated, ({ pn, typed }) => {
        expect(partNumberKey(typed)).toBe(partNumberKey(pn));
        expect(partNumberKey(pn.toLowerCase())).toBe(partNumberKey(pn.toUpperCase()));
      }),
      runs,
    );
  });

  it('keep a dot between digits and drop it elsewhere', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(99), alnum, (a, b, tail) => {
        expect(partNumberKey(`${a}.${b}${tail}`)).toContain(`${a}.${b}`);
        expect(partNumberKey(`X.${tail}`)).not.toContain('.');
      }),
      runs,
    );
  });

  it('key manufacturer names idempotently, ignoring case and punctuation', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const key = manufacturerKey(name);
        expect(manufacturerKey(key)).toBe(key);
        expect(manufacturerKey(`  ${name}, Inc.`)).toBe(manufacturerKey(`${name} INC`));
      }),
      runs,
    );
  });
});

describe('designations', () => {
  it('key, fold and transliterate any text without throwing; each is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const key = designationKey(text);
        expect(designationKey(key)).toBe(key);
        expect(canonicalText(canonicalText(text))).toBe(canonicalText(text));
        expect(foldToCyrillic(foldToCyrillic(text))).toBe(foldToCyrillic(text));
        const latin = designationToLatin(text);
        expect(designationToLatin(latin)).toBe(latin);
        expect(latin).not.toMatch(/[А-ЯЁ]/);
      }),
      runs,
    );
  });

  it('share a key across case and look-alike Latin letters typed for Cyrillic ones', () => {
    const latinFor: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X' };
    fc.assert(
      fc.property(cyrillic, (d) => {
        const upper = d.toUpperCase();
        const mixed = [...upper].map((ch, i) => (i % 2 ? (latinFor[ch] ?? ch) : ch)).join('');
        expect(designationKey(d.toLowerCase())).toBe(designationKey(upper));
        expect(designationKey(mixed)).toBe(designationKey(upper));
      }),
      runs,
    );
  });

  it('parse into elements that spell the folded designation again', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const p = parseDesignation(text);
        if (p) expect(p.prefix + p.series + p.functionCode + p.number + p.suffix).toBe(foldToCyrillic(text).replace(/[-‐‑–—.]/g, ''));
      }),
      runs,
    );
    const designation = fc.tuple(
      fc.constantFrom('', 'К', 'КР', 'КФ'),
      fc.integer({ min: 100, max: 9999 }),
      fc.constantFrom('ЛА', 'ТМ', 'ЕН', 'УД'),
      fc.integer({ min: 1, max: 999 }),
    );
    fc.assert(
      fc.property(designation, ([prefix, series, fn, number]) => {
        expect(parseDesignation(`${prefix}${series}${fn}${number}`)).toEqual({
          prefix,
          series: String(series),
          functionCode: fn,
          number: String(number),
          suffix: '',
        });
      }),
      runs,
    );
  });
});

describe('units and quantities', () => {
  const prefixes: [string, number][] = [
    ['p', 1e-12],
    ['n', 1e-9],
    ['u', 1e-6],
    ['m', 1e-3],
    ['', 1],
    ['k', 1e3],
    ['M', 1e6],
    ['G', 1e9],
  ];
  const units = ['V', 'A', 'W', 'Hz', 'F', 'H', 'Ω', 'В', 'Гц', 'Ом'];
  const close = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;

  it('parse any text without throwing, into a finite value or null', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('', 'F', 'Ω'), (text, unit) => {
        const q = parseQuantity(text, unit);
        if (q) expect(Number.isNaN(q.value)).toBe(false);
        parseUnit(text);
      }),
      runs,
    );
  });

  it('read a number with a prefixed unit as its value in the SI base unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.nat(3),
        fc.constantFrom(...prefixes),
        fc.constantFrom(...units),
        fc.boolean(),
        (n, decimals, [prefix, factor], unit, space) => {
          const value = n / 10 ** decimals;
          const q = parseQuantity(`${value}${space ? ' ' : ''}${prefix}${unit}`);
          expect(q).not.toBeNull();
          expect(close(q!.value, value * factor)).toBe(true);
          expect(q!.unit).toBe(parseUnit(unit)!.unit);
          expect(toSi(value, `${prefix}${unit}`)).toEqual(q);
        },
      ),
      runs,
    );
  });

  it('read RKM codes (4k7, 1R5, 2u2) as the number with the letter for the decimal point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...prefixes.filter(([p]) => p && p !== 'G')),
        (whole, frac, [letter, factor]) => {
          const q = parseQuantity(`${whole}${letter}${frac}`, 'F');
          expect(q).not.toBeNull();
          expect(close(q!.value, Number(`${whole}.${frac}`) * factor)).toBe(true);
        },
      ),
      runs,
    );
  });

  it('give the same answer with a decimal comma as with a decimal point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...units), (whole, frac, unit) => {
        expect(parseQuantity(`${whole},${frac} ${unit}`)).toEqual(parseQuantity(`${whole}.${frac} ${unit}`));
      }),
      runs,
    );
  });
});

describe('designator lists', () => {
  const designator = fc.tuple(fc.constantFrom('R', 'C', 'L', 'U', 'DD', 'VT', 'LED', 'X'), fc.integer({ min: 1, max: 9999 })).map(([p, n]) => `${p}${n}`);

  it('read any text without throwing, within the limits and without repeats', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(designator, { maxLength: 30 }).map((d) => d.join(', ')),
        ),
        (text) => {
          const { designators, errors } = parseDesignators(text);
          expect(new Set(designators).size).toBe(designators.length);
          expect(designators.length).toBeLessThanOrEqual(MAX_DESIGNATORS);
          expect(errors.length).toBeLessThanOrEqual(12);
        },
      ),
      runs,
    );
  });

  it('read a written list back, whatever the separators, and reading is idempotent', () => {
    fc.assert(
      fc.property(fc.uniqueArray(designator, { minLength: 1, maxLength: 40 }), fc.constantFrom(', ', ',', '; ', ' ', ';'), (list, sep) => {
        const read = parseDesignators(list.join(sep));
        expect(read.errors).toEqual([]);
        expect([...read.designators].sort()).toEqual([...list].sort());
        expect(parseDesignators(read.designators.join(', ')).designators).toEqual(read.designators);
      }),
      runs,
    );
  });

  it('expand a range to every designator in it, up to the range limit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('R', 'C', 'VD'),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom('-', '–', '..', ' to '),
        (p, from, span, dash) => {
          const read = parseDesignators(`${p}${from}${dash}${p}${from + span}`);
          expect(read.designators.length).toBe(Math.min(span + 1, MAX_RANGE));
          expect(read.designators[0]).toBe(`${p}${from}`);
          expect(read.errors.length).toBe(span + 1 > MAX_RANGE ? 1 : 0);
        },
      ),
      runs,
    );
  });
});

describe('CSV readers', () => {
  const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'crlf\r\nline', ' padded ', '=SUM(A1)', 'К155ЛА3'));
  const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 15 });

  /** Feeds the reader in chunks cut at the given points, as a stream would. */
  function readInChunks(text: string, cuts: number[]): CsvRecord[] {
    const reader = new CsvReader();
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const out: CsvRecord[] = [];
    let from = 0;
    for (const p of [...points, text.length]) {
      out.push(...reader.push(text.slice(from, p)));
      from = p;
    }
    return [...out, ...reader.end()];
  }

  it('the open-data reader reads back what csv-stringify wrote, however the stream is cut', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
        const nonBlank = rows.filter((r) => r.some((c) => c !== ''));
        const text = stringify(nonBlank, { record_delimiter: crlf ? '\r\n' : '\n', quoted_match: [/^$/, /[\r\n]/] });
        const records = readInChunks(text, cuts);
        expect(records.map((r) => ('fields' in r ? r.fields : r.error))).toEqual(nonBlank);
      }),
      runs,
    );
  });

  it('the open-data reader never throws on arbitrary text and reports an unterminated quote as an error record', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 4 }), (text, cuts) => {
        for (const r of readInChunks(text, cuts)) expect(r.line).toBeGreaterThanOrEqual(1);
      }),
      runs,
    );
    expect(readInChunks('a,"open\nb,c', [3]).at(-1)).toHaveProperty('error');
  });

  it('the BOM table reader reads back trimmed cells of what csv-stringify wrote, and never throws on any text', () => {
    fc.assert(
      fc.property(table, fc.constantFrom<[',' | ';' | '\t', string]>([',', ','], [';', ';'], ['\t', '\t']), (rows, [d]) => {
        const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
        const text = stringify(nonBlank, { delimiter: d, quoted_match: /[\s"]|^=/ });
        expect(parseDelimited(text, d).rows).toEqual(nonBlank.map((r) => r.map((c) => c.trim())));
      }),
      runs,
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const t = splitTable(text);
        expect(t.rows.length).toBe(t.lines.length);
      }),
      runs,
    );
  });
});
