/**
 * Text of a BOM → rows of trimmed cells, with the 1-based source line of each row. The delimiter (`,` `;`
 * tab or `|`) is the one that gives a consistent column count over most lines, so that preamble lines
 * (KiCad's `"Source:","…"`) before the header do not mislead it. Quotes and doubled quotes follow RFC 4180
 * but tolerantly: a quote opens a quoted cell only at the start of a cell, and a quote that never closes is
 * taken literally. Markdown tables turned to text (`| a | b |`, with the `|---|---|` row) are understood.
 * Never throws: ragged rows stay ragged, a 10 MB cell stays one cell. Pure code.
 */
import type { ParsedTable } from './types';

export type Delimiter = NonNullable<ParsedTable['delimiter']>;

export interface SplitTable {
  delimiter: ParsedTable['delimiter'];
  /** Non-blank rows of the source, preamble included, cells trimmed. */
  rows: string[][];
  /** 1-based source line on which each row starts (parallel to rows). */
  lines: number[];
}

const CANDIDATES: readonly Delimiter[] = ['\t', ';', ',', '|'];
/** How much of the text the delimiter is chosen from. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 400;

/** Excel's protection of text that looks like a number: ="0603" → 0603. */
function unwrapFormulaText(cell: string): string {
  const m = /^="(.*)"$/s.exec(cell);
  return m ? m[1].replace(/""/g, '"') : cell;
}

/** Parses delimiter-separated text. Blank lines give no row; a row's line is the line it starts on. */
export function parseDelimited(text: string, d: Delimiter, maxRows = Infinity): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const cellEnd = (from: number) => {
    let e = from;
    while (e < n) {
      const c = text[e];
      if (c === d || c === '\n' || c === '\r') break;
      e++;
    }
    return e;
  };
  const newlinesIn = (from: number, to: number) => {
    let count = 0;
    for (let k = from; k < to; k++) {
      const c = text[k];
      if (c === '\n') count++;
      else if (c === '\r' && text[k + 1] !== '\n') count++;
    }
    return count;
  };
  while (i < n && rows.length < maxRows) {
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      let j = i;
      while (j < n && (text[j] === ' ' || (text[j] === '\t' && d !== '\t'))) j++;
      let cell: string;
      if (text[j] === '"') {
        const parts: string[] = [];
        let k = j + 1;
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q < 0) break;
          parts.push(text.slice(k, q));
          if (text[q + 1] === '"') {
            parts.push('"');
            k = q + 2;
            continue;
          }
          closed = true;
          k = q + 1;
          break;
        }
        if (closed) {
          line += newlinesIn(j, k);
          const e = cellEnd(k);
          cell = parts.join('') + text.slice(k, e);
          i = e;
        } else {
          // a quote that never closes is a literal character, not the start of a cell spanning the file
          const e = cellEnd(j);
          cell = text.slice(i, e);
          i = e;
        }
      } else {
        const e = cellEnd(i);
        cell = text.slice(i, e);
        i = e;
      }
      cells.push(unwrapFormulaText(cell.trim()));
      if (i < n && text[i] === d) {
        i++;
        continue;
      }
      if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
      else if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (cells.length === 1 && cells[0] === '') continue;
    rows.push(cells);
    lines.push(rowLine);
  }
  return { rows, lines };
}

const MD_SEPARATOR = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

/** Markdown emphasis and code around a whole cell: **R1**, `R1`. */
function unwrapMarkdown(cell: string): string {
  let c = cell.replace(/\\\|/g, '|').trim();
  for (let depth = 0; depth < 3; depth++) {
    const m = /^(\*\*|__|`|\*|_)(.+)\1$/s.exec(c);
    if (!m) break;
    c = m[2].trim();
  }
  if (/^".*"$/s.test(c) && c.length >= 2) c = c.slice(1, -1).replace(/""/g, '"').trim();
  return c.replace(/<br\s*\/?>/gi, ' ').trim();
}

/** Pipe-separated text and Markdown tables: one row a line, `|---|` rows dropped, edge pipes removed. */
export function parsePipes(text: string, maxRows = Infinity): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let i = 0;
  let line = 0;
  while (i < n && rows.length < maxRows) {
    line++;
    let e = i;
    while (e < n && text[e] !== '\n' && text[e] !== '\r') e++;
    const raw = text.slice(i, e).trim();
    i = e < n && text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e + 1;
    if (raw === '' || (raw.includes('-') && MD_SEPARATOR.test(raw))) continue;
    let body = raw;
    if (body.startsWith('|')) {
      body = body.slice(1);
      if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
    }
    rows.push(body.split(/(?<!\\)\|/).map(unwrapMarkdown));
    lines.push(line);
  }
  return { rows, lines };
}

function parse(text: string, d: Delimiter, maxRows?: number) {
  return d === '|' ? parsePipes(text, maxRows) : parseDelimited(text, d, maxRows);
}

/** How consistently a delimiter splits the sample: rows having the most common column count (≥ 2). */
function consistency(rows: string[][]): { score: number; columns: number } {
  const freq = new Map<number, number>();
  for (const r of rows) if (r.length >= 2 && r.some((c) => c !== '')) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
  let best = { score: 0, columns: 0 };
  for (const [columns, score] of freq) if (score > best.score || (score === best.score && columns > best.columns)) best = { score, columns };
  return best;
}

/** Picks the delimiter from the first lines; null when no candidate splits any line (a single column). */
export function detectDelimiter(text: string): Delimiter | null {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep && (CANDIDATES as readonly string[]).includes(sep[1])) return sep[1] as Delimiter;
  let sample = text.slice(0, SAMPLE_CHARS);
  if (sample.length < text.length) {
    const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    if (lastBreak > 0) sample = sample.slice(0, lastBreak);
  }
  let best: { d: Delimiter; score: number; columns: number } | null = null;
  for (const d of CANDIDATES) {
    const c = consistency(parse(sample, d, SAMPLE_ROWS).rows);
    if (c.score === 0) continue;
    if (!best || c.score > best.score || (c.score === best.score && c.columns > best.columns)) best = { d, ...c };
  }
  return best?.d ?? null;
}

/** Splits the text of a BOM into rows of trimmed cells; see the module comment. */
export function splitTable(text: string): SplitTable {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  let offset = 0;
  const sep = /^sep=(.)(\r\n|\r|\n)/i.exec(body);
  if (sep) {
    body = body.slice(sep[0].length);
    offset = 1;
  }
  const { rows, lines } = parse(body, delimiter ?? ',');
  return { delimiter, rows, lines: offset ? lines.map((l) => l + offset) : lines };
}
