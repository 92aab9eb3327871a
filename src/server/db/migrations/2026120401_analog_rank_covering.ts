/**
 * The rank index of a foreign part's analog links also holds the linked product type, so that search reads the
 * best analogs of the parts it shows from the index alone and then only their product types (one random read per
 * analog instead of two). The plain index on foreign_part_id is the rank index's first column: dropped. Frozen.
 */
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`DROP INDEX IF EXISTS analog_links_foreign_rank`.execute(db);
  await sql`CREATE INDEX analog_links_foreign_rank ON analog_links (foreign_part_id, type, verified DESC, id, product_type_id)`.execute(db);
  await sql`DROP INDEX IF EXISTS analog_links_foreign`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS analog_links_foreign ON analog_links (foreign_part_id)`.execute(db);
  await sql`DROP INDEX IF EXISTS analog_links_foreign_rank`.execute(db);
  await sql`CREATE INDEX analog_links_foreign_rank ON analog_links (foreign_part_id, type, verified DESC, id)`.execute(db);
}
