import { describe, expect, it } from 'vitest';
import { binaryKindMessage, decodeBytes, detectBinaryKind, looksBinary } from './decode';

/** Encoders for the single-byte code pages, built from the decoders (Node has no encoder for them). */
function singleByte(label: string) {
  const decoder = new TextDecoder(label);
  const map = new Map<string, number>();
  for (let b = 255; b >= 0; b--) map.set(decoder.decode(new Uint8Array([b])), b);
  return (text: string) => Uint8Array.from([...text].map((c) => map.get(c) ?? 0x3f));
}
const cp1251 = singleByte('windows-1251');
const cp1252 = singleByte('windows-1252');
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const utf16be = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
const bytes = (...parts: (number[] | Uint8Array | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : [...p])));

describe('decodeBytes', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['ASCII', utf8('Designator,Value\r\nR1,10k'), 'Designator,Value\r\nR1,10k', 'utf-8'],
    ['empty', new Uint8Array(), '', 'utf-8'],
    ['UTF-8 Cyrillic', utf8('Поз. обозначение;Наименование'), 'Поз. обозначение;Наименование', 'utf-8'],
    ['UTF-8 µ and Ω', utf8('0.1µF ±10%;100Ω'), '0.1µF ±10%;100Ω', 'utf-8'],
    ['UTF-8 Chinese (JLCPCB)', utf8('Comment,备注'), 'Comment,备注', 'utf-8'],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], 'Comment,Designator'), 'Comment,Designator', 'utf-8-bom'],
    ['UTF-8 with BOM, Cyrillic', bytes([0xef, 0xbb, 0xbf], 'Кол.'), 'Кол.', 'utf-8-bom'],
    ['UTF-16LE with BOM', bytes([0xff, 0xfe], utf16le('Qty\tПоз.')), 'Qty\tПоз.', 'utf-16le'],
    ['UTF-16BE with BOM', bytes([0xfe, 0xff], utf16be('Qty\tПоз.')), 'Qty\tПоз.', 'utf-16be'],
    ['UTF-16LE without BOM', utf16le('Designator\tQuantity\r\nU1\t1'), 'Designator\tQuantity\r\nU1\t1', 'utf-16le'],
    ['UTF-16BE without BOM', utf16be('Designator\tQuantity'), 'Designator\tQuantity', 'utf-16be'],
    ['Windows-1251 header', cp1251('Поз. обозначение;Наименование;Кол.;Примечание'), 'Поз. обозначение;Наименование;Кол.;Примечание', 'windows-1251'],
    ['Windows-1251 line', cp1251('DD1-DD3;Микросхема К155ЛА3;3;'), 'DD1-DD3;Микросхема К155ЛА3;3;', 'windows-1251'],
    ['Windows-1251 quotes and №', cp1251('«ЧИП и ДИП» № 5'), '«ЧИП и ДИП» № 5', 'windows-1251'],
    ['Windows-1251 ё and Ё', cp1251('Ёмкость; ёмкость'), 'Ёмкость; ёмкость', 'windows-1251'],
    ['Windows-1251 one word', cp1251('Да'), 'Да', 'windows-1251'],
    ['Windows-1251 Ёж', cp1251('Ёж'), 'Ёж', 'windows-1251'],
    ['Windows-1251 Belarusian', cp1251('Вытворца;Колькасць;Ўвод'), 'Вытворца;Колькасць;Ўвод', 'windows-1251'],
    ['Windows-1251 kΩ', cp1251('10 кОм ±5%'), '10 кОм ±5%', 'windows-1251'],
    // Ш¬ is D8 AC: valid UTF-8 for an Arabic letter, which no BOM holds
    ['Windows-1251 that is valid UTF-8 by accident', cp1251('Ш¬'), 'Ш¬', 'windows-1251'],
    ['Windows-1252 German', cp1252('Bauteil;Wert;Gehäuse;Menge'), 'Bauteil;Wert;Gehäuse;Menge', 'windows-1252'],
    ['Windows-1252 µ and ß', cp1252('4,7µ;Größe;Würth'), '4,7µ;Größe;Würth', 'windows-1252'],
  ])('%s', (_name, input, text, encoding) => {
    expect(decodeBytes(input)).toEqual({ text, encoding });
  });

  it('keeps real UTF-8 Cyrillic as UTF-8 even where Windows-1251 would also read it (Р° is а)', () => {
    expect(decodeBytes(utf8('а'))).toEqual({ text: 'а', encoding: 'utf-8' });
    expect(decodeBytes(utf8('Конденсатор'))).toEqual({ text: 'Конденсатор', encoding: 'utf-8' });
  });

  it('decodes a large Windows-1251 file whole', () => {
    const text = 'R1;Резистор С2-33Н-0,125-10 кОм±5%;1;\r\n'.repeat(20_000);
    const decoded = decodeBytes(cp1251(text));
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toBe(text);
  });
});

/** A minimal ZIP local file header naming one entry. */
const zipWith = (...names: string[]) =>
  bytes(...names.flatMap((n) => [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n.length, 0, 0, 0], n]));

describe('detectBinaryKind', () => {
  it.each<[string, Uint8Array, ReturnType<typeof detectBinaryKind>]>([
    ['CSV text', utf8('Comment,Designator\nR1,10k\n'), null],
    ['empty', new Uint8Array(), null],
    ['Windows-1251 text', cp1251('Поз. обозначение;Наименование'), null],
    ['UTF-16LE with BOM (zero bytes are text)', bytes([0xff, 0xfe], utf16le('Qty')), null],
    ['UTF-16LE without BOM', utf16le('Designator\tQuantity'), null],
    ['XLSX', zipWith('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml'), 'xlsx'],
    ['XLSX, workbook named first', zipWith('xl/workbook.xml'), 'xlsx'],
    ['ODS', zipWith('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), 'ods'],
    ['DOCX is a ZIP', zipWith('[Content_Types].xml', 'word/document.xml'), 'zip'],
    ['plain ZIP', zipWith('bom.csv'), 'zip'],
    ['empty ZIP', bytes([0x50, 0x4b, 0x05, 0x06], new Uint8Array(18)), 'zip'],
    ['legacy XLS (OLE)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(100)), 'xls'],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'binary'],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0x00]), 'binary'],
    ['NUL bytes', bytes('Designator,Value\n', [0], 'R1,10k'), 'binary'],
    ['control characters', bytes(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'binary'],
    ['a few control characters in text', bytes('Designator,Value\n', [0x1a], 'R1,10k\n'.repeat(50)), null],
  ])('%s', (_name, input, kind) => {
    expect(detectBinaryKind(input)).toBe(kind);
    expect(looksBinary(input)).toBe(kind !== null);
  });

  it('has a message for every kind', () => {
    expect(binaryKindMessage('xls')).toBe('this is a legacy Excel .xls file: save it as .xlsx or CSV');
    for (const kind of ['xlsx', 'ods', 'pdf', 'zip', 'binary'] as const) expect(binaryKindMessage(kind)).toMatch(/^this is /);
  });
});
