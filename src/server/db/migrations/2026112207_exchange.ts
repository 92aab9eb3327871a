/**
 * Demand exchange: buyers' demand, the producers it was matched to, an in-app inbox per organization,
 * webhooks with a delivery queue and log, offers, contracts and the substitutions they record. Frozen.
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
  const money = pg ? 'numeric(20, 4)' : 'real';

  await withId(db, db.schema.createTable('demands'))
    .addColumn('buyer_organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('part_number', 'text')
    .addColumn('part_number_key', 'text')
    .addColumn('description', 'text')
    .addColumn('category_code', 'text')
    .addColumn('quantity_per_year', real, (c) => c.notNull())
    .addColumn('needed_by', 'text')
    .addColumn('region', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull()) // public | registered | anonymous
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('bom_analysis_id', 'text', (c) => c.references('bom_analyses.id').onDelete('set null'))
    .addColumn('bom_position', 'integer')
    .addColumn('matched_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('demands_status').on('demands').columns(['status', 'id']).execute();
  await db.schema.createIndex('demands_buyer').on('demands').column('buyer_organization_id').execute();
  await db.schema.createIndex('demands_part_number_key').on('demands').column('part_number_key').execute();
  await db.schema.createIndex('demands_bom_line').unique().on('demands').columns(['bom_analysis_id', 'bom_position']).execute();

  await db.schema
    .createTable('demand_matches')
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('demands.id').onDelete('cascade'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('analog_type', 'text', (c) => c.notNull()) // full | functional | partial | self
    .addColumn('foreign_part_id', 'integer', (c) => c.references('foreign_parts.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demand_matches_pk', ['demand_id', 'product_type_id'])
    .execute();
  await db.schema.createIndex('demand_matches_organization').on('demand_matches').columns(['organization_id', 'demand_id']).execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('demand_id', 'integer', (c) => c.references('demands.id').onDelete('cascade'))
    .addColumn('offer_id', 'integer')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('notifications_organization').on('notifications').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('organization_id', 'integer', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('webhook_deliveries'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('notification_id', 'integer', (c) => c.references('notifications.id').onDelete('set null'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | delivered | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_organization').on('webhook_deliveries').columns(['organization_id', 'id']).execute();

  await withId(db, db.schema.createTable('offers'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('demands.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id'))
    .addColumn('price', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('lead_time_days', 'integer', (c) => c.notNull())
    .addColumn('volume', real, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | accepted | declined | withdrawn | lapsed
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('offers_demand').on('offers').columns(['demand_id', 'id']).execute();
  await db.schema.createIndex('offers_organization').on('offers').column('organization_id').execute();

  await withId(db, db.schema.createTable('contracts'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('demands.id'))
    .addColumn('offer_id', 'integer', (c) => c.notNull().unique().references('offers.id'))
    .addColumn('buyer_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('producer_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id'))
    .addColumn('volume', real, (c) => c.notNull())
    .addColumn('price', money, (c) => c.notNull())
    .addColumn('sum', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('contract_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_buyer').on('contracts').column('buyer_organization_id').execute();
  await db.schema.createIndex('contracts_producer').on('contracts').column('producer_organization_id').execute();

  await withId(db, db.schema.createTable('substitutions'))
    .addColumn('contract_id', 'integer', (c) => c.notNull().unique().references('contracts.id').onDelete('cascade'))
    .addColumn('foreign_part_number', 'text')
    .addColumn('foreign_part_key', 'text')
    .addColumn('foreign_part_id', 'integer', (c) => c.references('foreign_parts.id').onDelete('set null'))
    .addColumn('item_description', 'text')
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id'))
    .addColumn('buyer_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('producer_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('substitutions_product_type').on('substitutions').column('product_type_id').execute();

  // the re-matching job asks "did the catalogue change?" by the newest updated_at: an index makes it one lookup
  await db.schema.createIndex('exchange_analog_links_updated').on('analog_links').column('updated_at').execute();
  await db.schema.createIndex('exchange_product_types_updated').on('product_types').column('updated_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('exchange_product_types_updated').execute();
  await db.schema.dropIndex('exchange_analog_links_updated').execute();
  for (const t of ['substitutions', 'contracts', 'offers', 'webhook_deliveries', 'webhooks', 'notifications', 'demand_matches', 'demands'])
    await db.schema.dropTable(t).execute();
}
