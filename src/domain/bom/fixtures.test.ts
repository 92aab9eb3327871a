/**
 * The fixture BOMs of tests/fixtures/boms read end to end: bytes → text → table → header → lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectBinaryKind } from './decode';
import { detectHeader } from './header';
import { toLines } from './lines';
import { splitTable } from './table';
import type { ColumnRole, ParsedTable } from './types';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/boms');

function read(file: string) {
  const bytes = fs.readFileSync(path.join(DIR, file));
  expect(detectBinaryKind(bytes)).toBeNull();
  const decoded = decodeBytes(bytes);
  const table = splitTable(decoded.text);
  const mapping = detectHeader(table.rows);
  const parsed = mapping ? toLines(table.rows, table.lines, mapping) : null;
  return { decoded, table, mapping, parsed };
}

interface Expected {
  encoding: ParsedTable['encoding'];
  delimiter: ParsedTable['delimiter'];
  headerRow: number;
  headerLine: number;
  roles: (ColumnRole | null)[];
  /** Per line: source line, designator count, quantity, generic kind (null: to be matched), dnp. */
  lines: [number, number, number | null, string | null, boolean?][];
  skipped?: number[];
}

const FIXTURES: Record<string, Expected> = {
  'stm32-breakout.csv': {
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 6,
    headerLine: 9,
    roles: [null, 'quantity', 'designators', 'value', null, 'package', null, 'dnp'],
    lines: [
      [10, 2, 2, 'capacitor'],
      [11, 1, 1, 'capacitor'],
      [12, 5, 5, 'capacitor'],
      [13, 1, 1, 'capacitor'],
      [14, 2, 2, 'capacitor'],
      [15, 1, 1, 'other'], // GREEN LED
      [16, 1, 1, 'other'], // BLUE LED
      [17, 1, 1, 'ferrite'],
      [18, 4, 4, 'mechanical'],
      [19, 1, 1, 'connector'],
      [20, 2, 2, 'connector'],
      [21, 1, 1, 'mechanical'], // solder jumper
      [22, 1, 1, 'inductor'],
      [23, 2, 2, 'resistor'],
      [24, 1, 1, 'resistor'],
      [25, 1, 1, 'resistor'],
      [26, 1, 1, null], // XC6206P333MR
      [27, 1, 1, null], // STM32F103C8Tx
      [28, 1, 1, 'other'], // 8MHz crystal
    ],
  },
  'serial-nixie-driver.csv': {
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 0,
    headerLine: 1,
    roles: ['designators', 'quantity', 'manufacturer', 'partNumber', 'description', 'package', null, null],
    lines: [
      [2, 2, 2, 'capacitor'],
      [3, 1, 1, 'resistor'],
      [4, 10, 10, 'resistor'],
      [5, 2, 2, null],
      [6, 10, 10, null],
    ],
  },
  'altium-export.csv': {
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 0,
    headerLine: 1,
    roles: ['value', 'description', 'designators', 'package', null, 'quantity'],
    lines: [
      [2, 4, 4, 'capacitor'],
      [3, 1, 1, 'capacitor'],
      [4, 2, 2, 'capacitor'],
      [5, 3, 3, 'resistor'],
      [6, 1, 1, 'resistor'],
      [7, 1, 1, 'resistor', true],
      [8, 1, 1, null],
      [9, 1, 1, null],
      [10, 1, 1, 'other'],
      [11, 2, 2, null],
      [12, 2, 3, null],
      [13, 1, 1, null],
      [14, 1, 1, 'connector'],
    ],
  },
  'jlcpcb-bom.csv': {
    encoding: 'utf-8-bom',
    delimiter: ',',
    headerRow: 0,
    headerLine: 1,
    roles: ['value', 'designators', 'package', 'distributorPartNumber'],
    lines: [
      [2, 4, 4, 'capacitor'],
      [3, 1, 1, 'capacitor'],
      [4, 2, 2, 'resistor'],
      [5, 2, 2, 'resistor'],
      [6, 1, 1, null],
      [7, 1, 1, null],
      [8, 1, 1, 'connector'],
      [9, 1, 1, 'other'],
    ],
  },
  'eskd-1251.csv': {
    encoding: 'windows-1251',
    delimiter: ';',
    headerRow: 0,
    headerLine: 1,
    roles: ['designators', 'partNumber', 'quantity', null],
    lines: [
      [3, 2, 2, 'capacitor'],
      [4, 1, 1, 'capacitor'],
      [6, 3, 3, null],
      [7, 1, 1, null],
      [8, 1, 1, null],
      [10, 4, 4, 'resistor'],
      [11, 1, 2, 'resistor'],
      [13, 1, 1, null],
      [14, 1, 1, null],
      [15, 1, 1, 'connector'],
      [16, 1, 1, null, true],
    ],
    skipped: [2, 5, 9, 12],
  },
  'german-semicolon.csv': {
    encoding: 'windows-1252',
    delimiter: ';',
    headerRow: 0,
    headerLine: 1,
    roles: ['designators', 'value', 'package', 'quantity', 'manufacturer', 'partNumber'],
    lines: [
      [2, 3, 3, 'capacitor'],
      [3, 1, 1, 'capacitor'],
      [4, 4, 4, 'resistor'],
      [5, 1, 1, 'resistor'],
      [6, 1, 1, null],
      [7, 1, 1, null],
      [8, 1, 1, null],
      [9, 1, 1, 'connector'],
    ],
  },
  'kit-list.csv': {
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 0,
    headerLine: 1,
    roles: ['partNumber', 'manufacturer', 'quantity'],
    lines: [
      [2, 0, 1, null],
      [3, 0, 1, null],
      [4, 0, 2, null],
      [5, 0, 10, 'resistor'],
      [6, 0, 5, 'capacitor'],
      [7, 0, 4, null],
      [8, 0, 2, null],
      [9, 0, 2, null],
      [10, 0, 1, 'other'],
    ],
  },
  'distributor-only.csv': {
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 0,
    headerLine: 1,
    roles: ['distributorPartNumber', 'distributorPartNumber', 'distributorPartNumber', 'quantity', 'description'],
    lines: [
      [2, 0, 2, null],
      [3, 0, 10, 'resistor'],
      [4, 0, 1, null],
      [5, 0, 1, null],
    ],
  },
  'markdown-table.md': {
    encoding: 'utf-8',
    delimiter: '|',
    headerRow: 2,
    headerLine: 5,
    roles: ['designators', 'quantity', 'value', 'partNumber', null],
    lines: [
      [7, 2, 2, 'capacitor'],
      [8, 3, 3, 'resistor'],
      [9, 1, 1, null],
      [10, 1, 1, 'connector'],
      [11, 1, 1, null],
    ],
  },
  'kicad-tab.tsv': {
    encoding: 'utf-8',
    delimiter: '\t',
    headerRow: 0,
    headerLine: 1,
    roles: ['designators', 'value', 'package', 'quantity', 'partNumber', 'manufacturer'],
    lines: [
      [2, 3, 3, 'capacitor'],
      [3, 3, 3, 'resistor'],
      [5, 1, 1, null],
      [6, 1, 1, 'mechanical'],
    ],
    skipped: [7],
  },
  'excel-unicode.txt': {
    encoding: 'utf-16le',
    delimiter: '\t',
    headerRow: 0,
    headerLine: 1,
    roles: ['designators', 'quantity', 'partNumber', 'manufacturer'],
    lines: [
      [2, 1, 1, null],
      [3, 1, 1, null],
      [4, 4, 4, 'capacitor'],
    ],
  },
};

