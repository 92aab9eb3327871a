/**
 * Registry: rule sets as versioned data, registry records with their products, operations, content shares,
 * basis documents, validity periods, suspensions and decisions, and the tamper-evident log of decisions
 * (Merkle tree leaves and signed checkpoints). Frozen.
 */
import { type Kysely, type CreateTableBuilder, PostgresAdapter } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const real = pg ? 'double precision' : 'real';
  const blob = pg ? 'bytea' : 'blob';

  await withId(db, db.schema.createTable('rule_sets'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rule_sets_code_version', ['code', 'version'])
    .execute();

  await withId(db, db.schema.createTable('registry_records'))
    .addColumn('origin', 'text', (c) => c.notNull()) // reestr | gisp
    .addColumn('country', 'text', (c) => c.notNull()) // jurisdiction: the maker's country
    .addColumn('number', 'text')
    .addColumn('number_key', 'text')
    .addColumn('primary_number', 'text')
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('maker_name', 'text', (c) => c.notNull())
    .addColumn('maker_inn', 'text')
    .addColumn('maker_ogrn', 'text')
    .addColumn('maker_address', 'text')
    .addColumn('production_address', 'text')
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('product_name_key', 'text', (c) => c.notNull())
    .addColumn('okpd2', 'text')
    .addColumn('tnved', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('regulations', 'text')
    .addColumn('ektru', 'text')
    .addColumn('rule_set_id', 'integer', (c) => c.references('rule_sets.id'))
    .addColumn('level', 'integer')
    .addColumn('points', real)
    .addColumn('percentage', real)
    .addColumn('score_desc', 'text')
    .addColumn('is_electronic', 'integer')
    .addColumn('is_ai', 'integer')
    .addColumn('evaluation', 'text')
    .addColumn('maker_tax_resident_eaeu', 'integer')
    .addColumn('design_rights_years', real)
    .addColumn('uses_foreign_solutions', 'integer')
    .addColumn('doc_name', 'text')
    .addColumn('doc_date', 'text')
    .addColumn('doc_number', 'text')
    .addColumn('doc_valid_till', 'text')
    .addColumn('department', 'text')
    .addColumn('conclusion_number', 'text')
    .addColumn('state', 'text', (c) => c.notNull()) // draft | submitted | returned | rejected | included
    .addColumn('valid_from', 'text')
    .addColumn('valid_till', 'text')
    .addColumn('end_date', 'text')
    .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('remarks', 'text')
    .addColumn('source_hash', 'text') // gisp: hash of the source rows, to skip unchanged records on re-import
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_records_number_key').on('registry_records').column('number_key').execute();
  await db.schema.createIndex('registry_records_origin_number').unique().on('registry_records').columns(['origin', 'number_key']).execute();
  await db.schema.createIndex('registry_records_state').on('registry_records').columns(['state', 'country', 'id']).execute();
  await db.schema.createIndex('registry_records_organization').on('registry_records').column('organization_id').execute();
  await db.schema.createIndex('registry_records_inn').on('registry_records').column('maker_inn').execute();

  await db.schema
    .createTable('registry_record_products')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('registry_records.id').onDelete('cascade'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('registry_record_products_pk', ['record_id', 'product_type_id'])
    .execute();
  await db.schema.createIndex('registry_record_products_type').on('registry_record_products').column('product_type_id').execute();

  await withId(db, db.schema.createTable('registry_operations'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('registry_records.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('organization_name', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('registry_operations_record').on('registry_operations').column('record_id').execute();

  await db.schema
    .createTable('registry_content_shares')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('registry_records.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('percent', real, (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_content_shares_pk', ['record_id', 'country'])
    .execute();

  await withId(db, db.schema.createTable('registry_documents'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('registry_records.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_documents_record').on('registry_documents').column('record_id').execute();

  // one row per validity period (inclusion and each renewal); status on a date is computed from these
  await withId(db, db.schema.createTable('registry_periods'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('registry_records.id').onDelete('cascade'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_till', 'text')
    .addColumn('doc_date', 'text')
    .addColumn('details', 'text') // JSON: basis document and conclusion of this period
    .execute();
  await db.schema.createIndex('registry_periods_record').on('registry_periods').columns(['record_id', 'valid_from']).execute();

  await withId(db, db.schema.createTable('registry_suspensions'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('registry_records.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('till_date', 'text')
    .execute();
  await db.schema.createIndex('registry_suspensions_record').on('registry_suspensions').column('record_id').execute();

  // every decision on a record (submit, return, reject, include, renew, suspend, resume, exclude, import)
  await withId(db, db.schema.createTable('registry_events'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('registry_records.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text')
    .addColumn('remarks', 'text')
    .addColumn('payload', 'text', (c) => c.notNull()) // JSON: the decision's facts and the record snapshot after it
    .execute();
  await db.schema.createIndex('registry_events_record').on('registry_events').columns(['record_id', 'id']).execute();

  // the tamper-evident log: one leaf per event, in order; checkpoints sign the Merkle root of the first N leaves
  await db.schema
    .createTable('registry_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('event_id', 'integer', (c) => c.notNull().unique().references('registry_events.id').onDelete('restrict'))
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull()) // canonical JSON of the event
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_log_record').on('registry_log').columns(['record_id', 'seq']).execute();

  await db.schema
    .createTable('registry_log_checkpoints')
    .addColumn('tree_size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('frontier', 'text', (c) => c.notNull()) // JSON: hashes of the complete subtrees, to extend the tree
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();

  // each import of the Russian registry's open data, with its diff summary
  await withId(db, db.schema.createTable('registry_imports'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull()) // JSON: new, renewed, expired, excluded, unchanged, rejected rows
    .addColumn('started_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'registry_imports',
    'registry_log_checkpoints',
    'registry_log',
    'registry_events',
    'registry_suspensions',
    'registry_periods',
    'registry_documents',
    'registry_content_shares',
    'registry_operations',
    'registry_record_products',
    'registry_records',
    'rule_sets',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
