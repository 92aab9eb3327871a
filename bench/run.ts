/**
 * `npm run bench`: search latency per query class (SearchService in-process), HTTP throughput of /api/search
 * against the bare /api/config of the same server, start-up time and peak RSS of `node bin/reestr.js serve`,
 * on SQLite and (when reachable) PostgreSQL, over the generated catalogue (see bench/generate.ts).
 * Prints one table and writes it to bench/results/<date>-search.md and .json. A measurement, not a test.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/server/db/client';
import { createServices } from '../src/server/services';
import { TIER_SCORE } from '../src/domain/matching';
import { BENCH_DIR, ROOT, ensurePostgresDataset, ensureSqliteDataset, type DatasetInfo, type PostgresDataset } from './generate';
import { formatCount, parseOptions, sizeTag, type BenchOptions } from './lib/options';
import { sampleQueries, searchPath, type QueryClass } from './queries';
import { readThrough, residentShare } from './lib/page-cache';
import { load, peakRss, requestEach, startChildServer, type LoadResult } from './lib/server';
import { cells, fmt, HEADER, markdownTable, textTable, type ResultRow } from './lib/report';
import { cpuSample, otherCpuShare, pidsNamed } from './lib/cpu';

const TARGETS = {
  partNumberP95Ms: 5,
  fulltextP95Ms: 25,
  searchRps: 2000,
  startupMs: 3000,
  rssBytes: 500 * 1024 * 1024,
};

interface ClassResult {
  database: ResultRow['database'];
  name: string;
  label: string;
  target: QueryClass['target'];
  runs: number;
  distinctQueries: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Share of distinct queries whose results hold a hit of the class's tier or a stronger one. */
  foundShare: number;
  meanProductHits: number;
  meanForeignHits: number;
  /** Share of all CPUs other processes used meanwhile (null when /proc is unavailable). */
  otherCpu: number | null;
  examples: string[];
}

type MeasuredLoad = LoadResult & { otherCpu: number | null };

