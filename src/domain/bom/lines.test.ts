import { describe, expect, it } from 'vitest';
import { mappingFromRoles } from './header';
import { dnpCell, dnpValue, eskdName, parseQuantityCell, toLines } from './lines';
import type { ColumnRole } from './types';

describe('parseQuantityCell', () => {
  it.each<[string, number | null, string | null]>([
    ['2', 2, null],
    [' 2 ', 2, null],
    ['2 шт.', 2, null],
    ['2 шт', 2, null],
    ['2шт.', 2, null],
    ['2,0', 2, null],
    ['2.0', 2, null],
    ['0,5', 0.5, null],
    ['2 pcs', 2, null],
    ['2 pc.', 2, null],
    ['2 Stk.', 2, null],
    ['x2', 2, null],
    ['2x', 2, null],
    ['1 000', 1000, null],
    ['1\u00a0000', 1000, null],
    ['0', 0, null],
    ['', null, null],
    ['-', null, null],
    ['many', null, 'quantity "many" is not a number'],
    ['2-3', null, 'quantity "2-3" is not a number'],
  ])('%j → %s', (text, quantity, error) => {
    expect(parseQuantityCell(text)).toEqual({ quantity, error });
  });
});

describe('dnpCell and dnpValue', () => {
  it.each<[string, boolean, boolean]>([
    ['DNP', false, true],
    ['dnp', false, true],
    ['x', false, true],
    ['Yes', false, true],
    ['1', false, true],
    ['Да', false, true],
    ['Не уст.', false, true],
    ['', false, false],
    ['No', false, false],
    ['0', false, false],
    ['Нет', false, false],
    // a "Fitted" column
    ['Yes', true, false],
    ['Fitted', true, false],
    ['1', true, false],
    ['', true, false],
    ['No', true, true],
    ['0', true, true],
    ['Not fitted', true, true],
    ['DNP', true, true],
  ])('%j (inverted %s) → %s', (text, inverted, dnp) => {
    expect(dnpCell(text, inverted)).toBe(dnp);
  });

  it.each<[string | null, boolean]>([
    ['DNP', true],
    ['DNI', true],
    ['DNF', true],
    ['NC', true],
    ['N/C', true],
    ['Не устанавливать', true],
    ['10k (DNP)', true],
    ['10k DNP', true],
    ['100n', false],
    ['NC7SZ04', false],
    ['DNPX', false],
    [null, false],
  ])('%j → %s', (value, dnp) => {
    expect(dnpValue(value)).toBe(dnp);
  });
});

describe('eskdName', () => {
  it.each<[string, string | null, string]>([
    ['Микросхема К155ЛА3', 'Микросхема', 'К155ЛА3'],
    ['Микросхема К155ЛА3 бК0.348.006 ТУ', 'Микросхема', 'К155ЛА3'],
    ['Микросхема 1533ИЕ7 бК0.347.141 ТУ', 'Микросхема', '1533ИЕ7'],
    ['Резистор С2-33Н-0,125-10 кОм±5% ОЖО.467.093 ТУ', 'Резистор', 'С2-33Н-0,125-10 кОм±5%'],
    ['Конденсатор К10-17б-Н90-0,1 мкФ ОЖ0.460.172 ТУ', 'Конденсатор', 'К10-17б-Н90-0,1 мкФ'],
    ['Транзистор КТ315Б', 'Транзистор', 'КТ315Б'],
    ['Транзистор 2Т3102А ТУ 6329-001-07614320', 'Транзистор', '2Т3102А'],
    ['Диодная сборка BAV99', 'Диодная сборка', 'BAV99'],
    ['Резонатор кварцевый РК374МД-8ВК-8000К', 'Резонатор кварцевый', 'РК374МД-8ВК-8000К'],
    ['Вилка PLS-10', 'Вилка', 'PLS-10'],
    ['микросхема  К561ЛА7', 'микросхема', 'К561ЛА7'],
    ['LM358DR', null, 'LM358DR'],
    ['К155ЛА3', null, 'К155ЛА3'],
    ['Микросхема', null, 'Микросхема'],
  ])('%j', (text, kind, designation) => {
    expect(eskdName(text)).toEqual({ kind, designation });
  });
});

const map = (header: string[], roles: Record<number, ColumnRole | null>, headerRow = 0) => mappingFromRoles(header, roles, headerRow);

