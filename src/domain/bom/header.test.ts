import { describe, expect, it } from 'vitest';
import { COLUMN_ALIASES, columnRole, detectHeader, DISTRIBUTOR_ALIASES, mappingFromRoles, normaliseHeader } from './header';
import type { ColumnMapping, ColumnRole } from './types';

const roles = (m: ColumnMapping | null) => m?.columns.map((c) => c.role);

describe('normaliseHeader', () => {
  it.each([
    ['Mfr. Part #', 'mfrpart'],
    ['Mfr Part#', 'mfrpart'],
    ['MFR PART #:', 'mfrpart'],
    ['Manufacturer_Part_Number', 'manufacturerpartnumber'],
    ['  Manufacturer   Part  Number ', 'manufacturerpartnumber'],
    ['Кол.', 'кол'],
    ['Кол-во', 'колво'],
    ['Поз. обозначение', 'позобозначение'],
    ['Reference(s)', 'reference'],
    ['Digi-Key Part Number', 'digikeypartnumber'],
    ['Qty:', 'qty'],
    ['Ёмкость', 'емкость'],
    ['ＭＰＮ', 'mpn'],
  ])('%j → %j', (header, key) => {
    expect(normaliseHeader(header)).toBe(key);
  });
});

describe('COLUMN_ALIASES', () => {
  it('every alias maps back to its role', () => {
    for (const [role, aliases] of Object.entries(COLUMN_ALIASES) as [ColumnRole, string[]][]) {
      for (const alias of aliases) expect([alias, columnRole(alias)?.role]).toEqual([alias, role]);
    }
  });

  it('every distributor alias names its distributor', () => {
    for (const [name, aliases] of Object.entries(DISTRIBUTOR_ALIASES))
      for (const alias of aliases) expect([alias, columnRole(alias)?.distributor]).toEqual([alias, name || undefined]);
  });

  it.each<[string, ColumnRole | null, string?]>([
    // part number
    ['MPN', 'partNumber'],
    ['Manufacturer Part Number', 'partNumber'],
    ['Mfr. Part #', 'partNumber'],
    ['Mfg Part#', 'partNumber'],
    ['mfg part #', 'partNumber'],
    ['Part Number', 'partNumber'],
    ['P/N', 'partNumber'],
    ['Артикул', 'partNumber'],
    ['Тип', 'partNumber'],
    ['Обозначение', 'partNumber'],
    ['Herstellerteilenummer', 'partNumber'],
    ['Hersteller-Teilenummer', 'partNumber'],
    ['Manufacturer Part Number 1', 'partNumber'],
    ['Manufacturer Part Number (MPN)', 'partNumber'],
    // value
    ['Value', 'value'],
    ['VALUE:', 'value'],
    ['Comment', 'value'],
    ['Номинал', 'value'],
    ['Wert', 'value'],
    // manufacturer
    ['Manufacturer', 'manufacturer'],
    ['Mfr', 'manufacturer'],
    ['Mfr.', 'manufacturer'],
    ['Hersteller', 'manufacturer'],
    ['Производитель', 'manufacturer'],
    ['Изготовитель', 'manufacturer'],
    ['Manufacturer 1', 'manufacturer'],
    // designators
    ['Designator', 'designators'],
    ['Reference(s)', 'designators'],
    ['Reference', 'designators'],
    ['References', 'designators'],
    ['Refs', 'designators'],
    ['Ref Desc', 'designators'],
    ['RefDes', 'designators'],
    ['Ref. Des.', 'designators'],
    ['Поз. обозначение', 'designators'],
    ['Позиционное обозначение', 'designators'],
    ['Поз. обозн.', 'designators'],
    ['Bauteil', 'designators'],
    // quantity
    ['Qty', 'quantity'],
    ['QTY.', 'quantity'],
    ['Quantity', 'quantity'],
    ['Qty (pcs)', 'quantity'],
    ['Кол.', 'quantity'],
    ['Кол-во', 'quantity'],
    ['Кол-во, шт.', 'quantity'],
    ['Количество', 'quantity'],
    ['Menge', 'quantity'],
    ['Anzahl', 'quantity'],
    // package
    ['Package', 'package'],
    ['Footprint', 'package'],
    ['Корпус', 'package'],
    ['Gehäuse', 'package'],
    ['Bauform', 'package'],
    // description
    ['Description', 'description'],
    ['Описание', 'description'],
    ['Beschreibung', 'description'],
    ['Наименование', 'description'],
    // DNP
    ['DNP', 'dnp'],
    ['Do not place', 'dnp'],
    ['Не устанавливать', 'dnp'],
    ['Fitted', 'dnp'],
    // distributors
    ['Digi-Key Part Number', 'distributorPartNumber', 'Digi-Key'],
    ['DigiKey #', 'distributorPartNumber', 'Digi-Key'],
    ['Mouser Part Number', 'distributorPartNumber', 'Mouser'],
    ['Mouser No', 'distributorPartNumber', 'Mouser'],
    ['LCSC', 'distributorPartNumber', 'LCSC'],
    ['LCSC Part #', 'distributorPartNumber', 'LCSC'],
    ['JLCPCB Part #', 'distributorPartNumber', 'JLCPCB'],
    ['Farnell', 'distributorPartNumber', 'Farnell'],
    ['RS Stock No.', 'distributorPartNumber', 'RS'],
    ['ЧИП и ДИП', 'distributorPartNumber', 'ЧИП и ДИП'],
    ['Supplier Part Number', 'distributorPartNumber', undefined],
    // known but without a role, and unknown
    ['Type', null],
    ['Item', null],
    ['Datasheet', null],
    ['LibRef', null],
    ['Примечание', null],
    ['Foo', null],
    ['', null],
  ])('%j → %s %s', (header, role, distributor) => {
    const r = columnRole(header);
    expect(r?.role ?? null).toBe(role);
    if (role === 'distributorPartNumber') expect(r?.distributor).toBe(distributor);
  });

  it('Fitted and Bestückt are inverted, DNP is not', () => {
    expect(columnRole('Fitted')?.inverted).toBe(true);
    expect(columnRole('Bestückt')?.inverted).toBe(true);
    expect(columnRole('DNP')?.inverted).toBeUndefined();
  });

  it('Тип and Обозначение are weak', () => {
    expect(columnRole('Тип')?.weak).toBe(true);
    expect(columnRole('Обозначение')?.weak).toBe(true);
    expect(columnRole('MPN')?.weak).toBe(false);
  });
});

