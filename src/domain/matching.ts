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
  'LVCH',
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
  'HCS',
  'LCX',
  'LVQ',
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
/** Type number: 2–5 digits (7400, 74138, 74LVC16245), or a single/dual/triple gate (74LVC1G00, 74LVC2G14). */
const LOGIC_PATTERN = new RegExp(`^(?:${LOGIC_VENDORS.join('|')})?(74|54)(${LOGIC_FAMILIES.join('|')})?((?:[123]G)?\\d{2,5})([A-Z].*)?$`);

/** 4000-series CMOS numbers (4000–4099, 4500–4599, 40100–40257): anything else with a TC/MC1 prefix is not CMOS logic. */
const CMOS_NUMBER = '40\\d{3}|4[05]\\d{2}';
/** 4000-series CMOS with vendor prefixes: CD4011BE, HEF4093BP, MC14011, HCF4017, CD40106BE. "UB" (unbuffered) is kept. */
const CMOS_PATTERN = new RegExp(`^(?:CD|HEF|HCF|HCC|TC|IW|MC1)?(${CMOS_NUMBER})(UB)?(B)?([A-Z].*)?$`);
/** Motorola writes the five-digit CD401xx types as MC141xx (MC14106 = CD40106, MC14174 = CD40174). */
const MOTOROLA_401XX = /^MC14(1\d\d)(?!\d)/;
/** 74-series numbers that are the 4000-series function in a 74 logic family (74HC4066 = CD4066, 74HC4017 = CD4017). */
const CMOS_IN_74 = new RegExp(`^(?:${CMOS_NUMBER})$`);

