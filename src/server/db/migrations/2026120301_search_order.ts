/**
 * Indexes in the order each search tier sorts its rows (the key, then the designation or part-number key, then
 * id), so that ORDER BY … LIMIT of a tier reads only the rows it returns, even when a base or family key is shared
 * by thousands of rows (GRM188…, 142EH1), instead of sorting every row under the key. Frozen.
 */
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`CREATE INDEX foreign_parts_base_order ON foreign_parts (base_key, part_number_key, id)`.execute(db);
  await sql`CREATE INDEX foreign_parts_family_order ON foreign_parts (family_key, part_number_key, id)`.execute(db);
  await sql`CREATE INDEX product_types_base_order ON product_types (designation_base_key, designation_key, id)`.execute(db);
  await sql`CREATE INDEX product_types_family_order ON product_types (designation_family_key, designation_key, id)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of ['foreign_parts_base_order', 'foreign_parts_family_order', 'product_types_base_order', 'product_types_family_order'])
    await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
}
