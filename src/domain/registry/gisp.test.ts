import { describe, expect, it } from 'vitest';
import {
  CsvReader,
  GISP_COLUMNS,
  GISP_HEADER_LINE,
  checkGispHeader,
  gispActiveOn,
  gispCsvLine,
  gispDetailsJson,
  gispValuesFromDetails,
  gispRecord,
  gispValues,
  gispValuesFromJson,
  gispValuesJson,
  groupGispRows,
  isGispRowError,
  parseGispBoolean,
  parseGispDate,
  parseGispDecimal,
  parseGispRow,
  parseTnved,
  type CsvRecord,
  type GispRow,
} from './gisp';

const HEADER = GISP_COLUMNS.join(',');
const SAMPLE =
  '"ООО ""ТЕСТ""",1023404238384,3400000000,-,-,-,-,2024-04-10,2027-04-09,-,100,"Насос НД630-90",28.13.14.110,8413 70 300 0,ТУ 3631-001-00217610-2014,185.0,-,-,-,Нет,-,Акт экспертизы ТПП,2024-03-15,012-01-00080,-,Департамент,-';

function readAll(text: string, chunk = text.length): CsvRecord[] {
  const reader = new CsvReader();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...reader.push(text.slice(i, i + chunk)));
  out.push(...reader.end());
  return out;
}

function row(overrides: Partial<Record<(typeof GISP_COLUMNS)[number], string>>, line = 2): GispRow {
  const fields = readAll(SAMPLE)[0] as { fields: string[] };
  const values = [...fields.fields];
  for (const [k, v] of Object.entries(overrides)) values[GISP_COLUMNS.indexOf(k as (typeof GISP_COLUMNS)[number])] = v;
  const r = parseGispRow(values, line);
  if (isGispRowError(r)) throw new Error(r.message);
  return r;
}

