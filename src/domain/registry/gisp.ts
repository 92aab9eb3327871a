/**
 * The open data of the Russian industrial-products registry (ПП РФ № 719, 27 columns), as published by ГИСП:
 * a streaming CSV reader (UTF-8 with or without byte-order mark, `"` quoting with `""`, newlines inside quotes,
 * CRLF or LF), the header check, one row's values (`-` = empty in every column, several ТН ВЭД codes split by `;`,
 * `Да`/`Нет`, decimals with a point or a comma, ISO and `DD.MM.YYYY` dates), the grouping of the rows of one
 * registry number (renewals) into one record with its periods, and the writer of the same layout.
 *
 * Pure: no I/O. The reader takes text chunks and returns complete rows, so a file of any size is read in flat
 * memory. See shared/data/formats/gisp-pp719.md.
 */
import { registryNumberKey } from '../registry-number';
import { neutraliseFormula } from '../spreadsheet';

export const GISP_COLUMNS = [
  'Nameoforg',
  'OGRN',
  'INN',
  'Orgaddr',
  'Productmanufaddress',
  'Regnumber',
  'Ektrudp',
  'Docdate',
  'Docvalidtill',
  'Enddate',
  'Registernumber',
  'Productname',
  'OKPD2',
  'TNVED',
  'Nameofregulations',
  'Score',
  'Percentage',
  'Scoredesc',
  'Iselectronicproduct',
  'Isai',
  'ElectronicProductLevel',
  'Docname',
  'Docdatebasis',
  'Docnum',
  'Docvalidtilltpp',
  'Mptdep',
  'Resdocnum',
] as const;

export type GispColumn = (typeof GISP_COLUMNS)[number];

/** The values of one row, typed; `null` where the cell is empty or `-`. Dates are `YYYY-MM-DD`. */
export interface GispValues {
  makerName: string | null;
  ogrn: string | null;
  inn: string | null;
  makerAddress: string | null;
  productionAddress: string | null;
  /** `Regnumber`: the primary (older) registry number. */
  primaryNumber: string | null;
  ektru: string | null;
  docDate: string | null;
  validTill: string | null;
  endDate: string | null;
  /** `Registernumber`: the current registry number. */
  registerNumber: string | null;
  productName: string | null;
  okpd2: string | null;
  tnved: string[];
  regulations: string | null;
  score: number | null;
  percentage: number | null;
  scoreDesc: string | null;
  isElectronic: boolean | null;
  isAi: boolean | null;
  level: number | null;
  docName: string | null;
  docDateBasis: string | null;
  docNumber: string | null;
  docValidTillTpp: string | null;
  department: string | null;
  conclusionNumber: string | null;
}

export interface GispRow extends GispValues {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  /** The registry number of the row (`Registernumber`, else `Regnumber`) and its key. */
  number: string;
  numberKey: string;
}

export interface GispRowError {
  line: number;
  message: string;
}

export const isGispRowError = (r: GispRow | GispRowError): r is GispRowError => 'message' in r;

// ---------------------------------------------------------------------------------------------------------
// CSV reader
// ---------------------------------------------------------------------------------------------------------

/** One physical CSV record: its fields and the line where it starts, or why it could not be read. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

const QUOTE = 34; // "
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Incremental RFC 4180 reader. `push(chunk)` returns the records completed by that chunk; `end()` the rest.
 * Lenient where the data is: a quote inside an unquoted field and text after a closing quote are kept as
 * text. Blank lines are skipped. An unterminated quoted field at the end of the input is an error record.
 */
export class CsvReader {
  private buffer = '';
  private line = 1;
  private started = false;

  push(chunk: string): CsvRecord[] {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buffer = this.buffer ? this.buffer + chunk : chunk;
    return this.drain(false);
  }

  end(): CsvRecord[] {
    const out = this.drain(true);
    this.buffer = '';
    return out;
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const buf = this.buffer;
    let pos = 0;
    while (pos < buf.length) {
      const r = readRecord(buf, pos, final);
      if (r === null) break;
      const line = this.line;
      this.line += r.newlines;
      pos = r.next;
      if (r.error) out.push({ line, error: r.error });
      else if (!(r.fields.length === 1 && r.fields[0] === '')) out.push({ line, fields: r.fields });
    }
    this.buffer = pos >= buf.length ? '' : buf.slice(pos);
    return out;
  }
}

