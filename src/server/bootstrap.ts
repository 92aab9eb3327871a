/**
 * What a start does before serving: apply migrations, make sure the category tree and the rule sets known at
 * the start exist, load the demo dataset into a new database, create the first administrator (with a
 * generated password, printed once) and, in explicit demo mode only, the demo accounts.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Config } from './config';
import type { Db } from './db/client';
import { migrateToLatest } from './db/migrate';
import { CATEGORY_TREE } from '../domain/categories';
import { loadDemoDataset } from './demo/dataset';
import { ensureDemoAccounts } from './demo/accounts';
import { ensureDemoRegistry } from './demo/registry';
import { ensureDemoExchange } from './demo/exchange';
import type { Services } from './services';
import type { ImportReport } from './catalogue-io/import';
import { reindexSearch, SEARCH_KEYS_VERSION } from './search/reindex';

export interface BootstrapResult {
  migrationsApplied: string[];
  demoDataset: ImportReport | null;
  admin: { email: string; password: string } | null;
}

const SEEDED_KEY = 'demo_dataset_loaded_at';
const KEYS_VERSION_KEY = 'search_keys_version';

export async function bootstrap(
  db: Db,
  services: Services,
  config: Pick<Config, 'demo' | 'seedOnFirstStart' | 'adminEmail'>,
  adminPassword?: string,
): Promise<BootstrapResult> {
  return withStartupLock(db, () => prepare(db, services, config, adminPassword));
}

// any constant no other part of reestr uses as an advisory lock key
const PG_STARTUP_LOCK = 7_261_600_001;

/**
 * Several processes starting on one PostgreSQL database at once take turns: the first migrates, loads and
 * creates the first administrator; the others find it done. The lock is held by one pooled connection for the
 * session and goes with it if the process dies.
 */
async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'postgres') {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db.kysely);
    const file = rows.find((r) => r.name === 'main')?.file;
    return file ? withLockFile(`${file}.startup-lock`, work) : work();
  }
  return db.kysely.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(PG_STARTUP_LOCK)})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(PG_STARTUP_LOCK)})`.execute(connection);
    }
  });
}

/**
 * SQLite: processes on one file take turns through a lock file holding the owner's pid; a lock left by a
 * process that no longer runs is taken over.
 */
async function withLockFile<T>(file: string, work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (!Number.isFinite(owner) || !processRuns(owner)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`another reestr process (pid ${owner}) holds ${file}; waited ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function prepare(
  db: Db,
  services: Services,
  config: Pick<Config, 'demo' | 'seedOnFirstStart' | 'adminEmail'>,
  adminPassword?: string,
): Promise<BootstrapResult> {
  const migrationsApplied = await migrateToLatest(db);
  await services.categories.ensure(CATEGORY_TREE);
  await services.registry.ensureInitialRuleSets();
  await services.registryGisp.restoreIndexes();
  // every write stores the search keys, so rows without them exist only right after the search migration, and
  // stale ones only after the matching rules changed: with the current version recorded there is nothing to do
  const keysVersion = await readSetting(db, KEYS_VERSION_KEY);
  if (keysVersion !== SEARCH_KEYS_VERSION) {
    await reindexSearch(db, { all: keysVersion !== undefined });
    await writeSetting(db, KEYS_VERSION_KEY, SEARCH_KEYS_VERSION);
  }
  let demoDataset: ImportReport | null = null;
  if (config.seedOnFirstStart && !(await readSetting(db, SEEDED_KEY)) && (await services.productTypesRepo.count()) === 0) {
    demoDataset = await loadDemoDataset(db);
    await writeSetting(db, SEEDED_KEY, new Date().toISOString());
  }
  let admin: BootstrapResult['admin'] = null;
  if (config.demo) {
    await ensureDemoAccounts(services);
    await ensureDemoRegistry(services);
    await ensureDemoExchange(db, services);
  } else if ((await services.accounts.countUsers()) === 0) {
    const created = await services.accounts.createUser({ email: config.adminEmail, name: 'Administrator', role: 'admin', password: adminPassword });
    admin = { email: created.user.email, password: created.password ?? '(as given in REESTR_ADMIN_PASSWORD)' };
  }
  return { migrationsApplied, demoDataset, admin };
}

async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

async function writeSetting(db: Db, key: string, value: string) {
  await db.kysely
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
