/**
 * Generic passive and mechanical parts of a BOM: resistors, capacitors, inductors and ferrite beads written
 * as values (100n, 4u7, 1k5, 10uF/16V) or as manufacturer part numbers whose structure is known (Yageo,
 * Murata, Samsung, Vishay, TDK, Panasonic, KEMET, AVX, UniOhm, Fenghua, Bourns, Stackpole, KOA, Walsin),
 * mounting holes, test points, fiducials, connectors, and a few unspecified parts (an LED given only by its
 * colour, a crystal given only by its frequency). These are not matched against the registry as imports.
 * An integrated circuit or a transistor (74HC00, NE555P, STM32F103C8Tx, MMBTA42) is never generic. Pure code.
 */
import { parseQuantity, type Quantity } from '../units';
import { designatorPrefix } from './designators';
import type { BomLine } from './types';

export type Generic = NonNullable<BomLine['generic']>;
export type GenericKind = Generic['kind'];

export interface GenericInput {
  designators: string[];
  value: string | null;
  partNumber: string | null;
  description: string | null;
  package: string | null;
}

/** Longer texts are not read. */
const MAX_TEXT = 500;

type Passive = 'resistor' | 'capacitor' | 'inductor' | 'ferrite';

const UNIT_OF: Record<Passive, string> = { resistor: 'Ω', capacitor: 'F', inductor: 'H', ferrite: 'Ω' };

/** Designator prefixes (IEEE 315 / IPC, KiCad, ГОСТ 2.710) by kind. JP is a jumper: solder pads or a header. */
const PREFIX_KIND: Record<string, GenericKind | 'jumper'> = {
  R: 'resistor',
  C: 'capacitor',
  L: 'inductor',
  FB: 'ferrite',
  H: 'mechanical',
  MH: 'mechanical',
  HOLE: 'mechanical',
  TP: 'mechanical',
  FID: 'mechanical',
  FD: 'mechanical',
  LOGO: 'mechanical',
  J: 'connector',
  P: 'connector',
  X: 'connector',
  XS: 'connector',
  XP: 'connector',
  XT: 'connector',
  XW: 'connector',
  CN: 'connector',
  CON: 'connector',
  CONN: 'connector',
  JP: 'jumper',
};
const LED_PREFIXES = new Set(['D', 'LED', 'HL', 'VD']);
const CRYSTAL_PREFIXES = new Set(['Y', 'XTAL', 'ZQ', 'BQ', 'QZ']);

const SI_PREFIXES: [number, string][] = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
];

/** 4.7e-6 F → "4.7 µF", 1500 Ω → "1.5 kΩ", 0 Ω → "0 Ω". */
export function formatQuantity(q: Quantity): string {
  const v = q.value;
  if (v === 0) return `0 ${q.unit}`.trim();
  for (const [factor, prefix] of SI_PREFIXES) {
    if (Math.abs(v) >= factor * 0.9995 || factor === 1e-12) return `${Number((v / factor).toPrecision(4))} ${prefix}${q.unit}`.trim();
  }
  return `${v} ${q.unit}`;
}

/** EIA value codes: 104 → 10·10⁴, 1002 → 100·10², 4R7 → 4.7, R47 → 0.47 (in pF for capacitors, Ω for resistors). */
export function eiaCode(code: string): number | null {
  const c = code.toUpperCase();
  if (/^\d*R\d*$/.test(c) && c !== 'R') return Number(c.replace('R', '.'));
  const m = /^(\d{2,3})(\d)$/.exec(c);
  if (!m) return null;
  const exp = Number(m[2]);
  const mult = exp === 8 ? 0.01 : exp === 9 ? 0.1 : 10 ** exp;
  return Number((Number(m[1]) * mult).toPrecision(12));
}

const pico = (code: string): Quantity | null => {
  const v = eiaCode(code);
  return v === null ? null : { value: Number((v * 1e-12).toPrecision(12)), unit: 'F' };
};
const ohms = (code: string): Quantity | null => {
  const rkm = /^\d*[RKM]\d*$/.test(code) ? parseQuantity(code, 'Ω') : null;
  if (rkm?.unit === 'Ω') return rkm;
  const v = eiaCode(code);
  return v === null ? null : { value: v, unit: 'Ω' };
};

