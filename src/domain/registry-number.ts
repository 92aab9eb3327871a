/**
 * Registry numbers as people type them: with or without a letter prefix such as `РПП-`, in any case, with
 * spaces, and with `/` or `\` between the parts of numbers like `10320\1\2022`. The key keeps what tells
 * numbers apart and drops the rest.
 */
export function registryNumberKey(input: string): string {
  return input
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/^[A-ZА-ЯЁ]+\s*[-\u2010-\u2015\u2212№#:]?\s*/u, '')
    .replace(/[\s\u00A0]+/g, '')
    .replace(/\\/g, '/');
}
