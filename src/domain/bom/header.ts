/**
 * The header row of a BOM and what each column holds. Column names come in Russian, English and German
 * and in every spelling the tools and people use; they are matched after normalisation (case, spaces,
 * dots, hyphens, underscores, a trailing `:` or `#`, and then without a parenthesised or comma-separated
 * tail: `Qty (pcs)`, `Кол-во, шт.`). Pure code.
 */
import { looksLikeDesignators } from './designators';
import type { ColumnMapping, ColumnRole } from './types';

/** Column names by role, most specific first (the first listed wins when two columns claim a role). */
export const COLUMN_ALIASES: Record<ColumnRole, string[]> = {
  partNumber: [
    'Manufacturer Part Number',
    'Manufacturer Part No',
    'Manufacturer Part',
    'Manufacturer PN',
    'Manufacturer P/N',
    'Mfr. Part #',
    'Mfr Part Number',
    'Mfr Part No',
    'Mfr. No',
    'Mfr PN',
    'Mfr P/N',
    'Mfg Part#',
    'Mfg Part Number',
    'Mfg PN',
    'MPN',
    'MFN',
    'Part Number',
    'Part No',
    'Part #',
    'PartNumber',
    'P/N',
    'PN',
    'Herstellerteilenummer',
    'Hersteller-Teilenummer',
    'Herstellernummer',
    'Hersteller Artikelnummer',
    'Hersteller-Artikelnummer',
    'Teilenummer',
    'Artikelnummer',
    'Артикул производителя',
    'Артикул',
    'Партномер',
    'Парт-номер',
    'Part number производителя',
    'Тип',
    'Typ',
    'Обозначение',
    'Part',
  ],
  value: ['Value', 'Val', 'Номинал', 'Значение', 'Wert', 'Nennwert', 'Comment', 'Name'],
  manufacturer: [
    'Manufacturer',
    'Manufacturer Name',
    'Mfr',
    'Mfr Name',
    'Mfg',
    'Mfg Name',
    'Maker',
    'Brand',
    'Hersteller',
    'Производитель',
    'Изготовитель',
    'Фирма-производитель',
    'Фирма-изготовитель',
    'Фирма',
  ],
  designators: [
    'Designator',
    'Designators',
    'Reference',
    'References',
    'Reference(s)',
    'Reference Designator',
    'Reference Designators',
    'Ref Designator',
    'Ref Des',
    'Ref Desc',
    'RefDes',
    'Refs',
    'Ref',
    'Parts',
    'Поз. обозначение',
    'Позиционное обозначение',
    'Обозначение позиционное',
    'Поз. обозн.',
    'Поз. обозначения',
    'Позиционные обозначения',
    'Bauteil',
    'Bauteile',
    'Referenz',
    'Bezeichner',
  ],
  quantity: [
    'Qty',
    'Quantity',
    'Qnty',
    'Qty per board',
    'Qty per PCB',
    'Count',
    'Pcs',
    'Кол.',
    'Кол-во',
    'Количество',
    'Кол. на изд.',
    'Menge',
    'Anzahl',
    'Stückzahl',
    'Stück',
    'Stk',
  ],
  package: ['Package', 'Footprint', 'Case', 'Case/Package', 'Package/Case', 'PCB Footprint', 'Корпус', 'Типоразмер', 'Gehäuse', 'Bauform'],
  description: ['Description', 'Desc', 'Описание', 'Beschreibung', 'Наименование', 'Bezeichnung'],
  dnp: [
    'DNP',
    'DNI',
    'DNF',
    'Do not place',
    'Do not populate',
    'Do not fit',
    'Не устанавливать',
    'Не уст.',
    'Nicht bestücken',
    'Fitted',
    'Populate',
    'Populated',
    'Bestückt',
    'Bestücken',
  ],
  distributorPartNumber: [], // filled from DISTRIBUTOR_ALIASES below
};

