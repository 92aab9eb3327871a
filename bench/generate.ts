/**
 * Generates the benchmark catalogue into SQLite (bench/data/reestr-<size>.sqlite) and copies it into PostgreSQL
 * (database reestr_bench_<size>), each cached until the generator, the schema or the matching rules change.
 *
 * Every stored key is computed by the application's own functions (designations/designationColumns,
 * stemsColumn, foreignPartColumns), the schema comes from the application's migrations and the first-start
 * work (categories, settings, first administrator) from its bootstrap, so searches behave as in production.
 *
 *   npx tsx bench/generate.ts [--scale 0.01] [--regenerate] [--fts-mode rebuild|triggers] [--no-postgres]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client';
import { migrateToLatest } from '../src/server/db/migrate';
import { createServices } from '../src/server/services';
import { bootstrap } from '../src/server/bootstrap';
import { SEARCH_KEYS_VERSION } from '../src/server/search/reindex';
import { CATEGORY_TREE } from '../src/domain/categories';
import { formatCount, parseOptions, sizeTag, type BenchOptions, type Sizes } from './lib/options';
import { loadCatalogue, type LoadedCounts } from './catalogue/load';

/** Raise when the generated data changes in a way the fingerprint of the sources below does not catch. */
const GENERATOR_VERSION = '1';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
export const DATA_DIR = path.join(BENCH_DIR, 'data');

export interface DatasetInfo {
  tag: string;
  fingerprint: string;
  /** Fingerprint of the data sources without the migrations (see dataFingerprint). */
  dataFingerprint?: string;
  /** When migrations added after the generation were applied to the cached file. */
  migratedAt?: string;
  seed: string;
  sizes: Sizes;
  counts: LoadedCounts;
  ftsMode: BenchOptions['ftsMode'];
  generatedAt: string;
  /** Wall-clock seconds of the generation phases (loading, index and FTS builds, bootstrap). */
  seconds: Record<string, number>;
  file: string;
  bytes: number;
}

export interface PostgresDataset {
  url: string;
  database: string;
  reused: boolean;
  seconds: Record<string, number>;
  serverVersion: string;
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const since = (t: number) => Math.round((performance.now() - t) / 10) / 100;

const MIGRATION_FILES = () => [
  ...fs
    .readdirSync(path.join(ROOT, 'src/server/db/migrations'))
    .sort()
    .map((f) => path.join('src/server/db/migrations', f)),
  'src/server/db/migrate.ts',
];

/** Sources whose change changes the stored data: the catalogue generator, the migrations and the matching rules. */
export function fingerprint(o: Pick<BenchOptions, 'sizes' | 'seed'>): string {
  return hashFiles(o, [...MIGRATION_FILES(), ...DATA_FILES()]);
}

/** The same without the migrations: when only migrations were added, they are applied to the cached dataset. */
export function dataFingerprint(o: Pick<BenchOptions, 'sizes' | 'seed'>): string {
  return hashFiles(o, DATA_FILES());
}

function hashFiles(o: Pick<BenchOptions, 'sizes' | 'seed'>, files: string[]): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify({ GENERATOR_VERSION, SEARCH_KEYS_VERSION, sizes: o.sizes, seed: o.seed }));
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(ROOT, f)));
  return h.digest('hex').slice(0, 16);
}

function DATA_FILES(): string[] {
  return [
    'src/server/search/columns.ts',
    ...['designation', 'part-number', 'matching', 'search-text', 'product-type', 'categories'].map((f) => `src/domain/${f}.ts`),
    ...fs
      .readdirSync(path.join(BENCH_DIR, 'catalogue'))
      .sort()
      .map((f) => path.join('bench/catalogue', f)),
    'bench/lib/rng.ts',
  ];
}

function progressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(16)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} (ETA {eta_formatted})`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 15_000,
      etaBuffer: 50,
      formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? formatCount(v) : String(v)),
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

// ---------------------------------------------------------------------------------------------------------
// SQLite

const TABLES = ['organizations', 'product_types', 'product_parameters', 'foreign_parts', 'analog_links'];

export function sqliteFile(o: Pick<BenchOptions, 'scale' | 'sizes'>): string {
  return path.join(DATA_DIR, `reestr-${sizeTag(o)}.sqlite`);
}

function readMeta(file: string): DatasetInfo | null {
  try {
    return JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as DatasetInfo;
  } catch {
    return null;
  }
}

/** The cached SQLite dataset, generated first when missing or out of date. */
export async function ensureSqliteDataset(o: BenchOptions): Promise<DatasetInfo> {
  const file = sqliteFile(o);
  const fp = fingerprint(o);
  const meta = readMeta(file);
  if (!o.regenerate && meta && meta.fingerprint === fp && fs.existsSync(file)) {
    log(`SQLite dataset: reusing ${path.relative(ROOT, file)} (generated ${meta.generatedAt} in ${meta.seconds.total} s)`);
    return meta;
  }
  const dataFp = dataFingerprint(o);
  if (!o.regenerate && meta && meta.dataFingerprint === dataFp && fs.existsSync(file)) {
    // only migrations changed: apply the new ones to the cached data, as an upgrade of a deployment would
    const t = performance.now();
    const db = openDatabase(`sqlite:${file}`);
    const applied = await migrateToLatest(db);
    await db.close();
    log(`SQLite dataset: reusing ${path.relative(ROOT, file)} after migrating it (${applied.join(', ') || 'nothing pending'}; ${since(t)} s)`);
    const updated = { ...meta, fingerprint: fp, migratedAt: new Date().toISOString(), bytes: fs.statSync(file).size };
    fs.writeFileSync(`${file}.json`, JSON.stringify(updated, null, 2) + '\n');
    return updated;
  }
  log(
    meta && !o.regenerate
      ? `SQLite dataset: ${path.relative(ROOT, file)} is out of date (generator, migrations or matching rules changed): generating again`
      : `SQLite dataset: generating ${path.relative(ROOT, file)}`,
  );
  const info = await generateSqlite(o, file, fp);
  fs.writeFileSync(`${file}.json`, JSON.stringify(info, null, 2) + '\n');
  return info;
}

interface SavedSql {
  type: string;
  name: string;
  sql: string;
}

async function generateSqlite(o: BenchOptions, file: string, fp: string): Promise<DatasetInfo> {
  const started = performance.now();
  const seconds: Record<string, number> = {};
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${file}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });

  // 1. the schema and the category tree, by the application itself
  let t = performance.now();
  const url = `sqlite:${tmp}`;
  {
    const db = openDatabase(url);
    await migrateToLatest(db);
    await createServices(db, { sessionTtlHours: 12 }).categories.ensure(CATEGORY_TREE);
    await db.close();
  }
  seconds.schema = since(t);

  // 2. bulk load over one connection
  const sq = new SQLite(tmp);
  // out of WAL (the application's default) into an in-memory rollback journal while loading
  sq.pragma('journal_mode = DELETE');
  sq.pragma('journal_mode = MEMORY');
  sq.pragma('synchronous = OFF');
  sq.pragma('locking_mode = EXCLUSIVE');
  sq.pragma('temp_store = MEMORY');
  sq.pragma('cache_size = -1048576'); // 1 GiB
  const categoryIds = new Map((sq.prepare('SELECT code, id FROM categories').all() as { code: string; id: number }[]).map((r) => [r.code, r.id]));

  let saved: SavedSql[] = [];
  if (o.ftsMode === 'rebuild') {
    // secondary indexes and the FTS triggers go; the same SQL text re-creates them after the load
    saved = sq
      .prepare(
        `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(',')})`,
      )
      .all(...TABLES) as SavedSql[];
    for (const s of saved) sq.exec(`DROP ${s.type.toUpperCase()} ${s.name}`);
  }

  t = performance.now();
  const counts = await loadCatalogue(sq, o.sizes, o.seed, categoryIds, progressBar);
  seconds.load = since(t);

  if (o.ftsMode === 'rebuild') {
    t = performance.now();
    // what the dropped triggers would have kept: the foreign part's keys on its analog links (migration 2026120301)
    sq.exec(`UPDATE analog_links SET
      base_key = (SELECT f.base_key FROM foreign_parts f WHERE f.id = analog_links.foreign_part_id),
      family_key = (SELECT f.family_key FROM foreign_parts f WHERE f.id = analog_links.foreign_part_id)`);
    for (const s of saved.filter((x) => x.type === 'index')) sq.exec(s.sql);
    seconds.indexes = since(t);
    t = performance.now();
    for (const fts of ['product_types_fts', 'product_keys_trgm', 'foreign_keys_trgm']) sq.exec(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
    for (const s of saved.filter((x) => x.type === 'trigger')) sq.exec(s.sql);
    seconds.fts = since(t);
  }
  const missing = ['product_types_search_ai', 'foreign_parts_search_ai', 'product_types_maker_designation', 'foreign_parts_key'].filter(
    (name) => !sq.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name),
  );
  if (missing.length) throw new Error(`schema incomplete after loading: ${missing.join(', ')}`);
  sq.pragma('locking_mode = NORMAL');
  sq.pragma('journal_mode = WAL');
  sq.close();

  // 3. the first start's work (settings, first administrator), by the application
  t = performance.now();
  {
    const db = openDatabase(url);
    const services = createServices(db, { sessionTtlHours: 12 });
    await bootstrap(db, services, { demo: false, seedOnFirstStart: false, adminEmail: 'admin@reestr.local' }, crypto.randomBytes(18).toString('base64url'));
    await db.close();
  }
  seconds.bootstrap = since(t);
  seconds.total = since(started);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, file);
  log(
    `SQLite dataset: generated in ${seconds.total} s (${Object.entries(seconds)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')})`,
  );
  return {
    tag: sizeTag(o),
    fingerprint: fp,
    dataFingerprint: dataFingerprint(o),
    seed: o.seed,
    sizes: o.sizes,
    counts,
    ftsMode: o.ftsMode,
    generatedAt: new Date().toISOString(),
    seconds,
    file: path.relative(ROOT, file),
    bytes: fs.statSync(file).size,
  };
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL: a copy of the SQLite dataset (same ids, same rows)

export function postgresDatabaseName(o: Pick<BenchOptions, 'scale' | 'sizes'>): string {
  return `reestr_bench_${sizeTag(o)}`.toLowerCase();
}

async function connect(url: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return null;
  }
}

