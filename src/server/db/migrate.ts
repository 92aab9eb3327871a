/** Applies the migrations in order. Each migration is a frozen file listed here by name. */
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './client';
import * as m2026112201 from './migrations/2026112201_catalogue_and_accounts';
import * as m2026112202 from './migrations/2026112202_search';
import * as m2026112203 from './migrations/2026112203_bom';
import * as m2026112206 from './migrations/2026112206_registry';
import * as m2026112207 from './migrations/2026112207_exchange';
import * as m2026120303 from './migrations/2026120303_exchange_cooperation';
import * as m2026120303b from './migrations/2026120303_exchange_ties_backfill';
import * as m2026120301 from './migrations/2026120301_analog_link_keys';
import * as m2026120301b from './migrations/2026120301_analog_rank';
import * as m2026120301c from './migrations/2026120301_search_order';
import * as m2026120305 from './migrations/2026120305_audit';
import * as m2026120306 from './migrations/2026120306_rate_limits';
import * as m2026120401 from './migrations/2026120401_analog_rank_covering';
import * as m2026120402 from './migrations/2026120402_foreign_prefix_order';

const MIGRATIONS: Record<string, Migration> = {
  '2026112201_catalogue_and_accounts': m2026112201,
  '2026112202_search': m2026112202,
  '2026112203_bom': m2026112203,
  '2026112206_registry': m2026112206,
  '2026112207_exchange': m2026112207,
  '2026120303_exchange_cooperation': m2026120303,
  '2026120303_exchange_ties_backfill': m2026120303b,
  '2026120301_analog_link_keys': m2026120301,
  '2026120301_analog_rank': m2026120301b,
  '2026120301_search_order': m2026120301c,
  '2026120305_audit': m2026120305,
  '2026120306_rate_limits': m2026120306,
  '2026120401_analog_rank_covering': m2026120401,
  '2026120402_foreign_prefix_order': m2026120402,
};

function migrator(db: Db) {
  // unordered: migrations from parallel branches may land in either order; each is independent of the others
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => MIGRATIONS },
    allowUnorderedMigrations: true,
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? ''} failed: ${String((result.error as Error)?.message ?? result.error)}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Returns the names of the migrations applied now (empty when the schema was current). */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<string[]> {
  return check(await migrator(db).migrateDown());
}