interface ReadResult {
  fields: string[];
  next: number;
  newlines: number;
  error?: string;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Reads one record from `pos`; null when the buffer ends inside it and more input may follow. */
function readRecord(buf: string, pos: number, final: boolean): ReadResult | null {
  const len = buf.length;
  const fields: string[] = [];
  let newlines = 0;
  let i = pos;
  for (;;) {
    let value: string;
    if (i < len && buf.charCodeAt(i) === QUOTE) {
      value = '';
      let j = i + 1;
      for (;;) {
        const k = buf.indexOf('"', j);
        if (k < 0) {
          if (!final) return null;
          // the rest of the input is inside an unterminated quoted field
          return { fields, next: len, newlines: newlines + countNewlines(buf.slice(j)), error: 'unterminated quoted field (a " is missing)' };
        }
        const part = buf.slice(j, k);
        value += part;
        newlines += countNewlines(part);
        if (k + 1 >= len && !final) return null; // is it "" or the closing quote? wait for more
        if (buf.charCodeAt(k + 1) === QUOTE) {
          value += '"';
          j = k + 2;
          continue;
        }
        i = k + 1;
        break;
      }
      // text between a closing quote and the next separator is kept as text
      let k = i;
      while (k < len) {
        const c = buf.charCodeAt(k);
        if (c === COMMA || c === LF || c === CR) break;
        k++;
      }
      if (k > i) value += buf.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < len) {
        const c = buf.charCodeAt(k);
        if (c === COMMA || c === LF || c === CR) break;
        k++;
      }
      value = buf.slice(i, k);
      i = k;
    }
    if (i >= len) {
      if (!final) return null;
      fields.push(value);
      return { fields, next: len, newlines };
    }
    const c = buf.charCodeAt(i);
    fields.push(value);
    if (c === COMMA) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= len && !final) return null;
      i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
    } else i++; // LF
    return { fields, next: i, newlines: newlines + 1 };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Header and values
// ---------------------------------------------------------------------------------------------------------