describe('detectHeader', () => {
  it('finds the KiCad header after the preamble', () => {
    const rows = [
      ['Source:', 'x.kicad_sch'],
      ['Date:', 'today'],
      ['Tool:', 'Eeschema 7.0.6'],
      ['Component Count:', '30'],
      ['Collated Components:'],
      ['Item', 'Qty', 'Reference(s)', 'Value', 'LibPart', 'Footprint', 'Datasheet', 'DNP'],
      ['1', '2', 'C1, C2', '1u', 'Device:C', 'C_0603', '~', ''],
    ];
    const m = detectHeader(rows);
    expect(m?.headerRow).toBe(5);
    expect(m?.confidence).toBe('high');
    expect(roles(m)).toEqual([null, 'quantity', 'designators', 'value', null, 'package', null, 'dnp']);
  });

  it.each<[string, string[], (ColumnRole | null)[], 'high' | 'low']>([
    [
      'Altium',
      ['Comment', 'Description', 'Designator', 'Footprint', 'LibRef', 'Quantity'],
      ['value', 'description', 'designators', 'package', null, 'quantity'],
      'high',
    ],
    ['JLCPCB', ['Comment', 'Designator', 'Footprint', 'LCSC Part #'], ['value', 'designators', 'package', 'distributorPartNumber'], 'high'],
    [
      'ESKD list: Наименование is the part',
      ['Поз. обозначение', 'Наименование', 'Кол.', 'Примечание'],
      ['designators', 'partNumber', 'quantity', null],
      'high',
    ],
    [
      'Наименование is the description next to Артикул',
      ['Поз. обозначение', 'Наименование', 'Артикул', 'Кол.'],
      ['designators', 'description', 'partNumber', 'quantity'],
      'high',
    ],
    ['German', ['Bauteil', 'Wert', 'Menge', 'Hersteller', 'Herstellerteilenummer'], ['designators', 'value', 'quantity', 'manufacturer', 'partNumber'], 'high'],
    ['kit list', ['Part Number', 'Manufacturer', 'Qty'], ['partNumber', 'manufacturer', 'quantity'], 'high'],
    [
      'distributor numbers only',
      ['Digi-Key Part Number', 'Mouser Part Number', 'LCSC', 'Qty'],
      ['distributorPartNumber', 'distributorPartNumber', 'distributorPartNumber', 'quantity'],
      'high',
    ],
    ['only weak aliases', ['Тип', 'Кол.'], ['partNumber', 'quantity'], 'low'],
    ['Value wins over Comment', ['Comment', 'Value', 'Designator'], [null, 'value', 'designators'], 'high'],
    ['MPN wins over Part Number', ['Part Number', 'MPN', 'Qty'], [null, 'partNumber', 'quantity'], 'high'],
    ['a strong alias wins over a weak one', ['Тип', 'Артикул', 'Кол.'], [null, 'partNumber', 'quantity'], 'high'],
    ['two Manufacturer columns: the first', ['Manufacturer', 'MPN', 'Manufacturer 2'], ['manufacturer', 'partNumber', null], 'high'],
  ])('%s', (_name, header, expected, confidence) => {
    const m = detectHeader([header, header.map(() => '')]);
    expect(m?.headerRow).toBe(0);
    expect(roles(m)).toEqual(expected);
    expect(m?.confidence).toBe(confidence);
  });

  it('keeps the distributor name and the inverted meaning on the columns', () => {
    const m = detectHeader([['MPN', 'Mouser No', 'DigiKey #', 'Fitted']]);
    expect(m?.columns).toEqual([
      { index: 0, header: 'MPN', role: 'partNumber' },
      { index: 1, header: 'Mouser No', role: 'distributorPartNumber', distributor: 'Mouser' },
      { index: 2, header: 'DigiKey #', role: 'distributorPartNumber', distributor: 'Digi-Key' },
      { index: 3, header: 'Fitted', role: 'dnp', inverted: true },
    ]);
  });

  it.each<[string, string[][]]>([
    [
      'no header at all',
      [
        ['foo', 'bar'],
        ['1', '2'],
      ],
    ],
    [
      'only one recognised column',
      [
        ['Value', 'foo'],
        ['10k', 'x'],
      ],
    ],
    [
      'no part number or value',
      [
        ['Designator', 'Qty'],
        ['R1', '1'],
      ],
    ],
    ['empty table', []],
    ['header beyond the first 40 rows', [...Array.from({ length: 40 }, () => ['x', 'y']), ['MPN', 'Qty']]],
  ])('null for %s', (_name, rows) => {
    expect(detectHeader(rows)).toBeNull();
  });

  it('prefers the row with more recognised columns', () => {
    const m = detectHeader([
      ['Value', 'Qty'],
      ['Designator', 'Value', 'Qty', 'Footprint'],
    ]);
    expect(m?.headerRow).toBe(1);
  });

  it("Eagle's Part column holding designators becomes the designator column", () => {
    const m = detectHeader([
      ['Part', 'Value', 'Device', 'Package'],
      ['R1', '10k', 'R-EU_0603', '0603'],
      ['C1', '100n', 'C-EU_0603', '0603'],
    ]);
    expect(roles(m)).toEqual(['designators', 'value', null, 'package']);
  });

  it('an unnamed «Поз.» column holding designators becomes the designator column', () => {
    const m = detectHeader([
      ['Поз.', 'Наименование', 'Кол.'],
      ['DD1', 'Микросхема К155ЛА3', '1'],
      ['R1, R2', 'Резистор С2-33Н-0,125-10 кОм', '2'],
    ]);
    expect(roles(m)).toEqual(['designators', 'partNumber', 'quantity']);
  });

  it('«Обозначение» holding designators: designators, and «Наименование» becomes the part', () => {
    const m = detectHeader([
      ['Обозначение', 'Наименование', 'Кол.'],
      ['DA1', 'LM358DR', '1'],
    ]);
    expect(roles(m)).toEqual(['designators', 'partNumber', 'quantity']);
  });

  it('a Comment column of remarks next to a part-number column is not the value', () => {
    const m = detectHeader([
      ['Ref Desc', 'Manufacturer Part Number', 'Comment'],
      ['U1', 'SN74HC595DR', 'Any SOP 74595 will do'],
      ['Q1', 'MMBTA42', ''],
    ]);
    expect(roles(m)).toEqual(['designators', 'partNumber', null]);
  });
});

