/**
 * Analog links carry the base and family keys of their foreign part, kept by triggers, with indexes in the
 * order the tiers rank analogs (type: full < functional < partial, verified first, then id). A base or family
 * key shared by thousands of foreign parts (GRM188…) then yields its best analogs by an index range of a few
 * rows instead of joining and sorting every part and link under it. Frozen.
 */
import { type Kysely, sql, PostgresAdapter } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('analog_links').addColumn('base_key', 'text').execute();
  await db.schema.alterTable('analog_links').addColumn('family_key', 'text').execute();
  await sql`UPDATE analog_links SET
      base_key = (SELECT f.base_key FROM foreign_parts f WHERE f.id = analog_links.foreign_part_id),
      family_key = (SELECT f.family_key FROM foreign_parts f WHERE f.id = analog_links.foreign_part_id)`.execute(db);
  if (pg) {
    await sql`CREATE INDEX analog_links_base_rank ON analog_links (base_key, type, verified DESC, id) WHERE base_key IS NOT NULL`.execute(db);
    await sql`CREATE INDEX analog_links_family_rank ON analog_links (family_key, type, verified DESC, id) WHERE family_key IS NOT NULL`.execute(db);
    await sql`CREATE FUNCTION analog_links_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT f.base_key, f.family_key INTO NEW.base_key, NEW.family_key FROM foreign_parts f WHERE f.id = NEW.foreign_part_id;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER analog_links_keys BEFORE INSERT OR UPDATE OF foreign_part_id ON analog_links
      FOR EACH ROW EXECUTE FUNCTION analog_links_keys()`.execute(db);
    await sql`CREATE FUNCTION foreign_parts_link_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE analog_links SET base_key = NEW.base_key, family_key = NEW.family_key WHERE foreign_part_id = NEW.id;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER foreign_parts_link_keys AFTER UPDATE OF base_key, family_key ON foreign_parts
      FOR EACH ROW WHEN (OLD.base_key IS DISTINCT FROM NEW.base_key OR OLD.family_key IS DISTINCT FROM NEW.family_key)
      EXECUTE FUNCTION foreign_parts_link_keys()`.execute(db);
    return;
  }
  await sql`CREATE INDEX analog_links_base_rank ON analog_links (base_key, type, verified DESC, id) WHERE base_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX analog_links_family_rank ON analog_links (family_key, type, verified DESC, id) WHERE family_key IS NOT NULL`.execute(db);
  await sql`CREATE TRIGGER analog_links_keys_ai AFTER INSERT ON analog_links BEGIN
    UPDATE analog_links SET
      base_key = (SELECT f.base_key FROM foreign_parts f WHERE f.id = new.foreign_part_id),
      family_key = (SELECT f.family_key FROM foreign_parts f WHERE f.id = new.foreign_part_id)
    WHERE id = new.id;
  END`.execute(db);
  await sql`CREATE TRIGGER analog_links_keys_au AFTER UPDATE OF foreign_part_id ON analog_links BEGIN
    UPDATE analog_links SET
      base_key = (SELECT f.base_key FROM foreign_parts f WHERE f.id = new.foreign_part_id),
      family_key = (SELECT f.family_key FROM foreign_parts f WHERE f.id = new.foreign_part_id)
    WHERE id = new.id;
  END`.execute(db);
  await sql`CREATE TRIGGER foreign_parts_link_keys_au AFTER UPDATE OF base_key, family_key ON foreign_parts
    WHEN old.base_key IS NOT new.base_key OR old.family_key IS NOT new.family_key BEGIN
    UPDATE analog_links SET base_key = new.base_key, family_key = new.family_key WHERE foreign_part_id = new.id;
  END`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`DROP TRIGGER IF EXISTS foreign_parts_link_keys ON foreign_parts`.execute(db);
    await sql`DROP TRIGGER IF EXISTS analog_links_keys ON analog_links`.execute(db);
    await sql`DROP FUNCTION IF EXISTS foreign_parts_link_keys()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS analog_links_keys()`.execute(db);
  } else {
    for (const t of ['analog_links_keys_ai', 'analog_links_keys_au', 'foreign_parts_link_keys_au']) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  }
  await sql`DROP INDEX IF EXISTS analog_links_base_rank`.execute(db);
  await sql`DROP INDEX IF EXISTS analog_links_family_rank`.execute(db);
  await db.schema.alterTable('analog_links').dropColumn('family_key').execute();
  await db.schema.alterTable('analog_links').dropColumn('base_key').execute();
}
