/**
 * Tables of the exchange (programmes, dashboard figures) as CSV (UTF-8 with BOM) or XLSX (the catalogue's
 * ExcelJS). Text cells that a spreadsheet would run as formulas (= + - @) are neutralised; numbers stay numbers.
 */
import type { FastifyReply } from 'fastify';
import { excel } from '../excel';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../domain/spreadsheet';

export type Cell = string | number | null;
export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

const safe = (c: Cell) => (typeof c === 'string' ? neutraliseFormula(c) : c);

/** One table as CSV; several sheets are written one after another, each under a line with its name. */
export function sheetsCsv(sheets: Sheet[]): Buffer {
  const lines: Cell[][] = [];
  for (const [i, s] of sheets.entries()) {
    if (sheets.length > 1) lines.push(...(i ? [[]] : []), [s.name]);
    lines.push(s.header, ...s.rows);
  }
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(lines.map((row) => row.map((c) => safe(c) ?? ''))))]);
}

export async function sheetsXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'reestr';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31));
    sheet.addRow(s.header);
    for (const row of s.rows) sheet.addRow(row.map(safe));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends the sheets as a download named `<base>.csv` or `<base>.xlsx`. */
export async function sendSheets(reply: FastifyReply, format: 'csv' | 'xlsx', base: string, sheets: Sheet[]) {
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(base)}.${format}`);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(sheetsCsv(sheets));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await sheetsXlsx(sheets));
}