describe('toLines', () => {
  const header = ['Designator', 'Value', 'Qty', 'MPN', 'Manufacturer'];
  const mapping = map(header, { 0: 'designators', 1: 'value', 2: 'quantity', 3: 'partNumber', 4: 'manufacturer' });

  it('reads a line with its source line and original cells', () => {
    const rows = [header, ['C1, C2', '100n', '2', 'GRM155R71C104KA88D', 'Murata']];
    const { lines, skipped } = toLines(rows, [3, 5], mapping);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([
      {
        sourceLine: 5,
        cells: ['C1, C2', '100n', '2', 'GRM155R71C104KA88D', 'Murata'],
        partNumber: 'GRM155R71C104KA88D',
        value: '100n',
        manufacturer: 'Murata',
        designators: ['C1', 'C2'],
        quantity: 2,
        description: null,
        package: null,
        distributorPartNumbers: [],
        warnings: [],
        dnp: false,
        generic: { kind: 'capacitor', value: '100 nF' },
      },
    ]);
  });

  it.each<[string, string[], number | null, string[]]>([
    ['quantity as written', ['R1', '10k', '1'], 1, []],
    ['empty quantity → designator count', ['R1-R3', '10k', ''], 3, []],
    ['"2 шт."', ['R1, R2', '10k', '2 шт.'], 2, []],
    ['"2,0"', ['R1, R2', '10k', '2,0'], 2, []],
    ['quantity differs from the designators', ['R1, R2', '10k', '3'], 3, ['quantity 3 differs from the number of designators (2)']],
    ['no designators, no quantity', ['', 'NE555', ''], null, []],
    ['unreadable quantity', ['R1, R2', '10k', 'some'], 2, ['quantity "some" is not a number']],
    ['designator errors are warnings', ['R1, R1', '10k', '1'], 1, ['designators: repeated designators: R1']],
  ])('%s', (_name, cells, quantity, warnings) => {
    const [line] = toLines([header, cells], [1, 2], mapping).lines;
    expect(line.quantity).toBe(quantity);
    expect(line.warnings).toEqual(warnings);
  });

  it('skips empty rows silently, repeated headers, footers and section headings with a reason', () => {
    const rows = [
      header,
      ['U1', 'NE555', '1', 'NE555DR', 'TI'],
      ['', '', '', '', ''],
      [],
      ['Designator', 'Value', 'Qty', 'MPN', 'Manufacturer'],
      ['U2', 'LM358', '1', 'LM358DR', 'TI'],
      ['Collated Components:'],
      ['Total', '', '2'],
      ['Резисторы'],
      ['', '', '', '', 'TI'],
    ];
    const r = toLines(rows, [1, 2, 3, 4, 5, 6, 8, 9, 10, 11], mapping);
    expect(r.lines.map((l) => [l.sourceLine, l.partNumber])).toEqual([
      [2, 'NE555DR'],
      [6, 'LM358DR'],
    ]);
    expect(r.skipped).toEqual([
      { sourceLine: 5, reason: 'repeated header row' },
      { sourceLine: 8, reason: 'footer or summary line "Collated Components:"' },
      { sourceLine: 9, reason: 'footer or summary line "Total 2"' },
      { sourceLine: 10, reason: 'section heading "Резисторы"' },
      { sourceLine: 11, reason: 'no part number, value or designators' },
    ]);
  });

  it('starts under the header row and falls back to row numbers without lines', () => {
    const rows = [['preamble'], header, ['R1', '10k', '1']];
    const r = toLines(rows, [], map(header, { 0: 'designators', 1: 'value', 2: 'quantity' }, 1));
    expect(r.lines.map((l) => l.sourceLine)).toEqual([3]);
  });

  it('tolerates rows shorter than the header', () => {
    const [line] = toLines([header, ['R1']], [1, 2], mapping).lines;
    expect(line).toMatchObject({ designators: ['R1'], value: null, partNumber: null, quantity: 1, generic: { kind: 'resistor', value: null } });
  });

  it.each<[string, string[], Record<number, ColumnRole | null>, string[], boolean]>([
    ['DNP column', ['Ref', 'Value', 'DNP'], { 0: 'designators', 1: 'value', 2: 'dnp' }, ['R1', '10k', 'DNP'], true],
    ['DNP column empty', ['Ref', 'Value', 'DNP'], { 0: 'designators', 1: 'value', 2: 'dnp' }, ['R1', '10k', ''], false],
    ['Fitted column: No', ['Ref', 'Value', 'Fitted'], { 0: 'designators', 1: 'value', 2: 'dnp' }, ['R1', '10k', 'No'], true],
    ['Fitted column: Yes', ['Ref', 'Value', 'Fitted'], { 0: 'designators', 1: 'value', 2: 'dnp' }, ['R1', '10k', 'Yes'], false],
    ['value DNP', ['Ref', 'Value'], { 0: 'designators', 1: 'value' }, ['R5', 'DNP'], true],
    ['value NC', ['Ref', 'Value'], { 0: 'designators', 1: 'value' }, ['C9', 'NC'], true],
    ['value 10k (DNI)', ['Ref', 'Value'], { 0: 'designators', 1: 'value' }, ['R5', '10k (DNI)'], true],
    [
      '«Примечание: Не устанавливать»',
      ['Поз.', 'Наименование', 'Примечание'],
      { 0: 'designators', 1: 'partNumber' },
      ['HL1', 'АЛ307БМ', 'Не устанавливать'],
      true,
    ],
    ['Notes: DNP', ['Ref', 'MPN', 'Notes'], { 0: 'designators', 1: 'partNumber' }, ['U1', 'LM358', 'DNP'], true],
    ['Notes with other text', ['Ref', 'MPN', 'Notes'], { 0: 'designators', 1: 'partNumber' }, ['U1', 'LM358', 'any op-amp'], false],
    ['Notes cell missing from a short row', ['Ref', 'MPN', 'Notes'], { 0: 'designators', 1: 'partNumber' }, ['U1', 'LM358'], false],
  ])('%s', (_name, head, roles, cells, dnp) => {
    expect(toLines([head, cells], [1, 2], map(head, roles)).lines[0].dnp).toBe(dnp);
  });

  it('a DNP value is not read as a generic value', () => {
    const [line] = toLines(
      [
        ['Ref', 'Value'],
        ['R5', 'DNP'],
      ],
      [1, 2],
      map(['Ref', 'Value'], { 0: 'designators', 1: 'value' }),
    ).lines;
    expect(line.generic).toEqual({ kind: 'resistor', value: null });
  });

  it('ESKD «Наименование»: the designation is the part number, the whole text the description', () => {
    const head = ['Поз. обозначение', 'Наименование', 'Кол.'];
    const m = map(head, { 0: 'designators', 1: 'partNumber', 2: 'quantity' });
    const r = toLines(
      [
        head,
        ['Резисторы'],
        ['R1...R4', 'Резистор С2-33Н-0,125-10 кОм±5% ОЖО.467.093 ТУ', '4'],
        ['DD1-DD3', 'Микросхема К155ЛА3', '3'],
        ['DA1', 'LM358DR', '1'],
      ],
      [1, 2, 3, 4, 5],
      m,
    );
    expect(r.lines.map((l) => [l.partNumber, l.description, l.designators.length, l.generic?.kind ?? null])).toEqual([
      ['С2-33Н-0,125-10 кОм±5%', 'Резистор С2-33Н-0,125-10 кОм±5% ОЖО.467.093 ТУ', 4, 'resistor'],
      ['К155ЛА3', 'Микросхема К155ЛА3', 3, null],
      ['LM358DR', 'LM358DR', 1, null],
    ]);
    expect(r.skipped).toEqual([{ sourceLine: 2, reason: 'section heading "Резисторы"' }]);
  });

  it('the section heading tells the kind of a line that names none', () => {
    const head = ['Поз.', 'Наименование', 'Кол.'];
    const m = map(head, { 0: 'designators', 1: 'partNumber', 2: 'quantity' });
    const r = toLines([head, ['Резисторы'], ['', 'С2-33Н-0,125-10 кОм±5%', '4']], [1, 2, 3], m);
    expect(r.lines[0].generic).toEqual({ kind: 'resistor', value: '10 kΩ' });
  });

  it('distributor numbers, and a part number from a Mouser number', () => {
    const head = ['Digi-Key Part Number', 'Mouser Part Number', 'LCSC', 'Qty'];
    const m = map(head, { 0: 'distributorPartNumber', 1: 'distributorPartNumber', 2: 'distributorPartNumber', 3: 'quantity' });
    const r = toLines([head, ['296-1395-5-ND', '595-SN74HC00N', '', '2'], ['', '', 'C5446', '1']], [1, 2, 3], m);
    expect(r.lines[0]).toMatchObject({
      partNumber: 'SN74HC00N',
      distributorPartNumbers: [
        { distributor: 'Digi-Key', partNumber: '296-1395-5-ND' },
        { distributor: 'Mouser', partNumber: '595-SN74HC00N' },
      ],
      warnings: ['part number SN74HC00N taken from the Mouser number 595-SN74HC00N'],
    });
    expect(r.lines[1]).toMatchObject({ partNumber: null, value: null, distributorPartNumbers: [{ distributor: 'LCSC', partNumber: 'C5446' }], warnings: [] });
  });

  it('a dash or tilde is no value', () => {
    const [line] = toLines([header, ['U1', '~', '1', '-', '—']], [1, 2], mapping).lines;
    expect(line).toMatchObject({ value: null, partNumber: null, manufacturer: null });
  });
});