/** The cached PostgreSQL dataset, copied from the SQLite one when missing or out of date; null when unreachable. */
export async function ensurePostgresDataset(o: BenchOptions, dataset: DatasetInfo): Promise<PostgresDataset | null> {
  const admin = await connect(o.postgresUrl);
  if (!admin) {
    log(`PostgreSQL: not reachable at ${o.postgresUrl}, measuring SQLite only`);
    return null;
  }
  const serverVersion = ((await admin.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
  const database = postgresDatabaseName(o);
  const u = new URL(o.postgresUrl);
  u.pathname = `/${database}`;
  const url = u.toString();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
    if (exists && !o.regenerate) {
      const c = await connect(url);
      const row = await c
        ?.query(`SELECT value FROM settings WHERE key = 'bench_fingerprint'`)
        .then((r) => r.rows[0] as { value: string } | undefined)
        .catch(() => undefined);
      await c?.end();
      if (row?.value === dataset.fingerprint) {
        log(`PostgreSQL dataset: reusing database ${database}`);
        return { url, database, reused: true, seconds: {}, serverVersion };
      }
    }
    log(`PostgreSQL dataset: copying ${dataset.file} into database ${database}`);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const seconds = await loadPostgres(url, path.join(ROOT, dataset.file));
  const c = (await connect(url))!;
  await c.query(`INSERT INTO settings (key, value) VALUES ('bench_fingerprint', $1)`, [dataset.fingerprint]);
  await c.end();
  return { url, database, reused: false, seconds, serverVersion };
}

async function loadPostgres(url: string, file: string): Promise<Record<string, number>> {
  const started = performance.now();
  const seconds: Record<string, number> = {};
  let t = performance.now();
  {
    const db = openDatabase(url, { poolSize: 2 });
    await migrateToLatest(db);
    await createServices(db, { sessionTtlHours: 12 }).categories.ensure(CATEGORY_TREE);
    await db.close();
  }
  seconds.schema = since(t);

  const sq = new SQLite(file, { readonly: true });
  const c = (await connect(url))!;
  try {
    // the same category ids on both sides, or the copied category_id values would point elsewhere
    const pgCategories = (await c.query('SELECT id, code FROM categories ORDER BY id')).rows as { id: number; code: string }[];
    const sqCategories = sq.prepare('SELECT id, code FROM categories ORDER BY id').all() as { id: number; code: string }[];
    if (JSON.stringify(pgCategories) !== JSON.stringify(sqCategories)) throw new Error('category ids differ between SQLite and PostgreSQL');

    await c.query(`SET maintenance_work_mem = '1GB'`);
    await c.query('SET synchronous_commit = off');
    // rows come from a consistent database; foreign keys are not re-checked row by row
    await c.query('SET session_replication_role = replica');
    const indexes = (
      await c.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u', 'x'))`,
        [TABLES],
      )
    ).rows as { indexname: string; indexdef: string }[];
    for (const i of indexes) await c.query(`DROP INDEX ${i.indexname}`);

    t = performance.now();
    for (const table of TABLES) await copyTable(sq, c, table);
    seconds.load = since(t);

    t = performance.now();
    for (const i of indexes) await c.query(i.indexdef);
    seconds.indexes = since(t);
    for (const table of TABLES)
      await c.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`);
    await c.query('SET session_replication_role = origin');
    t = performance.now();
    await c.query('VACUUM ANALYZE');
    seconds.analyze = since(t);
  } finally {
    sq.close();
    await c.end();
  }

  t = performance.now();
  {
    const db = openDatabase(url, { poolSize: 2 });
    await bootstrap(db, createServices(db, { sessionTtlHours: 12 }), { demo: false, seedOnFirstStart: false, adminEmail: 'admin@reestr.local' });
    await db.close();
  }
  seconds.bootstrap = since(t);
  seconds.total = since(started);
  log(
    `PostgreSQL dataset: loaded in ${seconds.total} s (${Object.entries(seconds)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')})`,
  );
  return seconds;
}

/** The wire-protocol side of COPY … FROM STDIN (what pg-copy-streams does), for one batch of rows in text format. */
class CopyIn implements pg.Submittable {
  private error: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly data: string,
    private readonly done: (error: Error | null) => void,
  ) {}

  submit(connection: pg.Connection) {
    (connection as unknown as { query(text: string): void }).query(this.text);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }) {
    connection.sendCopyFromChunk(Buffer.from(this.data));
    connection.endCopyFrom();
  }

  handleError(error: Error) {
    this.error = error;
  }

  handleReadyForQuery() {
    this.done(this.error);
  }

  handleCommandComplete() {}
  handleEmptyQuery() {}
  handleRowDescription() {}
  handleDataRow() {}
}

const copyText = (v: unknown) =>
  v === null || v === undefined
    ? '\\N'
    : typeof v === 'string'
      ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
      : String(v);

/** Copies one table with COPY FROM STDIN in batches; the next batch is encoded while PostgreSQL stores the previous. */
async function copyTable(sq: SQLite.Database, c: pg.Client, table: string) {
  const columns = (sq.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((r) => r.name);
  const total = (sq.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const copy = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  const send = (data: string) => new Promise<void>((resolve, reject) => c.query(new CopyIn(copy, data, (e) => (e ? reject(e) : resolve()))));
  const bar = progressBar(`pg ${table}`, total);
  let lines: string[] = [];
  let pending: Promise<void> | null = null;
  let done = 0;
  const flush = async () => {
    const data = lines.join('');
    lines = [];
    if (pending) await pending;
    pending = send(data);
  };
  for (const row of sq.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
    lines.push(row.map(copyText).join('\t') + '\n');
    if (lines.length === 25_000) {
      await flush();
      done += 25_000;
      bar.update(done);
    }
  }
  if (lines.length) await flush();
  if (pending) await pending;
  bar.update(total);
  bar.stop();
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const dataset = await ensureSqliteDataset(o);
  log(JSON.stringify(dataset.counts));
  if (o.postgres) await ensurePostgresDataset(o, dataset);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
