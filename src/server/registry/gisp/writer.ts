/**
 * The write half of the ПП 719 import: what one page of registry numbers changes, as plain data (a plan), and
 * the writing of plans in one transaction — record rows, their periods, and the decisions in the tamper-evident
 * log with a checkpoint at the end. The service plans; a plan is written either on the import's own connection
 * or, for a large import into an SQLite file, by a writer thread with a connection of its own
 * (`writer-thread.ts`), so that the next page is planned while this one is written.
 */
import type { Transaction } from 'kysely';
import type { Database, NewRegistryRecord } from '../../db/types';
import type { PreparedRegistryEvent } from '../log/service';
import type { GispRepository, NewPeriod } from './repository';

/** What writing needs of the registry log service. */
export interface GispLogWriter {
  record(trx: Transaction<Database>, events: PreparedRegistryEvent[], options?: { checkpoint?: boolean }): Promise<unknown>;
  checkpoint(trx: Transaction<Database>): Promise<unknown>;
}

export type PlannedPeriod = Omit<NewPeriod, 'record_id'>;

/** The changes of part of a page, in the order they are written; only plain data (it may cross to a thread). */
export interface GispPlan {
  /** Columns set on existing records (a link, a new source hash, or the record's new facts). */
  updates: { id: number; values: Partial<NewRegistryRecord> }[];
  /** Existing records whose periods are replaced. */
  replaced: { recordId: number; periods: PlannedPeriod[] }[];
  /** Decisions about existing records. */
  events: PreparedRegistryEvent[];
  /** New records with their periods and decisions (logged after those above; the id is known once inserted). */
  fresh: { record: NewRegistryRecord; periods: PlannedPeriod[]; events: Omit<PreparedRegistryEvent, 'recordId'>[] }[];
}

/** Writes one plan in the caller's transaction; returns the events logged. */
async function writePlan(trx: Transaction<Database>, repo: GispRepository, log: GispLogWriter, plan: GispPlan): Promise<number> {
  for (const u of plan.updates) await repo.updateRecord(trx, u.id, u.values);
  if (plan.replaced.length)
    await repo.deletePeriods(
      trx,
      plan.replaced.map((r) => r.recordId),
    );
  const ids = plan.fresh.length
    ? await repo.insertRecords(
        trx,
        plan.fresh.map((f) => f.record),
      )
    : new Map<string, number>();
  const periods: NewPeriod[] = [];
  for (const r of plan.replaced) for (const p of r.periods) periods.push({ ...p, record_id: r.recordId });
  const events = [...plan.events];
  for (const f of plan.fresh) {
    const id = ids.get(f.record.number_key!)!;
    for (const p of f.periods) periods.push({ ...p, record_id: id });
    for (const e of f.events) events.push({ ...e, recordId: id });
  }
  if (periods.length) await repo.insertPeriods(trx, periods);
  if (events.length) await log.record(trx, events, { checkpoint: false });
  return events.length;
}

/**
 * Writes a page's plans in the caller's transaction, as they come (planned in the same transaction, or received
 * by the writer thread), and signs a checkpoint when anything was logged; returns the events logged.
 */
export async function writePage(
  trx: Transaction<Database>,
  repo: GispRepository,
  log: GispLogWriter,
  plans: Iterable<GispPlan> | AsyncIterable<GispPlan>,
): Promise<number> {
  let logged = 0;
  for await (const plan of plans) logged += await writePlan(trx, repo, log, plan);
  if (logged) await log.checkpoint(trx);
  return logged;
}
