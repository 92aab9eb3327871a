/**
 * Load and soak: the real server (`reestr serve`) under a realistic mix of public requests — search (60 %),
 * registry verification (30 %) and BOM analysis (10 %) — from 127.0.0.1. First the maximum rate of the mix
 * (16 connections, 20 s), then `--minutes` (default 10) at 80 % of it. Reported per 30 s window: requests,
 * errors, p50 / p99 latency and the server's resident memory; the verdict: errors (target 0), p99 and memory
 * over time (target: flat — the last windows within 1.5× resp. 1.2× of the first ones).
 *
 *   npm run bench:soak [-- --minutes 10] [-- --database sqlite:path|postgres://…]
 *
 * Without --database it builds a SQLite database in bench/data: the demo dataset (~2,800 analog links) and the
 * ПП 719 test fixtures; with --database it uses that one as it is (e.g. the 1M-type benchmark catalogue).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { parse } from 'csv-parse/sync';
import { startChildServer, type RunningChild } from './lib/server';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const minutes = Number(flag('minutes') ?? 10);
const connections = Number(flag('connections') ?? 16);
const WINDOW_S = 30;

function log(message: string) {
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function prepareDatabase(): string {
  const given = flag('database');
  if (given) return given;
  const dir = path.join(root, 'bench', 'data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'soak.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const url = `sqlite:${file}`;
  const env = { ...process.env, DATABASE_URL: url, REESTR_LOG_KEY_FILE: path.join(dir, 'soak-log-key.pem') };
  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/reestr.js', ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  log('building the database: demo dataset and the ПП 719 fixtures');
  cli('seed');
  cli('import', 'gisp', 'tests/fixtures/gisp/pp719-day1.csv', '--as-of', '2025-06-01');
  cli('import', 'gisp', 'tests/fixtures/gisp/pp719-day2.csv', '--as-of', '2025-07-01');
  return url;
}

/** What users would type: foreign part numbers and domestic designations of the demo dataset, registry numbers. */
function workload() {
  const analogs = parse(fs.readFileSync(path.join(root, 'demo', 'analogs-reference.csv')), { columns: true, bom: true }) as Record<string, string>[];
  const foreign = [...new Set(analogs.map((a) => a.foreign!).filter(Boolean))];
  const domestic = [...new Set(analogs.map((a) => a.domestic!).filter(Boolean))];
  const numbers = ['day1', 'day2'].flatMap((d) =>
    (
      parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'gisp', `pp719-${d}.csv`)), { columns: true, bom: true, relax_column_count: true }) as Record<
        string,
        string
      >[]
    )
      .map((r) => r.Registernumber!)
      .filter((n) => n && n !== '-'),
  );
  // every third search a lower-case or suffixed spelling, as typed from a BOM or a package
  const searches = foreign.flatMap((p, i) => (i % 3 === 0 ? [p.toLowerCase()] : i % 3 === 1 ? [`${p}DR`] : [p])).concat(domestic);
  const verifications = [...numbers.map((value) => ({ param: 'number', value })), ...domestic.slice(0, 200).map((value) => ({ param: 'designation', value }))];
  return { searches, verifications, foreign };
}

interface Sample {
  at: number;
  ms: number;
  ok: boolean;
}

function rssBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Runs the mix for `seconds`, at most `rate` requests per second in all (unbounded when undefined). */
async function run(server: RunningChild, seconds: number, rate: number | undefined, w: ReturnType<typeof workload>) {
  let s = 0;
  let v = 0;
  let b = 0;
  const search = () => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(w.searches[s++ % w.searches.length]!)}` });
  const verify = () => {
    const { param, value } = w.verifications[v++ % w.verifications.length]!;
    return { method: 'GET' as const, path: `/api/registry/verify?${param}=${encodeURIComponent(value)}` };
  };
  const bom = () => {
    const lines = Array.from({ length: 30 }, (_, i) => ({
      partNumber: w.foreign[(b * 30 + i) % w.foreign.length],
      quantity: 1 + (i % 4),
      designators: `U${i + 1}`,
    }));
    b++;
    return { method: 'POST' as const, path: '/api/bom/analyses', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lines }) };
  };
  // 20 requests a round: 12 searches, 6 verifications, 2 BOM analyses, interleaved
  const round = [
    search,
    verify,
    search,
    search,
    verify,
    search,
    bom,
    search,
    verify,
    search,
    search,
    verify,
    search,
    search,
    verify,
    bom,
    search,
    verify,
    search,
    search,
  ];
  const samples: Sample[] = [];
  const memory: { at: number; rss: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    const rss = rssBytes(server.pid);
    if (rss !== null) memory.push({ at: Date.now() - started, rss });
  }, 5000);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.base,
        connections,
        duration: seconds,
        timeout: 30,
        ...(rate ? { overallRate: rate } : {}),
        requests: round.map((make) => ({ setupRequest: (req: autocannon.Request) => ({ ...req, ...make() }) })),
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => samples.push({ at: Date.now() - started, ms: responseTime, ok: status < 400 }));
    instance.on('reqError', () => samples.push({ at: Date.now() - started, ms: NaN, ok: false }));
  });
  clearInterval(sampler);
  return { result, samples, memory, rate: result.requests.total / result.duration };
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN);
const median = (values: number[]) =>
  pct(
    [...values].sort((a, b) => a - b),
    0.5,
  );

async function main() {
  const databaseUrl = prepareDatabase();
  process.env.REGISTRY_VERIFY_PER_MINUTE = String(1e9); // the mix measures the server, not the per-client limit
  process.env.REESTR_LOG_KEY_FILE ??= path.join(root, 'bench', 'data', 'soak-log-key.pem');
  const w = workload();
  const server = await startChildServer(root, databaseUrl);
  try {
    log(`server up in ${Math.round(server.startupMs)} ms; measuring the maximum rate of the mix (${connections} connections, 20 s)`);
    const max = await run(server, 20, undefined, w);
    const target = Math.max(1, Math.floor(max.rate * 0.8));
    log(`maximum ${Math.round(max.rate)} req/s (${max.result.non2xx} non-2xx); soaking ${minutes} min at ${target} req/s`);
    const soak = await run(server, minutes * 60, target, w);

    const windows: { from: number; requests: number; errors: number; p50: number; p99: number; rss: number | null }[] = [];
    for (let from = 0; from < minutes * 60; from += WINDOW_S) {
      const inWindow = soak.samples.filter((x) => x.at >= from * 1000 && x.at < (from + WINDOW_S) * 1000);
      const times = inWindow
        .filter((x) => x.ok)
        .map((x) => x.ms)
        .sort((a, b) => a - b);
      const rss = soak.memory.filter((m) => m.at >= from * 1000 && m.at < (from + WINDOW_S) * 1000).map((m) => m.rss);
      windows.push({
        from,
        requests: inWindow.length,
        errors: inWindow.filter((x) => !x.ok).length,
        p50: pct(times, 0.5),
        p99: pct(times, 0.99),
        rss: rss.length ? Math.max(...rss) : null,
      });
    }
    const errors = soak.samples.filter((x) => !x.ok).length + soak.result.timeouts;
    const head = windows.slice(1, 3); // the first window includes the warm-up
    const tail = windows.slice(-2);
    const p99Ratio = median(tail.map((x) => x.p99)) / median(head.map((x) => x.p99));
    const rssRatio = median(tail.map((x) => x.rss ?? NaN)) / median(head.map((x) => x.rss ?? NaN));
    const mb = (v: number | null) => (v === null ? '—' : `${Math.round(v / 1024 / 1024)} MB`);
    const out: string[] = [
      `# Soak benchmark — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Database: ${databaseUrl.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL'} (${flag('database') ? databaseUrl.replace(/\/\/[^@]*@/, '//…@') : 'demo dataset + ПП 719 fixtures'}); Node ${process.version}; ${connections} connections from 127.0.0.1.`,
      `Mix per 20 requests: 12 × GET /api/search, 6 × GET /api/registry/verify, 2 × POST /api/bom/analyses (30 lines). Other work may have been running on the machine.`,
      '',
      '| measure | value | target | pass/miss |',
      '|---|---:|---|---|',
      `| maximum rate of the mix (20 s, unthrottled) | ${Math.round(max.rate)} req/s | — | |`,
      `| soak rate (80 % of the maximum), ${minutes} min | ${Math.round(soak.rate)} req/s of ${target} | — | |`,
      `| requests in the soak | ${soak.samples.length} | — | |`,
      `| errors (4xx/5xx, connection errors, timeouts) | ${errors} | 0 | ${errors === 0 ? 'pass' : 'MISS'} |`,
      `| p99, last minute ÷ second minute | ${p99Ratio.toFixed(2)} | ≤ 1.5 (flat) | ${p99Ratio <= 1.5 ? 'pass' : 'MISS'} |`,
      `| resident memory, last minute ÷ second minute | ${rssRatio.toFixed(2)} | ≤ 1.2 (flat) | ${rssRatio <= 1.2 ? 'pass' : 'MISS'} |`,
      '',
      '| window (s) | requests | errors | p50 | p99 | server RSS |',
      '|---|---:|---:|---:|---:|---:|',
      ...windows.map(
        (x) => `| ${x.from}–${x.from + WINDOW_S} | ${x.requests} | ${x.errors} | ${x.p50.toFixed(1)} ms | ${x.p99.toFixed(1)} ms | ${mb(x.rss)} |`,
      ),
      '',
    ];
    const report = out.join('\n');
    process.stdout.write(report);
    const file = path.join(root, 'bench', 'results', `${new Date().toISOString().slice(0, 10)}-soak.md`);
    fs.writeFileSync(file, report);
    log(`written to ${path.relative(root, file)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
