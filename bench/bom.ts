/**
 * `npm run bench:bom`: a 10,000-line BOM analysed end to end (CSV bytes → decode → header → lines → tier
 * matching → stored analysis) against the generated catalogue on SQLite, with the parsing alone measured in the
 * same run as the baseline. Prints a table and writes bench/results/<date>-bom.md. A measurement, not a test.
 *
 *   npx tsx bench/bom.ts [--scale 1] [--lines 10000] [--runs 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/server/db/client';
import { createServices } from '../src/server/services';
import { decodeBytes } from '../src/domain/bom/decode';
import { splitTable } from '../src/domain/bom/table';
import { detectHeader } from '../src/domain/bom/header';
import { toLines } from '../src/domain/bom/lines';
import { BENCH_DIR, ensureSqliteDataset } from './generate';
import { parseOptions } from './lib/options';
import { Rng } from './lib/rng';
import { markdownTable } from './lib/report';

const TARGET_MS = 2000;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A realistic BOM: foreign ICs from the catalogue as engineers write them, passives, connectors, unknown parts. */
function makeBom(dbFile: string, lines: number): Buffer {
  const sqlite = new SQLite(dbFile, { readonly: true });
  // the same parts in every run on the same catalogue (seeded ids), so that runs can be compared
  const rng = new Rng('bom-bench');
  const maxId = (sqlite.prepare('SELECT max(id) AS n FROM foreign_parts').get() as { n: number }).n;
  const ids = [...new Set(Array.from({ length: Math.ceil(lines * 0.7) }, () => 1 + Math.floor(rng.next() * maxId)))];
  const byId = sqlite.prepare('SELECT part_number, manufacturer FROM foreign_parts WHERE id = ?');
  const parts = ids.map((id) => byId.get(id) as { part_number: string; manufacturer: string | null } | undefined).filter((p) => p !== undefined);
  sqlite.close();
  const rows = ['Designator;Qty;Manufacturer;Manufacturer Part Number;Description;Footprint'];
  const suffixes = ['', 'N', 'DR', 'PWR', '-TR', '#PBF', 'D'];
  for (let i = 0; i < lines; i++) {
    const kind = rng.next();
    const ref = (p: string) => `${p}${i + 1}`;
    if (kind < 0.7 && parts.length) {
      const part = parts[i % parts.length];
      const typed = rng.next() < 0.5 ? part.part_number : part.part_number + suffixes[Math.floor(rng.next() * suffixes.length)];
      rows.push(`${ref('U')};1;${part.manufacturer ?? ''};${typed};IC;SOIC-14`);
    } else if (kind < 0.85) {
      rows.push(`${ref('R')},${ref('RR')};2;Yageo;RC0603FR-07${Math.floor(rng.next() * 900 + 100)}RL;Resistor 0603;0603`);
    } else if (kind < 0.95) {
      rows.push(`${ref('C')};1;;100n;Capacitor;0402`);
    } else {
      rows.push(`${ref('U')};1;Acme;ZZQ${Math.floor(rng.next() * 1e6)}X;unknown;QFN-32`);
    }
  }
  return Buffer.from(rows.join('\n') + '\n');
}

async function main() {
  const options = parseOptions(process.argv.slice(2).filter((a, i, all) => !['--lines', '--runs'].includes(a) && !['--lines', '--runs'].includes(all[i - 1])));
  const lines = flag('lines', 10_000);
  const runs = flag('runs', 3);
  const dataset = await ensureSqliteDataset(options);
  const bytes = makeBom(dataset.file, lines);
  const db = openDatabase(`sqlite:${dataset.file}`);
  const services = createServices(db, { sessionTtlHours: 1, bomMaxBytes: 100 * 1024 * 1024, bomMaxLines: lines + 10 });
  const loadBefore = os.loadavg()[0];
  const parseMs: number[] = [];
  const fullMs: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let statuses: Record<string, number> = {};
  try {
    for (let run = 0; run < runs; run++) {
      let t = performance.now();
      const table = splitTable(decodeBytes(bytes).text);
      toLines(table.rows, table.lines, detectHeader(table.rows)!);
      parseMs.push(performance.now() - t);
      t = performance.now();
      const analysis = await services.bom.create(null, { kind: 'file', filename: 'bench.csv', bytes });
      fullMs.push(performance.now() - t);
      statuses = analysis.summary.lines as unknown as Record<string, number>;
      await services.bom.delete(null, analysis.id);
    }
  } finally {
    clearInterval(sampler);
    await db.close();
  }
  const best = (xs: number[]) => Math.min(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const rows = [
    [
      'parse only (baseline): decode, table, header, lines',
      `${lines}`,
      `${median(parseMs).toFixed(0)} ms`,
      `${Math.round(lines / (median(parseMs) / 1000))}`,
      '',
      '',
    ],
    [
      'BOM analysis end to end (parse, match, store)',
      `${lines}`,
      `${median(fullMs).toFixed(0)} ms (best ${best(fullMs).toFixed(0)})`,
      `${Math.round(lines / (median(fullMs) / 1000))}`,
      `≤ ${TARGET_MS} ms`,
      median(fullMs) <= TARGET_MS ? 'pass' : 'miss',
    ],
  ];
  const header = ['operation', 'BOM lines', `median of ${runs}`, 'lines/s', 'target', 'pass/miss'];
  const table = markdownTable(header, rows, new Set([1, 2, 3]));
  const text = [
    `BOM benchmark — SQLite, catalogue ${dataset.counts.productTypes} product types / ${dataset.counts.foreignParts} foreign parts / ${dataset.counts.analogLinks} analog links`,
    '',
    table,
    '',
    `peak RSS of the process: ${Math.round(peakRss / 1048576)} MB; line statuses of the last run: ${JSON.stringify(statuses)}`,
    '',
    `Machine: ${os.cpus().length} cores, load average (1 min) ${loadBefore.toFixed(1)} before and ${os.loadavg()[0].toFixed(1)} after the runs (above ${os.cpus().length}: other work was running meanwhile).`,
  ].join('\n');
  console.log(text);
  const out = path.join(BENCH_DIR, 'results', `${new Date().toISOString().slice(0, 10)}-bom.md`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `# ${text}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
