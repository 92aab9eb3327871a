/**
 * Part-number intelligence: the keys under which a designation or a foreign part number is found, and
 * the tiers that say how sure a match is. Pure code; repositories store these keys and query them.
 *
 * Tiers, strongest first: exact (as typed) · normalised (same key after case, separators, look-alike
 * letters, official Latin form) · base (packaging/temperature/lead-free suffix or vendor prefix stripped) ·
 * family (same function in another logic family, temperature range or package variant) · prefix (typing in
 * progress) · fuzzy (trigram similarity) · fulltext (Russian morphology over function texts) · parametric.
 * Only `exact` is an identity; everything else is a candidate and is reported with the reason.
 */
import { canonicalText, designationKey } from './designation';
import { partNumberKey } from './part-number';

export const TIERS = ['exact', 'normalised', 'base', 'family', 'prefix', 'fuzzy', 'fulltext', 'parametric'] as const;
export type Tier = (typeof TIERS)[number];

/** Base score of each tier; within a tier, similarity may add a little (never enough to pass a stronger tier). */
export const TIER_SCORE: Record<Tier, number> = {
  exact: 1,
  normalised: 0.95,
  base: 0.85,
  family: 0.7,
  prefix: 0.6,
  fuzzy: 0.4,
  fulltext: 0.3,
  parametric: 0.2,
};

export const strongerTier = (a: Tier, b: Tier) => (TIER_SCORE[a] >= TIER_SCORE[b] ? a : b);

export type NoteCode =
  'logic_family' | 'temperature_range' | 'suffix_stripped' | 'variant' | 'similar' | 'text_match' | 'parameter_match' | 'latin_form' | 'lookalike_letters';