const DIELECTRIC = '(?:NPO|NP0|COG|C0G|X7R|X5R|X7S|X6S|X7T|X8R|Y5V|Z5U|JB|CH)';
const CAP_CODE = '(\\d{3}|\\dR\\d|R\\d{2})';
const RES_CODE = '(\\d{3,4}|\\d*R\\d*)';
const SIZE = '(?:01005|0201|0402|0603|0805|1206|1210|1806|1812|2010|2220|2512)';

/** Manufacturer part numbers of passives, with the way to read the value where the number encodes it. */
const PART_PATTERNS: { re: RegExp; kind: Passive; value?: (m: RegExpExecArray) => Quantity | null }[] = [
  // Yageo thick/thin film resistors: RC0603FR-0720KL (20 kΩ), RC0402JR-070RL (0 Ω), AC0603FR-0710KL
  { re: /^(?:RC|RT|AC|AT|AF|RL|RE|YC)\d{4}[A-Z]{2}-?\d{2}(\d*[RKM]\d*)L$/, kind: 'resistor', value: (m) => ohms(m[1]) },
  // Yageo MLCC: CC0603KRX7R9BB104
  { re: new RegExp(`^CC${SIZE}[A-Z][A-Z]${DIELECTRIC}\\d[A-Z]{2}${CAP_CODE}$`), kind: 'capacitor', value: (m) => pico(m[1]) },
  // Murata MLCC: GRM188R71H104KA93D, GCM155R71C104KA55D
  {
    re: /^(?:GRM|GCM|GRT|GJM|GQM|GCJ|GCQ|GMA|GRJ|KRM|KCM)\d{2}[0-9A-Z][0-9A-Z]{2}[0-9A-Z]{2}(\d{3}|\dR\d|R\d{2})[A-Z]/,
    kind: 'capacitor',
    value: (m) => pico(m[1]),
  },
  // Murata ferrite beads: BLM18PG221SN1D (220 Ω at 100 MHz); TDK MPZ/MMZ, Taiyo Yuden BK/FBMH, Sunlord GZ
  { re: /^BLM\d{2}[A-Z]{2}(\d{3})[A-Z]/, kind: 'ferrite', value: (m) => ohms(m[1]) },
  { re: /^(?:MPZ|MMZ|HZ)\d{4}[A-Z]?(\d{3})[A-Z]/, kind: 'ferrite', value: (m) => ohms(m[1]) },
  { re: /^(?:BK|FBMH|FBMJ|GZ|CBG)\d{4}/, kind: 'ferrite' },
  // Murata, TDK, Bourns, Sunlord inductors
  { re: /^(?:LQ[GHMPW]|MLF|MLZ|VLS|VLF|SPM|NLV|CLF|SRR|SRN|SRU|SDR|SRP|MWSA|SWPA|XAL|XFL|LPS)\d{2,4}/, kind: 'inductor' },
  // Samsung MLCC: CL10B104KB8NNNC; Samsung resistors: RC1608J103CS
  { re: /^CL(?:03|05|10|21|31|32|43|55)[A-Z](\d{3}|\dR\d)[A-Z][A-Z0-9][0-9A-Z][A-Z]{3,5}$/, kind: 'capacitor', value: (m) => pico(m[1]) },
  { re: new RegExp(`^RC\\d{4}[FJDG]${RES_CODE}[A-Z]{2}$`), kind: 'resistor', value: (m) => ohms(m[1]) },
  // Vishay: CRCW060310K0FKEA, TNPW060310K0BEEA
  { re: /^(?:CRCW|TNPW|MCT0|MCS0|RCG|RCA)\d{4}(\d*[RKM]\d*)[A-Z]/, kind: 'resistor', value: (m) => ohms(m[1]) },
  // TDK MLCC: C1608X7R1H104K, C1608X7R1H104K080AA
  {
    re: new RegExp(`^C(?:0402|0603|1005|1608|2012|3216|3225|4532|5750)${DIELECTRIC}\\d[A-Z]${CAP_CODE}[A-Z](?:\\d{3}[A-Z]{1,2})?$`),
    kind: 'capacitor',
    value: (m) => pico(m[1]),
  },
  // Panasonic resistors: ERJ-3EKF1002V, ERJ-3GEY0R00V, ERA-3AEB103V; capacitors ECJ, EEE, EEU …
  { re: new RegExp(`^ER[JA]-?[0-9A-Z]+?${RES_CODE}[A-Z]$`), kind: 'resistor', value: (m) => ohms(m[1]) },
  { re: /^(?:ECJ|ECA|EEE|EEU|EEF|EEH|ECW|ECQ|ECPU)-?[0-9A-Z]{4,}/, kind: 'capacitor' },
  // KEMET MLCC C0603C104K5RACTU, KEMET tantalum T491A106K016AT, AVX tantalum TAJA106K016RNJ, Vishay 293D
  { re: new RegExp(`^C${SIZE}C${CAP_CODE}[A-Z]\\d[A-Z]`), kind: 'capacitor', value: (m) => pico(m[1]) },
  { re: /^T49[1-9][A-Z](\d{3})[A-Z]\d{3}/, kind: 'capacitor', value: (m) => pico(m[1]) },
  { re: /^TA[JCRW][A-Z](\d{3})[A-Z]\d{3}/, kind: 'capacitor', value: (m) => pico(m[1]) },
  { re: /^293D(\d{3})X\d/, kind: 'capacitor', value: (m) => pico(m[1]) },
  // AVX MLCC: 0603YC104KAT2A
  { re: new RegExp(`^${SIZE}[0-9A-Z][A-Z]${CAP_CODE}[JKMFGZ]A[T7]\\d[A-Z]$`), kind: 'capacitor', value: (m) => pico(m[1]) },
  // UniOhm resistors (LCSC basic parts): 0603WAF1002T5E
  { re: new RegExp(`^${SIZE}W[0-9A-Z]{1,2}[FJDG](\\d{3,4}|\\d*[RKM]\\d*)T[0-9A-Z]{1,3}$`), kind: 'resistor', value: (m) => ohms(m[1]) },
  // Fenghua MLCC: 0603B104K500NT, 0603CG220J500NT
  { re: new RegExp(`^${SIZE}(?:B|N|X|F|CG)${CAP_CODE}[JKMZ]\\d{3}N?[TC]$`), kind: 'capacitor', value: (m) => pico(m[1]) },
  // Bourns CR0603-FX-1002ELF, Stackpole RMCF0603FT10K0, KOA RK73H1JTTD1002F, Walsin WR06X1002FTL, Rohm MCR03EZPFX1002
  { re: new RegExp(`^CR\\d{4}-[A-Z]{2}-${RES_CODE}[A-Z]{1,3}$`), kind: 'resistor', value: (m) => ohms(m[1]) },
  { re: /^RMC[FP]\d{4}[A-Z]{2}(\d*[RKM]\d*|\d+)$/, kind: 'resistor', value: (m) => ohms(m[1]) },
  { re: new RegExp(`^RK73[BHZ]\\d[A-Z]{1,2}T[A-Z]{1,3}${RES_CODE}[A-Z]?$`), kind: 'resistor', value: (m) => ohms(m[1]) },
  { re: new RegExp(`^WR(?:02|04|06|08|12)[A-Z]${RES_CODE}[FJ]T[LA]?$`), kind: 'resistor', value: (m) => ohms(m[1]) },
  { re: new RegExp(`^MCR(?:006|01|03|10|18|25|50|100)[A-Z]{3,5}${RES_CODE}$`), kind: 'resistor', value: (m) => ohms(m[1]) },
  // Yageo through-hole carbon and metal film: CFR-25JB-52-10K, MFR-25FBF52-10K; KEMET Goldmax C320C104K5R5TA
  { re: /^(?:CFR|MFR|MF|FMP)-?\d{2,3}[A-Z]{2,4}-?\d{2}-(\d*[RKM]\d*)$/, kind: 'resistor', value: (m) => ohms(m[1]) },
  { re: new RegExp(`^C3[1-3]\\dC${CAP_CODE}[A-Z]\\d[A-Z]`), kind: 'capacitor', value: (m) => pico(m[1]) },
];

