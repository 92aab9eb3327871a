/**
 * Catalogue import: reads the exchange layout (or the reference layout of the demo dataset) from CSV,
 * validates every row, and writes product types, foreign parts, makers and analog links in one
 * transaction. Imported links are always unverified. Rows that cannot be imported are reported by line.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { designations, deriveDescription } from '../../domain/product-type';
import { isRowError, mapHeader, toRecord, type CatalogueRecord, type RowError } from '../../domain/catalogue-rows';
import { manufacturerKey } from '../../domain/part-number';
import { designationColumns, foreignPartColumns, stemsColumn } from '../search/columns';
import { CATEGORY_TREE } from '../../domain/categories';
import { CategoriesRepository } from '../categories/repository';
import type { Db } from '../db/client';
import { nowIso } from '../clock';
import { CatalogueIoRepository, type Tx } from './repository';

export interface ImportReport {
  rowsRead: number;
  productTypesCreated: number;
  foreignPartsCreated: number;
  organizationsCreated: number;
  analogLinksCreated: number;
  analogLinksExisting: number;
  errors: RowError[];
  dryRun: boolean;
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Provenance used when a row has no source of its own. */
  defaultSource?: string;
  onProgress?: (rowsDone: number) => void;
  maxRows?: number;
}

/** Reads and validates a CSV file (UTF-8, optional byte-order mark, `,` or `;`). */
export async function readCatalogueCsv(file: string, maxRows = 1_000_000): Promise<{ records: CatalogueRecord[]; errors: RowError[] }> {
  const firstLine = (await readHead(file)).split(/\r?\n/)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }));
  const records: CatalogueRecord[] = [];
  const errors: RowError[] = [];
  let header: Map<string, number> | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = mapHeader(record);
      continue;
    }
    if (records.length + errors.length >= maxRows) throw new Error(`the file has more than ${maxRows} rows; split it or raise the limit`);
    const r = toRecord(record, header, info.lines);
    if (isRowError(r)) errors.push(r);
    else records.push(r);
  }
  if (!header) throw new Error('the file is empty: no header row');
  return { records, errors };
}

async function readHead(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

class DryRunRollback extends Error {}

export async function importCatalogue(db: Db, input: { records: CatalogueRecord[]; errors: RowError[] }, options: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = {
    rowsRead: input.records.length + input.errors.length,
    productTypesCreated: 0,
    foreignPartsCreated: 0,
    organizationsCreated: 0,
    analogLinksCreated: 0,
    analogLinksExisting: 0,
    errors: [...input.errors],
    dryRun: Boolean(options.dryRun),
  };
  const repo = new CatalogueIoRepository(db.kysely);
  const categoryIds = await new CategoriesRepository(db.kysely).ensure(CATEGORY_TREE);
  try {
    await db.kysely.transaction().execute(async (tx) => {
      const ctx = {
        tx,
        products: await repo.productKeys(tx),
        foreign: await repo.foreignKeys(tx),
        links: await repo.linkKeys(tx),
        orgs: await repo.organizationKeys(tx),
        categoryIds,
        now: nowIso(),
      };
      let done = 0;
      for (const record of input.records) {
        await importRecord(ctx, record, options.defaultSource ?? null, report);
        if (++done % 500 === 0) options.onProgress?.(done);
      }
      options.onProgress?.(done);
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

interface Context {
  tx: Tx;
  products: Map<string, number>;
  foreign: Map<string, number>;
  links: Set<string>;
  orgs: Map<string, number>;
  categoryIds: Map<string, number>;
  now: string;
}

async function importRecord(ctx: Context, r: CatalogueRecord, defaultSource: string | null, report: ImportReport) {
  const { tx, now } = ctx;
  const source = r.source ?? defaultSource;
  let makerId: number | null = null;
  if (r.maker) {
    const key = `${r.maker.name}|${r.maker.country}`;
    makerId = ctx.orgs.get(key) ?? null;
    if (makerId === null) {
      const row = await tx
        .insertInto('organizations')
        .values({ name: r.maker.name, country: r.maker.country, source, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      makerId = row.id;
      ctx.orgs.set(key, makerId);
      report.organizationsCreated++;
    }
  }
  const names = designations(r.designation, r.designationLatin);
  const productKey = `${makerId ?? 0}|${names.designation}`;
  let productId = ctx.products.get(productKey);
  if (productId === undefined) {
    const derived = deriveDescription(names.designation, r);
    if (r.categoryCode && !ctx.categoryIds.has(r.categoryCode)) {
      report.errors.push({ line: r.line, message: `unknown category "${r.categoryCode}"` });
      return;
    }
    const row = await tx
      .insertInto('product_types')
      .values({
        organization_id: makerId,
        ...designationColumns(names),
        search_stems: stemsColumn(derived),
        category_id: derived.categoryCode ? (ctx.categoryIds.get(derived.categoryCode) ?? null) : null,
        function_ru: derived.functionRu,
        function_en: derived.functionEn,
        function_derived: Number(derived.functionDerived),
        packages: JSON.stringify(r.packages),
        quality_level: r.qualityLevel,
        standards: JSON.stringify(r.standards),
        okpd2: r.okpd2,
        tnved: r.tnved,
        status: r.status,
        description: null,
        source,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    productId = row.id;
    ctx.products.set(productKey, productId);
    report.productTypesCreated++;
  }
  if (!r.foreignPart) return;
  const partNumber = r.foreignPart.partNumber.trim();
  const foreignKey = `${partNumber}|${manufacturerKey(r.foreignPart.manufacturer)}`;
  let foreignId = ctx.foreign.get(foreignKey);
  if (foreignId === undefined) {
    const row = await tx
      .insertInto('foreign_parts')
      .values({
        ...foreignPartColumns(partNumber, r.foreignPart.manufacturer),
        description: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    foreignId = row.id;
    ctx.foreign.set(foreignKey, foreignId);
    report.foreignPartsCreated++;
  }
  const linkKey = `${productId}|${foreignId}`;
  if (ctx.links.has(linkKey)) {
    report.analogLinksExisting++;
    return;
  }
  await tx
    .insertInto('analog_links')
    .values({
      product_type_id: productId,
      foreign_part_id: foreignId,
      type: r.analogType,
      source,
      note: null,
      verified: 0,
      verified_by: null,
      verified_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  ctx.links.add(linkKey);
  report.analogLinksCreated++;
}
