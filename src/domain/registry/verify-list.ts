/** Lists of registry numbers and designations to verify, as people paste them or save them from Excel. */

export interface VerifyRequest {
  number?: string;
  designation?: string;
  date?: string;
}

export class VerifyListError extends Error {}

/**
 * A pasted or uploaded list: one entry per line, `;`, `,` or tab before an optional date. An entry with
 * digits only, or with a letter prefix followed by digits (РПП-123), is a number; anything else a designation.
 * A first line without any digit is taken for a header and skipped.
 */
export function parseVerifyList(text: string): VerifyRequest[] {
  const out: VerifyRequest[] = [];
  for (const [index, raw] of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .entries()) {
    const lineNo = index + 1;
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [entry, dateText] = line.split(/[;\t,]/).map((s) => s.trim().replace(/^"|"$/g, ''));
    if (!entry) continue;
    if (!out.length && !/\d/.test(line)) continue; // a header row such as "Номер;Дата"
    const date = dateText ? toIsoDate(dateText) : undefined;
    if (dateText && !date) throw new VerifyListError(`"${dateText}" on line ${lineNo} ("${line}") is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
    const isNumber = /^([A-Za-zА-Яа-яЁё]{1,6}\s*[-–—№]?\s*)?\d[\d\s/\\-]*$/u.test(entry) && !/\d[A-Za-zА-Яа-яЁё]/u.test(entry);
    out.push(isNumber ? { number: entry, date } : { designation: entry, date });
  }
  return out;
}

function toIsoDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}
