/**
 * Rows of the catalogue exchange layout (one row per analog link; a product type without analogs has an
 * empty foreign part). The import reads both this layout and the reference layout shipped as the demo
 * dataset (domestic, domestic_latin, foreign, …). Pure code: header mapping and row validation.
 */

export const EXPORT_COLUMNS = [
  'designation',
  'designation_latin',
  'category',
  'function_ru',
  'function_en',
  'function_derived',
  'packages',
  'quality_level',
  'status',
  'standards',
  'okpd2',
  'tnved',
  'maker',
  'maker_country',
  'foreign_part',
  'foreign_manufacturer',
  'analog_type',
  'verified',
  'source',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Header names accepted for each field (lower case). */
const ALIASES: Record<string, readonly string[]> = {
  designation: ['designation', 'domestic', 'обозначение', 'типономинал'],
  designation_latin: ['designation_latin', 'domestic_latin', 'latin'],
  category: ['category', 'категория'],
  function_ru: ['function_ru', 'функция'],
  function_en: ['function_en', 'function'],
  function_derived: ['function_derived'],
  packages: ['packages', 'package', 'корпус'],
  quality_level: ['quality_level'],
  status: ['status'],
  standards: ['standards', 'standard'],
  okpd2: ['okpd2', 'окпд2'],
  tnved: ['tnved', 'тн вэд'],
  maker: ['maker', 'manufacturer', 'изготовитель'],
  maker_country: ['maker_country', 'country', 'страна'],
  foreign_part: ['foreign_part', 'foreign', 'part_number', 'mpn'],
  foreign_manufacturer: ['foreign_manufacturer'],
  analog_type: ['analog_type', 'type'],
  source: ['source', 'источник'],
};

const ANALOG_TYPES = new Set(['full', 'functional', 'partial']);
const QUALITY_LEVELS = new Set(['commercial', 'industrial', 'otk', 'military']);
const STATUSES = new Set(['in_production', 'development', 'discontinued']);

export interface CatalogueRecord {
  line: number;
  designation: string;
  designationLatin: string | null;
  categoryCode: string | null;
  functionRu: string | null;
  functionEn: string | null;
  packages: string[];
  qualityLevel: 'commercial' | 'industrial' | 'otk' | 'military' | null;
  status: 'in_production' | 'development' | 'discontinued' | null;
  standards: string[];
  okpd2: string | null;
  tnved: string | null;
  maker: { name: string; country: string } | null;
  foreignPart: { partNumber: string; manufacturer: string | null } | null;
  analogType: 'full' | 'functional' | 'partial';
  source: string | null;
}

export interface RowError {
  line: number;
  message: string;
}

/** Maps header cells to field names; throws a clear error when the designation column is missing. */
export function mapHeader(header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = cell
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    for (const [field, aliases] of Object.entries(ALIASES)) if (!map.has(field) && aliases.includes(name)) map.set(field, index);
  });
  if (!map.has('designation')) throw new Error(`no designation column: expected one of ${ALIASES.designation.join(', ')}; the header has ${header.join(', ')}`);
  return map;
}

const splitList = (v: string) =>
  v
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * One data row to a record, or an error that names the line. `defaultAnalogType` applies when the file has
 * no analog_type column (the reference layout): its source says "analog" without a package, so pin
 * compatibility is not established and the link is `functional`; rows marked `[check: …]` are `partial`.
 */
export function toRecord(
  cells: string[],
  header: Map<string, number>,
  line: number,
  defaultAnalogType: CatalogueRecord['analogType'] = 'functional',
): CatalogueRecord | RowError {
  const get = (field: string) => {
    const i = header.get(field);
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    return v === '-' ? '' : v;
  };
  const designation = get('designation');
  if (!designation) return { line, message: 'the designation is empty' };
  if (designation.length > 100) return { line, message: 'the designation is longer than 100 characters' };
  const source = get('source') || null;
  let analogType = get('analog_type').toLowerCase() as CatalogueRecord['analogType'];
  if (!analogType) analogType = source?.includes('[check:') ? 'partial' : defaultAnalogType;
  if (!ANALOG_TYPES.has(analogType)) return { line, message: `unknown analog type "${analogType}" (full, functional or partial)` };
  const qualityLevel = get('quality_level') || null;
  if (qualityLevel && !QUALITY_LEVELS.has(qualityLevel)) return { line, message: `unknown quality level "${qualityLevel}"` };
  const status = get('status') || null;
  if (status && !STATUSES.has(status)) return { line, message: `unknown production status "${status}"` };
  const makerName = get('maker');
  const country = get('maker_country').toUpperCase();
  if (makerName && !/^[A-Z]{2}$/.test(country)) return { line, message: `maker "${makerName}" needs a two-letter country code (BY, RU …)` };
  const partNumber = get('foreign_part');
  const derivedText = get('function_derived').toLowerCase() === 'yes';
  return {
    line,
    designation,
    designationLatin: get('designation_latin') || null,
    categoryCode: get('category') || null,
    // derived texts are derived again on import rather than frozen into given ones
    functionRu: derivedText ? null : get('function_ru') || null,
    functionEn: derivedText ? null : get('function_en') || null,
    packages: splitList(get('packages')),
    qualityLevel: qualityLevel as CatalogueRecord['qualityLevel'],
    status: status as CatalogueRecord['status'],
    standards: splitList(get('standards')),
    okpd2: get('okpd2') || null,
    tnved: get('tnved') || null,
    maker: makerName ? { name: makerName, country } : null,
    foreignPart: partNumber ? { partNumber, manufacturer: get('foreign_manufacturer') || null } : null,
    analogType,
    source,
  };
}

export const isRowError = (r: CatalogueRecord | RowError): r is RowError => 'message' in r;
