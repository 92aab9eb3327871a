/**
 * `npm run bench:gisp`: the Russian registry's open data (ПП 719, 27 columns) at 1,000,000 rows imported into a new
 * SQLite database, then the same file again (nothing changed), then a file with ~1% of the numbers changed
 * (renewals, early ends, corrections, new numbers). Reading and parsing the file alone is the baseline, measured in
 * the same run. Prints a table and writes bench/results/<date>-gisp.md and .json. A measurement, not a test.
 *
 *   npm run bench:gisp -- [--rows 1000000] [--regenerate] [--generate-only] [--no-write]
 *
 * (npm run gives Node the young-generation size the `reestr` command runs with: NODE_OPTIONS=--max-semi-space-size=64.)
 *
 * The generated files are cached in bench/data/ (about 450 MB at 1M rows). Records: ~80% have one row, ~15% two
 * and ~5% three (renewals, written far apart: every number's first period, then the second periods, then the
 * third); ~3% ended early; ~25% have several ТН ВЭД codes; names with commas and quotes; some DD.MM.YYYY dates
 * and decimal commas; ~2% of the makers are organizations of the database (linked by ИНН).
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { openDatabase } from '../src/server/db/client';
import { migrateToLatest } from '../src/server/db/migrate';
import { createServices } from '../src/server/services';
import { CsvReader, GISP_HEADER_LINE, gispCsvLine, parseGispRow, type GispValues } from '../src/domain/registry/gisp';
import type { GispImportSummary } from '../src/server/registry/gisp/service';
import { Rng } from './lib/rng';
import { markdownTable } from './lib/report';

const BENCH_DIR = path.dirname(new URL(import.meta.url).pathname);
const DATA_DIR = path.join(BENCH_DIR, 'data');
const GENERATOR_VERSION = 1;
const TARGET_SECONDS_PER_MILLION = 90;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? 'true' : v;
}

// ---------------------------------------------------------------------------------------------------------
// generator

const ORG_FORMS = ['ООО', 'АО', 'ПАО', 'ЗАО', 'ФГУП', 'НПО'];
const ORG_WORDS = ['Микрон', 'Элемент', 'Ангстрем', 'Кварц', 'Протон', 'Светлана', 'Исток', 'Восход', 'Сигнал', 'Радий', 'Позитрон', 'Энергия'];
const CITIES = ['г. Москва', 'г. Зеленоград', 'г. Воронеж', 'г. Новосибирск', 'г. Томск', 'г. Санкт-Петербург', 'г. Нижний Новгород', 'г. Брянск'];
const PRODUCTS = [
  ['Микросхема интегральная', '26.11.30.000', '8542 31 000 0'],
  ['Модуль питания', '26.11.22.000', '8504 40 300 9'],
  ['Генератор кварцевый', '26.11.40.000', '8541 60 000 0'],
  ['Реле электромагнитное', '27.12.24.000', '8536 41 900 0'],
  ['Насос центробежный', '28.13.14.110', '8413 70 300 0'],
  ['Датчик давления', '26.51.52.000', '9026 20 000 0'],
  ['Преобразователь частоты', '27.11.50.000', '8504 40 300 9'],
  ['Транзистор полевой', '26.11.21.000', '8541 29 000 0'],
];
const EXTRA_TNVED = ['8542 39 900 0', '8542 32 000 0', '8536 50 190 0', '8471 50 000 0'];

export const ORGANIZATIONS = 3000;

interface Org {
  name: string;
  ogrn: string;
  inn: string;
  address: string;
}

function organization(i: number): Org {
  const r = new Rng(`org-${i}`);
  const form = ORG_FORMS[i % ORG_FORMS.length];
  const word = ORG_WORDS[Math.floor(r.next() * ORG_WORDS.length)];
  // some names need quoting: quotes and commas
  const name = i % 7 === 0 ? `${form} НПП "${word}-${i}"` : i % 5 === 0 ? `${form} «${word}-${i}», филиал` : `${form} «${word}-${i}»`;
  return {
    name,
    ogrn: String(1027700000000 + i),
    inn: String(7700000000 + i),
    address: `${CITIES[i % CITIES.length]}, ул. Заводская, д. ${1 + (i % 90)}`,
  };
}

function isoDate(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

interface Plan {
  periods: number;
  ended: boolean;
}

/** What number `n` looks like: how many periods, whether it ended early (deterministic per number). */
function plan(n: number): Plan {
  const r = new Rng(`plan-${n}`);
  const x = r.next();
  return { periods: x < 0.8 ? 1 : x < 0.95 ? 2 : 3, ended: r.next() < 0.03 };
}

