import type { MessageKey, Translate } from '../i18n';
import type { AnalysisStatus, BomTally, ColumnRole, GenericPart } from './types';

/** Status of a line: label, badge colour, chart colour and the key of its count in the summary. */
export const STATUS_META: Record<AnalysisStatus, { label: MessageKey; color: string; chart: string; variant: 'light' | 'outline'; tally: keyof BomTally }> = {
  covered: { label: 'bom.status.covered', color: 'green', chart: 'green.6', variant: 'light', tally: 'covered' },
  functional: { label: 'bom.status.functional', color: 'yellow', chart: 'yellow.5', variant: 'light', tally: 'functional' },
  not_covered: { label: 'bom.status.not_covered', color: 'red', chart: 'red.6', variant: 'light', tally: 'notCovered' },
  generic: { label: 'bom.status.generic', color: 'gray', chart: 'gray.5', variant: 'light', tally: 'generic' },
  unreadable: { label: 'bom.status.unreadable', color: 'orange', chart: 'orange.6', variant: 'light', tally: 'unreadable' },
  excluded: { label: 'bom.status.excluded', color: 'gray', chart: 'gray.3', variant: 'outline', tally: 'excluded' },
};

export function statusText(t: Translate, status: string): string {
  return status in STATUS_META ? t(STATUS_META[status as AnalysisStatus].label) : status;
}

export const ROLE_LABELS: Record<ColumnRole, MessageKey> = {
  partNumber: 'bom.role.partNumber',
  value: 'bom.role.value',
  manufacturer: 'bom.role.manufacturer',
  designators: 'bom.role.designators',
  quantity: 'bom.role.quantity',
  package: 'bom.role.package',
  description: 'bom.role.description',
  dnp: 'bom.role.dnp',
  distributorPartNumber: 'bom.role.distributorPartNumber',
};

const DELIMITERS: Record<string, MessageKey> = {
  ',': 'bom.delimiter.comma',
  ';': 'bom.delimiter.semicolon',
  '\t': 'bom.delimiter.tab',
  '|': 'bom.delimiter.pipe',
};

export function delimiterText(t: Translate, delimiter: string | null): string | null {
  if (delimiter === null) return null;
  return delimiter in DELIMITERS ? t(DELIMITERS[delimiter]) : JSON.stringify(delimiter);
}

const GENERIC_KINDS: Record<GenericPart['kind'], MessageKey> = {
  resistor: 'bom.generic.resistor',
  capacitor: 'bom.generic.capacitor',
  inductor: 'bom.generic.inductor',
  ferrite: 'bom.generic.ferrite',
  mechanical: 'bom.generic.mechanical',
  connector: 'bom.generic.connector',
  other: 'bom.generic.other',
};

export function genericText(t: Translate, generic: GenericPart): string {
  const kind = GENERIC_KINDS[generic.kind] ? t(GENERIC_KINDS[generic.kind]) : generic.kind;
  return generic.value ? `${kind} ${generic.value}` : kind;
}

/** The server words line warnings and skip reasons in English; the common ones are shown in the interface language. */
const WARNING_PATTERNS: { pattern: RegExp; key: MessageKey; params: string[] }[] = [
  { pattern: /^quantity (\S+) differs from the number of designators \((\d+)\)$/, key: 'bom.warning.quantityMismatch', params: ['quantity', 'count'] },
  { pattern: /^quantity "(.*)" is not a number$/, key: 'bom.warning.quantityNotNumber', params: ['text'] },
  { pattern: /^part number (\S+) taken from the Mouser number (\S+)$/, key: 'bom.warning.fromMouser', params: ['partNumber', 'mouser'] },
  { pattern: /^designators: repeated designators: (.+)$/, key: 'bom.warning.repeatedDesignators', params: ['list'] },
  { pattern: /^designators: (.+)$/, key: 'bom.warning.designators', params: ['text'] },
  { pattern: /^repeated header row$/, key: 'bom.skip.repeatedHeader', params: [] },
  { pattern: /^footer or summary line "(.*)"$/, key: 'bom.skip.footer', params: ['text'] },
  { pattern: /^section heading "(.*)"$/, key: 'bom.skip.section', params: ['text'] },
  { pattern: /^no part number, value or designators$/, key: 'bom.skip.empty', params: [] },
];

export function warningText(t: Translate, warning: string): string {
  for (const { pattern, key, params } of WARNING_PATTERNS) {
    const match = pattern.exec(warning);
    if (!match) continue;
    return t(key, Object.fromEntries(params.map((name, index) => [name, match[index + 1]])));
  }
  return warning;
}

/** 0.734 → "73,4 %" in the interface language. */
export function percent(intl: string, share: number): string {
  return new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