/** Null when the header is the 27 columns in order (any case); otherwise a message naming what is wrong. */
export function checkGispHeader(fields: string[]): string | null {
  const seen = fields.map((f) => f.trim().replace(/^\uFEFF/, ''));
  const byLower = new Map(GISP_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const present = new Set(seen.map((f) => f.toLowerCase()));
  const missing = GISP_COLUMNS.filter((c) => !present.has(c.toLowerCase()));
  const unknown = seen.filter((f) => !byLower.has(f.toLowerCase()));
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`);
  if (!problems.length) {
    const duplicated = seen.filter((f, i) => seen.findIndex((g) => g.toLowerCase() === f.toLowerCase()) !== i);
    if (duplicated.length) problems.push(`duplicated column${duplicated.length > 1 ? 's' : ''} ${duplicated.join(', ')}`);
    else {
      const wrong = seen.findIndex((f, i) => f.toLowerCase() !== GISP_COLUMNS[i].toLowerCase());
      if (wrong >= 0) problems.push(`column ${wrong + 1} is ${seen[wrong]} but must be ${GISP_COLUMNS[wrong]} (the columns must be in the published order)`);
    }
  }
  if (!problems.length) return null;
  return `not the ПП 719 registry layout: ${problems.join('; ')}. Expected the 27 columns ${GISP_COLUMNS.join(',')}`;
}

class CellError extends Error {}

const text = (raw: string): string | null => {
  const v = raw.trim();
  return v === '' || v === '-' ? null : v;
};

/** `YYYY-MM-DD` (a time part after it is dropped) or `DD.MM.YYYY`, checked against the calendar. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

export function parseGispDate(raw: string): string | null | undefined {
  const v = text(raw);
  if (v === null) return null;
  // the common case, without a regular expression or allocation
  if (v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && isDigits(v, 0, 4) && isDigits(v, 5, 7) && isDigits(v, 8, 10))
    return validDay(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))) ? v : undefined;
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (!validDay(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `185.0`, `185,5`, `1 234,5`; undefined when not a number. */
export function parseGispDecimal(raw: string): number | null | undefined {
  const v = text(raw);
  if (v === null) return null;
  const s = v.replace(/[\s\u00A0]/g, '').replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

const YES = new Set(['да', 'yes', 'true', '1', 'д']);
const NO = new Set(['нет', 'no', 'false', '0', 'н']);

export function parseGispBoolean(raw: string): boolean | null | undefined {
  const v = text(raw);
  if (v === null) return null;
  const l = v.toLowerCase();
  return YES.has(l) ? true : NO.has(l) ? false : undefined;
}

/** Several ТН ВЭД codes in one cell, separated by `;`. */
export function parseTnved(raw: string): string[] {
  const v = text(raw);
  if (v === null) return [];
  return v
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== '-');
}

/** A cell's text as a row error quotes it: its start only when long (a broken file can have megabytes in one cell). */
const quoted = (raw: string) => {
  const v = raw.trim();
  return `"${v.length > 40 ? `${v.slice(0, 40)}…" (${v.length} characters)` : `${v}"`}`;
};

function cell<T>(fields: string[], column: number, parse: (raw: string) => T | undefined, what: string): T {
  const v = parse(fields[column]);
  if (v === undefined) throw new CellError(`${GISP_COLUMNS[column]}: ${quoted(fields[column])} is not ${what}`);
  return v;
}

const date = (f: string[], c: number) => cell(f, c, parseGispDate, 'a date (YYYY-MM-DD or DD.MM.YYYY)');
const decimal = (f: string[], c: number) => cell(f, c, parseGispDecimal, 'a number');
const bool = (f: string[], c: number) => cell(f, c, parseGispBoolean, 'Да or Нет');

/** The typed values of one data row, or why the row cannot be imported. */
export function parseGispRow(fields: string[], line: number): GispRow | GispRowError {
  if (fields.length !== GISP_COLUMNS.length)
    return { line, message: `${fields.length} column${fields.length === 1 ? '' : 's'} instead of ${GISP_COLUMNS.length}` };
  try {
    const level = decimal(fields, 20);
    if (level !== null && !Number.isInteger(level)) throw new CellError(`ElectronicProductLevel: "${fields[20].trim()}" is not a whole number`);
    const registerNumber = text(fields[10]);
    const primaryNumber = text(fields[5]);
    const number = registerNumber ?? primaryNumber;
    if (number === null) return { line, message: 'no registry number: Registernumber and Regnumber are both empty' };
    const numberKey = registryNumberKey(number);
    if (numberKey === '') return { line, message: `Registernumber: "${number}" is not a registry number` };
    const row: GispRow = {
      makerName: text(fields[0]),
      ogrn: text(fields[1]),
      inn: text(fields[2]),
      makerAddress: text(fields[3]),
      productionAddress: text(fields[4]),
      primaryNumber,
      ektru: text(fields[6]),
      docDate: date(fields, 7),
      validTill: date(fields, 8),
      endDate: date(fields, 9),
      registerNumber,
      productName: text(fields[11]),
      okpd2: text(fields[12]),
      tnved: parseTnved(fields[13]),
      regulations: text(fields[14]),
      score: decimal(fields, 15),
      percentage: decimal(fields, 16),
      scoreDesc: text(fields[17]),
      isElectronic: bool(fields, 18),
      isAi: bool(fields, 19),
      level,
      docName: text(fields[21]),
      docDateBasis: date(fields, 22),
      docNumber: text(fields[23]),
      docValidTillTpp: date(fields, 24),
      department: text(fields[25]),
      conclusionNumber: text(fields[26]),
      line,
      number,
      numberKey,
    };
    if (row.productName === null) return { line, message: 'Productname is empty' };
    if (row.docDate === null) return { line, message: 'Docdate is empty: the date of entry into the registry is required' };
    return row;
  } catch (e) {
    if (e instanceof CellError) return { line, message: e.message };
    throw e;
  }
}

/** The values alone (without line and derived number), in a fixed key order: what a row's identity hashes. */
export function gispValues(row: GispValues): GispValues {
  return {
    makerName: row.makerName,
    ogrn: row.ogrn,
    inn: row.inn,
    makerAddress: row.makerAddress,
    productionAddress: row.productionAddress,
    primaryNumber: row.primaryNumber,
    ektru: row.ektru,
    docDate: row.docDate,
    validTill: row.validTill,
    endDate: row.endDate,
    registerNumber: row.registerNumber,
    productName: row.productName,
    okpd2: row.okpd2,
    tnved: row.tnved,
    regulations: row.regulations,
    score: row.score,
    percentage: row.percentage,
    scoreDesc: row.scoreDesc,
    isElectronic: row.isElectronic,
    isAi: row.isAi,
    level: row.level,
    docName: row.docName,
    docDateBasis: row.docDateBasis,
    docNumber: row.docNumber,
    docValidTillTpp: row.docValidTillTpp,
    department: row.department,
    conclusionNumber: row.conclusionNumber,
  };
}

/** The values as a compact JSON array, in column order: the canonical text of a row (staging, hashing, dedupe). */
export function gispValuesJson(v: GispValues): string {
  return JSON.stringify([
    v.makerName,
    v.ogrn,
    v.inn,
    v.makerAddress,
    v.productionAddress,
    v.primaryNumber,
    v.ektru,
    v.docDate,
    v.validTill,
    v.endDate,
    v.registerNumber,
    v.productName,
    v.okpd2,
    v.tnved,
    v.regulations,
    v.score,
    v.percentage,
    v.scoreDesc,
    v.isElectronic,
    v.isAi,
    v.level,
    v.docName,
    v.docDateBasis,
    v.docNumber,
    v.docValidTillTpp,
    v.department,
    v.conclusionNumber,
  ]);
}

/** The inverse of `gispValuesJson`. */
export function gispValuesFromJson(json: string): GispValues {
  return gispValuesFromJsonArray(JSON.parse(json) as unknown[]);
}

function gispValuesFromJsonArray(a: unknown[]): GispValues {
  if (!Array.isArray(a) || a.length !== GISP_COLUMNS.length) throw new Error('not the values of a ПП 719 row');
  return {
    makerName: a[0] as string | null,
    ogrn: a[1] as string | null,
    inn: a[2] as string | null,
    makerAddress: a[3] as string | null,
    productionAddress: a[4] as string | null,
    primaryNumber: a[5] as string | null,
    ektru: a[6] as string | null,
    docDate: a[7] as string | null,
    validTill: a[8] as string | null,
    endDate: a[9] as string | null,
    registerNumber: a[10] as string | null,
    productName: a[11] as string | null,
    okpd2: a[12] as string | null,
    tnved: a[13] as string[],
    regulations: a[14] as string | null,
    score: a[15] as number | null,
    percentage: a[16] as number | null,
    scoreDesc: a[17] as string | null,
    isElectronic: a[18] as boolean | null,
    isAi: a[19] as boolean | null,
    level: a[20] as number | null,
    docName: a[21] as string | null,
    docDateBasis: a[22] as string | null,
    docNumber: a[23] as string | null,
    docValidTillTpp: a[24] as string | null,
    department: a[25] as string | null,
    conclusionNumber: a[26] as string | null,
  };
}

/**
 * The values of a period as stored with it, by name: those that differ from `base` (the record's current values,
 * so the current period stores almost nothing and older ones only what changed), or without a base the filled ones.
 */
export function gispDetailsJson(v: GispValues, base?: GispValues): string {
  const out: Record<string, unknown> = { source: 'gisp' };
  const values = v as unknown as Record<string, unknown>;
  const b = base as unknown as Record<string, unknown> | undefined;
  for (const k of VALUE_KEYS) {
    const value = values[k];
    if (b) {
      if (!sameValue(value, b[k] ?? (k === 'tnved' ? [] : null))) out[k] = value;
    } else if (value !== null && !(Array.isArray(value) && !value.length)) out[k] = value;
  }
  return JSON.stringify(out);
}

/** The keys of GispValues in column order. */
const VALUE_KEYS = Object.keys(gispValues({} as GispValues));

/** Equal as JSON would write them (primitives directly, lists of strings element by element). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The values stored by `gispDetailsJson` (over the same `base`), or null when the details are not of an imported row. */
export function gispValuesFromDetails(details: string | null, base?: GispValues): GispValues | null {
  if (!details) return null;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(details) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null || o.source !== 'gisp') return null;
  const v = {} as Record<string, unknown>;
  const b = (base ?? EMPTY_VALUES) as unknown as Record<string, unknown>;
  for (const k of Object.keys(EMPTY_VALUES)) v[k] = k in o ? o[k] : b[k];
  return v as unknown as GispValues;
}