/** Period `p` (0-based) of number `n`; `variant` 1 is the changed day. */
function periodRow(n: number, p: number, pl: Plan, changed: string | null): GispValues {
  const r = new Rng(`row-${n}`);
  const org = organization(Math.floor(r.next() * ORGANIZATIONS));
  const [kind, okpd2, tnved] = PRODUCTS[Math.floor(r.next() * PRODUCTS.length)];
  const start = Math.floor(r.next() * 1500);
  const docDate = isoDate(start + p * 1096);
  const validTill = isoDate(start + p * 1096 + 1095);
  const last = p === pl.periods - 1;
  const several = r.next() < 0.25;
  const score = Math.round(r.next() * 2000) / 10;
  const endDate = last && pl.ended ? isoDate(start + p * 1096 + 400) : changed === 'exclude' && last ? isoDate(start + p * 1096 + 200) : null;
  return {
    makerName: org.name,
    ogrn: org.ogrn,
    inn: org.inn,
    makerAddress: org.address,
    productionAddress: r.next() < 0.3 ? `${org.address}, корп. 2` : null,
    primaryNumber: r.next() < 0.1 ? `РПП-${n}` : null,
    ektru: null,
    docDate,
    validTill,
    endDate,
    registerNumber: `${100000 + n}\\${1 + (n % 9)}\\${2015 + (n % 10)}`,
    productName: `${kind} ${String.fromCharCode(0x410 + (n % 32))}${n % 1000}-${n}${changed === 'correct' ? 'М' : ''}${n % 11 === 0 ? ', исполнение "В"' : ''}`,
    okpd2,
    tnved: several ? [tnved, EXTRA_TNVED[n % EXTRA_TNVED.length]] : [tnved],
    regulations: r.next() < 0.6 ? `ТУ ${26000 + (n % 999)}-${String(n % 1000).padStart(3, '0')}-${org.inn.slice(0, 8)}-20${15 + (n % 10)}` : null,
    score: r.next() < 0.8 ? score : null,
    percentage: r.next() < 0.1 ? Math.round(r.next() * 1000) / 10 : null,
    scoreDesc: null,
    isElectronic: r.next() < 0.4,
    isAi: r.next() < 0.02,
    level: r.next() < 0.4 ? 1 + (n % 3) : null,
    docName: 'Акт экспертизы ТПП',
    docDateBasis: isoDate(start + p * 1096 - 20),
    docNumber: `${String(n % 1000).padStart(3, '0')}-01-${String(n).padStart(6, '0')}`,
    docValidTillTpp: null,
    department: 'Департамент радиоэлектронной промышленности',
    conclusionNumber: r.next() < 0.5 ? `ЗК-${n}-${p + 1}` : null,
  };
}

/** The changes of day 2: ~0.4% renewals, ~0.3% early ends, ~0.2% corrections, and 0.1% new numbers. */
function change(n: number): string | null {
  const x = new Rng(`change-${n}`).next();
  return x < 0.004 ? 'renew' : x < 0.007 ? 'exclude' : x < 0.009 ? 'correct' : null;
}

function line(v: GispValues, n: number): string {
  let text = gispCsvLine(v);
  // some exporters write DD.MM.YYYY dates and decimal commas
  if (n % 20 === 0) text = text.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_m, y, m, d) => `${d}.${m}.${y}`);
  else if (n % 23 === 0 && v.score !== null) text = text.replace(`,${v.score.toFixed(1)},`, `,"${v.score.toFixed(1).replace('.', ',')}",`);
  return text;
}

