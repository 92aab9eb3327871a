/**
 * Domestic (Soviet / Russian / Belarusian) product-type designations: parsing, official Latin form and a
 * normalised key that survives wrong-keyboard typing. Pure code, no I/O.
 *
 * Structure (ГОСТ 18682-73 → ОСТ 11 073.915 → ГОСТ РВ 5901-005-2010), e.g. КР1533ЛА3:
 *   prefix КР · series 1533 (group digit 1 + development number 533) · function ЛА · number 3 · suffix
 */

/** Latin letters that look like Cyrillic ones, as people type them on the wrong keyboard. */
const LATIN_TO_CYRILLIC_LOOKALIKE: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** Cyrillic letters that look like a Latin letter, folded to it in designation keys and foreign part numbers. */
export const CYRILLIC_SKELETON: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

/** Official Latin form used by makers and exporters: К155ЛА3 → K155LA3, КР142ЕН5А → KR142EN5A. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  Ё: 'E',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  Й: 'Y',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'X',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SCH',
  Ъ: '',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'YU',
  Я: 'YA',
};

/**
 * NFKC (full-width forms, ligatures), upper case, no whitespace. NFKC again after upper-casing, which can
 * leave decomposed letters (ΐ → Ϊ́), so that the result is already canonical: canonicalText is idempotent.
 */
export function canonicalText(input: string): string {
  return input.normalize('NFKC').replace(/[µμ]/g, 'U').toUpperCase().normalize('NFKC').replace(/\s+/g, '');
}

const hasCyrillic = (s: string) => /[А-ЯЁ]/.test(s);

/** Turns look-alike Latin letters into Cyrillic where the text is a domestic designation typed in a mix. */
export function foldToCyrillic(input: string): string {
  return [...canonicalText(input)].map((ch) => LATIN_TO_CYRILLIC_LOOKALIKE[ch] ?? ch).join('');
}

/** The official Latin form of a designation (КР1533ЛА3 → KR1533LA3). Latin input is returned as is. */
export function designationToLatin(designation: string): string {
  const text = hasCyrillic(canonicalText(designation)) ? foldToCyrillic(designation) : canonicalText(designation);
  return [...text].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
}

/**
 * Normalised key of a designation: letters that look alike in both scripts are folded to one visual skeleton
 * (Latin), so that КР1533ЛА3, KP1533ЛA3 (Latin K, P, A typed by mistake) and кр1533ла3 share a key. Letters
 * without a look-alike stay Cyrillic, so that Б ≠ В and П ≠ Р (КР142ЕН8Б and КР142ЕН8В are different
 * regulators). Separators are dropped. A key hit is a candidate, not an identity: callers report it as a
 * normalised match.
 */
export function designationKey(designation: string): string {
  const text = canonicalText(designation).replace(/[-‐‑–—_.,/\\]/g, '');
  return [...text].map((ch) => CYRILLIC_SKELETON[ch] ?? (ch === 'Ё' ? 'E' : ch)).join('');
}

export interface ParsedDesignation {
  prefix: string;
  series: string;
  functionCode: string;
  number: string;
  suffix: string;
}

const DESIGNATION_PATTERN = /^([А-ЯЁ]{0,3})(\d{3,4})([А-ЯЁ]{2})(\d{1,3})(.*)$/;

/** Splits a domestic designation into its elements, or returns null if it does not follow the system. */
export function parseDesignation(designation: string): ParsedDesignation | null {
  const folded = foldToCyrillic(designation).replace(/[-‐‑–—.]/g, '');
  const m = DESIGNATION_PATTERN.exec(folded);
  if (!m) return null;
  const [, prefix, series, functionCode, number, suffix] = m;
  return { prefix, series, functionCode, number, suffix };
}
