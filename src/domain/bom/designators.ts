/**
 * Reference designators as people write them: lists (`C1, C4`, `C1;C2`, `U1 U2`), ranges (`R1-R5`,
 * `R1–R5`, `R5 to R10`, `R1..R3`, `R1...R3` as in Russian lists, `R1-5`), shorthand (`C1,2,5`), any case,
 * Cyrillic look-alike letters (a Cyrillic С typed for C). Pure code.
 */

/** A single range expands to at most this many designators; a line holds at most MAX_DESIGNATORS. */
export const MAX_RANGE = 1000;
export const MAX_DESIGNATORS = 10_000;
/** Longer cells are not read (a designator list of MAX_DESIGNATORS entries is far shorter). */
export const MAX_TEXT = 200_000;
/** No designator is longer than this; longer tokens are reported without being matched against patterns. */
const MAX_TOKEN = 64;
/** At most this many error messages per cell. */
const MAX_ERRORS = 10;

/** Cyrillic capitals that look like Latin ones: designators are Latin letters (ГОСТ 2.710 too). */
const LOOK_ALIKES: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y' };

const RANGE = '\u0001'; // an unambiguous range mark: .. … – — to bis до
const HYPHEN = '\u0002'; // a hyphen between designators: a range, or part of a name such as J1-1

const SINGLE = /^\p{L}[\p{L}_]*\d+[\p{L}\d_.-]*$/u;
const START = /^(\p{L}[\p{L}_]*)(\d+)$/u;
const END = /^(\p{L}[\p{L}_]*)?(\d+)$/u;

/** The letters before the number: R for R12, LED for LED3, FB for FB1, DD for DD4. */
export function designatorPrefix(designator: string): string {
  return /^\p{L}[\p{L}_]*/u.exec(designator)?.[0] ?? '';
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

const fold = (s: string) => s.replace(/[АВЕКМНОРСТХУ]/g, (c) => LOOK_ALIKES[c]);

export function parseDesignators(text: string): { designators: string[]; errors: string[] } {
  const designators: string[] = [];
  const errors: string[] = [];
  const raw = text.trim();
  if (raw === '' || /^[-–—~]+$/.test(raw)) return { designators, errors };
  if (raw.length > MAX_TEXT) return { designators, errors: [`the designator list is too long (${raw.length} characters) to read`] };
  const t = fold(
    raw
      .replace(/\s+/g, ' ')
      .toUpperCase()
      .replace(/\s+(?:TO|BIS|THRU|THROUGH|ДО|ПО)\s+/gu, RANGE)
      .replace(/\s*(?:\.{2,}|…|[‒–—−÷])\s*/gu, RANGE)
      .replace(/(\p{L}\d+)\s*[-‐‑]\s*(?=\p{L}*\d)/gu, `$1${HYPHEN}`),
  );
  const seen = new Set<string>();
  const repeated: string[] = [];
  let capped = false;
  const add = (d: string) => {
    if (seen.has(d)) {
      if (!repeated.includes(d)) repeated.push(d);
      return;
    }
    if (designators.length >= MAX_DESIGNATORS) {
      capped = true;
      return;
    }
    seen.add(d);
    designators.push(d);
  };
  let lastPrefix: string | null = null;
  let unread = 0;
  const fail = (message: string) => {
    if (errors.length < MAX_ERRORS) errors.push(message);
    else unread++;
  };
  for (const token of t.split(/[\s,;+&]+/)) {
    if (token === '') continue;
    const shown = short(token.replaceAll(RANGE, '-').replaceAll(HYPHEN, '-'));
    if (token.length > MAX_TOKEN) {
      fail(`"${shown}" is not a designator`);
      continue;
    }
    const sep = token.includes(RANGE) ? RANGE : token.includes(HYPHEN) ? HYPHEN : null;
    if (sep) {
      const [left, right, ...rest] = token.split(sep);
      const a = START.exec(left);
      const b = END.exec(right ?? '');
      if (!a || !b || rest.length) {
        if (sep === HYPHEN && SINGLE.test(left) && !rest.length) {
          add(shown); // J1-A1, U1-1A: a name with a hyphen
          lastPrefix = designatorPrefix(left);
        } else fail(`"${shown}" is not a designator range`);
        continue;
      }
      const prefix = a[1];
      if (b[1] && b[1] !== prefix) {
        fail(`"${shown}" mixes designator prefixes ${prefix} and ${b[1]}`);
        continue;
      }
      const from = Number(a[2]);
      const to = Number(b[2]);
      if (sep === HYPHEN && !b[1] && to <= from) {
        add(shown); // J1-1, X2-1: a pin or sub-part name, not a range
        lastPrefix = prefix;
        continue;
      }
      const step = to >= from ? 1 : -1;
      const count = Math.abs(to - from) + 1;
      const width = a[2].length > 1 && a[2].startsWith('0') ? a[2].length : 0;
      if (count > MAX_RANGE) fail(`the range ${shown} has ${count} designators; only the first ${MAX_RANGE} are listed`);
      const lo = step > 0 ? from : to;
      for (let k = 0; k < Math.min(count, MAX_RANGE); k++) add(prefix + String(lo + k).padStart(width, '0'));
      lastPrefix = prefix;
      continue;
    }
    if (SINGLE.test(token)) {
      add(token);
      lastPrefix = designatorPrefix(token);
    } else if (/^\d+$/.test(token) && lastPrefix) {
      add(lastPrefix + token); // C1,2,5: the prefix carries over
    } else if (/^\p{L}+\?+$/u.test(token)) {
      fail(`${shown} is not annotated (no number)`);
    } else {
      fail(`"${shown}" is not a designator`);
    }
  }
  if (unread) errors.push(`… and ${unread} more unreadable designators`);
  if (repeated.length) errors.push(`repeated designators: ${repeated.slice(0, 10).join(', ')}${repeated.length > 10 ? ' …' : ''}`);
  if (capped) errors.push(`more than ${MAX_DESIGNATORS} designators; the rest are not listed`);
  return { designators, errors };
}

/** Designator prefixes of IEEE 315 / IPC and ГОСТ 2.710 that a cell must use to count as designators by content. */
const KNOWN_PREFIXES = new Set(
  'A B BA BQ BT BZ C CN D DA DD E F FB FID FU G H HL IC J JP K L LED LS M MH P Q R RN RT RV S SA SB SW T TP TR U VD VR VT X XP XS XT Y ZQ'.split(' '),
);

/** True when a cell reads as a designator list without errors (for telling a designator column by content). */
export function looksLikeDesignators(text: string): boolean {
  if (text.length > 1000 || !/\d/.test(text)) return false;
  const { designators, errors } = parseDesignators(text);
  return designators.length > 0 && errors.length === 0 && designators.every((d) => /^\p{L}{1,4}\d{1,4}$/u.test(d) && KNOWN_PREFIXES.has(designatorPrefix(d)));
}
