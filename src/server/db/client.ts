/** Opens the database named by DATABASE_URL: `sqlite:<path>` (embedded default) or `postgres://…`. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import type { Database } from './types';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from PostgreSQL as strings; the catalogue's numbers fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

// the better-sqlite3 handle behind each SQLite Kysely, for bulk paths that run prepared statements directly
const sqliteHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 database under a SQLite Kysely opened by `openDatabase` (undefined for PostgreSQL). Its
 * statements run on the one connection Kysely uses, so inside a Kysely transaction they are part of it.
 */
export function sqliteHandle(kysely: Kysely<Database>): SQLite.Database | undefined {
  return sqliteHandles.get(kysely);
}

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken at BEGIN, waiting up to busy_timeout for another
 * process's writer. A deferred transaction that reads first and writes later cannot wait when another process
 * committed in between (its snapshot is stale: SQLITE_BUSY at once), so two processes deciding one record at the
 * same moment would get an error instead of one decision and one refusal.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** Prepared statements kept per SQLite connection, by SQL text (least recently used dropped first). */
const STATEMENT_CACHE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, with its statements cached: the driver prepares every query
 * anew, and preparing costs as much as running an indexed lookup (a search runs some twenty of them). Kysely
 * runs one query at a time on the connection, so a cached statement is never busy when it is reused.
 */
function cachingStatements(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else {
        statement = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

export function parseDatabaseUrl(url: string): { dialect: DialectName; location: string } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', location: url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', location: url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

export function openDatabase(url: string, options: { poolSize?: number } = {}): Db {
  const { dialect, location } = parseDatabaseUrl(url);
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 10 });
    // an idle connection closed by the server (restart, failover, terminated backend) must not crash the process;
    // the pool replaces it on the next query
    pool.on('error', (error) => console.warn(`postgres: idle connection lost: ${error.message}`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect, close: () => kysely.destroy() };
  }
  if (location !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's own lower() folds ASCII only; PostgreSQL's folds Cyrillic too. Make both fold Unicode alike.
  sqlite.function('lower', { deterministic: true }, (s: unknown) => (s == null ? null : String(s).toLowerCase()));
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }) });
  sqliteHandles.set(kysely, sqlite);
  return { kysely, dialect, close: () => kysely.destroy() };
}
