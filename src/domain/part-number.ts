/**
 * Foreign (imported) manufacturer part numbers: the normalised key stored beside the number as typed.
 * Pure code. Deeper matching tiers (suffix stripping, families) build on this key.
 */
import { canonicalText, CYRILLIC_SKELETON } from './designation';

/**
 * Upper case, NFKC, look-alike Cyrillic folded to Latin, separators (space, dash, underscore) removed.
 * A dot is kept when it sits between digits, because it carries meaning there: 1.5SMC6.8CA ≠ 1.5SMC68CA.
 */
export function partNumberKey(partNumber: string): string {
  const text = [...canonicalText(partNumber)].map((ch) => CYRILLIC_SKELETON[ch] ?? ch).join('');
  return text.replace(/[-‐‑–—_]/g, '').replace(/\.(?!\d)|(?<!\d)\./g, '');
}

/** Key of a manufacturer name for de-duplication ("Texas Instruments" = "TEXAS INSTRUMENTS"). */
export function manufacturerKey(manufacturer: string | null | undefined): string {
  return (manufacturer ?? '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
