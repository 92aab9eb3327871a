/**
 * Analog links of one foreign part in the order search shows them (type: full < functional < partial, verified
 * first, then id), so that the best few analogs of a foreign part with thousands of links are an index range,
 * and their count an index-only scan. Frozen.
 */
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`CREATE INDEX analog_links_foreign_rank ON analog_links (foreign_part_id, type, verified DESC, id)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`DROP INDEX IF EXISTS analog_links_foreign_rank`.execute(db);
}
