/** Catalogue (organizations, categories, product types, foreign parts, analog links) and accounts. Frozen. */
import { type Kysely, type CreateTableBuilder, sql, PostgresAdapter } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('organizations'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('unp', 'text')
    .addColumn('inn', 'text')
    .addColumn('ogrn', 'text')
    .addColumn('website', 'text')
    .addColumn('description', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_country').on('organizations').columns(['country', 'name']).execute();
  await db.schema.createIndex('organizations_inn').on('organizations').column('inn').execute();
  await db.schema.createIndex('organizations_unp').on('organizations').column('unp').execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('operator_country', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('memberships_organization').on('memberships').column('organization_id').execute();

  await withId(db, db.schema.createTable('sessions'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await withId(db, db.schema.createTable('categories'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_be', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('product_types'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('designation', 'text', (c) => c.notNull())
    .addColumn('designation_latin', 'text', (c) => c.notNull())
    .addColumn('designation_key', 'text', (c) => c.notNull())
    .addColumn('designation_latin_key', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('function_ru', 'text')
    .addColumn('function_en', 'text')
    .addColumn('function_derived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('packages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('quality_level', 'text')
    .addColumn('standards', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('okpd2', 'text')
    .addColumn('tnved', 'text')
    .addColumn('status', 'text')
    .addColumn('description', 'text')
    .addColumn('source', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('product_types_key').on('product_types').column('designation_key').execute();
  await db.schema.createIndex('product_types_latin_key').on('product_types').column('designation_latin_key').execute();
  await db.schema.createIndex('product_types_designation').on('product_types').column('designation').execute();
  await db.schema.createIndex('product_types_category').on('product_types').column('category_id').execute();
  await db.schema.createIndex('product_types_maker').on('product_types').column('organization_id').execute();
  await db.schema.createIndex('product_types_updated').on('product_types').column('updated_at').execute();
  // one maker cannot list the same designation twice; makerless (reference) rows are unique too
  await sql`CREATE UNIQUE INDEX product_types_maker_designation ON product_types (COALESCE(organization_id, 0), designation)`.execute(db);

  await withId(db, db.schema.createTable('product_parameters'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('min', 'double precision')
    .addColumn('typ', 'double precision')
    .addColumn('max', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('product_parameters_product').on('product_parameters').column('product_type_id').execute();

  await withId(db, db.schema.createTable('foreign_parts'))
    .addColumn('part_number', 'text', (c) => c.notNull())
    .addColumn('part_number_key', 'text', (c) => c.notNull())
    .addColumn('manufacturer', 'text')
    .addColumn('manufacturer_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('foreign_parts_identity').on('foreign_parts').columns(['part_number', 'manufacturer_key']).unique().execute();
  await db.schema.createIndex('foreign_parts_key').on('foreign_parts').column('part_number_key').execute();

  await withId(db, db.schema.createTable('analog_links'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id').onDelete('cascade'))
    .addColumn('foreign_part_id', 'integer', (c) => c.notNull().references('foreign_parts.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('verified_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('analog_links_pair', ['product_type_id', 'foreign_part_id'])
    .execute();
  await db.schema.createIndex('analog_links_foreign').on('analog_links').column('foreign_part_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'analog_links',
    'foreign_parts',
    'product_parameters',
    'product_types',
    'categories',
    'api_tokens',
    'sessions',
    'memberships',
    'users',
    'organizations',
    'settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
