/**
 * The facts of a registry record that every decision fixes. Each event's payload carries the snapshot of the
 * record after the decision, so that log verification can tell when a record row was edited behind the log.
 */
import type { RegistryRecordRow } from '../db/types';

export const SNAPSHOT_COLUMNS = [
  'origin',
  'country',
  'number',
  'primary_number',
  'organization_id',
  'maker_name',
  'maker_inn',
  'product_name',
  'rule_set_id',
  'level',
  'points',
  'state',
  'valid_from',
  'valid_till',
  'end_date',
  'suspended',
] as const satisfies readonly (keyof RegistryRecordRow)[];

export type RecordSnapshot = Pick<RegistryRecordRow, (typeof SNAPSHOT_COLUMNS)[number]>;

export function recordSnapshot(row: RecordSnapshot): RecordSnapshot {
  const out = {} as Record<string, unknown>;
  for (const c of SNAPSHOT_COLUMNS) out[c] = row[c] ?? null;
  return out as RecordSnapshot;
}

/** Columns whose stored value differs from the snapshot (numbers compared as numbers). */
export function snapshotDifferences(row: RecordSnapshot, snapshot: RecordSnapshot): string[] {
  return SNAPSHOT_COLUMNS.filter((c) => {
    const a = row[c] ?? null;
    const b = snapshot[c] ?? null;
    return typeof a === 'number' || typeof b === 'number' ? Number(a) !== Number(b) || (a === null) !== (b === null) : a !== b;
  });
}