/** Distributor part-number columns by distributor; `''` for a supplier column that does not name one. */
export const DISTRIBUTOR_ALIASES: Record<string, string[]> = {
  'Digi-Key': ['Digi-Key Part Number', 'Digi-Key Part No', 'Digi-Key PN', 'Digi-Key #', 'Digi-Key'],
  Mouser: ['Mouser Part Number', 'Mouser Part No', 'Mouser PN', 'Mouser No', 'Mouser #', 'Mouser'],
  LCSC: ['LCSC Part #', 'LCSC Part Number', 'LCSC Part No', 'LCSC Part', 'LCSC PN', 'LCSC #', 'LCSC'],
  JLCPCB: ['JLCPCB Part #', 'JLCPCB Part Number', 'JLCPCB Part', 'JLC Part #', 'JLC Part', 'JLCPCB'],
  Farnell: ['Farnell Part Number', 'Farnell Order Code', 'Farnell Code', 'Farnell #', 'Farnell', 'element14'],
  RS: ['RS Stock No.', 'RS Stock Number', 'RS Part Number', 'RS PN', 'RS Components', 'RS'],
  Arrow: ['Arrow Part Number', 'Arrow PN', 'Arrow'],
  TME: ['TME Part Number', 'TME Symbol', 'TME'],
  'ЧИП и ДИП': ['ЧИП и ДИП', 'Код ЧИП и ДИП', 'Артикул ЧИП и ДИП', 'ChipDip'],
  Элитан: ['Элитан', 'Код Элитан'],
  Промэлектроника: ['Промэлектроника', 'Код Промэлектроника'],
  Компэл: ['Компэл', 'Compel'],
  '': [
    'Supplier Part Number',
    'Supplier Part No',
    'Supplier Part',
    'Supplier PN',
    'Order Code',
    'Order Number',
    'Bestellnummer',
    'Bestell-Nr.',
    'Артикул поставщика',
    'Код поставщика',
  ],
};
COLUMN_ALIASES.distributorPartNumber = Object.values(DISTRIBUTOR_ALIASES).flat();

/** Aliases that match a role only weakly (the column may hold something else): they lower the confidence. */
export const WEAK_ALIASES: readonly string[] = ['Тип', 'Typ', 'Обозначение', 'Part', 'Name', 'Ref', 'Count', 'Case', 'Фирма'];

/** Aliases whose column means "fitted": a true value is not DNP. */
const INVERTED_ALIASES: readonly string[] = ['Fitted', 'Populate', 'Populated', 'Bestückt', 'Bestücken'];

/** Column names that are known but hold nothing the analysis needs; they still mark a header row. */
export const OTHER_HEADERS: readonly string[] = [
  'Item',
  'Item No',
  'Item #',
  '#',
  '№',
  '№ п/п',
  'No',
  'Nr',
  'Pos',
  'Position',
  'Поз.',
  'Позиция',
  'Line',
  'LibRef',
  'LibPart',
  'Library',
  'Library Ref',
  'Symbol',
  'Device',
  'Datasheet',
  'Type',
  'Category',
  'Notes',
  'Note',
  'Remark',
  'Remarks',
  'Примечание',
  'Примечания',
  'Bemerkung',
  'Kommentar',
  'Price',
  'Unit Price',
  'Цена',
  'Preis',
  'Stock',
  'Supplier',
  'Vendor',
  'Поставщик',
  'Lieferant',
  'URL',
  'Link',
  'Ссылка',
  'RoHS',
  'Lifecycle',
  'Status',
];

