/**
 * Property-based tests (fast-check, fixed seed) of the spreadsheet readers behind the uploads: what a
 * spreadsheet program writes as XLSX the BOM reader reads back cell for cell, and the catalogue CSV reader
 * accounts for every row it is given (a record or a row error), whatever the cells hold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../bom/xlsx';
import { readCatalogueCsv } from './import';
import { EXPORT_COLUMNS } from '../../domain/catalogue-rows';

const runs = { seed: 20261203, numRuns: 30 };
/** writing and reading a workbook takes tens of milliseconds: room for a loaded machine */
const TIMEOUT = 60_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Text a person types into a cell: letters of both scripts, digits, punctuation, formulas as text. */
const cellText = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯабвгд0123456789-.,; '), minLength: 1, maxLength: 20 }),
  fc.constantFrom('=SUM(A1)', '@cmd', 'К155ЛА3', '4u7', 'R1-R5, C4', '"quoted"', 'a\nb'),
);

describe('the BOM XLSX reader', () => {
  it(
    'reads back every text cell written by a spreadsheet program, trimmed, row by row',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), async (rows) => {
          const wb = new ExcelJS.Workbook();
          const sheet = wb.addWorksheet('BOM');
          for (const r of rows) sheet.addRow(r);
          const buffer = Buffer.from(await wb.xlsx.writeBuffer());
          const table = await readXlsx(buffer, { maxRows: 1000 });
          const written = rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
          expect(table.rows.filter((r) => r.some((c) => c !== ''))).toEqual(written);
        }),
        runs,
      );
    },
    TIMEOUT,
  );

  it(
    'refuses any damaged copy of a workbook with an Error that has a message, never anything else',
    async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('BOM').addRow(['Part Number', 'Qty']);
      const good = Buffer.from(await wb.xlsx.writeBuffer());
      await fc.assert(
        fc.asyncProperty(fc.nat(good.length - 1), fc.nat(255), fc.boolean(), async (at, byte, cut) => {
          const damaged = cut ? good.subarray(0, at) : Buffer.from(good);
          if (!cut) damaged[at] = byte;
          try {
            await readXlsx(damaged, { maxRows: 1000 });
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).message.length).toBeGreaterThan(5);
          }
        }),
        runs,
      );
    },
    TIMEOUT,
  );
});

describe('the catalogue CSV reader', () => {
  it(
    'accounts for every data row as a record or a row error, with either delimiter',
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(cellText, { minLength: EXPORT_COLUMNS.length, maxLength: EXPORT_COLUMNS.length }), { minLength: 1, maxLength: 15 }),
          fc.constantFrom(',', ';'),
          async (rows, delimiter) => {
            const file = path.join(dir, `catalogue-${n++}.csv`);
            fs.writeFileSync(file, '\uFEFF' + stringify([[...EXPORT_COLUMNS], ...rows], { delimiter, quoted: true }));
            const { records, errors } = await readCatalogueCsv(file);
            expect(records.length + errors.length).toBe(rows.length);
            for (const e of errors) expect(e.message.length).toBeGreaterThan(5);
          },
        ),
        runs,
      );
    },
    TIMEOUT,
  );
});