describe('fixture BOMs', () => {
  it('every fixture file is covered', () => {
    const files = fs.readdirSync(DIR).filter((f) => !f.startsWith('.') && f !== 'README.md');
    expect(files.sort()).toEqual([...Object.keys(FIXTURES), 'broken.csv'].sort());
  });

  it.each(Object.entries(FIXTURES))('%s', (file, e) => {
    const { decoded, table, mapping, parsed } = read(file);
    expect(decoded.encoding).toBe(e.encoding);
    expect(table.delimiter).toBe(e.delimiter);
    expect(mapping?.headerRow).toBe(e.headerRow);
    expect(table.lines[e.headerRow]).toBe(e.headerLine);
    expect(mapping?.columns.map((c) => c.role)).toEqual(e.roles);
    expect(mapping?.confidence).toBe('high');
    expect(parsed?.lines.map((l) => [l.sourceLine, l.designators.length, l.quantity, l.generic?.kind ?? null, ...(l.dnp ? [true] : [])])).toEqual(e.lines);
    expect(parsed?.skipped.map((s) => s.sourceLine)).toEqual(e.skipped ?? []);
  });

  it('broken.csv has no recognisable header', () => {
    const { decoded, table, mapping } = read('broken.csv');
    expect(decoded.encoding).toBe('utf-8');
    expect(table.rows).toHaveLength(3);
    expect(mapping).toBeNull();
  });
});

