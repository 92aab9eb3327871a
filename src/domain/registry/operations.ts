/**
 * Technological operations of microelectronics production: what was done, and where. A registry application
 * lists each operation with the country (and optionally the organization) that performed it; rule sets turn
 * that list into a level or points. Codes are stable identifiers stored in the database and rule-set JSON.
 */

export const OPERATION_CODES = [
  'design',
  'software',
  'wafer',
  'photomasks',
  'assembly',
  'testing',
  'refinement',
  'photoresists',
  'packages',
  'eda',
  'branding',
] as const;

export type OperationCode = (typeof OPERATION_CODES)[number];

export interface LocalizedText {
  ru: string;
  en: string;
}

export const OPERATION_LABELS: Readonly<Record<OperationCode, LocalizedText>> = {
  design: {
    ru: 'Разработка структуры, логической и (или) электрической схемы и топологии',
    en: 'Design of the structure, logic and/or electrical schematic and topology',
  },
  software: { ru: 'Разработка программного обеспечения схемы, включая программный код', en: 'Circuit software, including program code' },
  wafer: {
    ru: 'Полный цикл изготовления пластин (кроме фотошаблонов), кристаллов и их измерение',
    en: 'Full-cycle wafer fabrication (except photomasks), crystals and their measurement',
  },
  photomasks: { ru: 'Изготовление фотошаблонов', en: 'Photomask fabrication' },
  assembly: { ru: 'Сборка кристаллов в корпуса', en: 'Assembly of crystals into packages' },
  testing: { ru: 'Измерения и испытания', en: 'Measurement and testing' },
  refinement: { ru: 'Доводка', en: 'Refinement (доводка)' },
  photoresists: { ru: 'Фоторезисты', en: 'Photoresists' },
  packages: { ru: 'Корпуса, подложки и проволока для разварки', en: 'Packages, substrates and bonding wire' },
  eda: { ru: 'Используемые средства проектирования (САПР)', en: 'Design software used (EDA)' },
  branding: { ru: 'Только финальная маркировка', en: 'Final marking only' },
};

/** One operation of one product: where it was performed and, when known, by whom. */
export interface Operation {
  code: OperationCode;
  /** ISO 3166-1 alpha-2, upper case (RU, BY, CN …). */
  country: string;
  organizationName?: string | null;
  organizationId?: number | null;
}

/** Share of the product's content (cost/work) attributed to one country, in percent (0–100). */
export interface ContentShare {
  country: string;
  percent: number;
}

const CODE_SET: ReadonlySet<string> = new Set(OPERATION_CODES);

export function isOperationCode(value: unknown): value is OperationCode {
  return typeof value === 'string' && CODE_SET.has(value);
}

/** ISO 3166-1 alpha-2 shape check (two upper-case Latin letters); does not check the code is assigned. */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value);
}

export function operationLabel(code: OperationCode, lang: 'ru' | 'en'): string {
  return OPERATION_LABELS[code][lang];
}