/** Lead-free, tape-and-reel and distributor tails that never change the part. */
const PACKAGING_TAILS = [/#TRPBF$/, /#PBF$/, /\/NOPB$/, /\+T$/, /\+$/, /\/TR$/, /-TR$/, /-ND$/];

/** Families whose identity continues past the first number (STM32F103C8T6 → STM32F103). */
const SPECIAL_BASES: { pattern: RegExp; base: (m: RegExpExecArray) => string }[] = [
  { pattern: /^((?:STM|GD|APM|CH|AT)32[A-Z]\d{3})/, base: (m) => m[1] },
  // AVR variant letters (P, PA, PB, A, L, V, U4 = USB) only when what follows is a speed grade and/or a
  // package code of two letters or more: ATMEGA328P-AU is 328P + AU (not 328PA + U), ATMEGA328-PU is 328 + PU.
  { pattern: /^(ATMEGA\d+)(U\d|PB|PA|P|A|L|V)?(?=$|\|?\d*[A-Z]{2})/, base: (m) => m[1] + (m[2] ?? '') },
  { pattern: /^(ATTINY\d+)(A)?(?=$|\|?\d*[A-Z]{2})/, base: (m) => m[1] + (m[2] ?? '') },
  // PIC: family digits, F/LF/C/FJ…, number with an optional K/J/Q/F/G? group (PIC18F45K22, PIC24FJ64GA002) and
  // revision A; the temperature letter after it (PIC18F4550-I/P) is not part of the type
  { pattern: /^(PIC\d{2}[A-Z]{1,2}\d{2,5}(?:(?:[FJKQ]|G[A-Z])\d{2,3})?A?)/, base: (m) => m[1] },
  // zener diodes: the voltage code is part of the identity (BZX84C5V1 ≠ BZX84C12, BZT52C5V1 ≠ BZT52C12)
  { pattern: /^((?:BZX|BZV|BZT|MMSZ|MM\dZ|ZMM)\d*[A-Z]?\d+V?\d*)/, base: (m) => m[1] },
];

/**
 * Industry-standard linear types that many makers sell under their own prefix: LM7805 = μA7805 = MC7805 = L7805,
 * LM741 = μA741, NE555 = LM555 = SE555 (military). Same function, another maker: a family match, not a base one.
 */
const LINEAR_VENDORS = ['LM', 'UA', 'MC', 'KA', 'NJM', 'JRC', 'AN', 'NE', 'SE', 'SA', 'RC', 'TL', 'AZ', 'L'];
const LINEAR_TYPES = ['7[89][LM]?\\d{2}', '317', '337', '723', '741', '747', '555', '556', '358', '324', '393', '339', '311', '386', '431', '4558'];
/** The whole base is a standard linear type, with or without a vendor prefix (556PT9 is not an NE556). */
const LINEAR_PATTERN = new RegExp(`^(?:${LINEAR_VENDORS.join('|')})?(${LINEAR_TYPES.join('|')})$`);

export interface ForeignPartKeys {
  /** Normalised key (upper case, separators dropped, look-alike Cyrillic folded). */
  key: string;
  /** Base key: vendor prefix and packaging/temperature suffix stripped. */
  base: string;
  /** Function key shared by every logic family and temperature range of the same function (74x00), or by every
   * maker of a standard linear type (LM7805, μA7805). */
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
 * Generic base: leading letters and the first number. The identity continues with one more letters+number
 * group when the leading letters are at most one (1N4148, 2N2222A, P6KE6.8CA, 1.5SMC68CA), or when the first
 * number is a short series code of one or two digits followed by letters and a number of two digits or more
 * (AM26LS31 ≠ AM26LS32, AT24C02, DS18B20, SN65HVD230, LM78L05, TPS7A4700, NRF24L01) — but not a one-digit
 * reel code (BSS84LT1G is BSS84). Dots between digits are kept, so 1.5SMC68CA and 1.5SMC6.8CA stay distinct.
 * `|` marks where the part number had a separator between digits (AMS1117-3.3, BD139-16): the number ends there.
 */
function genericBase(key: string): string {
  const m = /^([A-Z]*)(\d+(?:\.\d+)*)/.exec(key);
  if (!m) return key.replace(/\|/g, '');
  let base = m[0];
  const rest = key.slice(base.length);
  const more = m[1].length <= 1 ? /^[A-Z]{1,4}\d+(?:\.\d+)*/.exec(rest) : /^\d{1,2}$/.test(m[2]) ? /^[A-Z]{1,4}\d{2,}/.exec(rest) : null;
  if (more) base += more[0];
  return base;
}

/** A separator between digits ends a type number (AMS1117-3.3, BD139-16, BAV99-7-F): marked `|` for genericBase. */
const markNumberBreaks = (partNumber: string) => partNumber.normalize('NFKC').replace(/(\d{2})[\s\-‐‑–—_]+(?=\d)/g, '$1|');

export function foreignPartKeys(partNumber: string): ForeignPartKeys {
  const key = partNumberKey(partNumber);
  // a Cyrillic letter left after the look-alikes are folded (Л, И, Д …) is in no foreign part number: 555ЛА3 is a
  // domestic designation, not an NE555 with a suffix, so nothing is stripped and it has no family
  if (/\p{Script=Cyrillic}/u.test(key)) return { key, base: key, family: null, suffix: '', logic: null };
  const clean = stripPackaging(key);
  const logic = LOGIC_PATTERN.exec(clean);
  if (logic) {
    const [, series, family = '', number] = logic;
    const base = `${series}${family}${number}`;
    return {
      key,
      base,
      family: CMOS_IN_74.test(number) ? `4000X${number}` : `74X${number}`,
      suffix: key.slice(key.indexOf(base) + base.length),
      logic: { series: series as '74' | '54', family, number },
    };
  }
  const cmos = CMOS_PATTERN.exec(clean.replace(MOTOROLA_401XX, 'MC140$1'));
  if (cmos) {
    const base = cmos[1] + (cmos[2] ?? '');
    return { key, base, family: `4000X${cmos[1]}`, suffix: (cmos[3] ?? '') + (cmos[4] ?? ''), logic: null };
  }
  const split = stripPackaging(partNumberKey(markNumberBreaks(partNumber)));
  for (const special of SPECIAL_BASES) {
    const m = special.pattern.exec(split);
    if (m) {
      const base = special.base(m);
      return { key, base, family: null, suffix: key.slice(base.length), logic: null };
    }
  }
  const base = genericBase(split);
  const linear = LINEAR_PATTERN.exec(base);
  return { key, base, family: linear ? `LINX${linear[1]}` : null, suffix: key.slice(base.length), logic: null };
}

/** Logic family shown in notes: HC, LS, TTL (plain 7400) for the 74/54 series; CD4000 or CD4000UB for 4000-series CMOS. */
function logicFamilyLabel(k: ForeignPartKeys): string | null {
  if (k.logic) return k.logic.family || 'TTL';
  if (k.family?.startsWith('4000X')) return k.base.endsWith('UB') ? 'CD4000UB' : 'CD4000';
  return null;
}

/** Why two foreign parts with the same family key differ (HC vs LS, 54 vs 74, 74HC4066 vs CD4066, UB vs B). */
export function familyNotes(query: ForeignPartKeys, found: ForeignPartKeys): Note[] {
  const notes: Note[] = [];
  const [q, f] = [logicFamilyLabel(query), logicFamilyLabel(found)];
  if (q && f && q !== f) notes.push({ code: 'logic_family', params: { query: q, found: f } });
  if (query.logic && found.logic && query.logic.series !== found.logic.series)
    notes.push({ code: 'temperature_range', params: { query: query.logic.series, found: found.logic.series } });
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

/** Latin letters read as the Cyrillic letter they look like, and the others by sound (KP1533LA3 → КР1533ЛА3). */
const LATIN_TO_CYRILLIC_LOOKALIKE_FIRST: [string, string][] = [
  ['A', 'А'],
  ['B', 'В'],
  ['C', 'С'],
  ['E', 'Е'],
  ['H', 'Н'],
  ['K', 'К'],
  ['M', 'М'],
  ['O', 'О'],
  ['P', 'Р'],
  ['T', 'Т'],
  ['X', 'Х'],
  ['Y', 'У'],
  ['D', 'Д'],
  ['F', 'Ф'],
  ['G', 'Г'],
  ['I', 'И'],
  ['L', 'Л'],
  ['N', 'Н'],
  ['R', 'Р'],
  ['S', 'С'],
  ['U', 'У'],
  ['V', 'В'],
  ['Z', 'З'],
];

/** Latin letters of a group to Cyrillic by a table (Cyrillic letters pass); null when a letter has no reading. */
function toCyrillic(group: string, table: [string, string][]): string | null {
  let out = '';
  for (let i = 0; i < group.length;) {
    if (!/[A-Z]/.test(group[i])) {
      out += group[i++];
      continue;
    }
    const pair = table.find(([latin]) => group.startsWith(latin, i));
    if (!pair) return null;
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

/**
 * Keys of a designation as stored (Cyrillic or mixed input). The elements are found on the text before the
 * letters are folded, because two function letters may fold to more than two (ВЖ → BZH, ПЦ → PTS).
 */
export function designationKeys(designation: string): DesignationKeys {
  const key = designationKey(designation);
  const text = canonicalText(designation).replace(/[-‐‑–—_.,/\\]/g, '');
  const m = /^(\p{L}{0,3})(\d{3,4})(\p{L}{2})(\d{1,3})(.*)$/u.exec(text);
  if (!m) return { key, base: null, family: null, prefix: '', suffix: '' };
  const [prefix, series, fn, number, suffix] = m.slice(1).map(designationKey);
  return { key, base: prefix + series + fn + number, family: series + fn + number, prefix, suffix };
}

export type ReadingVia = 'typed' | 'latin_form' | 'lookalike_form';

/** The start of a designation as typed so far: prefix letters, series, maybe function letters and number. */
const DESIGNATION_FRAGMENT = /^[A-ZА-ЯЁ]{0,3}\d{3,4}[A-ZА-ЯЁ]{0,2}\d{0,3}$/;

/**
 * The ways a typed query may denote a domestic designation: as typed (Cyrillic, or with Latin look-alike
 * letters), read as the official Latin form (KR1533LA3 → КР1533ЛА3), and read letter by letter as look-alike
 * first, sound second (KP1533LA3 → КР1533ЛА3). Each reading gives the stored-key form; a fragment typed in Latin
 * (kp1533la) is read too, for prefix and fuzzy matching.
 */
export function designationReadings(query: string): { keys: DesignationKeys; via: ReadingVia }[] {
  const text = canonicalText(query).replace(/[-‐‑–—_.,/\\]/g, '');
  const readings: { keys: DesignationKeys; via: ReadingVia }[] = [{ keys: designationKeys(text), via: 'typed' }];
  if (!/[A-Z]/.test(text)) return readings;
  const m = DESIGNATION_SHAPE.exec(text);
  for (const [table, via] of [
    [LATIN_TO_CYRILLIC_OFFICIAL, 'latin_form'],
    [LATIN_TO_CYRILLIC_LOOKALIKE_FIRST, 'lookalike_form'],
  ] as const) {
    let cyrillic: string | null;
    if (m) {
      const prefix = toCyrillic(m[1], table);
      const fn = toCyrillic(m[3], table);
      cyrillic = prefix === null || fn === null || [...fn].length !== 2 ? null : `${prefix}${m[2]}${fn}${m[4]}${toCyrillic(m[5], table) ?? m[5]}`;
    } else cyrillic = DESIGNATION_FRAGMENT.test(text) ? toCyrillic(text, table) : null;
    if (cyrillic === null) continue;
    const keys = designationKeys(cyrillic);
    if (readings.some((r) => r.keys.key === keys.key)) {
      // same key, but only the Cyrillic reading parses (K555PTS1 = К555ПЦ1): keep its base and family
      if (readings[0].keys.base === null && readings[0].keys.key === keys.key) readings[0] = { keys, via: 'typed' };
      continue;
    }
    readings.push({ keys, via });
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
