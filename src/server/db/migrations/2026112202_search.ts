/**
 * Search: base and family keys of designations and foreign parts, stemmed text for full-text search,
 * trigram indexes for fuzzy matching, and "C"-collated indexes for prefix ranges. Frozen.
 * The new key columns are filled by the application (`reindexSearch` on start), not here.
 */
import { type Kysely, sql, PostgresAdapter } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('product_types').addColumn('designation_base_key', 'text').execute();
  await db.schema.alterTable('product_types').addColumn('designation_family_key', 'text').execute();
  await db.schema.alterTable('product_types').addColumn('search_stems', 'text').execute();
  await db.schema.alterTable('foreign_parts').addColumn('base_key', 'text').execute();
  await db.schema.alterTable('foreign_parts').addColumn('family_key', 'text').execute();
  await db.schema.createIndex('product_types_base_key').on('product_types').column('designation_base_key').execute();
  await db.schema.createIndex('product_types_family_key').on('product_types').column('designation_family_key').execute();
  await db.schema.createIndex('foreign_parts_base_key').on('foreign_parts').column('base_key').execute();
  await db.schema.createIndex('foreign_parts_family_key').on('foreign_parts').column('family_key').execute();
  await db.schema.createIndex('product_parameters_name').on('product_parameters').columns(['name', 'product_type_id']).execute();

  if (pg) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX product_types_key_c ON product_types (designation_key COLLATE "C")`.execute(db);
    await sql`CREATE INDEX product_types_designation_c ON product_types (designation COLLATE "C")`.execute(db);
    await sql`CREATE INDEX product_types_latin_key_c ON product_types (designation_latin_key COLLATE "C")`.execute(db);
    await sql`CREATE INDEX foreign_parts_key_c ON foreign_parts (part_number_key COLLATE "C")`.execute(db);
    await sql`CREATE INDEX product_types_key_trgm ON product_types USING gin (designation_key gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX foreign_parts_key_trgm ON foreign_parts USING gin (part_number_key gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX product_types_stems ON product_types USING gin (to_tsvector('simple', coalesce(search_stems, '')))`.execute(db);
    return;
  }

  await sql`CREATE VIRTUAL TABLE product_types_fts USING fts5(search_stems, content='product_types', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  await sql`CREATE VIRTUAL TABLE product_keys_trgm USING fts5(designation_key, content='product_types', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`CREATE VIRTUAL TABLE foreign_keys_trgm USING fts5(part_number_key, content='foreign_parts', content_rowid='id', tokenize='trigram')`.execute(db);
  for (const table of ['product_types_fts', 'product_keys_trgm', 'foreign_keys_trgm'])
    await sql.raw(`INSERT INTO ${table}(${table}) VALUES ('rebuild')`).execute(db);
  await sql`CREATE TRIGGER product_types_search_ai AFTER INSERT ON product_types BEGIN
    INSERT INTO product_types_fts(rowid, search_stems) VALUES (new.id, new.search_stems);
    INSERT INTO product_keys_trgm(rowid, designation_key) VALUES (new.id, new.designation_key);
  END`.execute(db);
  await sql`CREATE TRIGGER product_types_search_ad AFTER DELETE ON product_types BEGIN
    INSERT INTO product_types_fts(product_types_fts, rowid, search_stems) VALUES ('delete', old.id, old.search_stems);
    INSERT INTO product_keys_trgm(product_keys_trgm, rowid, designation_key) VALUES ('delete', old.id, old.designation_key);
  END`.execute(db);
  await sql`CREATE TRIGGER product_types_search_au AFTER UPDATE OF search_stems, designation_key ON product_types BEGIN
    INSERT INTO product_types_fts(product_types_fts, rowid, search_stems) VALUES ('delete', old.id, old.search_stems);
    INSERT INTO product_keys_trgm(product_keys_trgm, rowid, designation_key) VALUES ('delete', old.id, old.designation_key);
    INSERT INTO product_types_fts(rowid, search_stems) VALUES (new.id, new.search_stems);
    INSERT INTO product_keys_trgm(rowid, designation_key) VALUES (new.id, new.designation_key);
  END`.execute(db);
  await sql`CREATE TRIGGER foreign_parts_search_ai AFTER INSERT ON foreign_parts BEGIN
    INSERT INTO foreign_keys_trgm(rowid, part_number_key) VALUES (new.id, new.part_number_key);
  END`.execute(db);
  await sql`CREATE TRIGGER foreign_parts_search_ad AFTER DELETE ON foreign_parts BEGIN
    INSERT INTO foreign_keys_trgm(foreign_keys_trgm, rowid, part_number_key) VALUES ('delete', old.id, old.part_number_key);
  END`.execute(db);
  await sql`CREATE TRIGGER foreign_parts_search_au AFTER UPDATE OF part_number_key ON foreign_parts BEGIN
    INSERT INTO foreign_keys_trgm(foreign_keys_trgm, rowid, part_number_key) VALUES ('delete', old.id, old.part_number_key);
    INSERT INTO foreign_keys_trgm(rowid, part_number_key) VALUES (new.id, new.part_number_key);
  END`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    for (const index of [
      'product_types_key_c',
      'product_types_latin_key_c',
      'foreign_parts_key_c',
      'product_types_key_trgm',
      'foreign_parts_key_trgm',
      'product_types_stems',
    ])
      await sql.raw(`DROP INDEX IF EXISTS ${index}`).execute(db);
  } else {
    for (const trigger of [
      'product_types_search_ai',
      'product_types_search_ad',
      'product_types_search_au',
      'foreign_parts_search_ai',
      'foreign_parts_search_ad',
      'foreign_parts_search_au',
    ])
      await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
    for (const table of ['product_types_fts', 'product_keys_trgm', 'foreign_keys_trgm']) await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
  for (const index of ['product_types_base_key', 'product_types_family_key', 'foreign_parts_base_key', 'foreign_parts_family_key', 'product_parameters_name'])
    await db.schema.dropIndex(index).ifExists().execute();
  for (const column of ['designation_base_key', 'designation_family_key', 'search_stems'])
    await db.schema.alterTable('product_types').dropColumn(column).execute();
  for (const column of ['base_key', 'family_key']) await db.schema.alterTable('foreign_parts').dropColumn(column).execute();
}
