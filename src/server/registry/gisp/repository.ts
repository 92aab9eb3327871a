/**
 * SQL of the ПП 719 open-data import and export: a per-import staging table (rows of one registry number may be
 * far apart in the file, so they are staged first and then read back grouped by number), registry records of
 * origin `gisp` with their periods, organizations by ИНН, the import history, and export pages.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { sqliteHandle, type DialectName } from '../../db/client';
import { insertSql } from '../../db/sql-helpers';
import type { Database, NewRegistryRecord, RegistryRecordRow } from '../../db/types';

/** A Kysely bound to the staging table's connection, or a transaction on it. */
export type Executor = Kysely<Database>;

export type StagedRow = {
  number_key: string;
  line: number;
  data: string;
};

type StagingDb = {
  gisp_staging: StagedRow;
};

export interface RecordState {
  id: number;
  number_key: string;
  source_hash: string | null;
  organization_id: number | null;
  maker_inn: string | null;
}

export interface NewPeriod {
  record_id: number;
  valid_from: string;
  valid_till: string | null;
  doc_date: string | null;
  details: string | null;
}

export interface ImportRow {
  id: number;
  source: string;
  file_name: string;
  sha256: string;
  rows: number;
  summary: string;
  started_by: number | null;
  started_at: string;
  finished_at: string;
}

export type ExportRecord = RegistryRecordRow & {
  periods: { valid_from: string; valid_till: string | null; doc_date: string | null; details: string | null }[];
};

/** SQLite allows 32,766 bound values per statement, PostgreSQL 65,535: stay under both. */
const MAX_VALUES = 30_000;

function chunks<T>(items: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_VALUES / columns));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Indexes of registry_records (as migration 2026112206_registry creates them) rebuilt after a large load. */
const BULK_LOAD_INDEXES = [
  { name: 'registry_records_inn', column: 'maker_inn' },
  { name: 'registry_records_organization', column: 'organization_id' },
] as const;

const PERIOD_COLUMNS = ['record_id', 'valid_from', 'valid_till', 'doc_date', 'details'] as const;

/**
 * On SQLite the import's bulk statements (staging, record and period rows) run as prepared better-sqlite3
 * statements on Kysely's one connection: the caller is inside a Kysely transaction (or, for reads of the staging
 * table, between them), so they are part of it. PostgreSQL keeps Kysely's multi-row statements.
 */