describe('CsvReader', () => {
  const cases: [string, string, { line: number; fields?: string[]; error?: boolean }[]][] = [
    [
      'plain LF',
      'a,b\nc,d\n',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    ],
    [
      'CRLF, no final newline',
      'a,b\r\nc,d',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    ],
    ['byte-order mark', '\uFEFFa,b\n', [{ line: 1, fields: ['a', 'b'] }]],
    ['quoted comma and doubled quote', '"x, ""y""",z\n', [{ line: 1, fields: ['x, "y"', 'z'] }]],
    [
      'newline inside quotes moves the line count',
      '"one\ntwo",b\nc,d\n',
      [
        { line: 1, fields: ['one\ntwo', 'b'] },
        { line: 3, fields: ['c', 'd'] },
      ],
    ],
    [
      'CRLF inside quotes',
      '"one\r\ntwo",b\r\nc,d\r\n',
      [
        { line: 1, fields: ['one\r\ntwo', 'b'] },
        { line: 3, fields: ['c', 'd'] },
      ],
    ],
    [
      'blank lines skipped but counted',
      'a\n\n\nb\n',
      [
        { line: 1, fields: ['a'] },
        { line: 4, fields: ['b'] },
      ],
    ],
    ['empty fields', ',,\n', [{ line: 1, fields: ['', '', ''] }]],
    ['stray quote inside an unquoted field is text', 'ООО "Ромашка",x\n', [{ line: 1, fields: ['ООО "Ромашка"', 'x'] }]],
    ['text after a closing quote is kept', '"ab"cd,e\n', [{ line: 1, fields: ['abcd', 'e'] }]],
    ['empty quoted field', '"",x\n', [{ line: 1, fields: ['', 'x'] }]],
    [
      'unterminated quote at the end',
      'a\n"open,b\nc\n',
      [
        { line: 1, fields: ['a'] },
        { line: 2, error: true },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    for (const chunk of [input.length, 1, 2, 3, 5]) {
      const got = readAll(input, chunk).map((r) => ('error' in r ? { line: r.line, error: true } : r));
      expect(got, `chunk size ${chunk}`).toEqual(expected);
    }
  });

  it('splits a multi-byte text at any chunk boundary the same way', () => {
    const text = HEADER + '\r\n' + SAMPLE + '\r\n' + SAMPLE.replace('Насос', 'Насос, "двойной"') + '\r\n';
    const whole = readAll(text);
    for (const chunk of [7, 64, 1000]) expect(readAll(text, chunk)).toEqual(whole);
  });
});

describe('checkGispHeader', () => {
  it('accepts the 27 columns in order in any case and with a byte-order mark', () => {
    expect(checkGispHeader([...GISP_COLUMNS])).toBeNull();
    expect(checkGispHeader(GISP_COLUMNS.map((c) => c.toUpperCase()))).toBeNull();
    expect(checkGispHeader(['\uFEFFNameoforg', ...GISP_COLUMNS.slice(1)])).toBeNull();
  });
  it.each([
    ['a missing column', GISP_COLUMNS.filter((c) => c !== 'TNVED'), /missing column TNVED/],
    ['an unknown column', [...GISP_COLUMNS, 'Extra'], /unknown column "Extra"/],
    ['a renamed column', GISP_COLUMNS.map((c) => (c === 'Score' ? 'Points' : c)), /missing column Score; unknown column "Points"/],
    ['the wrong order', [GISP_COLUMNS[1], GISP_COLUMNS[0], ...GISP_COLUMNS.slice(2)], /column 1 is OGRN but must be Nameoforg/],
    ['a BOM file of another kind', ['designation', 'foreign_part'], /missing columns Nameoforg, OGRN/],
  ])('names %s', (_name, header, message) => {
    const m = checkGispHeader(header);
    expect(m).toMatch(message);
    expect(m).toContain('Nameoforg,OGRN,INN');
  });
});

describe('cell values', () => {
  it.each([
    ['2024-04-10', '2024-04-10'],
    ['10.04.2024', '2024-04-10'],
    ['1.4.2024', '2024-04-01'],
    ['2024-04-10T00:00:00', '2024-04-10'],
    ['2024-04-10 00:00:00', '2024-04-10'],
    [' 2024-04-10 ', '2024-04-10'],
    ['-', null],
    ['', null],
    ['2024-02-30', undefined],
    ['31.04.2024', undefined],
    ['2024/04/10', undefined],
    ['10.04.24', undefined],
    ['сегодня', undefined],
  ])('date %j → %j', (raw, expected) => expect(parseGispDate(raw)).toBe(expected));

  it.each([
    ['185.0', 185],
    ['185,5', 185.5],
    ['1 234,5', 1234.5],
    ['0.75', 0.75],
    ['-', null],
    ['abc', undefined],
    ['1,2,3', undefined],
  ])('decimal %j → %j', (raw, expected) => expect(parseGispDecimal(raw)).toBe(expected));

  it.each([
    ['Да', true],
    ['да', true],
    ['Нет', false],
    ['НЕТ', false],
    ['-', null],
    ['может быть', undefined],
  ])('boolean %j → %j', (raw, expected) => expect(parseGispBoolean(raw)).toBe(expected));

  it.each([
    ['8413 70 300 0', ['8413 70 300 0']],
    ['8542 31 000 0;8542 32 000 0; 8542 39 900 0', ['8542 31 000 0', '8542 32 000 0', '8542 39 900 0']],
    ['8542;;-;', ['8542']],
    ['-', []],
  ])('ТН ВЭД %j', (raw, expected) => expect(parseTnved(raw)).toEqual(expected));
});

describe('parseGispRow', () => {
  it('reads the sample row of the format description', () => {
    const r = row({});
    expect(r).toMatchObject({
      makerName: 'ООО "ТЕСТ"',
      ogrn: '1023404238384',
      inn: '3400000000',
      makerAddress: null,
      primaryNumber: null,
      docDate: '2024-04-10',
      validTill: '2027-04-09',
      endDate: null,
      registerNumber: '100',
      number: '100',
      numberKey: '100',
      productName: 'Насос НД630-90',
      tnved: ['8413 70 300 0'],
      score: 185,
      percentage: null,
      isElectronic: null,
      isAi: false,
      level: null,
      docName: 'Акт экспертизы ТПП',
      docDateBasis: '2024-03-15',
      department: 'Департамент',
      line: 2,
    });
  });

  it('falls back to Regnumber and keys numbers with a prefix', () => {
    expect(row({ Registernumber: '-', Regnumber: 'РПП-10320\\1\\2022' })).toMatchObject({ number: 'РПП-10320\\1\\2022', numberKey: '10320/1/2022' });
  });

  it.each([
    ['wrong column count', (f: string[]) => f.slice(0, 26), /26 columns instead of 27/],
    ['an unparsable date', (f: string[]) => f.map((v, i) => (i === 7 ? '2024-13-01' : v)), /Docdate: "2024-13-01" is not a date/],
    ['no number', (f: string[]) => f.map((v, i) => (i === 10 || i === 5 ? '-' : v)), /no registry number/],
    ['no product name', (f: string[]) => f.map((v, i) => (i === 11 ? '-' : v)), /Productname is empty/],
    ['no Docdate', (f: string[]) => f.map((v, i) => (i === 7 ? '-' : v)), /Docdate is empty/],
    ['a bad boolean', (f: string[]) => f.map((v, i) => (i === 19 ? 'Возможно' : v)), /Isai: "Возможно" is not Да or Нет/],
    ['a bad score', (f: string[]) => f.map((v, i) => (i === 15 ? 'много' : v)), /Score: "много" is not a number/],
    [
      'a huge cell by its start only',
      (f: string[]) => f.map((v, i) => (i === 7 ? '2024-' + '9'.repeat(100_000) : v)),
      /^Docdate: "2024-9{35}…" \(100005 characters\) is not a date/,
    ],
    ['a fractional level', (f: string[]) => f.map((v, i) => (i === 20 ? '1.5' : v)), /ElectronicProductLevel/],
  ])('reports %s with the line number', (_name, change, message) => {
    const fields = (readAll(SAMPLE)[0] as { fields: string[] }).fields;
    const r = parseGispRow(change(fields), 17);
    expect(isGispRowError(r)).toBe(true);
    expect(r).toMatchObject({ line: 17, message: expect.stringMatching(message) });
  });
});

describe('gispRecord', () => {
  it('keeps every renewal as a period and takes the newest Docdate, then the latest Docvalidtill, as current', () => {
    const first = row({ Docdate: '2019-01-10', Docvalidtill: '2022-01-09' }, 5);
    const renewal = row({ Docdate: '2022-01-10', Docvalidtill: '2025-01-09', Score: '190' }, 2);
    const extension = row({ Docdate: '10.01.2022', Docvalidtill: '2026-01-09' }, 9);
    const record = gispRecord([renewal, extension, first]);
    expect(record.periods.map((p) => p.line)).toEqual([5, 2, 9]);
    expect(record.current.line).toBe(9);
    expect(record.endDate).toBeNull();
  });

  it('treats a filled Enddate of the current row as an early end and an open Docvalidtill as the latest', () => {
    const open = row({ Docdate: '2024-01-01', Docvalidtill: '-' }, 3);
    const dated = row({ Docdate: '2024-01-01', Docvalidtill: '2027-01-01', Enddate: '2025-05-05' }, 4);
    expect(gispRecord([open, dated]).current.line).toBe(3);
    expect(gispRecord([dated]).endDate).toBe('2025-05-05');
  });

  it('counts a row repeated verbatim once', () => {
    expect(gispRecord([row({}, 2), row({}, 3)]).periods).toHaveLength(1);
  });

  it('groups rows of one number written with and without the prefix', () => {
    const groups = groupGispRows([row({ Registernumber: 'РПП-7' }), row({ Registernumber: '7', Docdate: '2025-01-01' }), row({ Registernumber: '8' })]);
    expect(groups.map((g) => g.periods.length)).toEqual([2, 1]);
  });

  it('tells whether a record is in force on a date', () => {
    const r = { validFrom: '2024-01-01', validTill: '2026-12-31', endDate: null };
    expect(gispActiveOn(r, '2025-06-01')).toBe(true);
    expect(gispActiveOn(r, '2027-01-01')).toBe(false);
    expect(gispActiveOn(r, '2023-12-31')).toBe(false);
    expect(gispActiveOn({ ...r, endDate: '2025-01-01' }, '2025-06-01')).toBe(false);
  });
});

describe('gispCsvLine', () => {
  it('writes the layout back: - for empty, quotes where needed, Да/Нет, decimals with a point', () => {
    const r = row({ TNVED: '8542 31 000 0;8542 39 900 0', Productname: 'Микросхема, "умная"\nвторая строка', Percentage: '55,5', Iselectronicproduct: 'Да' });
    const line = gispCsvLine(r);
    expect(line).toContain('"ООО ""ТЕСТ"""');
    expect(line).toContain('"Микросхема, ""умная""\nвторая строка"');
    expect(line).toContain(',185.0,55.5,-,Да,Нет,-,');
    expect(line.endsWith('\r\n')).toBe(true);
  });

  it('round-trips through the reader and the row parser', () => {
    const rows = [
      row({}),
      row({
        TNVED: '8542 31 000 0;8542 39 900 0',
        Productname: ' ведущий пробел, запятая и "кавычки" ',
        Enddate: '01.02.2025',
        Isai: 'Да',
        ElectronicProductLevel: '2',
      }),
      row({ Nameoforg: '-', Regnumber: 'РПП-1', Registernumber: '-', Score: '-', Docvalidtill: '-' }),
    ];
    const text = GISP_HEADER_LINE + rows.map(gispCsvLine).join('');
    const read = readAll(text);
    expect(checkGispHeader((read[0] as { fields: string[] }).fields)).toBeNull();
    const back = read.slice(1).map((r) => parseGispRow((r as { fields: string[] }).fields, r.line) as GispRow);
    expect(back.map(gispValues)).toEqual(rows.map(gispValues).map((v) => ({ ...v, productName: v.productName?.trim() ?? null })));
  });
});

describe('gispValuesJson', () => {
  it('is a compact canonical text that reads back to the same values', () => {
    const r = row({ TNVED: '8542 31 000 0;8542 39 900 0', Isai: 'Да', Percentage: '55,5' });
    const json = gispValuesJson(r);
    expect(json.startsWith('["ООО \\"ТЕСТ\\"",')).toBe(true);
    expect(gispValuesFromJson(json)).toEqual(gispValues(r));
    expect(() => gispValuesFromJson('[1,2]')).toThrow();
  });

  it('checks leap years in dates', () => {
    expect(parseGispDate('2024-02-29')).toBe('2024-02-29');
    expect(parseGispDate('2023-02-29')).toBeUndefined();
    expect(parseGispDate('29.02.2000')).toBe('2000-02-29');
    expect(parseGispDate('29.02.1900')).toBeUndefined();
  });
});

describe('gispDetailsJson', () => {
  it('stores the filled values by name and reads them back', () => {
    const r = row({ TNVED: '8542 31 000 0;8542 39 900 0' });
    const details = gispDetailsJson(r);
    expect(JSON.parse(details)).toMatchObject({ source: 'gisp', docName: 'Акт экспертизы ТПП', tnved: ['8542 31 000 0', '8542 39 900 0'] });
    expect(details).not.toContain('null');
    expect(gispValuesFromDetails(details)).toEqual(gispValues(r));
    expect(gispValuesFromDetails('{"decision":"include"}')).toBeNull();
    expect(gispValuesFromDetails(null)).toBeNull();
  });

  it('stores only what differs from the record’s current values when given them', () => {
    const current = row({ Docdate: '2022-01-10', Docvalidtill: '2025-01-09', Score: '190' });
    const older = row({ Docdate: '2019-01-10', Docvalidtill: '2022-01-09', Resdocnum: '-' });
    expect(JSON.parse(gispDetailsJson(current, current))).toEqual({ source: 'gisp' });
    const details = gispDetailsJson(older, current);
    expect(JSON.parse(details)).toEqual({ source: 'gisp', docDate: '2019-01-10', validTill: '2022-01-09', score: 185 });
    expect(gispValuesFromDetails(details, current)).toEqual(gispValues(older));
  });
});
