/**
 * XLSX input, read only after the ZIP container passed a decompression-bomb check of its central directory
 * (entry count, total uncompressed size, compression ratio) and of its parts (none inflates to more than the
 * directory says: a lying directory would otherwise let a small file inflate without limit).
 */
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import { excel } from '../excel';

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 200 };

/**
 * Returns a problem description, or null when the archive looks sane. Parts are inflated only within the sizes
 * the directory declares (which are checked against the limits first), and thrown away.
 */
export function zipBombProblem(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  const minEocd = 22;
  if (buffer.length < minEocd) return 'the file is too short to be an XLSX workbook';
  let eocd = -1;
  for (let i = buffer.length - minEocd; i >= Math.max(0, buffer.length - minEocd - 65535); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'the XLSX file is damaged (no ZIP directory); save it again from the spreadsheet program';
  const entries = buffer.readUInt16LE(eocd + 10);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) return `the XLSX file has ${entries} parts, more than the ${limits.maxEntries} allowed`;
  let offset = directoryOffset;
  let total = 0;
  const parts: { method: number; compressed: number; uncompressed: number; local: number }[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return 'the XLSX file is damaged (broken ZIP directory)';
    const compressed = buffer.readUInt32LE(offset + 20);
    const uncompressed = buffer.readUInt32LE(offset + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return 'the XLSX file uses ZIP64 sizes, which are not accepted';
    total += uncompressed;
    if (total > limits.maxUncompressedBytes)
      return `the XLSX file unpacks to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB (a decompression bomb?)`;
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(compressed, 1) > limits.maxRatio)
      return `the XLSX file has a part compressed more than ${limits.maxRatio}:1 (a decompression bomb?)`;
    parts.push({ method: buffer.readUInt16LE(offset + 10), compressed, uncompressed, local: buffer.readUInt32LE(offset + 42) });
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  for (const part of parts) {
    if (part.local + 30 > buffer.length || buffer.readUInt32LE(part.local) !== 0x04034b50) return 'the XLSX file is damaged (broken ZIP part)';
    if (part.method !== 8) continue; // stored parts are as large as they are
    const start = part.local + 30 + buffer.readUInt16LE(part.local + 26) + buffer.readUInt16LE(part.local + 28);
    try {
      zlib.inflateRawSync(buffer.subarray(start, start + part.compressed), { maxOutputLength: Math.max(part.uncompressed, 1) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return 'the XLSX file unpacks to more than its directory says (a decompression bomb?)';
      return 'the XLSX file is damaged (a part cannot be unpacked); save it again from the spreadsheet program';
    }
  }
  return null;
}

export interface SheetTable {
  sheets: string[];
  sheet: string;
  rows: string[][];
  /** 1-based row numbers of `rows` in the sheet. */
  lines: number[];
}

/**
 * Reads one sheet as text cells: the named one, else the first for which `accept` says yes (a sheet with a
 * header), else the first. Throws an Error with a readable message.
 */
export async function readXlsx(buffer: Buffer, options: { sheet?: string; maxRows: number; accept?: (rows: string[][]) => boolean }): Promise<SheetTable> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new Error('the XLSX file cannot be read; save it again from the spreadsheet program or export it as CSV');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  if (!sheets.length) throw new Error('the XLSX file has no sheets');
  if (options.sheet) {
    const worksheet = workbook.getWorksheet(options.sheet);
    if (!worksheet) throw new Error(`the XLSX file has no sheet "${options.sheet}"; its sheets are: ${sheets.join(', ')}`);
    return { sheets, ...readSheet(worksheet, options.maxRows) };
  }
  let first: ReturnType<typeof readSheet> | null = null;
  for (const worksheet of workbook.worksheets) {
    const table = readSheet(worksheet, options.maxRows);
    if (!options.accept || options.accept(table.rows)) return { sheets, ...table };
    first ??= table;
  }
  return { sheets, ...first! };
}

function readSheet(worksheet: ExcelJS.Worksheet, maxRows: number) {
  if (worksheet.actualRowCount > maxRows)
    throw new Error(`the sheet "${worksheet.name}" has ${worksheet.actualRowCount} rows, more than the ${maxRows} allowed`);
  const rows: string[][] = [];
  const lines: number[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)).trim());
    rows.push(cells);
    lines.push(number);
  });
  return { sheet: worksheet.name, rows, lines };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
