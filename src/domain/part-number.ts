/**
 * Foreign (imported) manufacturer part numbers: the normalised key stored beside the number as typed.
 * Pure code. Deeper matching tiers (suffix stripping, families) build on this key.
 */
import { canonicalText } from './designation';

/** Cyrillic letters typed instead of their Latin look-alikes in a foreign part number. */
const CYRILLIC_TO_LATIN_LOOKALIKE: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
};

/**
 * Upper case, NFKC, look-alike Cyrillic folded to Latin, separators (space, dash, underscore) removed.
 * A dot is kept when it sits between digits, because it carries meaning there: 1.5SMC6.8CA ≠ 1.5SMC68CA.
 */
export function partNumberKey(partNumber: string): string {
  const text = [...canonicalText(partNumber)].map((ch) => CYRILLIC_TO_LATIN_LOOKALIKE[ch] ?? ch).join('');
  return text.replace(/[-‐‑–—_]/g, '').replace(/\.(?!\d)|(?<!\d)\./g, '');
}

/** Key of a manufacturer name for de-duplication ("Texas Instruments" = "TEXAS INSTRUMENTS"). */
export function manufacturerKey(manufacturer: string | null | undefined): string {
  return (manufacturer ?? '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