describe('fixture details', () => {
  it('stm32-breakout: values read as a person would', () => {
    const { parsed } = read('stm32-breakout.csv');
    expect(parsed!.lines.slice(0, 5).map((l) => l.generic?.value)).toEqual(['1 µF', '4.7 µF', '100 nF', '1 µF', '30 pF']);
    expect(parsed!.lines[2].designators).toEqual(['C4', 'C5', 'C6', 'C7', 'C9']);
    expect(parsed!.lines[17]).toMatchObject({ value: 'STM32F103C8Tx', partNumber: null, dnp: false });
  });

  it('serial-nixie-driver: passives recognised from Yageo part numbers', () => {
    const { parsed } = read('serial-nixie-driver.csv');
    expect(parsed!.lines.map((l) => [l.partNumber, l.manufacturer, l.generic?.value ?? null])).toEqual([
      ['CC0603KRX7R9BB104', 'Yageo', '100 nF'],
      ['RC1206FR-0720KL', 'Yageo', '20 kΩ'],
      ['RC0603FR-0720KL', 'Yageo', '20 kΩ'],
      ['SN74HC595DR', 'Texas Instruments', null],
      ['MMBTA42', 'On Semiconductors', null],
    ]);
  });

  it('altium-export: a quantity that differs from the designators is a warning', () => {
    const { parsed } = read('altium-export.csv');
    expect(parsed!.lines[10].warnings).toEqual(['quantity 3 differs from the number of designators (2)']);
    expect(parsed!.lines.filter((l) => l.warnings.length)).toHaveLength(1);
  });

  it('jlcpcb-bom: LCSC numbers kept, the byte-order mark is not in the first header', () => {
    const { table, parsed } = read('jlcpcb-bom.csv');
    expect(table.rows[0][0]).toBe('Comment');
    expect(parsed!.lines[0].distributorPartNumbers).toEqual([{ distributor: 'LCSC', partNumber: 'C1525' }]);
    expect(parsed!.lines[1].generic).toEqual({ kind: 'capacitor', value: '4.7 µF' });
  });

  it('eskd-1251: Cyrillic decoded, designations taken from «Наименование»', () => {
    const { parsed } = read('eskd-1251.csv');
    const byLine = new Map(parsed!.lines.map((l) => [l.sourceLine, l]));
    expect(byLine.get(4)!.designators).toEqual(['C3']); // typed with a Cyrillic С
    expect(byLine.get(6)).toMatchObject({ partNumber: 'К155ЛА3', description: 'Микросхема К155ЛА3', designators: ['DD1', 'DD2', 'DD3'] });
    expect(byLine.get(7)).toMatchObject({ partNumber: 'LM358DR' });
    expect(byLine.get(8)).toMatchObject({ partNumber: '1533ИЕ7' });
    expect(byLine.get(10)).toMatchObject({ partNumber: 'С2-33Н-0,125-10 кОм±5%', generic: { kind: 'resistor', value: '10 kΩ' } });
    expect(byLine.get(11)!.warnings).toEqual(['quantity 2 differs from the number of designators (1)']);
    expect(byLine.get(13)).toMatchObject({ partNumber: 'КТ315Б', generic: null });
    expect(byLine.get(16)).toMatchObject({ partNumber: 'АЛ307БМ', dnp: true });
    expect(parsed!.skipped.map((s) => s.reason)).toEqual([
      'section heading "Конденсаторы"',
      'section heading "Микросхемы"',
      'section heading "Резисторы"',
      'section heading "Транзисторы"',
    ]);
  });

  it('german-semicolon: Windows-1252 umlauts and a decimal comma', () => {
    const { table, parsed } = read('german-semicolon.csv');
    expect(table.rows[0][2]).toBe('Gehäuse');
    expect(parsed!.lines[1]).toMatchObject({ value: '4,7µ', generic: { kind: 'capacitor', value: '4.7 µF' } });
    expect(parsed!.lines[7].manufacturer).toBe('Würth Elektronik');
    expect(parsed!.lines[5].partNumber).toBe('74HC00D,653');
  });

  it('distributor-only: Mouser numbers give part numbers, the LCSC-only line has none', () => {
    const { parsed } = read('distributor-only.csv');
    expect(parsed!.lines.map((l) => l.partNumber)).toEqual(['SN74HC00N', 'RC0603FR-0710KL', 'L7805CV', null]);
    expect(parsed!.lines[3].distributorPartNumbers).toEqual([{ distributor: 'LCSC', partNumber: 'C5446' }]);
  });

  it('markdown-table: Markdown formatting removed', () => {
    const { parsed } = read('markdown-table.md');
    expect(parsed!.lines.map((l) => l.partNumber)).toEqual(['CL10B104KB8NNNC', 'RC0603FR-0710KL', 'ATtiny85-20SU', 'B2B-PH-K-S', 'TS-1187A-B-A-B']);
    expect(parsed!.lines[3].cells[4]).toBe('JST PH 2-pin | battery');
  });

  it('kicad-tab: the Total line is a footer', () => {
    const { parsed } = read('kicad-tab.tsv');
    expect(parsed!.skipped).toEqual([{ sourceLine: 7, reason: 'footer or summary line "Total 8"' }]);
  });

  it('excel-unicode: UTF-16 keeps the Russian part number', () => {
    const { parsed } = read('excel-unicode.txt');
    expect(parsed!.lines[1]).toMatchObject({ partNumber: '1986ВЕ92У', manufacturer: 'АО «ПКК Миландр»' });
  });
});

