/** Text bound for spreadsheet programs. */

/** Spreadsheet programs run cells that start with = + - @ (or a tab or carriage return) as formulas; a leading apostrophe stops that. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
