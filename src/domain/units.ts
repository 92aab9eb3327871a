/**
 * Physical quantities in SI units: parsing of values as engineers write them (4.5 V, 4500 mV, 1k5, 4u7,
 * 100n) and conversion of prefixed units to the SI base unit. Pure code.
 */

const PREFIXES: Record<string, number> = {
  p: 1e-12,
  n: 1e-9,
  u: 1e-6,
  µ: 1e-6,
  μ: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
};

/** Base units we know, with the spellings people use (Latin and Russian). */
const BASE_UNITS: Record<string, string> = {
  V: 'V',
  В: 'V',
  A: 'A',
  А: 'A',
  W: 'W',
  Вт: 'W',
  Hz: 'Hz',
  Гц: 'Hz',
  F: 'F',
  Ф: 'F',
  H: 'H',
  Гн: 'H',
  Ω: 'Ω',
  Ohm: 'Ω',
  ohm: 'Ω',
  R: 'Ω',
  Ом: 'Ω',
  s: 's',
  с: 's',
  B: 'B',
  bit: 'bit',
  '°C': '°C',
  C: '°C',
};

const RU_PREFIXES: Record<string, string> = { п: 'p', н: 'n', мк: 'u', м: 'm', к: 'k', М: 'M', Г: 'G' };

export interface Quantity {
  value: number;
  /** SI base unit (V, A, W, Hz, F, H, Ω, s, °C, B, bit) or '' when none was given. */
  unit: string;
}

/** Splits a unit such as mV, кОм, µF, MHz into its multiplier and SI base unit; null if unknown. */
export function parseUnit(text: string): { factor: number; unit: string } | null {
  const t = text.trim();
  if (t === '') return { factor: 1, unit: '' };
  // own keys only: "constructor" or "toString" are not units
  const base = (u: string): string | undefined => (Object.hasOwn(BASE_UNITS, u) ? BASE_UNITS[u] : undefined);
  const whole = base(t);
  if (whole) return { factor: 1, unit: whole };
  for (const [ru, latin] of Object.entries(RU_PREFIXES)) {
    const unit = t.startsWith(ru) ? base(t.slice(ru.length)) : undefined;
    if (unit) return { factor: PREFIXES[latin], unit };
  }
  const prefix = t[0];
  const unit = Object.hasOwn(PREFIXES, prefix) ? base(t.slice(1)) : undefined;
  if (unit) return { factor: PREFIXES[prefix], unit };
  return null;
}

/** Converts a value in a (possibly prefixed) unit to the SI base unit: (4500, 'mV') → 4.5 V. */
export function toSi(value: number, unit: string): Quantity | null {
  const u = parseUnit(unit);
  if (!u) return null;
  return { value: roundSi(value * u.factor), unit: u.unit };
}

/** Removes binary floating-point noise such as 4.7e-6 * 1 = 4.699999999e-6. */
function roundSi(v: number): number {
  return v === 0 ? 0 : Number.parseFloat(v.toPrecision(12));
}

/**
 * Parses a quantity as written: "4.5 V", "4500mV", "4,5 В", "1k5" (1.5 kΩ), "4u7" (4.7 µ), "100n", "10 кОм".
 * `defaultUnit` is used when the text has no unit (a capacitor value "100n" → F).
 */
export function parseQuantity(text: string, defaultUnit = ''): Quantity | null {
  const t = text.trim().replace(/\s+/g, ' ');
  // RKM code: digits, a prefix letter or R in place of the decimal point, digits (1k5, 4u7, 4R7, 2M2)
  const rkm = /^(\d+)([pnuµμmkKMGR])(\d+)\s*([A-Za-zА-Яа-яΩ°]*)$/.exec(t);
  if (rkm) {
    const [, whole, letter, frac, unitText] = rkm;
    const value = Number(`${whole}.${frac}`);
    const factor = letter === 'R' ? 1 : PREFIXES[letter];
    const base = unitText ? parseUnit(unitText) : { factor: 1, unit: letter === 'R' ? 'Ω' : defaultUnit };
    if (!base) return null;
    return { value: roundSi(value * factor * base.factor), unit: base.unit };
  }
  const m = /^([-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)\s*(.*)$/.exec(t);
  if (!m) return null;
  const value = Number(m[1].replace(',', '.'));
  const unitText = m[2];
  if (unitText === '') return { value, unit: defaultUnit };
  const parsed = parseUnit(unitText);
  if (parsed) return { value: roundSi(value * parsed.factor), unit: parsed.unit || defaultUnit };
  // a bare prefix with the default unit implied: "100n" for a capacitor
  if (Object.hasOwn(PREFIXES, unitText) && defaultUnit) return { value: roundSi(value * PREFIXES[unitText]), unit: defaultUnit };
  return null;
}