/** A passive recognised from the structure of its manufacturer part number, or null. */
export function passiveFromPartNumber(partNumber: string | null): Generic | null {
  const pn = partNumber?.trim().toUpperCase().replace(/\s+/g, '');
  if (!pn || pn.length < 6 || pn.length > 40) return null;
  for (const p of PART_PATTERNS) {
    const m = p.re.exec(pn);
    if (!m) continue;
    const q = p.value?.(m) ?? null;
    return { kind: p.kind, value: q ? formatQuantity(q) : null };
  }
  return null;
}

/** Extra words that may follow a passive's value: tolerance, voltage, power, dielectric, size, mounting. */
const SPEC_TOKEN =
  /^(?:[±+-]?\d+(?:[.,]\d+)?%|\d+(?:[.,]\d+)?\s*[kK]?[VВ]|(?:\d+\/\d+|\d+(?:[.,]\d+)?)\s*m?(?:W|Вт)|@?\d+(?:[.,]\d+)?\s*[kMG]?Hz|@|NPO|NP0|COG|C0G|X[5-8][RSPT]|Y5V|Z5U|\d{4}|\d{4}Metric|SMD|SMT|THT|MLCC|ceramic|керам\S*|tantal\S*|electrolytic|film|thick|thin|chip|ppm|\d+ppm)$/i;

