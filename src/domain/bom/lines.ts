/**
 * Rows under the header → BOM lines: part number, value, manufacturer, designators, quantity, DNP, distributor
 * numbers and the generic recognition, with warnings a person should look at and the rows left out (repeated
 * header rows, footers and summaries, section headings of Russian ESKD lists). Pure code.
 */
import { parseDesignators } from './designators';
import { recogniseGeneric } from './generic';
import { MAX_HEADER, normaliseHeader } from './header';
import type { BomLine, ColumnMapping, ColumnRole } from './types';

export interface ToLinesResult {
  lines: BomLine[];
  skipped: { sourceLine: number; reason: string }[];
}

/** Cells longer than this are kept as they are but not read by the heuristics (no part number is that long). */
export const MAX_HEURISTIC = 500;

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

const QUANTITY = /^(?:[x×]\s*)?(\d+(?:[.,]\d+)?)\s*(?:[x×]|шт\.?|штук[аи]?|pcs?\.?|pieces?|stk\.?|st\.?|stück|ea\.?|units?)?$/i;

/** "2", "2 шт.", "2,0", "2 pcs", "x2", "1 000" → a number; "" → null; anything else → an error. */
export function parseQuantityCell(text: string): { quantity: number | null; error: string | null } {
  const trimmed = text.trim();
  const t = trimmed.length > 100 ? trimmed : trimmed.replace(/(\d)[\s\u00a0\u202f'’](?=\d{3}(?!\d))/g, '$1');
  if (t === '' || /^[-–—~]$/.test(t)) return { quantity: null, error: null };
  const m = t.length > 100 ? null : QUANTITY.exec(t);
  if (!m) return { quantity: null, error: `quantity "${short(trimmed)}" is not a number` };
  const q = Number(m[1].replace(',', '.'));
  return { quantity: q, error: null };
}

const DNP_TRUE = /^(?:1|y|yes|true|x|✓|✔|\+|да|д|ja|j|dnp|dni|dnf|nc|not fitted|not populated|no[ _-]?pop|не уст\S*|н\/у|excluded?)$/i;
const FITTED_TRUE = /^(?:1|y|yes|true|x|✓|✔|\+|да|д|ja|j|fitted|populated?|bestückt|уст\S*)$/i;

/** Is the cell of a DNP column (or, inverted, of a "Fitted" column) saying "do not place"? */
export function dnpCell(text: string, inverted = false): boolean {
  const t = text.trim();
  if (t === '') return false;
  return inverted ? !FITTED_TRUE.test(t) : DNP_TRUE.test(t);
}

const DNP_VALUE = /^(?:DNP|DNI|DNF|NC|N\/C|NF|NOPOP|NO POP|DO NOT (?:PLACE|POPULATE|FIT)|NOT FITTED|НЕ УСТ\S*|Н\/У)$/i;
const DNP_MARK = /(?:^|[\s,;/([])(?:DNP|DNI|DNF|NOT FITTED|NO[ _-]?POP|НЕ УСТ\S*)(?=$|[\s,;/)\]])/i;

/** A value or comment that says "do not place": DNP, DNI, NC, "10k (DNP)". */
export function dnpValue(text: string | null): boolean {
  if (!text || text.length > MAX_HEURISTIC) return false;
  return DNP_VALUE.test(text.trim()) || DNP_MARK.test(text);
}

/** Kind words that begin an ESKD «Наименование» (Микросхема К155ЛА3 бК0.348.006 ТУ). */
const ESKD_KIND =
  /^((?:диодн\S*|транзисторн\S*|резисторн\S*) сборк\S*|резонатор\S* кварцев\S*|кварцев\S* резонатор\S*|катушк\S* индуктивности|(?:микросхем|резистор|конденсатор|транзистор|диод|стабилитрон|светодиод|индикатор|дроссел|реле|резонатор|вилк|розетк|соединител|разъ[её]м|предохранител|оптрон|оптопар|тиристор|симистор|варистор|термистор|терморезистор|трансформатор|переключател|кнопк|выключател|генератор|фильтр|модул|сборк|излучател|датчик)\S*)\s+(.+)$/iu;
/** The specification document at the end: "бК0.348.006 ТУ", "ОЖО.467.093 ТУ", "ТУ 6329-001-…", "ГОСТ …". */
const ESKD_DOCUMENT = /\s+(?:\S*\d+\.\d+\S*\s+)?(?:ТУ|ГОСТ|ОСТ)(?:\s.*)?$/u;

/** «Микросхема К155ЛА3 бК0.348.006 ТУ» → kind «Микросхема», designation «К155ЛА3». Text without a kind word is kept. */
export function eskdName(text: string): { kind: string | null; designation: string } {
  if (text.length > MAX_HEURISTIC) return { kind: null, designation: text.trim() };
  const t = text.trim().replace(/\s+/g, ' ');
  const m = ESKD_KIND.exec(t);
  const kind = m ? m[1] : null;
  let designation = m ? m[2] : t;
  const cut = designation.replace(ESKD_DOCUMENT, '').trim();
  if (cut) designation = cut;
  return { kind, designation };
}

const NOTE_HEADERS = new Set(
  ['Примечание', 'Примечания', 'Note', 'Notes', 'Remark', 'Remarks', 'Bemerkung', 'Comment', 'Comments', 'Kommentar'].map(normaliseHeader),
);

/** Group headings of parts lists: «Резисторы», «Микросхемы», "Capacitors", "Mechanical". */
const GROUP_HEADING =
  /^(?:микросхем|резистор|конденсатор|транзистор|диод|стабилитрон|светодиод|индикатор|дроссел|катушк|реле|резонатор|вилк|розетк|соединител|разъ[её]м|предохранител|оптрон|оптопар|тиристор|варистор|трансформатор|переключател|кнопк|модул|прочие|разное|resistors|capacitors|inductors|ics\b|integrated circuits|semiconductors|connectors|diodes|transistors|mechanical|hardware|misc|widerstände|kondensatoren|steckverbinder)/i;

const FOOTER =
  /^(?:total|totals|sum|summe|gesamt|итого|всего|collated components|component count|components|generated|generator|source|date|tool|approved|checked|notes?|end|bom|page|страница|лист)\b/i;

const blank = (s: string | undefined) => {
  const t = s?.trim() ?? '';
  return t === '' || /^[-–—~]$/.test(t) ? null : t;
};

/** Parses the data rows (everything under mapping.headerRow) into BOM lines. */
export function toLines(rows: string[][], lines: number[], mapping: ColumnMapping): ToLinesResult {
  const result: ToLinesResult = { lines: [], skipped: [] };
  const indexOf = (role: ColumnRole) => mapping.columns.find((c) => c.role === role)?.index ?? -1;
  const at = {
    partNumber: indexOf('partNumber'),
    value: indexOf('value'),
    manufacturer: indexOf('manufacturer'),
    designators: indexOf('designators'),
    quantity: indexOf('quantity'),
    package: indexOf('package'),
    description: indexOf('description'),
  };
  const dnpColumn = mapping.columns.find((c) => c.role === 'dnp');
  const distributorColumns = mapping.columns.filter((c) => c.role === 'distributorPartNumber');
  const partNumberHeader = mapping.columns.find((c) => c.role === 'partNumber')?.header ?? '';
  const nameColumn = normaliseHeader(partNumberHeader) === normaliseHeader('Наименование');
  // «Примечание: Не устанавливать», "Notes: DNP"
  const noteColumns = mapping.columns.filter((c) => c.role === null && NOTE_HEADERS.has(normaliseHeader(c.header)));
  const headerKeys = new Set(mapping.columns.map((c) => normaliseHeader(c.header)).filter(Boolean));
  let section: string | null = null;

  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const sourceLine = lines[r] ?? r + 1;
    const filled = cells.filter((c) => c.trim() !== '');
    if (!filled.length) continue;
    if (
      headerKeys.size >= 2 &&
      filled.filter((c) => c.length <= MAX_HEADER && headerKeys.has(normaliseHeader(c))).length >= Math.max(2, headerKeys.size * 0.6)
    ) {
      result.skipped.push({ sourceLine, reason: 'repeated header row' });
      continue;
    }
    const cell = (i: number) => (i >= 0 ? blank(cells[i]) : null);
    let partNumber = cell(at.partNumber);
    const value = cell(at.value);
    let description = cell(at.description);
    const designatorText = cell(at.designators);
    const quantityText = cell(at.quantity);
    const distributorPartNumbers = distributorColumns
      .map((c) => ({ distributor: c.distributor || null, partNumber: blank(cells[c.index]) }))
      .filter((d): d is { distributor: string | null; partNumber: string } => d.partNumber !== null);

    if (filled.length <= 2 && (FOOTER.test(filled[0]) || (/:$/.test(filled[0]) && !designatorText))) {
      result.skipped.push({ sourceLine, reason: `footer or summary line "${filled.join(' ').slice(0, 60)}"` });
      continue;
    }
    // ESKD lists group their lines under headings such as «Резисторы» or «Микросхемы» in the name column
    // (or, from merged cells, in the first column); a letters-only cell cannot be designators or a quantity
    if (
      filled.length === 1 &&
      /\p{L}{3}/u.test(filled[0]) &&
      !/\d/.test(filled[0]) &&
      ((!partNumber && !value) || nameColumn || GROUP_HEADING.test(filled[0]))
    ) {
      section = filled[0];
      result.skipped.push({ sourceLine, reason: `section heading "${filled[0].slice(0, 60)}"` });
      continue;
    }
    if (!partNumber && !value && !designatorText && !distributorPartNumbers.length && !description) {
      result.skipped.push({ sourceLine, reason: 'no part number, value or designators' });
      continue;
    }

    const warnings: string[] = [];
    if (partNumber) {
      const name = eskdName(partNumber);
      if (name.kind || nameColumn) {
        if (!description) description = partNumber;
        partNumber = name.designation;
      }
    }
    if (!partNumber && !value) {
      const mouser = distributorPartNumbers.find((d) => d.distributor === 'Mouser' && /^\d{2,4}-\S{3,60}$/.test(d.partNumber));
      if (mouser) {
        partNumber = mouser.partNumber.replace(/^\d{2,4}-/, '');
        warnings.push(`part number ${partNumber} taken from the Mouser number ${mouser.partNumber}`);
      }
    }
    const parsed = parseDesignators(designatorText ?? '');
    for (const e of parsed.errors) warnings.push(`designators: ${e}`);
    const designators = parsed.designators;
    const q = parseQuantityCell(quantityText ?? '');
    if (q.error) warnings.push(q.error);
    let quantity = q.quantity;
    if (quantity === null) quantity = designators.length || null;
    else if (designators.length && quantity !== designators.length)
      warnings.push(`quantity ${quantity} differs from the number of designators (${designators.length})`);

    const dnp =
      (dnpColumn ? dnpCell(cells[dnpColumn.index] ?? '', dnpColumn.inverted) : false) ||
      dnpValue(value) ||
      (partNumber !== null && partNumber.length <= MAX_HEURISTIC && DNP_VALUE.test(partNumber)) ||
      noteColumns.some((c) => {
        const note = cells[c.index];
        return note !== undefined && note.length <= MAX_HEURISTIC && DNP_VALUE.test(note.trim());
      });
    const pkg = cell(at.package);
    const genericInput = {
      designators,
      value: value && value.length <= MAX_HEURISTIC && DNP_VALUE.test(value) ? null : value,
      partNumber,
      description,
      package: pkg,
    };
    const generic = recogniseGeneric(genericInput) ?? (section ? recogniseGeneric({ ...genericInput, description: `${section} ${description ?? ''}` }) : null);
    result.lines.push({
      sourceLine,
      cells,
      partNumber,
      value,
      manufacturer: cell(at.manufacturer),
      designators,
      quantity,
      description,
      package: pkg,
      distributorPartNumbers,
      warnings,
      dnp,
      generic,
    });
  }
  return result;
}