/** Normalised form of a column name: lower case, ё → е, no spaces, dots, hyphens or underscores, no trailing `:` `#` `№`. */
export function normaliseHeader(text: string): string {
  const key = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\(s\)/g, '')
    .replace(/[\s._\-‐‑–—'"’*]+/g, '');
  let end = key.length;
  while (end > 0 && ':#№'.includes(key[end - 1])) end--;
  return key.slice(0, end);
}

/** The looser form: without a parenthesised or comma-separated tail and without a trailing number (Manufacturer 1). */
function looseHeader(text: string): string {
  return normaliseHeader(text.replace(/\(.*?\)|\[.*?\]/g, ' ').replace(/[,;/]\s*[^,;/]*$/, '')).replace(/\d+$/, '');
}

/** A column name is short; longer cells are data, never a header. */
export const MAX_HEADER = 200;

interface AliasInfo {
  role: ColumnRole;
  priority: number;
  weak: boolean;
  distributor?: string;
  inverted?: boolean;
}

const ALIASES = new Map<string, AliasInfo>();
const OTHER_KEYS = new Set(OTHER_HEADERS.map(normaliseHeader));
{
  const weak = new Set(WEAK_ALIASES.map(normaliseHeader));
  const inverted = new Set(INVERTED_ALIASES.map(normaliseHeader));
  const distributorOf = new Map<string, string>();
  for (const [name, aliases] of Object.entries(DISTRIBUTOR_ALIASES)) for (const a of aliases) distributorOf.set(normaliseHeader(a), name);
  for (const [role, aliases] of Object.entries(COLUMN_ALIASES) as [ColumnRole, string[]][]) {
    aliases.forEach((alias, priority) => {
      const key = normaliseHeader(alias);
      if (ALIASES.has(key)) return;
      const info: AliasInfo = { role, priority, weak: weak.has(key) };
      if (role === 'distributorPartNumber' && distributorOf.get(key)) info.distributor = distributorOf.get(key);
      if (inverted.has(key)) info.inverted = true;
      ALIASES.set(key, info);
    });
  }
}

/** What a column name says about the column, or null when it is not a name we know. */
export function columnRole(header: string): (AliasInfo & { loose: boolean }) | null {
  if (header.length > MAX_HEADER) return null;
  const exact = ALIASES.get(normaliseHeader(header));
  if (exact) return { ...exact, loose: false };
  const loose = looseHeader(header);
  const match = loose ? ALIASES.get(loose) : undefined;
  return match ? { ...match, priority: match.priority + 100, loose: true } : null;
}

const isOther = (header: string) => {
  if (header.length > MAX_HEADER) return false;
  const key = normaliseHeader(header);
  return OTHER_KEYS.has(key) || OTHER_KEYS.has(looseHeader(header)) || header.trim() === '#';
};

const IDENTITY: readonly ColumnRole[] = ['partNumber', 'value', 'distributorPartNumber'];
const NAME_KEY = normaliseHeader('Наименование');
const COMMENT_KEY = normaliseHeader('Comment');

type Column = ColumnMapping['columns'][number] & { weak: boolean };

/** Roles of one candidate header row: each role but distributorPartNumber goes to its best column only. */
function assignRoles(header: string[]): Column[] {
  const found = header.map((h, index) => ({ index, header: h, info: h.trim() ? columnRole(h) : null }));
  const best = new Map<ColumnRole, (typeof found)[number]>();
  for (const f of found) {
    if (!f.info || f.info.role === 'distributorPartNumber') continue;
    const current = best.get(f.info.role);
    const rank = (x: typeof f) => (x.info!.weak ? 1000 : 0) + x.info!.priority;
    if (!current || rank(f) < rank(current)) best.set(f.info.role, f);
  }
  const columns: Column[] = found.map((f) => {
    const info = f.info;
    const keep = info && (info.role === 'distributorPartNumber' || best.get(info.role) === f);
    const column: Column = { index: f.index, header: f.header, role: keep ? info.role : null, weak: keep ? info.weak : false };
    if (keep && info.distributor) column.distributor = info.distributor;
    if (keep && info.inverted) column.inverted = true;
    return column;
  });
  nameAsPartNumber(columns);
  return columns;
}

/** ESKD lists: «Наименование» holds "Микросхема К155ЛА3 …", the part itself unless a part-number column exists. */
function nameAsPartNumber(columns: Column[]) {
  const name = columns.find((c) => c.role === 'description' && normaliseHeader(c.header) === NAME_KEY);
  if (name && !columns.some((c) => c.role === 'partNumber')) name.role = 'partNumber';
}

function scoreRow(columns: Column[], header: string[]): number {
  let score = 0;
  for (const c of columns) {
    if (c.role) score += c.weak ? 1 : 3;
    else if (header[c.index]?.trim() && isOther(header[c.index])) score += 1;
  }
  return score;
}

const valid = (columns: Column[]) => columns.some((c) => c.role && IDENTITY.includes(c.role)) && columns.filter((c) => c.role).length >= 2;

/** A column whose cells below the header read as designator lists becomes the designator column. */
function designatorsByContent(columns: Column[], rows: string[][], headerRow: number) {
  if (columns.some((c) => c.role === 'designators')) return;
  const sample = rows.slice(headerRow + 1, headerRow + 31);
  for (const c of columns) {
    if (c.role && !c.weak) continue;
    const cells = sample.map((r) => r[c.index] ?? '').filter((v) => v !== '');
    if (cells.length >= 1 && cells.filter(looksLikeDesignators).length >= Math.max(1, cells.length * 0.8)) {
      c.role = 'designators';
      c.weak = true;
      delete c.distributor;
      nameAsPartNumber(columns);
      return;
    }
  }
}

/** Altium's "Comment" is the value, but next to a part-number column it often holds remarks in prose. */
function proseComment(columns: Column[], rows: string[][], headerRow: number) {
  const value = columns.find((c) => c.role === 'value' && normaliseHeader(c.header) === COMMENT_KEY);
  if (!value || !columns.some((c) => c.role === 'partNumber')) return;
  const cells = rows
    .slice(headerRow + 1, headerRow + 31)
    .map((r) => r[value.index]?.trim() ?? '')
    .filter((v) => v !== '');
  if (cells.length && cells.filter((v) => v.split(/\s+/).length >= 4).length >= cells.length / 2) value.role = null;
}

function finish(columns: Column[], headerRow: number, confidence?: ColumnMapping['confidence']): ColumnMapping {
  const strong = columns.filter((c) => c.role && !c.weak);
  const identityStrong = strong.some((c) => IDENTITY.includes(c.role!));
  return {
    columns: columns.map(({ weak: _weak, ...c }) => c),
    headerRow,
    confidence: confidence ?? (identityStrong && strong.length >= 2 ? 'high' : 'low'),
  };
}

/**
 * Finds the header row among the first `scanRows` rows: the row whose cells best match the known column
 * names, and that has a part-number, value or distributor-number column plus one more recognised column.
 * Null when there is none.
 */
export function detectHeader(rows: string[][], scanRows = 40): ColumnMapping | null {
  let best: { row: number; columns: Column[]; score: number } | null = null;
  for (let row = 0; row < Math.min(rows.length, scanRows); row++) {
    const header = rows[row];
    if (header.length > 500) continue;
    const columns = assignRoles(header);
    if (!valid(columns)) continue;
    const score = scoreRow(columns, header);
    if (!best || score > best.score) best = { row, columns, score };
  }
  if (!best) return null;
  designatorsByContent(best.columns, rows, best.row);
  proseComment(best.columns, rows, best.row);
  return finish(best.columns, best.row);
}

/**
 * A mapping from roles the user chose (column index → role). A role other than distributorPartNumber is
 * kept on its first column only; distributor names and the inverted meaning of a "Fitted" column come from
 * the column names.
 */
export function mappingFromRoles(header: string[], roles: Record<number, ColumnRole | null>, headerRow = 0): ColumnMapping {
  const taken = new Set<ColumnRole>();
  const width = Math.max(
    header.length,
    ...Object.keys(roles)
      .map((k) => Number(k) + 1)
      .filter(Number.isFinite),
  );
  const columns: Column[] = [];
  for (let index = 0; index < width; index++) {
    const h = header[index] ?? '';
    let role = roles[index] ?? null;
    if (role && role !== 'distributorPartNumber' && taken.has(role)) role = null;
    if (role) taken.add(role);
    const column: Column = { index, header: h, role, weak: false };
    const info = h.trim() ? columnRole(h) : null;
    if (role === 'distributorPartNumber' && info?.role === 'distributorPartNumber' && info.distributor) column.distributor = info.distributor;
    if (role === 'dnp' && info?.role === 'dnp' && info.inverted) column.inverted = true;
    columns.push(column);
  }
  return finish(columns, headerRow, 'high');
}
