/** The result table: printed on stdout, written as Markdown and JSON to bench/results. */

export interface ResultRow {
  operation: string;
  database: 'SQLite' | 'PostgreSQL';
  dataSize: string;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs?: number | null;
  throughput: number | null;
  peakRssBytes: number | null;
  target: string | null;
  /** null when no target applies. */
  pass: boolean | null;
}

const ms = (v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const rate = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));
const mb = (v: number | null) => (v === null ? '—' : `${Math.round(v / 1024 / 1024)} MB`);

export function cells(r: ResultRow, fullScale: boolean): string[] {
  const verdict = r.pass === null ? '' : r.pass ? 'pass' : 'MISS';
  return [
    r.operation,
    r.database,
    r.dataSize,
    ms(r.p50Ms),
    ms(r.p95Ms),
    rate(r.throughput),
    mb(r.peakRssBytes),
    r.target ?? '—',
    fullScale || !verdict ? verdict : `(${verdict.toLowerCase()})`,
  ];
}

export const HEADER = ['operation', 'database', 'data size', 'p50', 'p95', 'throughput req/s', 'peak RSS', 'target', 'pass/miss'];
const RIGHT = new Set([3, 4, 5, 6]);

export function textTable(rows: ResultRow[], fullScale: boolean): string {
  const body = rows.map((r) => cells(r, fullScale));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (RIGHT.has(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function markdownTable(header: string[], body: string[][], right: Set<number> = RIGHT): string {
  const esc = (v: string) => v.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (right.has(i) ? '---:' : '---')).join('|')}|`,
    ...body.map((c) => `| ${c.map(esc).join(' | ')} |`),
  ].join('\n');
}

export const fmt = { ms, rate, mb };