interface HttpResult {
  database: ResultRow['database'];
  startupsMs: number[];
  startupMedianMs: number;
  config: MeasuredLoad;
  search: MeasuredLoad;
  /** SQLite: the same load once every query was answered before (SEARCH_CACHE_MB default), and with the cache off. */
  searchCached: MeasuredLoad | null;
  searchUncached: MeasuredLoad | null;
  searchPaths: number;
  peakRssBytes: number | null;
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
/** Our processes: this one, the server under load, and PostgreSQL's when it serves us. */
const ourPids = (database: ResultRow['database'], server?: number) => [
  process.pid,
  ...(server ? [server] : []),
  ...(database === 'PostgreSQL' ? pidsNamed('postgres') : []),
];

async function measureClasses(database: ResultRow['database'], url: string, classes: QueryClass[], o: BenchOptions): Promise<ClassResult[]> {
  const db = openDatabase(url, { poolSize: 4 });
  const services = createServices(db, { sessionTtlHours: 12 });
  const out: ClassResult[] = [];
  try {
    // as in a server that has been answering for a while, the search code is compiled and optimised by the JIT
    // before anything is measured: rounds of the typed classes' queries (otherwise the class measured first pays
    // for that alone), bounded in time
    const typed = classes.filter((c) => c.name !== 'parametric' && c.queries.length);
    const roundsStarted = performance.now();
    for (let i = 0; i < o.warmup * 4 && performance.now() - roundsStarted < (o.classSeconds * 1000) / 2; i++)
      for (const cls of typed) await services.search.search(cls.queries[(i * 7) % cls.queries.length]);
    for (const cls of classes) {
      const qs = cls.queries;
      const budget = o.classSeconds * 1000;
      const warmStarted = performance.now();
      for (let i = 0; i < o.warmup && performance.now() - warmStarted < budget / 5; i++) await services.search.search(qs[i % qs.length]);
      const times: number[] = [];
      let found = 0;
      let productHits = 0;
      let foreignHits = 0;
      const cpuBefore = cpuSample(ourPids(database));
      for (let i = 0; i < o.runs; i++) {
        const input = qs[(i + o.warmup) % qs.length];
        const t0 = performance.now();
        const result = await services.search.search(input);
        times.push(performance.now() - t0);
        if (i < qs.length) {
          const tiers = [...result.productTypes.items.map((h) => h.tier), ...result.foreignParts.items.map((h) => h.tier)];
          if (tiers.some((t) => TIER_SCORE[t] >= TIER_SCORE[cls.tier])) found++;
          productHits += result.productTypes.total;
          foreignHits += result.foreignParts.total;
        }
        // bounded: a class whose searches are slow stops at its time budget, with the runs it made
        if (i >= 4 && performance.now() - warmStarted > budget) break;
      }
      const otherCpu = otherCpuShare(cpuBefore, cpuSample(ourPids(database)));
      const sorted = [...times].sort((a, b) => a - b);
      const counted = Math.min(qs.length, times.length);
      const r: ClassResult = {
        database,
        name: cls.name,
        label: cls.label,
        target: cls.target,
        runs: times.length,
        distinctQueries: qs.length,
        p50Ms: percentile(sorted, 0.5),
        p95Ms: percentile(sorted, 0.95),
        p99Ms: percentile(sorted, 0.99),
        maxMs: sorted[sorted.length - 1],
        meanMs: times.reduce((a, b) => a + b, 0) / times.length,
        foundShare: found / counted,
        meanProductHits: productHits / counted,
        meanForeignHits: foreignHits / counted,
        otherCpu,
        examples: qs.slice(0, 4).map((q) => (q.q ? q.q : searchPath(q).replace('/api/search?', ''))),
      };
      out.push(r);
      log(
        `  ${database.padEnd(10)} ${cls.name.padEnd(18)} p50 ${fmt.ms(r.p50Ms).padStart(9)}  p95 ${fmt.ms(r.p95Ms).padStart(9)}  max ${fmt.ms(r.maxMs).padStart(9)}  (${r.runs} runs, found ${pct(r.foundShare)}, other processes ${pct(otherCpu)} CPU)`,
      );
    }
  } finally {
    await db.close();
  }
  return out;
}

async function measureHttp(database: ResultRow['database'], url: string, paths: string[], startups: number, o: BenchOptions): Promise<HttpResult> {
  const startupsMs: number[] = [];
  for (let i = 0; i < startups - 1; i++) {
    const s = await startChildServer(ROOT, url);
    startupsMs.push(s.startupMs);
    await s.stop();
  }
  const server = await startChildServer(ROOT, url);
  startupsMs.push(server.startupMs);
  log(`  ${database}: start-up ${startupsMs.map((t) => fmt.ms(t)).join(', ')}`);
  const measured = async (routePaths: string[], on: { base: string; pid: number } = server): Promise<MeasuredLoad> => {
    await load(on.base, routePaths, Math.min(3, o.durationSeconds / 2), o.connections); // warm-up
    const before = cpuSample(ourPids(database, on.pid));
    const result = await load(on.base, routePaths, o.durationSeconds, o.connections);
    return { ...result, otherCpu: otherCpuShare(before, cpuSample(ourPids(database, on.pid))) };
  };
  try {
    const config = await measured(['/api/config']);
    log(`  ${database}: GET /api/config ${Math.round(config.requestsPerSecond)} req/s (other processes ${pct(config.otherCpu)} CPU)`);
    const search = await measured(paths);
    log(
      `  ${database}: GET /api/search ${Math.round(search.requestsPerSecond)} req/s (p50 ${fmt.ms(search.latencyMs.p50)}, p95 ${fmt.ms(search.latencyMs.p95)}, other processes ${pct(search.otherCpu)} CPU)`,
    );
    let searchCached: MeasuredLoad | null = null;
    if (database === 'SQLite') {
      // every rotating query answered once, then the same load again: what repeated queries cost with the cache
      await requestEach(server.base, paths, o.connections);
      searchCached = await measured(paths);
      log(`  ${database}: GET /api/search, cache filled: ${Math.round(searchCached.requestsPerSecond)} req/s (p95 ${fmt.ms(searchCached.latencyMs.p95)})`);
    }
    const rss = peakRss(server.pid);
    let searchUncached: MeasuredLoad | null = null;
    if (database === 'SQLite') {
      const bare = await startChildServer(ROOT, url, 120_000, { SEARCH_CACHE_MB: '0' });
      try {
        searchUncached = await measured(paths, bare);
        log(
          `  ${database}: GET /api/search, SEARCH_CACHE_MB=0: ${Math.round(searchUncached.requestsPerSecond)} req/s (p95 ${fmt.ms(searchUncached.latencyMs.p95)})`,
        );
      } finally {
        await bare.stop();
      }
    }
    return {
      database,
      startupsMs,
      startupMedianMs: median(startupsMs),
      config,
      search,
      searchCached,
      searchUncached,
      searchPaths: paths.length,
      peakRssBytes: rss,
    };
  } finally {
    await server.stop();
  }
}

/** Interleaves the typed-query classes (not the filter-only one) so that every stretch of the load is a mix. */
function httpPaths(classes: QueryClass[]): string[] {
  const typed = classes.filter((c) => c.name !== 'parametric');
  const longest = Math.max(0, ...typed.map((c) => c.queries.length));
  const out: string[] = [];
  for (let i = 0; i < longest; i++) for (const c of typed) if (c.queries.length) out.push(searchPath(c.queries[i % c.queries.length]));
  return out;
}

/** Shares of the SQLite file in the OS page cache before and after the run, and the seconds the read-through took. */
interface PageCache {
  before: number | null;
  readSeconds: number | null;
  after: number | null;
}

function environment(dataset: DatasetInfo, pgDataset: PostgresDataset | null, pageCache: PageCache) {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const sq = new SQLite(':memory:');
  const sqliteVersion = (sq.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  sq.close();
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: (git(['status', '--porcelain']) ?? '').split('\n').filter(Boolean).length,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    sqlite: sqliteVersion,
    postgres: pgDataset?.serverVersion ?? null,
    dataset: { file: dataset.file, bytes: dataset.bytes, counts: dataset.counts, seed: dataset.seed, fingerprint: dataset.fingerprint },
    pageCache,
  };
}

function buildRows(classes: ClassResult[], http: HttpResult[], dataSize: string): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const c of classes) {
    const sqlite = c.database === 'SQLite';
    const limit = c.target === 'part-number' ? TARGETS.partNumberP95Ms : c.target === 'fulltext' ? TARGETS.fulltextP95Ms : null;
    rows.push({
      operation: `search ${c.name} (${c.label})`,
      database: c.database,
      dataSize,
      p50Ms: c.p50Ms,
      p95Ms: c.p95Ms,
      maxMs: c.maxMs,
      throughput: null,
      peakRssBytes: null,
      target: sqlite && limit !== null ? `p95 ≤ ${limit} ms` : null,
      pass: sqlite && limit !== null ? c.p95Ms <= limit : null,
    });
  }
  for (const h of http) {
    const sqlite = h.database === 'SQLite';
    const searchRow = (operation: string, m: MeasuredLoad) =>
      rows.push({
        operation,
        database: h.database,
        dataSize,
        p50Ms: m.latencyMs.p50,
        p95Ms: m.latencyMs.p95,
        maxMs: m.latencyMs.max,
        throughput: m.requestsPerSecond,
        peakRssBytes: null,
        target: sqlite ? `≥ ${TARGETS.searchRps.toLocaleString('en-US')} req/s` : null,
        pass: sqlite ? m.requestsPerSecond >= TARGETS.searchRps && m.non2xx === 0 && m.errors === 0 : null,
      });
    searchRow(
      sqlite
        ? `GET /api/search (HTTP, ${h.searchPaths} rotating queries, each new to the cache at first)`
        : `GET /api/search (HTTP, ${h.searchPaths} rotating queries)`,
      h.search,
    );
    if (h.searchCached) searchRow(`GET /api/search (HTTP, the same queries again, cache filled)`, h.searchCached);
    if (h.searchUncached) searchRow(`GET /api/search (HTTP, the same queries, SEARCH_CACHE_MB=0: no cache)`, h.searchUncached);
    rows.push({
      operation: 'GET /api/config (HTTP baseline, same server)',
      database: h.database,
      dataSize,
      p50Ms: h.config.latencyMs.p50,
      p95Ms: h.config.latencyMs.p95,
      maxMs: h.config.latencyMs.max,
      throughput: h.config.requestsPerSecond,
      peakRssBytes: null,
      target: null,
      pass: null,
    });
    rows.push({
      operation: `start-up: reestr serve → /api/health 200 (median of ${h.startupsMs.length})`,
      database: h.database,
      dataSize,
      p50Ms: h.startupMedianMs,
      p95Ms: null,
      maxMs: Math.max(...h.startupsMs),
      throughput: null,
      peakRssBytes: null,
      target: sqlite ? `≤ ${TARGETS.startupMs / 1000} s` : null,
      pass: sqlite ? h.startupMedianMs <= TARGETS.startupMs : null,
    });
    rows.push({
      operation: 'server peak RSS (VmHWM) after the HTTP loads',
      database: h.database,
      dataSize,
      p50Ms: null,
      p95Ms: null,
      throughput: null,
      peakRssBytes: h.peakRssBytes,
      target: sqlite ? `≤ ${Math.round(TARGETS.rssBytes / 1024 / 1024)} MB` : null,
      pass: sqlite && h.peakRssBytes !== null ? h.peakRssBytes <= TARGETS.rssBytes : null,
    });
  }
  return rows;
}