export class GispRepository {
  private readonly raw: SQLite.Database | undefined;
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: DialectName,
  ) {
    this.raw = dialect === 'sqlite' ? sqliteHandle(db) : undefined;
  }

  /** A prepared statement of the raw SQLite handle, prepared once per text. */
  private prepared(text: string): SQLite.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.raw!.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Runs `fn` on one connection, so that a temporary table lives as long as the import: SQLite has only one
   * connection (other requests go on between the import's transactions); PostgreSQL lends one from the pool.
   */
  async withConnection<T>(fn: (conn: Executor) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.db.connection().execute(fn);
    // a large page cache while importing: the default 2 MB makes every page of inserts re-read index pages and
    // spill dirty pages before commit; restored afterwards
    // (the staging table is temporary: the temp schema has a cache of its own, read back in key order)
    const cacheSizes = await Promise.all(
      ['main', 'temp'].map(async (schema) => {
        const before = await sql<{ cache_size: number }>`PRAGMA ${sql.raw(schema)}.cache_size`.execute(this.db);
        return [schema, Math.trunc(Number(before.rows[0]?.cache_size ?? -2000))] as const;
      }),
    );
    for (const [schema] of cacheSizes) await sql.raw(`PRAGMA ${schema}.cache_size = -131072`).execute(this.db);
    try {
      return await fn(this.db);
    } finally {
      for (const [schema, size] of cacheSizes) await sql.raw(`PRAGMA ${schema}.cache_size = ${size}`).execute(this.db);
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // staging

  async createStaging(conn: Executor): Promise<string> {
    const name = `gisp_staging_${crypto.randomBytes(6).toString('hex')}`;
    await sql`CREATE TEMPORARY TABLE ${sql.table(name)} (number_key TEXT NOT NULL, line INTEGER NOT NULL, data TEXT NOT NULL)`.execute(conn);
    return name;
  }

  async stage(conn: Executor, table: string, rows: StagedRow[]): Promise<void> {
    if (this.raw) {
      const insert = this.prepared(insertSql(table, ['number_key', 'line', 'data']));
      for (const r of rows) insert.run(r.number_key, r.line, r.data);
      return;
    }
    const staging = conn.withTables<StagingDb>();
    for (const part of chunks(rows, 3))
      await staging
        .insertInto(table as 'gisp_staging')
        .values(part)
        .execute();
  }

  /** Index after loading (cheaper than keeping it up to date row by row); returns the number of distinct keys. */
  async finishStaging(conn: Executor, table: string): Promise<number> {
    await sql`CREATE INDEX ${sql.id(`${table}_key`)} ON ${sql.table(table)} (number_key, line)`.execute(conn);
    if (this.dialect === 'postgres') await sql`ANALYZE ${sql.table(table)}`.execute(conn);
    const row = await sql<{ n: number }>`SELECT COUNT(DISTINCT number_key) AS n FROM ${sql.table(table)}`.execute(conn);
    return Number(row.rows[0]?.n ?? 0);
  }

  /** Staged rows after `afterKey` in key order, at most `limit` of them (keyset pagination). */
  async stagedPage(conn: Executor, table: string, afterKey: string | null, limit: number): Promise<StagedRow[]> {
    if (this.raw) {
      const from = `SELECT number_key, line, data FROM ${table}`;
      const order = 'ORDER BY number_key, line LIMIT ?';
      return (
        afterKey === null ? this.prepared(`${from} ${order}`).all(limit) : this.prepared(`${from} WHERE number_key > ? ${order}`).all(afterKey, limit)
      ) as StagedRow[];
    }
    let q = conn
      .withTables<StagingDb>()
      .selectFrom(table as 'gisp_staging')
      .select(['number_key', 'line', 'data']);
    if (afterKey !== null) q = q.where('number_key', '>', afterKey);
    return q.orderBy('number_key').orderBy('line').limit(limit).execute();
  }

  async stagedRowsOf(conn: Executor, table: string, key: string): Promise<StagedRow[]> {
    return conn
      .withTables<StagingDb>()
      .selectFrom(table as 'gisp_staging')
      .select(['number_key', 'line', 'data'])
      .where('number_key', '=', key)
      .orderBy('line')
      .execute();
  }

  async dropStaging(conn: Executor, table: string): Promise<void> {
    for (const text of this.statements.keys()) if (text.includes(table)) this.statements.delete(text);
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(conn);
  }

  /** Records of origin gisp that the staged file does not mention any more. */
  async countAbsent(conn: Executor, table: string): Promise<number> {
    const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM registry_records r WHERE r.origin = 'gisp'
      AND NOT EXISTS (SELECT 1 FROM ${sql.table(table)} s WHERE s.number_key = r.number_key)`.execute(conn);
    return Number(r.rows[0]?.n ?? 0);
  }

  // -------------------------------------------------------------------------------------------------------
  // bulk loads

  /**
   * On SQLite, drops the indexes of registry records whose keys arrive in no order during a load (ИНН, linked
   * organization), so that a large load does not update them row by row; `restoreIndexes` builds them again in
   * one sort. Returns whether they were dropped. Queries stay correct meanwhile, only slower.
   */
  async suspendIndexes(conn: Executor): Promise<boolean> {
    if (this.dialect !== 'sqlite') return false;
    for (const index of BULK_LOAD_INDEXES) await sql`DROP INDEX IF EXISTS ${sql.id(index.name)}`.execute(conn);
    return true;
  }

  /** Creates the indexes `suspendIndexes` drops where they are missing (also after an import that crashed). */
  async restoreIndexes(conn: Executor = this.db): Promise<void> {
    if (this.dialect !== 'sqlite') return;
    for (const index of BULK_LOAD_INDEXES)
      await sql`CREATE INDEX IF NOT EXISTS ${sql.id(index.name)} ON registry_records (${sql.id(index.column)})`.execute(conn);
  }

  async countGispRecords(conn: Executor): Promise<number> {
    const r = await conn
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('origin', '=', 'gisp')
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  // -------------------------------------------------------------------------------------------------------
  // records

  /** What decides whether an imported record changed: its source hash (and its link, to link it later). */
  async recordStates(trx: Executor, keys: string[]): Promise<Map<string, RecordState>> {
    const out = new Map<string, RecordState>();
    if (this.raw) {
      const select = this.prepared(
        "SELECT id, number_key, source_hash, organization_id, maker_inn FROM registry_records WHERE origin = 'gisp' AND number_key = ?",
      );
      for (const key of keys) {
        const r = select.get(key) as RecordState | undefined;
        if (r) out.set(key, r);
      }
      return out;
    }
    for (const part of chunks(keys, 1)) {
      const rows = await trx
        .selectFrom('registry_records')
        .select(['id', 'number_key', 'source_hash', 'organization_id', 'maker_inn'])
        .where('origin', '=', 'gisp')
        .where('number_key', 'in', part)
        .execute();
      for (const r of rows) out.set(r.number_key!, r as RecordState);
    }
    return out;
  }

  async recordsById(trx: Executor, ids: number[]): Promise<Map<number, RegistryRecordRow>> {
    const out = new Map<number, RegistryRecordRow>();
    for (const part of chunks(ids, 1)) {
      if (!part.length) continue;
      const rows = await trx.selectFrom('registry_records').selectAll().where('id', 'in', part).execute();
      for (const r of rows) out.set(r.id, r);
    }
    return out;
  }

  /** Organization ids by ИНН (the oldest organization when several share one). */
  async organizationsByInn(trx: Executor, inns: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks([...new Set(inns)], 1)) {
      if (!part.length) continue;
      const rows = await trx.selectFrom('organizations').select(['id', 'inn']).where('inn', 'in', part).orderBy('id').execute();
      for (const r of rows) if (r.inn && !out.has(r.inn)) out.set(r.inn, r.id);
    }
    return out;
  }

  async insertRecords(trx: Executor, records: NewRegistryRecord[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    if (this.raw && records.length) {
      const columns = Object.keys(records[0]) as (keyof NewRegistryRecord)[];
      const insert = this.prepared(insertSql('registry_records', columns));
      for (const r of records) ids.set(r.number_key!, Number(insert.run(columns.map((c) => r[c])).lastInsertRowid));
      return ids;
    }
    for (const part of chunks(records, 50)) {
      const rows = await trx.insertInto('registry_records').values(part).returning(['id', 'number_key']).execute();
      for (const r of rows) ids.set(r.number_key!, r.id);
    }
    return ids;
  }

  async updateRecord(trx: Executor, id: number, values: Partial<NewRegistryRecord>): Promise<void> {
    if (this.raw) {
      const columns = Object.keys(values) as (keyof NewRegistryRecord)[];
      this.prepared(`UPDATE registry_records SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => values[c]), id);
      return;
    }
    await trx.updateTable('registry_records').set(values).where('id', '=', id).execute();
  }

  async deletePeriods(trx: Executor, recordIds: number[]): Promise<void> {
    if (this.raw) {
      const remove = this.prepared('DELETE FROM registry_periods WHERE record_id = ?');
      for (const id of recordIds) remove.run(id);
      return;
    }
    for (const part of chunks(recordIds, 1)) if (part.length) await trx.deleteFrom('registry_periods').where('record_id', 'in', part).execute();
  }

  async insertPeriods(trx: Executor, periods: NewPeriod[]): Promise<void> {
    if (this.raw) {
      const insert = this.prepared(insertSql('registry_periods', PERIOD_COLUMNS));
      for (const p of periods) insert.run(PERIOD_COLUMNS.map((c) => p[c]));
      return;
    }
    for (const part of chunks(periods, 5)) if (part.length) await trx.insertInto('registry_periods').values(part).execute();
  }

  async maxRecordId(trx: Executor): Promise<number> {
    const r = await trx
      .selectFrom('registry_records')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(r?.id ?? 0);
  }

  /**
   * Records of origin gisp that existed before this import, were in force on `previousAsOf` and are not on
   * `asOf` because their validity ran out (an early end is counted as an exclusion instead).
   */
  async countExpired(trx: Executor, previousAsOf: string, asOf: string, maxIdBefore: number): Promise<number> {
    const r = await trx
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('origin', '=', 'gisp')
      .where('state', '=', 'included')
      .where('id', '<=', maxIdBefore)
      .where('valid_from', '<=', previousAsOf)
      .where('valid_till', '>=', previousAsOf)
      .where('valid_till', '<', asOf)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', asOf)]))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  // -------------------------------------------------------------------------------------------------------
  // import history

  async createImport(values: Omit<ImportRow, 'id'>): Promise<number> {
    const r = await this.db.insertInto('registry_imports').values(values).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async finishImport(id: number, values: { rows: number; summary: string; finished_at: string }): Promise<void> {
    await this.db.updateTable('registry_imports').set(values).where('id', '=', id).execute();
  }

  async listImports(source: string, limit: number, offset: number): Promise<{ items: ImportRow[]; total: number }> {
    const [items, total] = await Promise.all([
      this.db.selectFrom('registry_imports').selectAll().where('source', '=', source).orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      this.db
        .selectFrom('registry_imports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source', '=', source)
        .executeTakeFirst(),
    ]);
    return { items, total: Number(total?.n ?? 0) };
  }

  async getImport(id: number): Promise<ImportRow | undefined> {
    return this.db.selectFrom('registry_imports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Finished imports of a source, newest first (to find the previous import's date). */
  async recentImports(source: string, limit: number): Promise<ImportRow[]> {
    return this.db.selectFrom('registry_imports').selectAll().where('source', '=', source).orderBy('id', 'desc').limit(limit).execute();
  }

  // -------------------------------------------------------------------------------------------------------
  // export

  /** Included records (of origin reestr, or every origin), page by page in id order, with their periods. */
  async *exportPages(options: { all: boolean; pageSize?: number }): AsyncGenerator<ExportRecord[]> {
    const pageSize = options.pageSize ?? 500;
    let after = 0;
    for (;;) {
      let q = this.db.selectFrom('registry_records').selectAll().where('state', '=', 'included').where('id', '>', after);
      if (!options.all) q = q.where('origin', '=', 'reestr');
      const records = await q.orderBy('id').limit(pageSize).execute();
      if (!records.length) return;
      const periods = await this.db
        .selectFrom('registry_periods')
        .select(['record_id', 'valid_from', 'valid_till', 'doc_date', 'details'])
        .where(
          'record_id',
          'in',
          records.map((r) => r.id),
        )
        .orderBy('record_id')
        .orderBy('valid_from')
        .orderBy('id')
        .execute();
      const byRecord = new Map<number, ExportRecord['periods']>();
      for (const p of periods) {
        const list = byRecord.get(p.record_id) ?? [];
        list.push(p);
        byRecord.set(p.record_id, list);
      }
      yield records.map((r) => ({ ...r, periods: byRecord.get(r.id) ?? [] }));
      after = records[records.length - 1].id;
      if (records.length < pageSize) return;
    }
  }
}