/** Capacitor voltages in a value text: "10uF/16V" → "16 V". */
const VOLTAGE = /(?:^|[\s/,;_])(\d+(?:[.,]\d+)?)\s*([kK]?)[VВ](?=$|[\s/,;_])/;

/** Splits a value text into tokens, keeping 1/4W together and joining a number to a unit written apart (10 kΩ). */
function valueTokens(text: string): string[] {
  const raw = text
    .replace(/[µμ]/g, 'u')
    .split(/[\s;_@]+|,(?!\d)|(?<!\d),|\/(?!\d+\s*W)/)
    .filter(Boolean);
  const tokens: string[] = [];
  for (const t of raw) {
    const prev = tokens[tokens.length - 1];
    if (prev && /^\d+(?:[.,]\d+)?$/.test(prev) && /^[pnumkKMGRΩ]?(?:Ω|ohms?|F|H|Ом|кОм|МОм|пФ|нФ|мкФ|мГн|мкГн|нГн|R|k|K|M|p|n|u)$/i.test(t)) {
      tokens[tokens.length - 1] = prev + t;
    } else tokens.push(t);
  }
  return tokens;
}

/** The value of a passive of a given kind from a value text ("10uF/16V", "100n", "1k5 1%"), or null. */
function passiveValue(text: string | null, kind: Passive, strict: boolean): string | null {
  if (!text) return null;
  const tokens = valueTokens(text.trim());
  if (!tokens.length) return null;
  const unit = UNIT_OF[kind];
  const first = tokens[0].replace(/(ohms?|Ohms?)$/, 'Ω');
  const q = parseQuantity(first, unit);
  if (!q || q.unit !== unit || q.value < 0) return null;
  if (strict && !tokens.slice(1).every((t) => SPEC_TOKEN.test(t))) return null;
  let shown = formatQuantity(q);
  if (kind === 'capacitor') {
    const v = VOLTAGE.exec(text);
    if (v) shown += ` ${Number(v[1].replace(',', '.'))} ${v[2] ? 'k' : ''}V`;
  }
  return shown;
}

/** A passive given only by its value, with no designator to say which kind: 10k, 1k5, 100R (resistors), 100n, 4u7, 30p, 10uF (capacitors). */
function passiveFromValueAlone(text: string | null): Generic | null {
  if (!text) return null;
  const first = valueTokens(text.trim())[0] ?? '';
  if (/F$|Ф$/i.test(first) || /^\d+(?:[.,]\d+)?[pnu]$|^\d+[pnu]\d+$/.test(first)) {
    const v = passiveValue(text, 'capacitor', true);
    return v ? { kind: 'capacitor', value: v } : null;
  }
  if (/H$|Гн$/.test(first)) {
    const v = passiveValue(text, 'inductor', true);
    return v ? { kind: 'inductor', value: v } : null;
  }
  if (/^\d+(?:[.,]\d+)?\s*(?:[kKM]|R|Ω|[kKM]Ω|ohms?|Ом|кОм|МОм)$|^\d+[RkKM]\d+$/i.test(first)) {
    const v = passiveValue(text, 'resistor', true);
    return v ? { kind: 'resistor', value: v } : null;
  }
  return null;
}