export interface Note {
  code: NoteCode;
  params: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------------------
// Foreign part numbers

/** 7400-series logic families, longest first so that HCT is not read as HC + T. */
const LOGIC_FAMILIES = [
  'ALVCH',
  'ALVC',
  'ALVT',
  'AHCT',
  'VHCT',
  'ALS',
  'AHC',
  'AUC',
  'AUP',
  'LVC',
  'LVT',
  'LVX',
  'ABT',
  'ACT',
  'BCT',
  'FCT',
  'HCT',
  'HCU',
  'LCX',
  'VHC',
  'AC',
  'AS',
  'HC',
  'LS',
  'LV',
  'F',
  'S',
  'L',
  'H',
  'C',
];
/** Vendor prefixes in front of 74/54-series numbers (SN74…, MM74…, IN74… of Integral). */
const LOGIC_VENDORS = ['SN', 'MC', 'MM', 'DM', 'HD', 'TC', 'IN', 'IW', 'KS', 'NLV', 'NL', 'CD', 'IDT', 'M', 'N', 'U'];
const LOGIC_PATTERN = new RegExp(`^(?:${LOGIC_VENDORS.join('|')})?(74|54)(${LOGIC_FAMILIES.join('|')})?(\\d{2,4})([A-Z].*)?$`);

/** 4000-series CMOS with vendor prefixes: CD4011BE, HEF4093BP, MC14011, HCF4017. "UB" (unbuffered) is kept. */
const CMOS_PATTERN = /^(?:CD|HEF|HCF|TC|IW|MC1)?(4\d{3})(UB)?(B)?([A-Z][A-Z0-9]*)?$/;

/** Lead-free, tape-and-reel and distributor tails that never change the part. */
const PACKAGING_TAILS = [/#TRPBF$/, /#PBF$/, /\/NOPB$/, /\+T$/, /\+$/, /\/TR$/, /-TR$/, /-ND$/];

/** Families whose identity continues past the first number (STM32F103C8T6 → STM32F103). */
const SPECIAL_BASES: { pattern: RegExp; base: (m: RegExpExecArray) => string }[] = [
  { pattern: /^((?:STM|GD|APM|CH|AT)32[A-Z]\d{3})/, base: (m) => m[1] },
  { pattern: /^(ATMEGA\d+)(PB|PA|P|A|L|V)?/, base: (m) => m[1] + (m[2] ?? '') },
  { pattern: /^(ATTINY\d+)(A)?/, base: (m) => m[1] + (m[2] ?? '') },
  { pattern: /^(PIC\d{2}[A-Z]{1,2}\d{2,4}[A-Z]?)/, base: (m) => m[1] },
  // zener diodes: the voltage code is part of the identity (BZX84C5V1 ≠ BZX84C12)
  { pattern: /^((?:BZX|BZV|MMSZ|MM\dZ)\d*[A-Z]?\d+V?\d*)/, base: (m) => m[1] },
];

export interface ForeignPartKeys {
  /** Normalised key (upper case, separators dropped, look-alike Cyrillic folded). */
  key: string;
  /** Base key: vendor prefix and packaging/temperature suffix stripped. */
  base: string;
  /** Function key shared by every logic family and temperature range of the same function (74x00). */
  family: string | null;
  /** What was stripped from the key to reach the base, for the explanation. */
  suffix: string;
  logic: { series: '74' | '54'; family: string; number: string } | null;
}

function stripPackaging(key: string): string {
  let k = key;
  for (let changed = true; changed;) {
    changed = false;
    for (const tail of PACKAGING_TAILS) {
      const next = k.replace(tail, '');
      if (next !== k && next.length > 0) {
        k = next;
        changed = true;
      }
    }
  }
  return k;
}

/**
 * Generic base: leading letters and the first number; when the leading letters are at most one (1N4148,
 * 2N2222A, P6KE6.8CA, 1.5SMC68CA) the identity continues with one more letters+number group.
 * Dots between digits are kept, so 1.5SMC68CA and 1.5SMC6.8CA stay distinct.
 */
function genericBase(key: string): string {
  const m = /^([A-Z]*)(\d+(?:\.\d+)*)/.exec(key);
  if (!m) return key;
  let base = m[0];
  if (m[1].length <= 1) {
    const more = /^[A-Z]{1,4}\d+(?:\.\d+)*/.exec(key.slice(base.length));
    if (more) base += more[0];
  }
  return base;
}

export function foreignPartKeys(partNumber: string): ForeignPartKeys {
  const key = partNumberKey(partNumber);
  const clean = stripPackaging(key);
  const logic = LOGIC_PATTERN.exec(clean);
  if (logic) {
    const [, series, family = '', number] = logic;
    const base = `${series}${family}${number}`;
    return {
      key,
      base,
      family: `74X${number}`,
      suffix: key.slice(key.indexOf(base) + base.length),
      logic: { series: series as '74' | '54', family, number },
    };
  }
  const cmos = CMOS_PATTERN.exec(clean);
  if (cmos) {
    const base = cmos[1] + (cmos[2] ?? '');
    return { key, base, family: `4000X${cmos[1]}`, suffix: (cmos[3] ?? '') + (cmos[4] ?? ''), logic: null };
  }
  for (const special of SPECIAL_BASES) {
    const m = special.pattern.exec(clean);
    if (m) {
      const base = special.base(m);
      return { key, base, family: null, suffix: key.slice(base.length), logic: null };
    }
  }
  const base = genericBase(clean);
  return { key, base, family: null, suffix: key.slice(base.length), logic: null };
}

/** Why two foreign parts with the same family key differ (HC vs LS, 54 vs 74). */
export function familyNotes(query: ForeignPartKeys, found: ForeignPartKeys): Note[] {
  const notes: Note[] = [];
  if (query.logic && found.logic) {
    if (query.logic.family !== found.logic.family)
      notes.push({ code: 'logic_family', params: { query: query.logic.family || 'TTL', found: found.logic.family || 'TTL' } });
    if (query.logic.series !== found.logic.series) notes.push({ code: 'temperature_range', params: { query: query.logic.series, found: found.logic.series } });
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------------------
// Domestic designations

/** Latin letters back to Cyrillic in the official transliteration (KR1533LA3 → КР1533ЛА3). */
const LATIN_TO_CYRILLIC_OFFICIAL: [string, string][] = [
  ['SCH', 'Щ'],
  ['ZH', 'Ж'],
  ['KH', 'Х'],
  ['TS', 'Ц'],
  ['CH', 'Ч'],
  ['SH', 'Ш'],
  ['YU', 'Ю'],
  ['YA', 'Я'],
  ['A', 'А'],
  ['B', 'Б'],
  ['V', 'В'],
  ['G', 'Г'],
  ['D', 'Д'],
  ['E', 'Е'],
  ['Z', 'З'],
  ['I', 'И'],
  ['K', 'К'],
  ['L', 'Л'],
  ['M', 'М'],
  ['N', 'Н'],
  ['O', 'О'],
  ['P', 'П'],
  ['R', 'Р'],
  ['S', 'С'],
  ['T', 'Т'],
  ['U', 'У'],
  ['F', 'Ф'],
  ['X', 'Х'],
  ['Y', 'Ы'],
];

function latinLettersToCyrillic(letters: string): string {
  let out = '';
  for (let i = 0; i < letters.length;) {
    const pair = LATIN_TO_CYRILLIC_OFFICIAL.find(([latin]) => letters.startsWith(latin, i));
    if (!pair) return '';
    out += pair[1];
    i += pair[0].length;
  }
  return out;
}

/** Shape of a designation in any script: prefix letters, series digits, two function letters, number, suffix. */
const DESIGNATION_SHAPE = /^(\p{L}{0,3})(\d{3,4})(\p{L}{2}|[A-Z]{2,4})(\d{1,3})(.*)$/u;

export interface DesignationKeys {
  /** Skeleton key (look-alike letters folded), as stored in designation_key. */
  key: string;
  /** Key without the suffix letters (К155ЛА3А → К155ЛА3). */
  base: string | null;
  /** Key without prefix letters and suffix: the same die in every package and acceptance (КР/К/Н/…). */
  family: string | null;
  prefix: string;
  suffix: string;
}

/** Keys of a designation as stored (Cyrillic or mixed input). */
export function designationKeys(designation: string): DesignationKeys {
  const key = designationKey(designation);
  const m = /^([A-Z]{0,3})(\d{3,4})([A-Z]{2})(\d{1,3})(.*)$/.exec(key);
  if (!m) return { key, base: null, family: null, prefix: '', suffix: '' };
  const [, prefix, series, fn, number, suffix] = m;
  return { key, base: prefix + series + fn + number, family: series + fn + number, prefix, suffix };
}

/**
 * The ways a typed query may denote a domestic designation: as typed (Cyrillic, or with Latin look-alike
 * letters), and read as the official Latin form (KR1533LA3 → КР1533ЛА3). Each reading gives stored-key form.
 */
export function designationReadings(query: string): { keys: DesignationKeys; via: 'typed' | 'latin_form' }[] {
  const text = canonicalText(query).replace(/[-‐‑–—_.,/\\]/g, '');
  const readings: { keys: DesignationKeys; via: 'typed' | 'latin_form' }[] = [{ keys: designationKeys(text), via: 'typed' }];
  const m = DESIGNATION_SHAPE.exec(text);
  if (m && /^[A-Z]*$/.test(m[1] + m[3])) {
    const prefix = latinLettersToCyrillic(m[1]);
    const fn = latinLettersToCyrillic(m[3]);
    if ((m[1] === '' || prefix) && fn.length === 2) {
      const cyrillic = `${prefix}${m[2]}${fn}${m[4]}${m[5]}`;
      const keys = designationKeys(cyrillic);
      if (keys.key !== readings[0].keys.key) readings.push({ keys, via: 'latin_form' });
    }
  }
  return readings;
}

/** True when a query mixes Latin look-alike letters into a Cyrillic designation (KP1533ЛA3). */
export function hasLookalikeMix(query: string): boolean {
  const t = canonicalText(query);
  return /[А-ЯЁ]/.test(t) && /[ABCEHKMOPTXY]/.test(t);
}

// ---------------------------------------------------------------------------------------------------------
// Trigram similarity (used to re-score fuzzy candidates identically on both databases)

export function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Jaccard similarity of the trigram sets, 0…1. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const x = trigrams(a);
  const y = trigrams(b);
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common);
}

export const FUZZY_THRESHOLD = 0.35;

/** Similarity for fuzzy candidates: trigram similarity, or at least 0.5 when the stored key contains the query. */
export function fuzzySimilarity(query: string, stored: string): number {
  const s = similarity(query, stored);
  return query.length >= 3 && stored.includes(query) ? Math.max(s, 0.5) : s;
}
