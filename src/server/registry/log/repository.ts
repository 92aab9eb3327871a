/** SQL of the registry log: events, leaves and checkpoints, read in chunks so that memory stays flat. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type SQLite from 'better-sqlite3';
import { sqliteHandle, type DialectName } from '../../db/client';
import { insertSql } from '../../db/sql-helpers';
import type { Database, RegistryEventRow, RegistryLogCheckpointsTable, RegistryLogTable } from '../../db/types';
import { SNAPSHOT_COLUMNS, type RecordSnapshot } from '../snapshot';

/** A connection or the caller's transaction (a Transaction is a Kysely). */
export type Executor = Kysely<Database>;
export type CheckpointRow = Selectable<RegistryLogCheckpointsTable>;
export type LogRow = Selectable<RegistryLogTable>;
export type NewEventRow = Omit<RegistryEventRow, 'id'>;

/** A log row with the event it names (null columns when the event is gone). */
export interface LogRowWithEvent extends LogRow {
  e_id: number | null;
  e_record_id: number | null;
  e_kind: string | null;
  e_actor_id: number | null;
  e_actor_name: string | null;
  e_at: string | null;
  e_effective_date: string | null;
  e_remarks: string | null;
  e_payload: string | null;
}

// one lock for every writer of the log; any constant that no other part of reestr uses
const PG_LOCK_KEY = 7_261_600_019;
// 8 columns per event row, 6 per leaf: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters
const INSERT_CHUNK = 1000;

const EVENT_COLUMNS = ['record_id', 'kind', 'actor_id', 'actor_name', 'at', 'effective_date', 'remarks', 'payload'] as const;
const LEAF_COLUMNS = ['seq', 'event_id', 'record_id', 'entry', 'leaf_hash', 'at'] as const;

export class RegistryLogRepository {
  /**
   * On SQLite, appends run as prepared better-sqlite3 statements on Kysely's one connection (inside the caller's
   * transaction): building multi-row INSERTs costs more than SQLite's own work for large batches.
   */
  private readonly handle: SQLite.Database | undefined;
  private statements: { event: SQLite.Statement; leaf: SQLite.Statement } | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {
    this.handle = dialect === 'sqlite' ? sqliteHandle(db) : undefined;
  }

  /** The prepared appends (prepared on first use: the tables exist only once migrated). */
  private get raw(): { event: SQLite.Statement; leaf: SQLite.Statement } | null {
    if (!this.handle) return null;
    return (this.statements ??= {
      event: this.handle.prepare(insertSql('registry_events', EVENT_COLUMNS)),
      leaf: this.handle.prepare(insertSql('registry_log', LEAF_COLUMNS)),
    });
  }

  get kysely(): Kysely<Database> {
    return this.db;
  }