/** Writes about `rows` rows; returns the number of rows and of distinct numbers written. */
async function generate(file: string, rows: number, changed: boolean): Promise<{ rows: number; numbers: number }> {
  // numbers needed for `rows` rows at 1.25 rows per number on average
  const numbers = Math.round(rows / 1.25);
  const out = fs.createWriteStream(file + '.tmp', { highWaterMark: 1 << 20 });
  let written = 0;
  let buffer = GISP_HEADER_LINE;
  const flush = async (force = false) => {
    if (buffer.length < 1 << 20 && !force) return;
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  const extra = changed ? Math.round(numbers * 0.001) : 0;
  for (let p = 0; p < 4; p++) {
    for (let n = 0; n < numbers + extra; n++) {
      const pl = n < numbers ? plan(n) : { periods: 1, ended: false };
      const c = changed && n < numbers ? change(n) : null;
      const periods = pl.periods + (c === 'renew' ? 1 : 0);
      if (p >= periods || (n >= numbers && !changed)) continue;
      buffer += line(periodRow(n, p, { ...pl, periods }, c), n);
      written++;
      await flush();
    }
  }
  await flush(true);
  out.end();
  await once(out, 'finish');
  fs.renameSync(file + '.tmp', file);
  return { rows: written, numbers: numbers + extra };
}

async function ensureFile(name: string, rows: number, changed: boolean, regenerate: boolean): Promise<string> {
  const file = path.join(DATA_DIR, `gisp-v${GENERATOR_VERSION}-${rows}${changed ? '-changed' : ''}.csv`);
  if (!regenerate && fs.existsSync(file)) return file;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const t = performance.now();
  const r = await generate(file, rows, changed);
  console.log(`generated ${name}: ${r.rows} rows, ${r.numbers} numbers, ${fmtMb(fs.statSync(file).size)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return file;
}

// ---------------------------------------------------------------------------------------------------------
// measurement

const fmtMb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

class RssSampler {
  peak = 0;
  private timer: NodeJS.Timeout | null = null;
  start() {
    this.peak = process.memoryUsage().rss;
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage().rss)), 25);
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
    return this.peak;
  }
}

interface Measured {
  operation: string;
  rows: number;
  seconds: number;
  peakRss: number;
  summary?: GispImportSummary;
}

async function parseOnly(file: string): Promise<number> {
  const reader = new CsvReader();
  let rows = 0;
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    for (const r of reader.push(chunk as string)) if ('fields' in r && r.line > 1 && !('message' in parseGispRow(r.fields, r.line))) rows++;
  }
  reader.end();
  return rows;
}

async function main() {
  if (flag('help')) {
    console.log('npx tsx bench/gisp.ts [--rows 1000000] [--regenerate] [--generate-only] [--no-write]');
    return;
  }
  const rows = Number(flag('rows') ?? 1_000_000);
  if (!Number.isInteger(rows) || rows < 100) throw new Error('--rows must be a whole number ≥ 100');
  const regenerate = flag('regenerate') === 'true';
  const base = await ensureFile('day 1', rows, false, regenerate);
  const changed = await ensureFile('day 2 (~1% changed)', rows, true, regenerate);
  if (flag('generate-only') === 'true') return;

  const dbFile = path.join(DATA_DIR, `gisp-bench-${rows}.sqlite`);
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabase(`sqlite:${dbFile}`);
  const results: Measured[] = [];
  let verified = '';
  const sampler = new RssSampler();
  try {
    await migrateToLatest(db);
    // makers known to the catalogue, to be linked by ИНН
    const now = new Date().toISOString();
    const orgs = Array.from({ length: ORGANIZATIONS / 50 }, (_, i) => organization(i * 50));
    await db.kysely
      .insertInto('organizations')
      .values(orgs.map((o) => ({ name: o.name, country: 'RU', inn: o.inn, ogrn: o.ogrn, source: 'bench', created_at: now, updated_at: now })))
      .execute();
    const services = createServices(db, { sessionTtlHours: 1 });

    const measure = async (operation: string, fn: () => Promise<{ rows: number; summary?: GispImportSummary }>) => {
      if (global.gc) global.gc();
      sampler.start();
      const t = performance.now();
      const r = await fn();
      const seconds = (performance.now() - t) / 1000;
      results.push({ operation, rows: r.rows, seconds, peakRss: sampler.stop(), summary: r.summary });
      console.log(`${operation}: ${seconds.toFixed(1)} s${r.summary ? ' ' + JSON.stringify({ ...r.summary, rejected: undefined }) : ''}`);
    };
    await measure('read and parse only (baseline)', async () => ({ rows: await parseOnly(base) }));
    const progress = (label: string) => {
      let last = 0;
      return (p: { phase: string; done: number; total: number }) => {
        const now = performance.now();
        if (now - last > 10_000) {
          last = now;
          console.log(`  ${label}: ${p.phase} ${Math.round((p.done / p.total) * 100)}%`);
        }
      };
    };
    const importFile = async (file: string, asOf: string, label: string) => {
      const r = await services.registryGisp.importFile(file, { asOf, onProgress: progress(label) });
      return { rows: r.rows, summary: r.summary };
    };
    await measure('first import (new database)', () => importFile(base, '2025-06-01', 'first import'));
    await measure('re-import, unchanged file', () => importFile(base, '2025-06-01', 're-import'));
    await measure('import with ~1% changed', () => importFile(changed, '2025-06-02', 'changed import'));
    // every decision of the three imports is in the verifiable log (what `reestr verify-log` runs)
    await measure('verify-log after the imports', async () => {
      const v = await services.registryLog.verify();
      if (!v.ok) throw new Error(`the registry log does not verify: ${JSON.stringify(v.problems.slice(0, 5))}`);
      verified = `ok: ${v.checkedEvents} events, ${v.checkpoints} checkpoints, ${v.checkedRecords} records checked`;
      return { rows: v.checkedEvents };
    });
  } finally {
    await db.close();
  }

  const target = (rows / 1_000_000) * TARGET_SECONDS_PER_MILLION;
  const header = ['operation', 'rows', 'seconds', 'rows/s', '× parse', 'peak RSS', 'target', 'pass/miss', 'summary'];
  // seconds as a multiple of reading and parsing the same file in the same run: comparable between runs on a
  // machine that other work slows down by different amounts
  const parseSeconds = results[0]?.seconds ?? NaN;
  const body = results.map((r, i) => {
    const s = r.summary;
    const summary = s
      ? `new ${s.new}, renewed ${s.renewed}, excluded ${s.excluded}, expired ${s.expired}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejectedRows}, events ${s.events}`
      : r.operation.startsWith('verify')
        ? verified
        : '';
    const isFirst = i === 1;
    return [
      r.operation,
      r.rows.toLocaleString('en-US'),
      r.seconds.toFixed(1),
      Math.round(r.rows / r.seconds).toLocaleString('en-US'),
      (r.seconds / parseSeconds).toFixed(1),
      fmtMb(r.peakRss),
      isFirst ? `≤ ${target.toFixed(0)} s` : '',
      isFirst ? (r.seconds <= target ? 'pass' : 'miss') : '',
      summary,
    ];
  });
  const table = markdownTable(header, body, new Set([1, 2, 3, 4, 5]));
  const text = [
    `ПП 719 open-data import benchmark — SQLite, ${rows.toLocaleString('en-US')} rows (${fmtMb(fs.statSync(base).size)}), Node ${process.version}`,
    '',
    table,
    '',
    'Peak RSS is the whole process sampled every 25 ms during each step. Other processes on the machine share its CPUs.',
    `× parse is the step's seconds divided by the first row's (reading and parsing the same file in this run); the target of ${TARGET_SECONDS_PER_MILLION} s per million rows is ${(target / parseSeconds).toFixed(1)} × parse in this run.`,
  ].join('\n');
  console.log('\n' + text);
  if (flag('no-write') !== 'true') {
    const out = path.join(BENCH_DIR, 'results', `${new Date().toISOString().slice(0, 10)}-gisp`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(`${out}.md`, `# ${text}\n`);
    fs.writeFileSync(`${out}.json`, JSON.stringify({ rows, results }, null, 2) + '\n');
    console.log(`\nwritten to ${path.relative(process.cwd(), out)}.md and .json`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
