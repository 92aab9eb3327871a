/**
 * Bytes of an uploaded BOM → text. Recognises UTF-8 (with or without a byte-order mark), UTF-16 (with a
 * byte-order mark, or without one when every other byte is zero), Windows-1251 as Russian Excel saves
 * CSV and Windows-1252 as Western (German) Excel does; and tells binary files (XLSX, legacy XLS, ODS, PDF, other ZIP, anything with NUL bytes or control
 * characters) apart from text so that the caller can say what the file is. Pure code.
 */
import type { ParsedTable } from './types';

export type BinaryKind = 'xlsx' | 'xls' | 'ods' | 'pdf' | 'zip' | 'binary';

/** How many bytes from the start (and, for ZIP directories, from the end) are looked at. */
const SAMPLE = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const ZIP_SPANNED = [0x50, 0x4b, 0x07, 0x08];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** Other binary formats people upload by mistake: PNG, JPEG, GIF, gzip, RAR, 7-Zip, BZip2, ELF, Windows EXE. */
const OTHER_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x42, 0x5a, 0x68],
  [0x7f, 0x45, 0x4c, 0x46],
  [0x4d, 0x5a, 0x90, 0x00],
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Latin-1 view of a byte range: enough to find ASCII file names inside a ZIP. */
function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  const end = Math.min(to, bytes.length);
  for (let i = Math.max(0, from); i < end; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, end)));
  return s;
}

function zipKind(bytes: Uint8Array): 'xlsx' | 'ods' | 'zip' {
  // the local header of the first entry and the central directory at the end name the parts
  const names = ascii(bytes, 0, SAMPLE) + ascii(bytes, bytes.length - SAMPLE, bytes.length);
  if (names.includes('xl/workbook') || (names.includes('[Content_Types].xml') && names.includes('xl/'))) return 'xlsx';
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  return 'zip';
}

/** UTF-16 without a byte-order mark: in a sample of mostly ASCII text, every other byte is zero. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.7 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.7 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * What kind of binary file this is, or null for text. Text in UTF-16 (with or without a byte-order mark)
 * is text even though it holds zero bytes.
 */
export function detectBinaryKind(bytes: Uint8Array): BinaryKind | null {
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY) || startsWith(bytes, ZIP_SPANNED)) return zipKind(bytes);
  if (startsWith(bytes, OLE)) return 'xls';
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM) || bomlessUtf16(bytes)) return null;
  if (OTHER_MAGIC.some((m) => startsWith(bytes, m))) return 'binary';
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary';
    // tab, line feed, form feed and carriage return are text; other C0 controls and DEL are not
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return n > 0 && control / n > 0.05 ? 'binary' : null;
}

/** True for files that are not text (see detectBinaryKind for which kind). */
export function looksBinary(bytes: Uint8Array): boolean {
  return detectBinaryKind(bytes) !== null;
}

/** A sentence for the person who uploaded a binary file, in English (the API's language for errors). */
export function binaryKindMessage(kind: BinaryKind): string {
  switch (kind) {
    case 'xlsx':
      return 'this is an Excel .xlsx workbook';
    case 'xls':
      return 'this is a legacy Excel .xls file: save it as .xlsx or CSV';
    case 'ods':
      return 'this is a LibreOffice .ods spreadsheet: save it as .xlsx or CSV';
    case 'pdf':
      return 'this is a PDF document: export the bill of materials from the design tool as CSV or XLSX';
    case 'zip':
      return 'this is a ZIP archive: unpack it and upload the CSV or XLSX file inside';
    case 'binary':
      return 'this is not a text file: upload CSV, TSV, XLSX or paste the table as text';
  }
}

/** Characters that real BOM text in any language we meet contains outside ASCII. */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x17f) || // Latin-1 supplement and Latin Extended-A (ä, ö, ü, ß, ğ, ±, µ, °)
    (cp >= 0x391 && cp <= 0x3c9) || // Greek letters (Ω, µ)
    (cp >= 0x400 && cp <= 0x45f) || // Russian, Belarusian, Ukrainian Cyrillic
    (cp >= 0x2010 && cp <= 0x206f) || // dashes, quotes, ellipsis
    (cp >= 0x20a0 && cp <= 0x20cf) || // currency signs
    (cp >= 0x2100 && cp <= 0x22ff) || // №, ℃, arrows, ≤ ≥
    (cp >= 0x2460 && cp <= 0x25ff) || // circled numbers, box drawing, shapes
    (cp >= 0x3000 && cp <= 0x9fff) || // CJK (JLCPCB and LCSC BOMs)
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul
    (cp >= 0xff00 && cp <= 0xffef) // full-width forms
  );
}

/** Share of the non-ASCII characters of a text that are plausible, and how many there are. */
function plausibility(text: string): { nonAscii: number; share: number } {
  let nonAscii = 0;
  let good = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if (plausible(cp)) good++;
  }
  return { nonAscii, share: nonAscii === 0 ? 1 : good / nonAscii };
}

const strictUtf8 = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/**
 * Decodes a text file. A byte-order mark decides; otherwise the bytes are read as strict UTF-8, and when
 * that fails (or succeeds only by producing characters no BOM contains, while Windows-1251 reads them as
 * Russian text) as Windows-1251, the encoding Russian Excel uses for "CSV (разделители — точка с запятой)".
 * The byte-order mark is not part of the text.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: ParsedTable['encoding'] } {
  if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, UTF16LE_BOM)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, UTF16BE_BOM)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) {
    const asUtf8 = plausibility(utf8);
    if (asUtf8.nonAscii === 0 || asUtf8.share >= 0.5) return { text: utf8, encoding: 'utf-8' };
    // valid UTF-8 by accident: Windows-1251 pairs such as "Ш¬" form two-byte sequences of rare scripts
    const cp1251 = new TextDecoder('windows-1251').decode(bytes);
    if (plausibility(cp1251).share > asUtf8.share) return { text: cp1251, encoding: 'windows-1251' };
    return { text: utf8, encoding: 'utf-8' };
  }
  const encoding = singleByteEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** Bytes that are letters in Windows-1251: А–я, and Ё ё Ў ў І і (Belarusian) below 0xC0. */
const isCp1251Letter = (b: number) => b >= 0xc0 || b === 0xa8 || b === 0xb8 || b === 0xa1 || b === 0xa2 || b === 0xb2 || b === 0xb3;

/**
 * Windows-1251 (Russian, Belarusian) or Windows-1252 (German, French … as Western Excel saves CSV)?
 * Russian words are runs of such letters (mean run of two or more); Western text has single accented
 * letters between ASCII ones (Gehäuse, Würth, Größe).
 */
function singleByteEncoding(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  const n = Math.min(bytes.length, SAMPLE);
  let letters = 0;
  let runs = 0;
  for (let i = 0; i < n; i++) {
    if (!isCp1251Letter(bytes[i])) continue;
    letters++;
    if (i === 0 || !isCp1251Letter(bytes[i - 1])) runs++;
  }
  return runs > 0 && letters / runs < 2 ? 'windows-1252' : 'windows-1251';
}
