/**
 * A parameter value in SI units for display: plain digits for everyday magnitudes,
 * engineering notation (1.5E-9) for very small or very large ones.
 */
export function formatQuantity(value: number, intlLocale: string): string {
  const magnitude = Math.abs(value);
  const engineering = magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7);
  return new Intl.NumberFormat(intlLocale, {
    maximumSignificantDigits: 6,
    notation: engineering ? 'engineering' : 'standard',
  }).format(value);
}