  /** Serializes appends of concurrent writers until the end of the transaction (SQLite has one writer anyway). */
  async lock(trx: Executor): Promise<void> {
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(PG_LOCK_KEY)})`.execute(trx);
  }

  async insertEvents(trx: Executor, rows: NewEventRow[]): Promise<RegistryEventRow[]> {
    const out: RegistryEventRow[] = [];
    const raw = this.raw;
    if (raw) {
      for (const row of rows) {
        const { lastInsertRowid } = raw.event.run(EVENT_COLUMNS.map((c) => row[c]));
        out.push({ id: Number(lastInsertRowid), ...row });
      }
      return out;
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const ids = (await trx.insertInto('registry_events').values(chunk).returning('id').execute()).map((r) => Number(r.id));
      // ids are assigned in the order of the VALUES list; RETURNING's order is not promised, so sort
      ids.sort((a, b) => a - b);
      chunk.forEach((row, j) => out.push({ id: ids[j]!, ...row }));
    }
    return out;
  }

  async insertLeaves(trx: Executor, rows: LogRow[]): Promise<void> {
    const raw = this.raw;
    if (raw) {
      for (const row of rows) raw.leaf.run(LEAF_COLUMNS.map((c) => row[c]));
      return;
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await trx
        .insertInto('registry_log')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
  }

  async insertCheckpoint(trx: Executor, row: CheckpointRow): Promise<void> {
    await trx.insertInto('registry_log_checkpoints').values(row).execute();
  }

  async latestCheckpoint(ex: Executor = this.db): Promise<CheckpointRow | undefined> {
    return ex.selectFrom('registry_log_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  }

  async checkpointAt(treeSize: number): Promise<CheckpointRow | undefined> {
    return this.db.selectFrom('registry_log_checkpoints').selectAll().where('tree_size', '=', treeSize).executeTakeFirst();
  }

  /** The largest checkpoint with from ≤ tree_size < below, whose frontier can seed a subtree hash. */
  async checkpointWithin(from: number, below: number): Promise<CheckpointRow | undefined> {
    return this.db
      .selectFrom('registry_log_checkpoints')
      .selectAll()
      .where('tree_size', '>=', from)
      .where('tree_size', '<', below)
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async listCheckpoints(limit: number, offset: number): Promise<CheckpointRow[]> {
    return this.db.selectFrom('registry_log_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(limit).offset(offset).execute();
  }

  async countCheckpoints(): Promise<number> {
    const r = await this.db
      .selectFrom('registry_log_checkpoints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async checkpointsAfter(treeSize: number, limit: number): Promise<CheckpointRow[]> {
    return this.db.selectFrom('registry_log_checkpoints').selectAll().where('tree_size', '>', treeSize).orderBy('tree_size').limit(limit).execute();
  }

  /** Leaf hashes with from ≤ seq < to (to omitted: all after from), in order. */
  async leafHashes(ex: Executor, from: number, to: number | null, limit: number): Promise<{ seq: number; leaf_hash: string }[]> {
    let q = ex.selectFrom('registry_log').select(['seq', 'leaf_hash']).where('seq', '>=', from);
    if (to !== null) q = q.where('seq', '<', to);
    return q.orderBy('seq').limit(limit).execute();
  }

  async logSize(): Promise<number> {
    const r = await this.db
      .selectFrom('registry_log')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirst();
    return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
  }

  async countLeaves(): Promise<number> {
    const r = await this.db
      .selectFrom('registry_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async logChunk(afterSeq: number, limit: number): Promise<LogRowWithEvent[]> {
    return this.db
      .selectFrom('registry_log as l')
      .leftJoin('registry_events as e', 'e.id', 'l.event_id')
      .select([
        'l.seq',
        'l.event_id',
        'l.record_id',
        'l.entry',
        'l.leaf_hash',
        'l.at',
        'e.id as e_id',
        'e.record_id as e_record_id',
        'e.kind as e_kind',
        'e.actor_id as e_actor_id',
        'e.actor_name as e_actor_name',
        'e.at as e_at',
        'e.effective_date as e_effective_date',
        'e.remarks as e_remarks',
        'e.payload as e_payload',
      ])
      .where('l.seq', '>', afterSeq)
      .orderBy('l.seq')
      .limit(limit)
      .execute();
  }

  /** Events that have no leaf in the log, oldest first. */
  async eventsWithoutLeaf(limit: number): Promise<{ id: number; record_id: number; kind: string; at: string }[]> {
    return this.db
      .selectFrom('registry_events as e')
      .leftJoin('registry_log as l', 'l.event_id', 'e.id')
      .select(['e.id', 'e.record_id', 'e.kind', 'e.at'])
      .where('l.seq', 'is', null)
      .orderBy('e.id')
      .limit(limit)
      .execute();
  }

  async countEventsWithoutLeaf(): Promise<number> {
    const r = await this.db
      .selectFrom('registry_events as e')
      .leftJoin('registry_log as l', 'l.event_id', 'e.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('l.seq', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async countRecords(): Promise<number> {
    const r = await this.db
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async recordsChunk(afterId: number, limit: number): Promise<(RecordSnapshot & { id: number })[]> {
    return this.db
      .selectFrom('registry_records')
      .select(['id', ...SNAPSHOT_COLUMNS])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** The newest event of each of the records: its id and payload. */
  async latestEvents(recordIds: number[]): Promise<{ id: number; record_id: number; payload: string }[]> {
    if (!recordIds.length) return [];
    return this.db
      .selectFrom('registry_events')
      .select(['id', 'record_id', 'payload'])
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('registry_events')
          .select((e) => e.fn.max('id').as('id'))
          .where('record_id', 'in', recordIds)
          .groupBy('record_id'),
      )
      .execute();
  }

  async recordExists(id: number): Promise<boolean> {
    return (await this.db.selectFrom('registry_records').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async recordLeaves(recordId: number): Promise<LogRow[]> {
    return this.db.selectFrom('registry_log').selectAll().where('record_id', '=', recordId).orderBy('seq').execute();
  }
}
