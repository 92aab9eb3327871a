/**
 * Cooperation and statistics of the demand exchange: cooperation ties between organizations (from contracts
 * and by hand) with their products, state-support programmes with their organizations and products, currency
 * rates recorded by operators, and the demo batch: which rows the demo loader made, so that they are shown as
 * demo and removed exactly. Frozen.
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
  const rate = pg ? 'numeric(24, 10)' : 'real';

  // a supply tie runs from the supplier (organization) to the customer (partner); a co-development tie is
  // stored once, with the lower organization id first
  await withId(db, db.schema.createTable('cooperation_ties'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('partner_organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // supply | co_development
    .addColumn('source', 'text', (c) => c.notNull()) // contract | manual
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('contract_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cooperation_ties_pair')
    .unique()
    .on('cooperation_ties')
    .columns(['organization_id', 'partner_organization_id', 'kind', 'source'])
    .execute();
  await db.schema.createIndex('cooperation_ties_partner').on('cooperation_ties').column('partner_organization_id').execute();

  await db.schema
    .createTable('cooperation_tie_products')
    .addColumn('tie_id', 'integer', (c) => c.notNull().references('cooperation_ties.id').onDelete('cascade'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('cooperation_tie_products_pk', ['tie_id', 'product_type_id'])
    .execute();

  await withId(db, db.schema.createTable('support_programmes'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // BY | RU | UNION
    .addColumn('owner_body', 'text', (c) => c.notNull())
    .addColumn('year_from', 'integer', (c) => c.notNull())
    .addColumn('year_to', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_programmes_state').on('support_programmes').columns(['state', 'year_from', 'year_to']).execute();

  await db.schema
    .createTable('support_programme_organizations')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('support_programmes.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('support_programme_organizations_pk', ['programme_id', 'organization_id'])
    .execute();
  await db.schema
    .createTable('support_programme_products')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('support_programmes.id').onDelete('cascade'))
    .addColumn('product_type_id', 'integer', (c) => c.notNull().references('product_types.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('support_programme_products_pk', ['programme_id', 'product_type_id'])
    .execute();

  await withId(db, db.schema.createTable('currency_rates'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('to_currency', 'text', (c) => c.notNull())
    .addColumn('rate', rate, (c) => c.notNull())
    .addColumn('rate_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('currency_rates_pair_date').unique().on('currency_rates').columns(['currency', 'to_currency', 'rate_date']).execute();

  // rows the demo loader made, by table: shown as demo, excluded outside demo mode, removed exactly
  await db.schema
    .createTable('exchange_demo_rows')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_demo_rows_pk', ['table_name', 'row_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'exchange_demo_rows',
    'currency_rates',
    'support_programme_products',
    'support_programme_organizations',
    'support_programmes',
    'cooperation_tie_products',
    'cooperation_ties',
  ])
    await db.schema.dropTable(t).execute();
}