function markdown(
  o: BenchOptions,
  env: ReturnType<typeof environment>,
  dataset: DatasetInfo,
  pgDataset: PostgresDataset | null,
  rows: ResultRow[],
  classes: ClassResult[],
  http: HttpResult[],
  fullScale: boolean,
) {
  const c = dataset.counts;
  const out: string[] = [];
  out.push(`# Search benchmark — ${env.date.slice(0, 10)}`, '');
  out.push(
    `Data: ${c.productTypes.toLocaleString('en-US')} product types, ${c.foreignParts.toLocaleString('en-US')} foreign parts, ` +
      `${c.analogLinks.toLocaleString('en-US')} analog links, ${c.organizations.toLocaleString('en-US')} organizations, ` +
      `${c.productParameters.toLocaleString('en-US')} parameters (seed ${dataset.seed}; SQLite file ${fmt.mb(dataset.bytes)}).`,
  );
  out.push(
    `Machine: ${env.cpus} × ${env.cpuModel}, ${env.memoryGiB} GiB; Node ${env.node}, SQLite ${env.sqlite}` +
      (env.postgres ? `, PostgreSQL ${env.postgres}` : ', PostgreSQL not measured') +
      `; commit ${env.commit}${env.uncommittedChanges ? ` + ${env.uncommittedChanges} uncommitted changes` : ''}.`,
  );
  out.push(
    `Generation: SQLite ${dataset.seconds.total} s (${Object.entries(dataset.seconds)
      .filter(([k]) => k !== 'total')
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')}; FTS mode ${dataset.ftsMode})` +
      (pgDataset ? (pgDataset.reused ? '; PostgreSQL copy reused' : `; PostgreSQL copy ${pgDataset.seconds.total} s`) : '') +
      '.',
  );
  const cache = env.pageCache;
  out.push(
    `OS page cache: ${pct(cache.before)} of the SQLite file was cached when the run began; ` +
      (cache.readSeconds === null ? 'measured as found (--cold)' : `the benchmark read it once (${cache.readSeconds} s) before measuring`) +
      `; ${pct(cache.after)} cached at the end (see bench/lib/page-cache.ts).`,
  );
  if (!fullScale) out.push('', `**Scale ${o.scale}**: the targets are defined for 1M product types on 2 cores; verdicts in parentheses are indicative only.`);
  out.push(
    '',
    markdownTable(
      HEADER,
      rows.map((r) => cells(r, fullScale)),
    ),
    '',
  );
  out.push(
    `Latency rows: \`SearchService.search()\` called in-process, one query at a time, after a warm-up, up to ${o.runs} runs or ${o.classSeconds} s per class ` +
      '(see "runs" below: a class whose searches are slow makes fewer). HTTP rows: autocannon from the same machine ' +
      `(127.0.0.1, ${o.connections} connections, ${o.durationSeconds} s each) against \`node bin/reestr.js serve\` (LOG_LEVEL=silent). ` +
      'Targets apply to SQLite at 1M product types.',
    '',
  );
  out.push('## Query classes', '');
  out.push(
    markdownTable(
      ['class', 'database', 'runs', 'distinct', 'p50', 'p95', 'p99', 'max', 'found', 'product hits', 'foreign hits', 'other CPU', 'examples'],
      classes.map((r) => [
        r.name,
        r.database,
        String(r.runs),
        String(r.distinctQueries),
        fmt.ms(r.p50Ms),
        fmt.ms(r.p95Ms),
        fmt.ms(r.p99Ms),
        fmt.ms(r.maxMs),
        `${Math.round(r.foundShare * 100)} %`,
        r.meanProductHits.toFixed(1),
        r.meanForeignHits.toFixed(1),
        pct(r.otherCpu),
        r.examples.map((e) => `\`${e}\``).join(', '),
      ]),
      new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    ),
    '',
    '"found": share of the distinct queries whose results hold a hit of the tier the class aims at (or a stronger one); "hits": mean totals; ' +
      '"other CPU": share of all CPUs that processes other than the benchmark, the server and PostgreSQL used meanwhile (a quiet machine shows 0–2 %).',
    '',
  );
  if (http.length) {
    out.push('## HTTP', '');
    out.push(
      markdownTable(
        ['route', 'database', 'requests', 'req/s', 'p50', 'p95', 'p99', 'max', 'non-2xx', 'errors', 'other CPU'],
        http.flatMap((h) =>
          (
            [
              ['/api/config', h.config],
              ['/api/search', h.search],
              ...(h.searchCached ? [['/api/search (cache filled)', h.searchCached] as const] : []),
              ...(h.searchUncached ? [['/api/search (SEARCH_CACHE_MB=0)', h.searchUncached] as const] : []),
            ] as const
          ).map(([route, l]) => [
            route,
            h.database,
            String(l.requests),
            fmt.rate(l.requestsPerSecond),
            fmt.ms(l.latencyMs.p50),
            fmt.ms(l.latencyMs.p95),
            fmt.ms(l.latencyMs.p99),
            fmt.ms(l.latencyMs.max),
            String(l.non2xx),
            String(l.errors + l.timeouts),
            pct(l.otherCpu),
          ]),
        ),
        new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]),
      ),
      '',
      `Start-ups (ms): ${http.map((h) => `${h.database} ${h.startupsMs.map((t) => Math.round(t)).join(', ')}`).join('; ')}.`,
      '',
    );
  }
  return out.join('\n');
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const fullScale = o.sizes.productTypes >= 1_000_000;
  const dataSize = `${formatCount(o.sizes.productTypes)} types / ${formatCount(o.sizes.foreignParts)} parts / ${formatCount(o.sizes.analogLinks)} links`;

  const dataset = await ensureSqliteDataset(o);
  const pgDataset = o.postgres ? await ensurePostgresDataset(o, dataset) : null;
  const sqliteFile = path.join(ROOT, dataset.file);
  const sqliteUrl = `sqlite:${sqliteFile}`;

  const pageCache: PageCache = { before: residentShare(sqliteFile), readSeconds: null, after: null };
  if (!o.cold) pageCache.readSeconds = await readThrough(sqliteFile);
  log(
    `OS page cache: ${pct(pageCache.before)} of the SQLite file cached` +
      (o.cold ? ' (--cold: left as found)' : `; read it once in ${pageCache.readSeconds} s`),
  );

  let classes = sampleQueries(sqliteFile, Math.min(o.runs, 250), o.seed);
  if (o.classes) classes = classes.filter((c) => o.classes!.includes(c.name));

  log('Search latency (in-process SearchService.search):');
  const classResults = await measureClasses('SQLite', sqliteUrl, classes, o);
  if (pgDataset) classResults.push(...(await measureClasses('PostgreSQL', pgDataset.url, classes, o)));

  const http: HttpResult[] = [];
  if (o.http) {
    log('HTTP (node bin/reestr.js serve, autocannon):');
    const paths = httpPaths(classes);
    http.push(await measureHttp('SQLite', sqliteUrl, paths, o.startups, o));
    if (pgDataset) http.push(await measureHttp('PostgreSQL', pgDataset.url, paths, 1, o));
  }

  pageCache.after = residentShare(sqliteFile);
  const rows = buildRows(classResults, http, dataSize);
  const env = environment(dataset, pgDataset, pageCache);
  console.log('');
  console.log(textTable(rows, fullScale));
  console.log('');
  if (!fullScale) console.log(`Scale ${o.scale}: targets are for 1M product types; verdicts in parentheses are indicative only.`);
  log(`Benchmark finished in ${Math.round((performance.now() - started) / 1000)} s.`);

  if (o.write) {
    const dir = path.join(BENCH_DIR, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const tag = sizeTag(o);
    const name = `${env.date.slice(0, 10)}-search${tag === '1' ? '' : `-scale${tag}`}`;
    fs.writeFileSync(path.join(dir, `${name}.md`), markdown(o, env, dataset, pgDataset, rows, classResults, http, fullScale));
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify(
        { environment: env, options: { ...o, postgresUrl: undefined }, targets: TARGETS, rows, classes: classResults, http, postgres: pgDataset },
        null,
        2,
      ) + '\n',
    );
    log(`Written: bench/results/${name}.md and .json`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