describe('mappingFromRoles', () => {
  it('applies the roles a user chose', () => {
    const m = mappingFromRoles(['A', 'B', 'C', 'D'], { 0: 'designators', 2: 'partNumber', 3: 'quantity' });
    expect(m).toEqual({
      columns: [
        { index: 0, header: 'A', role: 'designators' },
        { index: 1, header: 'B', role: null },
        { index: 2, header: 'C', role: 'partNumber' },
        { index: 3, header: 'D', role: 'quantity' },
      ],
      headerRow: 0,
      confidence: 'high',
    });
  });

  it('keeps a role on its first column only, except distributor numbers', () => {
    const m = mappingFromRoles(['MPN', 'MPN 2', 'Mouser No', 'LCSC'], {
      0: 'partNumber',
      1: 'partNumber',
      2: 'distributorPartNumber',
      3: 'distributorPartNumber',
    });
    expect(roles(m)).toEqual(['partNumber', null, 'distributorPartNumber', 'distributorPartNumber']);
    expect(m.columns.map((c) => c.distributor)).toEqual([undefined, undefined, 'Mouser', 'LCSC']);
  });

  it('takes the inverted meaning of a Fitted column and the header row', () => {
    const m = mappingFromRoles(['Value', 'Fitted'], { 0: 'value', 1: 'dnp' }, 3);
    expect(m.columns[1]).toEqual({ index: 1, header: 'Fitted', role: 'dnp', inverted: true });
    expect(m.headerRow).toBe(3);
  });

  it('covers columns past the header cells', () => {
    const m = mappingFromRoles(['Value'], { 0: 'value', 2: 'quantity' });
    expect(roles(m)).toEqual(['value', null, 'quantity']);
  });
});