const EMPTY_VALUES: GispValues = gispValuesFromJsonArray(GISP_COLUMNS.map((c) => (c === 'TNVED' ? [] : null)));

// ---------------------------------------------------------------------------------------------------------
// Records: the rows of one registry number
// ---------------------------------------------------------------------------------------------------------

export interface GispRecord<R extends GispValues = GispRow> {
  number: string;
  numberKey: string;
  /** The newest row by Docdate, then the latest Docvalidtill (open-ended counts as latest), then the later line. */
  current: R;
  /** Every distinct row of the number, oldest first: inclusion and renewals. */
  periods: R[];
  /** A filled Enddate of the current row: the record ended early (excluded). */
  endDate: string | null;
}

const cmp = (a: string | null, b: string | null, nullLast: boolean) =>
  a === b ? 0 : a === null ? (nullLast ? 1 : -1) : b === null ? (nullLast ? -1 : 1) : a < b ? -1 : 1;

/** Oldest first: by Docdate, then Docvalidtill (open-ended last), then line. */
export function comparePeriods<R extends GispValues & { line?: number }>(a: R, b: R): number {
  return cmp(a.docDate, b.docDate, false) || cmp(a.validTill, b.validTill, true) || (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Groups the rows of one registry number (all with the same numberKey) into a record. A row repeated verbatim is
 * one period; pass `unique` when the rows are known to be distinct already.
 */
export function gispRecord<R extends GispValues & { line?: number; number: string; numberKey: string }>(rows: R[], unique = false): GispRecord<R> {
  if (!rows.length) throw new Error('a registry record needs at least one row');
  const sorted = [...rows].sort(comparePeriods);
  const seen = new Set<string>();
  const periods = sorted.filter((r) => {
    if (unique) return true;
    const key = gispValuesJson(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const current = periods[periods.length - 1];
  return { number: current.number, numberKey: current.numberKey, current, periods, endDate: current.endDate };
}

/** Groups rows of many numbers (small files, tests); the import groups through a staging table instead. */
export function groupGispRows<R extends GispValues & { line?: number; number: string; numberKey: string }>(rows: R[]): GispRecord<R>[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const list = groups.get(r.numberKey);
    if (list) list.push(r);
    else groups.set(r.numberKey, [r]);
  }
  return [...groups.values()].map((g) => gispRecord(g));
}

/** Whether a record is in force on a date: within its validity and not ended early. */
export function gispActiveOn(r: { validFrom: string | null; validTill: string | null; endDate: string | null }, date: string): boolean {
  if (r.validFrom !== null && r.validFrom > date) return false;
  if (r.validTill !== null && r.validTill < date) return false;
  return r.endDate === null || r.endDate > date;
}

// ---------------------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------------------

function quote(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

// text cells are neutralised for spreadsheet programs; `-` (the layout's empty marker) is written only for empty values
const outText = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? '-' : quote(neutraliseFormula(v)));
const outNumber = (v: number | null) => (v === null || !Number.isFinite(v) ? '-' : Number.isInteger(v) ? v.toFixed(1) : String(v));
const outBool = (v: boolean | null) => (v === null ? '-' : v ? 'Да' : 'Нет');

export const GISP_HEADER_LINE = GISP_COLUMNS.join(',') + '\r\n';

/** One CSV line (with CRLF) in the published layout: `-` for empty, quoted where needed. */
export function gispCsvLine(v: GispValues): string {
  return (
    [
      outText(v.makerName),
      outText(v.ogrn),
      outText(v.inn),
      outText(v.makerAddress),
      outText(v.productionAddress),
      outText(v.primaryNumber),
      outText(v.ektru),
      outText(v.docDate),
      outText(v.validTill),
      outText(v.endDate),
      outText(v.registerNumber),
      outText(v.productName),
      outText(v.okpd2),
      v.tnved.length ? quote(v.tnved.join(';')) : '-',
      outText(v.regulations),
      outNumber(v.score),
      outNumber(v.percentage),
      outText(v.scoreDesc),
      outBool(v.isElectronic),
      outBool(v.isAi),
      v.level === null ? '-' : String(v.level),
      outText(v.docName),
      outText(v.docDateBasis),
      outText(v.docNumber),
      outText(v.docValidTillTpp),
      outText(v.department),
      outText(v.conclusionNumber),
    ].join(',') + '\r\n'
  );
}
