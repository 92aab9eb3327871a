import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, isRowError, mapHeader, toRecord, type CatalogueRecord } from './catalogue-rows';

const REFERENCE_HEADER = 'domestic,domestic_latin,foreign,function_ru,function_en,package,manufacturer,country,source'.split(',');

describe('mapHeader', () => {
  it('maps the reference layout', () => {
    expect(Object.fromEntries(mapHeader(REFERENCE_HEADER))).toEqual({
      designation: 0,
      designation_latin: 1,
      foreign_part: 2,
      function_ru: 3,
      function_en: 4,
      packages: 5,
      maker: 6,
      maker_country: 7,
      source: 8,
    });
  });

  it('maps the export layout, leaving the export-only verified column out', () => {
    const map = mapHeader([...EXPORT_COLUMNS]);
    const expected = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, i]).filter(([c]) => c !== 'verified'));
    expect(Object.fromEntries(map)).toEqual(expected);
  });

  it.each([
    ['domestic', 'designation'],
    ['Обозначение', 'designation'],
    ['ТИПОНОМИНАЛ', 'designation'],
    ['  Designation  ', 'designation'],
    ['\uFEFFdomestic', 'designation'], // byte-order mark in the first cell
    ['\uFEFFdesignation', 'designation'],
    ['latin', 'designation_latin'],
    ['Категория', 'category'],
    ['функция', 'function_ru'],
    ['function', 'function_en'],
    ['корпус', 'packages'],
    ['standard', 'standards'],
    ['ОКПД2', 'okpd2'],
    ['ТН ВЭД', 'tnved'],
    ['Изготовитель', 'maker'],
    ['страна', 'maker_country'],
    ['MPN', 'foreign_part'],
    ['part_number', 'foreign_part'],
    ['type', 'analog_type'],
    ['Источник', 'source'],
  ])('%j → %s', (cell, field) => {
    const header = field === 'designation' ? ['foreign', cell] : ['designation', cell];
    expect(mapHeader(header).get(field)).toBe(1);
  });

  it('takes the first of two columns for one field', () => {
    const map = mapHeader(['domestic', 'foreign', 'designation', 'mpn']);
    expect(map.get('designation')).toBe(0);
    expect(map.get('foreign_part')).toBe(1);
  });

  it('ignores unknown columns', () => {
    expect(Object.fromEntries(mapHeader(['note', 'domestic', 'verified']))).toEqual({ designation: 1 });
  });

  it.each([[['foreign', 'function_en']], [['\uFEFF']], [[]]])('throws without a designation column: %j', (header) => {
    expect(() => mapHeader(header)).toThrow(/no designation column: expected one of designation, domestic, обозначение, типономинал/);
  });
});

