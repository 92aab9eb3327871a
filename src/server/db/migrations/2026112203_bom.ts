/** BOM analyses: one row per uploaded bill of materials, one row per line with its matching result. Frozen. */
import { type Kysely, PostgresAdapter } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('bom_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('sheet', 'text')
    .addColumn('header_row', 'integer', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('changes', 'text')
    .addColumn('skipped', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bom_analyses_owner').on('bom_analyses').columns(['owner_id', 'created_at']).execute();

  await db.schema
    .createTable('bom_lines')
    .addColumn('analysis_id', 'text', (c) => c.notNull().references('bom_analyses.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source_line', 'integer', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('part_number', 'text')
    .addColumn('value', 'text')
    .addColumn('manufacturer', 'text')
    .addColumn('designators', 'text', (c) => c.notNull())
    .addColumn('quantity', pg ? 'double precision' : 'real')
    .addColumn('dnp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('generic', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previous_status', 'text')
    .addColumn('best_tier', 'text')
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bom_lines_pk', ['analysis_id', 'position'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('bom_lines').ifExists().execute();
  await db.schema.dropTable('bom_analyses').ifExists().execute();
}
