/** Catalogue export in the exchange layout as CSV, JSON or XLSX, streamed page by page. */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { excel } from '../excel';
import { EXPORT_COLUMNS, type ExportColumn } from '../../domain/catalogue-rows';
import { parseJsonList } from '../db/sql-helpers';
import type { Db } from '../db/client';
import { CatalogueIoRepository } from './repository';
import { neutraliseFormula } from '../../domain/spreadsheet';

export type ExportFormat = 'csv' | 'json' | 'xlsx';
type Row = Record<ExportColumn, string>;

async function* rows(db: Db): AsyncGenerator<Row> {
  for await (const page of new CatalogueIoRepository(db.kysely).exportPages()) {
    for (const r of page) {
      yield {
        designation: r.designation,
        designation_latin: r.designation_latin,
        category: r.category ?? '',
        function_ru: r.function_ru ?? '',
        function_en: r.function_en ?? '',
        function_derived: r.function_derived ? 'yes' : 'no',
        packages: parseJsonList(r.packages).join('; '),
        quality_level: r.quality_level ?? '',
        status: r.status ?? '',
        standards: parseJsonList(r.standards).join('; '),
        okpd2: r.okpd2 ?? '',
        tnved: r.tnved ?? '',
        maker: r.maker ?? '',
        maker_country: r.maker_country ?? '',
        foreign_part: r.foreign_part ?? '',
        foreign_manufacturer: r.foreign_manufacturer ?? '',
        analog_type: r.analog_type ?? '',
        verified: r.link_id === null ? '' : r.verified ? 'yes' : 'no',
        source: r.link_source ?? r.product_source ?? '',
      };
    }
  }
}

async function write(out: Writable, chunk: string) {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes the whole catalogue to `file`; returns the number of rows written. */
export async function exportCatalogue(db: Db, format: ExportFormat, file: string, onProgress?: (n: number) => void): Promise<number> {
  let count = 0;
  if (format === 'xlsx') {
    const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = workbook.addWorksheet('catalogue');
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'source' ? 60 : 18 }));
    for await (const row of rows(db)) {
      sheet.addRow(row).commit();
      if (++count % 1000 === 0) onProgress?.(count);
    }
    sheet.commit();
    await workbook.commit();
    onProgress?.(count);
    return count;
  }
  const out = fs.createWriteStream(file);
  const finished = once(out, 'finish');
  if (format === 'json') {
    await write(out, '[\n');
    for await (const row of rows(db)) {
      await write(out, (count ? ',\n' : '') + JSON.stringify(row));
      if (++count % 1000 === 0) onProgress?.(count);
    }
    out.end('\n]\n');
  } else {
    const csv = stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true });
    csv.pipe(out);
    for await (const row of rows(db)) {
      const safe = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, neutraliseFormula(v)]));
      if (!csv.write(safe)) await once(csv, 'drain');
      if (++count % 1000 === 0) onProgress?.(count);
    }
    csv.end();
  }
  await finished;
  onProgress?.(count);
  return count;
}