describe('toRecord', () => {
  const header = mapHeader(REFERENCE_HEADER);
  const row = (cells: Partial<Record<(typeof REFERENCE_HEADER)[number], string>>) => REFERENCE_HEADER.map((h) => cells[h] ?? '');
  const record = (r: Partial<CatalogueRecord>): CatalogueRecord => ({
    line: 2,
    designation: 'К155ЛА3',
    designationLatin: null,
    categoryCode: null,
    functionRu: null,
    functionEn: null,
    packages: [],
    qualityLevel: null,
    status: null,
    standards: [],
    okpd2: null,
    tnved: null,
    maker: null,
    foreignPart: null,
    analogType: 'functional',
    source: null,
    ...r,
  });

  it.each<[string, string[], CatalogueRecord]>([
    [
      'a plain reference row',
      row({ domestic: 'К155ЛА3', foreign: 'SN7400N', source: 'S1' }),
      record({ foreignPart: { partNumber: 'SN7400N', manufacturer: null }, source: 'S1' }),
    ],
    ['a product type without analog', row({ domestic: 'К155ЛА3' }), record({})],
    ['cells are trimmed', row({ domestic: '  К155ЛА3 ', foreign: ' SN7400N ' }), record({ foreignPart: { partNumber: 'SN7400N', manufacturer: null } })],
    [
      '- means empty',
      row({ domestic: 'К155ЛА3', domestic_latin: '-', foreign: '-', function_ru: '-', function_en: ' - ', package: '-', source: '-' }),
      record({}),
    ],
    [
      '[check: …] source → partial',
      row({ domestic: '170АП2', foreign: 'SN75154', source: 'S1 [check: sources disagree]' }),
      record({
        designation: '170АП2',
        foreignPart: { partNumber: 'SN75154', manufacturer: null },
        source: 'S1 [check: sources disagree]',
        analogType: 'partial',
      }),
    ],
    [
      '[note: …] alone stays functional',
      row({ domestic: 'К170АП2', source: "S1 [note: expanded from 'К170АП2,2В']" }),
      record({ designation: 'К170АП2', source: "S1 [note: expanded from 'К170АП2,2В']" }),
    ],
    [
      'a Milandr row',
      row({
        domestic: 'К1986ВЕ92QI',
        domestic_latin: 'MDR32F9Q2I',
        function_ru: 'Микроконтроллер',
        function_en: 'ARM Cortex-M3 MCU',
        package: 'LQFP64',
        manufacturer: 'АО «ПКК Миландр»',
        country: 'ru',
      }),
      record({
        designation: 'К1986ВЕ92QI',
        designationLatin: 'MDR32F9Q2I',
        functionRu: 'Микроконтроллер',
        functionEn: 'ARM Cortex-M3 MCU',
        packages: ['LQFP64'],
        maker: { name: 'АО «ПКК Миландр»', country: 'RU' },
      }),
    ],
    [
      'packages split on ; and |',
      row({ domestic: 'К155ЛА3', package: '201.14-1; 201.14-8 | DIP-14;;' }),
      record({ packages: ['201.14-1', '201.14-8', 'DIP-14'] }),
    ],
    ['a country without a maker is ignored', row({ domestic: 'К155ЛА3', country: 'BY' }), record({})],
  ])('%s', (_case, cells, expected) => {
    expect(toRecord(cells, header, 2)).toEqual(expected);
  });

  it('uses the default analog type when the file has no analog_type column', () => {
    expect(toRecord(row({ domestic: 'К155ЛА3', foreign: 'SN7400N' }), header, 7, 'full')).toMatchObject({ line: 7, analogType: 'full' });
    expect(toRecord(row({ domestic: 'К155ЛА3', source: '[check: x]' }), header, 7, 'full')).toMatchObject({ analogType: 'partial' });
  });

  it('tolerates short rows', () => {
    expect(toRecord(['К155ЛА3'], header, 3)).toEqual(record({ line: 3 }));
  });

  it.each<[string, string[], number, string]>([
    ['empty designation', row({ foreign: 'SN7400N' }), 4, 'the designation is empty'],
    ['- as designation', row({ domestic: '-', foreign: 'SN7400N' }), 5, 'the designation is empty'],
    ['blank designation', row({ domestic: '   ' }), 6, 'the designation is empty'],
    ['too long a designation', row({ domestic: 'К'.repeat(101) }), 7, 'the designation is longer than 100 characters'],
    [
      'maker without country',
      row({ domestic: 'IN74AC244', manufacturer: 'ОАО «Интеграл»' }),
      8,
      'maker "ОАО «Интеграл»" needs a two-letter country code (BY, RU …)',
    ],
    [
      'three-letter country',
      row({ domestic: 'IN74AC244', manufacturer: 'ОАО «Интеграл»', country: 'BLR' }),
      9,
      'maker "ОАО «Интеграл»" needs a two-letter country code (BY, RU …)',
    ],
    [
      'Cyrillic country',
      row({ domestic: 'IN74AC244', manufacturer: 'ОАО «Интеграл»', country: 'РБ' }),
      10,
      'maker "ОАО «Интеграл»" needs a two-letter country code (BY, RU …)',
    ],
  ])('%s → error on its line', (_case, cells, line, message) => {
    expect(toRecord(cells, header, line)).toEqual({ line, message });
  });

  it('accepts a 100-character designation', () => {
    expect(toRecord(row({ domestic: 'К'.repeat(100) }), header, 2)).toMatchObject({ designation: 'К'.repeat(100) });
  });

  describe('export layout', () => {
    const exportHeader = mapHeader(['\uFEFFdesignation', ...EXPORT_COLUMNS.slice(1)]);
    const exportRow = (cells: Partial<Record<(typeof EXPORT_COLUMNS)[number], string>>) => EXPORT_COLUMNS.map((c) => cells[c] ?? '');

    it('reads every field', () => {
      const cells = exportRow({
        designation: 'IN74AC244',
        designation_latin: 'IN74AC244',
        category: 'bus-drivers',
        function_ru: 'Буфер',
        function_en: 'Octal buffer',
        function_derived: 'no',
        packages: 'DIP-20; SO-20',
        quality_level: 'industrial',
        status: 'in_production',
        standards: 'АЕЯР.431200.123ТУ|ТУ 2',
        okpd2: '26.11.30',
        tnved: '8542 39 900 0',
        maker: 'ОАО «Интеграл»',
        maker_country: 'by',
        foreign_part: '74AC244',
        foreign_manufacturer: 'Texas Instruments',
        analog_type: ' Full ',
        verified: 'yes',
        source: 'catalogue',
      });
      expect(toRecord(cells, exportHeader, 12)).toEqual({
        line: 12,
        designation: 'IN74AC244',
        designationLatin: 'IN74AC244',
        categoryCode: 'bus-drivers',
        functionRu: 'Буфер',
        functionEn: 'Octal buffer',
        packages: ['DIP-20', 'SO-20'],
        qualityLevel: 'industrial',
        status: 'in_production',
        standards: ['АЕЯР.431200.123ТУ', 'ТУ 2'],
        okpd2: '26.11.30',
        tnved: '8542 39 900 0',
        maker: { name: 'ОАО «Интеграл»', country: 'BY' },
        foreignPart: { partNumber: '74AC244', manufacturer: 'Texas Instruments' },
        analogType: 'full',
        source: 'catalogue',
      });
    });

    it.each([
      ['functional', 'functional'],
      ['PARTIAL', 'partial'],
      ['', 'functional'],
      ['-', 'functional'],
    ])('analog_type %j → %s', (analogType, expected) => {
      expect(toRecord(exportRow({ designation: 'К155ЛА3', analog_type: analogType }), exportHeader, 2)).toMatchObject({ analogType: expected });
    });

    it('an explicit analog type beats a [check: …] source', () => {
      expect(toRecord(exportRow({ designation: 'К155ЛА3', analog_type: 'full', source: '[check: x]' }), exportHeader, 2)).toMatchObject({ analogType: 'full' });
    });

    it.each<[string, Partial<Record<(typeof EXPORT_COLUMNS)[number], string>>, string]>([
      ['analog type', { analog_type: 'equivalent' }, 'unknown analog type "equivalent" (full, functional or partial)'],
      ['quality level', { quality_level: 'space' }, 'unknown quality level "space"'],
      ['status', { status: 'obsolete' }, 'unknown production status "obsolete"'],
      ['maker country', { maker: 'Интеграл', maker_country: 'Belarus' }, 'maker "Интеграл" needs a two-letter country code (BY, RU …)'],
    ])('bad %s → error with the line number', (_case, cells, message) => {
      expect(toRecord(exportRow({ designation: 'К155ЛА3', ...cells }), exportHeader, 42)).toEqual({ line: 42, message });
    });
  });
});

describe('isRowError', () => {
  it.each([
    [{ line: 3, message: 'x' }, true],
    [toRecord(['К155ЛА3'], mapHeader(['domestic']), 2), false],
  ])('%j → %s', (r, expected) => {
    expect(isRowError(r)).toBe(expected);
  });
});

describe('function_derived on import', () => {
  it('drops texts the export marked as derived so that they are derived again', () => {
    const header = mapHeader(['designation', 'function_ru', 'function_en', 'function_derived']);
    const derived = toRecord(['К155ЛА3', 'old derived text', 'old', 'yes'], header, 2);
    const given = toRecord(['К155ЛА3', '4 элемента 2И-НЕ', 'Quad NAND', 'no'], header, 3);
    expect(derived).toMatchObject({ functionRu: null, functionEn: null });
    expect(given).toMatchObject({ functionRu: '4 элемента 2И-НЕ', functionEn: 'Quad NAND' });
  });
});