describe('hostile cells', () => {
  const N = 150_000;
  it.each<[string, string]>([
    ['a long run of digits', `R${'1'.repeat(N)}x`],
    ['colons', `${':'.repeat(N)}a`],
    ['opening parentheses', '('.repeat(N)],
    ['asterisks', '*'.repeat(N)],
    ['many designators', 'R1 '.repeat(N / 3)],
    ['hyphens', 'R1-'.repeat(N / 3)],
    ['dotted numbers', `${'1.'.repeat(N / 2)} ТУ`],
    ['spaces', `R1${' '.repeat(N)}R2`],
    ['ESKD name with a huge designation', `Микросхема ${'1'.repeat(N)} x`],
    ['quotes', '"'.repeat(N)],
  ])('%s in every column: read in time, nothing thrown', (_name, bad) => {
    for (const text of [
      `Designator,Value,MPN,Qty,Description\n"${bad.replace(/"/g, '""')}","${bad.replace(/"/g, '""')}","${bad.replace(/"/g, '""')}","${bad.replace(/"/g, '""')}","${bad.replace(/"/g, '""')}"\n`,
      `| Designator | Value | MPN |\n|---|---|---|\n| ${bad} | ${bad} | ${bad} |\n`,
    ]) {
      const table = splitTable(text);
      const mapping = detectHeader(table.rows);
      expect(mapping?.headerRow).toBe(0);
      const { lines } = toLines(table.rows, table.lines, mapping!);
      expect(lines.length).toBeLessThanOrEqual(1);
      for (const w of lines[0]?.warnings ?? []) expect(w.length).toBeLessThan(200);
    }
  });
});