/** Russian (ESKD «Наименование») and English words that name the kind of a part. */
const KIND_WORDS: [RegExp, GenericKind][] = [
  [/^(?:чип-?)?резистор|^(?:chip |smd |thick film |thin film )?resistor\b|^res\b/i, 'resistor'],
  [/^конденсатор|^(?:chip |smd |ceramic |mlcc )?capacitor\b|^cap\b|^mlcc\b/i, 'capacitor'],
  [/^ферритов|^ferrite\b/i, 'ferrite'],
  [/^(?:дроссель|катушка индуктивности|индуктивность)|^inductor\b/i, 'inductor'],
  [/^(?:вилка|розетка|соединитель|разъ[её]м|клеммник|штырев|гнездо)|^(?:connector|header|pin header|socket|terminal block)\b/i, 'connector'],
];

/** A value with its unit anywhere in a text, by kind ("Resistor SMD 20K 1% 1/10W 0603", "С2-33Н-0,125-10 кОм±5%"). */
const VALUE_IN_TEXT: Record<Passive, RegExp> = {
  resistor: /(?<![\d.,])(\d+(?:[.,]\d+)?\s*(?:[кМГ]?Ом|[kKMG]?Ω|[kKMG]?ohms?|[kKM](?![\p{L}\d]))|\d+[RkKM]\d+(?![\p{L}\d]))/u,
  capacitor: /(?<![\d.,])(\d+(?:[.,]\d+)?\s*(?:[пнм]Ф|мкФ|Ф|[pnuµμm]F|F(?![\p{L}\d])|[pnuµμ](?![\p{L}\d]))|\d+[pnuµμ]\d+(?![\p{L}\d]))/u,
  inductor: /(?<![\d.,])(\d+(?:[.,]\d+)?\s*(?:мкГн|[мн]Гн|Гн|[nuµμm]H))/u,
  ferrite: /(?<![\d.,])(\d+(?:[.,]\d+)?\s*(?:Ом|Ω|ohms?|R(?![\p{L}\d])))/u,
};

function valueInText(text: string, kind: Passive): string | null {
  const m = VALUE_IN_TEXT[kind].exec(text);
  if (!m) return null;
  const q = parseQuantity(
    m[1]
      .replace(/\s+/g, '')
      .replace(/ohms?$/i, 'Ω')
      .replace(/[µμ]/g, 'u'),
    UNIT_OF[kind],
  );
  return q && q.unit === UNIT_OF[kind] ? formatQuantity(q) : null;
}

const MECHANICAL_VALUE =
  /^(?:MountingHole|Mounting[_ ]Hole|Hole|TestPoint|Test[_ ]?Point|Fiducial|Logo|NetTie|SolderJumper|SolderBridge|Jumper_NC_Small|Jumper_NO_Small)/i;
const CONNECTOR_VALUE =
  /^(?:Conn_|Connector|USB[_ -]?(?:A|B|C|Micro|Mini)|Micro[_ -]?USB|PinHeader|Pin_?Header|Pin_?Socket|Header_|Screw_?Terminal|TerminalBlock|Barrel_?Jack|RJ45|RJ11|JST[_ -]|Molex|IDC[_ -]|DB9|DB25|DE9|SMA[_ -]|U\.FL|AudioJack)/i;
const FOOTPRINT_KIND: [RegExp, GenericKind][] = [
  [/^Resistor_(?:SMD|THT):/i, 'resistor'],
  [/^Capacitor_(?:SMD|THT|Tantalum_SMD):/i, 'capacitor'],
  [/^(?:MountingHole|TestPoint|Fiducial|Symbol):/i, 'mechanical'],
  [/^Connector[A-Za-z_0-9.-]*:/i, 'connector'],
];
const LED_COLOUR =
  /^(?:red|green|blue|yellow|white|orange|amber|rgb|warm ?white|cold ?white|ir|uv|красный|зел[её]ный|синий|ж[её]лтый|белый|оранжевый|rot|grün|blau|gelb|weiß|weiss)$/i;
