/**
 * PostgreSQL: the "C"-collated index of foreign part-number keys also holds the id, so that the prefix tier
 * (range in "C" order, ORDER BY key, id LIMIT 50) reads its first 50 rows in index order instead of every row of the
 * range (4,598 rows for SN751 at 2M parts). It replaces the index on the key alone. SQLite needs nothing. Frozen.
 */
import { type Kysely, sql, PostgresAdapter } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE INDEX foreign_parts_key_c_order ON foreign_parts (part_number_key COLLATE "C", id)`.execute(db);
  await sql`DROP INDEX IF EXISTS foreign_parts_key_c`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE INDEX foreign_parts_key_c ON foreign_parts (part_number_key COLLATE "C")`.execute(db);
  await sql`DROP INDEX IF EXISTS foreign_parts_key_c_order`.execute(db);
}
