/**
 * Bills of materials as people really export them: the shapes shared by the BOM parsing modules
 * (decoding, table splitting, header detection, column mapping, designators, generic passives) and the
 * analysis that matches each line through the search tiers.
 */

/** What a BOM column holds. */
export type ColumnRole =
  | 'partNumber' // manufacturer part number: MPN, Manufacturer Part Number, Mfg Part#, Part Number, Артикул …
  | 'value' // Value, Номинал, Comment (KiCad/Altium "value" of a part: 100n, 10k, 74HC00, STM32F103C8Tx)
  | 'manufacturer' // Manufacturer, Mfr, Hersteller, Производитель, Изготовитель
  | 'designators' // Designator, Reference(s), Ref Desc, RefDes, Поз. обозначение, Bauteil
  | 'quantity' // Qty, Quantity, Кол., Количество, Menge, Anzahl
  | 'package' // Package, Footprint, Case, Корпус, Gehäuse, Bauform
  | 'description' // Description, Описание, Beschreibung, Наименование (when it holds free text)
  | 'dnp' // DNP, Do not populate, Не устанавливать, Fitted (inverted meaning is noted per column)
  | 'distributorPartNumber'; // Digi-Key Part Number, Mouser No, LCSC Part #, JLCPCB Part, Farnell, RS, ЧИП и ДИП

export interface ColumnMapping {
  /** Zero-based column index → role; a role appears at most once except distributorPartNumber. */
  columns: {
    index: number;
    header: string;
    role: ColumnRole | null;
    /** For distributorPartNumber: the distributor the column names (Digi-Key, Mouser, LCSC …), when it names one. */
    distributor?: string;
    /** For dnp: the column says "fitted" (Fitted, Populate, Bestückt), so a true value means the part is placed. */
    inverted?: boolean;
  }[];
  /** Zero-based index of the header row in the table (preamble lines come before it). */
  headerRow: number;
  /**
   * `low` when the part-number/value column was recognised only by a weak name (Тип, Обозначение, Part) or
   * fewer than two columns by strong names: the mapping step should ask the user to confirm.
   */
  confidence: 'high' | 'low';
}

export interface ParsedTable {
  delimiter: ',' | ';' | '\t' | '|' | null; // null for XLSX, and for text that no delimiter splits (one column)
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252' | 'xlsx';
  rows: string[][]; // every non-blank row of the source, preamble included, cells trimmed (splitTable also gives their 1-based lines)
}

export type LineStatus = 'covered' | 'functional' | 'not_covered' | 'generic' | 'unreadable';

export interface BomLine {
  /** 1-based line number in the source file (as a person counts lines in the file or sheet). */
  sourceLine: number;
  /** The original cells of the row, kept for exports. */
  cells: string[];
  partNumber: string | null;
  value: string | null;
  manufacturer: string | null;
  designators: string[];
  quantity: number | null;
  /** Free text of the line (Description, Описание; «Наименование» of an ESKD list in full). */
  description: string | null;
  /** Package or footprint as written. */
  package: string | null;
  /** Distributor order numbers (Digi-Key, Mouser, LCSC …); distributor null when the column names none. */
  distributorPartNumbers: { distributor: string | null; partNumber: string }[];
  /** Problems a person should look at: quantity differs from designator count, unreadable range … */
  warnings: string[];
  dnp: boolean;
  /** Recognised generic passive or mechanical part (10k resistor, 100n capacitor, mounting hole). */
  generic: { kind: 'resistor' | 'capacitor' | 'inductor' | 'ferrite' | 'mechanical' | 'connector' | 'other'; value: string | null } | null;
}