/** KiCad's generic symbols left as the value: no part chosen. */
const SYMBOL_ONLY =
  /^(?:LED|LED_Small|LED_RGB|SW_Push|SW_SPST|SW_SPDT|SW_DIP_x\d+|Buzzer|Speaker|Battery|Battery_Cell|Fuse|Fuse_Small|Polyfuse|Crystal|Crystal_Small|Crystal_GND24|Resonator|D|D_Small|D_Schottky|D_Zener|Q_[NP]PN_[A-Z]+|Q_[NP]MOS_[A-Z]+|Antenna)$/;

function prefixKind(designators: string[]): GenericKind | 'jumper' | 'led' | 'crystal' | null {
  if (!designators.length) return null;
  const prefixes = new Set(designators.map((d) => designatorPrefix(d).toUpperCase()));
  if (prefixes.size !== 1) return null;
  const p = [...prefixes][0];
  if (Object.hasOwn(PREFIX_KIND, p)) return PREFIX_KIND[p];
  if (LED_PREFIXES.has(p)) return 'led';
  if (CRYSTAL_PREFIXES.has(p)) return 'crystal';
  return null;
}

const isPassive = (k: unknown): k is Passive => k === 'resistor' || k === 'capacitor' || k === 'inductor' || k === 'ferrite';

/** The generic kind of a BOM line and its value as a person reads it ("100 nF", "1.5 kΩ"), or null. */
export function recogniseGeneric(line: GenericInput): BomLine['generic'] {
  // a value, part number or footprint is short; longer text is not read (and cannot slow the patterns down)
  const clip = (s: string | null) => (s && s.length <= MAX_TEXT ? s.trim() || null : null);
  const value = clip(line.value);
  const partNumber = clip(line.partNumber);
  const description = clip(line.description);
  const pkg = clip(line.package);
  const byPrefix = prefixKind(line.designators);
  const byPart = passiveFromPartNumber(partNumber) ?? passiveFromPartNumber(value);
  const byWord = KIND_WORDS.find(([re]) => re.test(description ?? '') || re.test(partNumber ?? ''))?.[1] ?? null;
  const text = value ?? partNumber;

  if (isPassive(byPrefix)) {
    const v =
      passiveValue(value, byPrefix, false) ??
      (byPart?.kind === byPrefix ? byPart.value : null) ??
      (description ? valueInText(description, byPrefix) : null) ??
      (partNumber && byWord === byPrefix ? valueInText(partNumber, byPrefix) : null);
    return { kind: byPrefix, value: v };
  }
  if (byPrefix === 'mechanical' || byPrefix === 'connector') return { kind: byPrefix, value: text };
  if (byPrefix === 'jumper') return { kind: text && MECHANICAL_VALUE.test(text) ? 'mechanical' : 'connector', value: text };
  if (byPart) return byPart;
  if (text && MECHANICAL_VALUE.test(text)) return { kind: 'mechanical', value: text };
  if (text && CONNECTOR_VALUE.test(text)) return { kind: 'connector', value: text };
  if (text && SYMBOL_ONLY.test(text)) return { kind: 'other', value: text };
  if (byPrefix === 'led' || !line.designators.length) {
    if (text && LED_COLOUR.test(text)) return { kind: 'other', value: text };
  }
  if (byPrefix === 'crystal' || !line.designators.length) {
    const q = text ? parseQuantity(valueTokens(text)[0] ?? '', '') : null;
    if (q?.unit === 'Hz') return { kind: 'other', value: formatQuantity(q) };
  }
  if (line.designators.length) return null;
  // no designators (a kit list): the value alone, the words of the description, the footprint
  const alone = passiveFromValueAlone(value) ?? (value ? null : passiveFromValueAlone(partNumber));
  if (alone) return alone;
  if (isPassive(byWord)) {
    return { kind: byWord, value: passiveValue(value, byWord, false) ?? valueInText(`${partNumber ?? ''} ${description ?? ''}`, byWord) };
  }
  if (byWord === 'connector') return { kind: 'connector', value: text };
  const byFootprint = pkg ? (FOOTPRINT_KIND.find(([re]) => re.test(pkg))?.[1] ?? null) : null;
  if (byFootprint) return { kind: byFootprint, value: isPassive(byFootprint) ? passiveValue(value, byFootprint, false) : text };
  return null;
}
