/**
 * Domestic product types (типономиналы) as the Soviet/Russian system writes them: prefix (К, КР, КМ, КФ, Н …),
 * series (133, 155, 1533, 1564, 140, 142, 580, 1986 …), function letters from FUNCTION_CODES, number and an
 * optional suffix letter. Also function texts, packages, quality levels and parameters in SI units.
 */
import { FUNCTION_CODES } from '../../src/domain/categories';
import { Rng, hash32 } from '../lib/rng';
import { CMOS4000_BY_FUNCTION, LOGIC74_BY_FUNCTION, MODELS_BY_CATEGORY } from './families';

export type SeriesKind = 'ttl' | 'cmos74' | 'cmos4000' | 'analog' | 'computing' | 'memory';

export interface Series {
  series: string;
  kind: SeriesKind;
  /** Function codes made in this series (logic series take the logic sets below). */
  functions: readonly (readonly [string, number])[];
  /** 7400 logic family of the series ('' is standard TTL); 54 for the military temperature range. */
  family?: string;
  military?: boolean;
  weight: number;
  /** Most made in Belarus (Integral) or Russia. */
  country?: 'BY' | 'RU';
}

const LOGIC: [string, number][] = [
  ['ЛА', 10],
  ['ЛЕ', 6],
  ['ЛИ', 4],
  ['ЛЛ', 3],
  ['ЛН', 6],
  ['ЛП', 5],
  ['ЛР', 2],
  ['ТМ', 6],
  ['ТВ', 4],
  ['ТЛ', 3],
  ['ТР', 1],
  ['ИЕ', 6],
  ['ИР', 6],
  ['ИД', 5],
  ['ИВ', 1],
  ['ИМ', 2],
  ['ИП', 2],
  ['СП', 1],
  ['КП', 4],
  ['АП', 4],
  ['АГ', 2],
  ['ГГ', 1],
  ['ХЛ', 1],
];
const CMOS: [string, number][] = [...LOGIC.filter(([f]) => CMOS4000_BY_FUNCTION[f]), ['КТ', 3]];
const one = (code: string): [string, number][] => [[code, 1]];

const s = (series: string, kind: SeriesKind, functions: readonly (readonly [string, number])[], weight: number, extra: Partial<Series> = {}): Series => ({
  series,
  kind,
  functions,
  weight,
  ...extra,
});

export const SERIES: Series[] = [
  s('133', 'ttl', LOGIC, 4, { family: '', military: true }),
  s('155', 'ttl', LOGIC, 8, { family: '' }),
  s('134', 'ttl', LOGIC, 1, { family: 'L', military: true }),
  s('158', 'ttl', LOGIC, 1, { family: 'L' }),
  s('130', 'ttl', LOGIC, 0.5, { family: 'H', military: true }),
  s('131', 'ttl', LOGIC, 1, { family: 'H' }),
  s('530', 'ttl', LOGIC, 2, { family: 'S', military: true }),
  s('531', 'ttl', LOGIC, 3, { family: 'S' }),
  s('533', 'ttl', LOGIC, 4, { family: 'LS', military: true }),
  s('555', 'ttl', LOGIC, 8, { family: 'LS' }),
  s('1530', 'ttl', LOGIC, 1, { family: 'AS' }),
  s('1531', 'ttl', LOGIC, 3, { family: 'F' }),
  s('1533', 'ttl', LOGIC, 8, { family: 'ALS' }),
  s('1564', 'cmos74', LOGIC, 5, { family: 'HC', country: 'BY' }),
  s('5564', 'cmos74', LOGIC, 2, { family: 'HC', military: true, country: 'BY' }),
  s('1554', 'cmos74', LOGIC, 5, { family: 'AC', country: 'BY' }),
  s('5554', 'cmos74', LOGIC, 2, { family: 'AC', military: true, country: 'BY' }),
  s('1594', 'cmos74', LOGIC, 3, { family: 'ACT', country: 'BY' }),
  s('1835', 'cmos74', LOGIC, 2, { family: 'LVC', country: 'BY' }),
  s('164', 'cmos4000', CMOS, 1),
  s('176', 'cmos4000', CMOS, 3),
  s('561', 'cmos4000', CMOS, 6),
  s('564', 'cmos4000', CMOS, 4, { military: true }),
  s('1561', 'cmos4000', CMOS, 3),
  s('140', 'analog', one('УД'), 4),
  s('153', 'analog', one('УД'), 1),
  s('154', 'analog', one('УД'), 1),
  s('544', 'analog', one('УД'), 2),
  s('574', 'analog', one('УД'), 1),
  s(
    '1401',
    'analog',
    [
      ['УД', 3],
      ['СА', 1],
    ],
    2,
  ),
  s('1407', 'analog', one('УД'), 1),
  s('1408', 'analog', one('УД'), 1),
  s('1409', 'analog', one('УД'), 1),
  s('1423', 'analog', one('УД'), 1),
  s('1463', 'analog', one('УД'), 1),
  s('142', 'analog', one('ЕН'), 4),
  s('1157', 'analog', one('ЕН'), 2),
  s('1158', 'analog', one('ЕН'), 2),
  s('1180', 'analog', one('ЕН'), 2),
  s('1184', 'analog', one('ЕН'), 1),
  s('1253', 'analog', one('ЕН'), 1),
  s('1114', 'analog', one('ЕУ'), 1),
  s('1033', 'analog', one('ЕУ'), 1),
  s('1156', 'analog', one('ЕУ'), 1),
  s('521', 'analog', one('СА'), 1),
  s('554', 'analog', one('СА'), 1),
  s('597', 'analog', one('СА'), 1),
  s('1006', 'analog', one('ВИ'), 2),
  s('1441', 'analog', one('ВИ'), 1),
  s(
    '174',
    'analog',
    [
      ['УН', 2],
      ['ХА', 1],
    ],
    2,
  ),
  s(
    '572',
    'analog',
    [
      ['ПА', 1],
      ['ПВ', 1],
    ],
    1,
  ),
  s(
    '1108',
    'analog',
    [
      ['ПА', 1],
      ['ПВ', 1],
    ],
    1,
  ),
  s('1113', 'analog', one('ПВ'), 0.5),
  s('1118', 'analog', one('ПА'), 0.5),
  s('594', 'analog', one('ПА'), 0.5),
  s('590', 'analog', one('КТ'), 1),
  s(
    '1273',
    'analog',
    [
      ['ХА', 1],
      ['ХК', 1],
    ],
    0.5,
  ),
  s(
    '580',
    'computing',
    [
      ['ВМ', 2],
      ['ВВ', 3],
      ['ВИ', 2],
      ['ВГ', 2],
      ['ВК', 2],
      ['ВН', 2],
      ['ВТ', 2],
      ['ВА', 2],
      ['ИР', 2],
      ['ГФ', 1],
    ],
    3,
  ),
  s(
    '1810',
    'computing',
    [
      ['ВМ', 2],
      ['ВН', 2],
      ['ВИ', 2],
      ['ВГ', 2],
      ['ВТ', 1],
      ['ГФ', 1],
      ['ВВ', 2],
    ],
    2,
  ),
  s(
    '1821',
    'computing',
    [
      ['ВМ', 1],
      ['ВВ', 1],
      ['ВИ', 1],
    ],
    1,
  ),
  s('1816', 'computing', one('ВЕ'), 1),
  s('1830', 'computing', one('ВЕ'), 2),
  s('1886', 'computing', one('ВЕ'), 1),
  s('1986', 'computing', one('ВЕ'), 2, { country: 'RU' }),
  s('1874', 'computing', one('ВЕ'), 1),
  s('1887', 'computing', one('ВЕ'), 1),
  s('1882', 'computing', one('ВЕ'), 1, { country: 'BY' }),
  s('1881', 'computing', one('ВЕ'), 1, { country: 'BY' }),
  s('537', 'memory', one('РУ'), 2),
  s('541', 'memory', one('РУ'), 2),
  s('565', 'memory', one('РУ'), 2),
  s('132', 'memory', one('РУ'), 1),
  s(
    '573',
    'memory',
    [
      ['РФ', 2],
      ['РТ', 1],
    ],
    2,
  ),
  s('556', 'memory', one('РТ'), 2),
  s('1601', 'memory', one('РР'), 1),
  s('1623', 'memory', one('РТ'), 1),
  s('1645', 'memory', one('РУ'), 1),
  s('1636', 'memory', one('РР'), 1),
];

const SERIES_WEIGHTS = SERIES.map((x) => [x, x.weight] as const);
const ALL_FUNCTIONS = Object.keys(FUNCTION_CODES).map((f) => [f, 1] as const);

const PREFIXES_COMMERCIAL: [string, number][] = [
  ['', 0.12],
  ['К', 0.28],
  ['КР', 0.34],
  ['КМ', 0.05],
  ['КФ', 0.07],
  ['Н', 0.03],
  ['КА', 0.03],
  ['ЭКР', 0.04],
  ['КБ', 0.04],
];
const PREFIXES_MILITARY: [string, number][] = [
  ['', 0.6],
  ['Н', 0.1],
  ['Б', 0.1],
  ['К', 0.1],
  ['КР', 0.1],
];
const SUFFIXES: [string, number][] = [
  ['А', 10],
  ['Б', 7],
  ['В', 5],
  ['Г', 3],
  ['Д', 2],
  ['Е', 1],
  ['И', 1],
  ['Т', 2],
  ['У', 2],
  ['Н', 1],
];

export interface DomesticDesignation {
  designation: string;
  series: Series;
  /** A series not in the list above (the long tail of development numbers). */
  tail: boolean;
  prefix: string;
  functionCode: string;
  number: number;
  suffix: string;
}

/** Draws a designation: a series from the list (or, for 15 %, the long tail of other series numbers). */
export function drawDesignation(rng: Rng): DomesticDesignation {
  let series: Series;
  let functionCode: string;
  let tail = false;
  if (rng.chance(0.15)) {
    tail = true;
    functionCode = rng.weighted(ALL_FUNCTIONS);
    const digits = rng.chance(0.8) ? `1${String(100 + rng.zipfIndex(900, 0.5)).padStart(3, '0')}` : `5${String(100 + rng.int(0, 899))}`;
    series = { series: digits, kind: kindOf(functionCode), functions: [[functionCode, 1]], weight: 0, family: undefined };
  } else {
    series = rng.weighted(SERIES_WEIGHTS);
    functionCode = rng.weighted(series.functions);
  }
  const maxNumber = series.kind === 'computing' || series.kind === 'memory' ? 99 : series.kind === 'analog' ? 60 : 40;
  const number = 1 + rng.zipfIndex(maxNumber, 0.8);
  const prefix = rng.weighted(series.military ? PREFIXES_MILITARY : PREFIXES_COMMERCIAL);
  let suffix = rng.chance(0.45) ? rng.weighted(SUFFIXES) : '';
  if (functionCode === 'ВЕ' && rng.chance(0.1)) suffix = rng.pick(['QI', 'QC', 'Т1', 'У']);
  return { designation: `${prefix}${series.series}${functionCode}${number}${suffix}`, series, tail, prefix, functionCode, number, suffix };
}

function kindOf(functionCode: string): SeriesKind {
  const category = FUNCTION_CODES[functionCode].category;
  if (LOGIC74_BY_FUNCTION[functionCode] && !['switches'].includes(category)) return 'ttl';
  if (['ram', 'rom'].includes(category)) return 'memory';
  if (['microcontrollers', 'microprocessors', 'mpu-peripherals'].includes(category)) return 'computing';
  return 'analog';
}

// ---------------------------------------------------------------------------------------------------------
// What foreign parts a product type is an analog of

/**
 * Link groups of a product type, strongest first: the 7400 or 4000 number of its function (same logic family
 * preferred by the caller), else the foreign model its number maps to, else its category.
 */
export function linkGroups(d: DomesticDesignation): { group: string; family?: string; military?: boolean }[] {
  const category = FUNCTION_CODES[d.functionCode].category;
  const out: { group: string; family?: string; military?: boolean }[] = [];
  const pickFrom = (list: string[]) => list[(d.number - 1) % list.length];
  if ((d.series.kind === 'ttl' || d.series.kind === 'cmos74') && LOGIC74_BY_FUNCTION[d.functionCode]) {
    out.push({ group: `74:${pickFrom(LOGIC74_BY_FUNCTION[d.functionCode])}`, family: d.series.family, military: d.series.military });
  } else if (d.series.kind === 'cmos4000' && CMOS4000_BY_FUNCTION[d.functionCode]) {
    out.push({ group: `4000:${pickFrom(CMOS4000_BY_FUNCTION[d.functionCode])}` });
  } else {
    const models = MODELS_BY_CATEGORY[category];
    if (models?.length) {
      // 580ВВ55 ↔ 8255, 1810ВМ86 ↔ 8086: the number is the end of the Intel number
      const byNumber = models.find((x) => /^\d{4}$/.test(x.model) && x.model.endsWith(String(d.number).padStart(2, '0')));
      const model = byNumber ?? models[hash32(`${d.series.series}${d.functionCode}${d.number}`) % models.length];
      out.push({ group: `model:${model.model}` });
    }
  }
  out.push({ group: `cat:${category}` });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Texts, packages, quality and parameters

/** More specific Russian function texts than the derived ones, as datasheets write them. */
const SPECIFIC_RU: Record<string, string[]> = {
  ЛА: ['Четыре логических элемента 2И-НЕ', 'Три логических элемента 3И-НЕ', 'Два логических элемента 4И-НЕ', 'Логический элемент 8И-НЕ'],
  ЛЕ: ['Четыре логических элемента 2ИЛИ-НЕ', 'Три логических элемента 3ИЛИ-НЕ', 'Два логических элемента 4ИЛИ-НЕ'],
  ЛИ: ['Четыре логических элемента 2И', 'Три логических элемента 3И'],
  ЛЛ: ['Четыре логических элемента 2ИЛИ'],
  ЛН: ['Шесть логических элементов НЕ', 'Шесть инверторов с открытым коллектором', 'Шесть буферных инверторов'],
  ЛП: ['Четыре логических элемента исключающее ИЛИ', 'Шесть повторителей с открытым стоком'],
  ТМ: ['Два D-триггера', 'Четыре D-триггера', 'Восемь D-триггеров с тремя состояниями выхода'],
  ТВ: ['Два JK-триггера', 'JK-триггер с логикой на входе'],
  ТЛ: ['Шесть триггеров Шмитта с инверсией', 'Четыре триггера Шмитта 2И-НЕ'],
  ИЕ: [
    'Четырёхразрядный двоичный счётчик',
    'Двоично-десятичный счётчик',
    'Реверсивный счётчик',
    'Десятичный счётчик с дешифратором',
    'Двенадцатиразрядный двоичный счётчик',
    'Счётчик-делитель частоты',
  ],
  ИР: ['Восьмиразрядный сдвиговый регистр', 'Четырёхразрядный универсальный регистр сдвига', 'Восьмиразрядный регистр с тремя состояниями выхода'],
  ИД: ['Дешифратор 3 на 8', 'Сдвоенный дешифратор 2 на 4', 'Дешифратор 4 на 16', 'Дешифратор двоично-десятичного кода в семисегментный'],
  КП: ['Селектор-мультиплексор 8 в 1', 'Два мультиплексора 4 в 1', 'Четыре мультиплексора 2 в 1'],
  АП: ['Восемь буферных элементов с тремя состояниями', 'Восьмиразрядный двунаправленный шинный формирователь'],
  УД: [
    'Операционный усилитель общего применения',
    'Сдвоенный операционный усилитель',
    'Счетверённый операционный усилитель',
    'Прецизионный операционный усилитель',
    'Быстродействующий операционный усилитель',
    'Операционный усилитель с полевыми транзисторами на входе',
    'Микромощный операционный усилитель',
  ],
  ЕН: [
    'Стабилизатор напряжения положительной полярности 5 В',
    'Регулируемый стабилизатор напряжения',
    'Стабилизатор напряжения отрицательной полярности',
    'Стабилизатор напряжения с малым падением напряжения 3,3 В',
  ],
  ЕУ: ['ШИМ-контроллер импульсного источника питания', 'Контроллер понижающего преобразователя'],
  СА: ['Компаратор напряжения', 'Сдвоенный компаратор напряжения', 'Счетверённый компаратор напряжения'],
  ВИ: ['Таймер', 'Сдвоенный таймер', 'Программируемый таймер'],
  ВЕ: ['Восьмиразрядный однокристальный микроконтроллер', '32-разрядный микроконтроллер с ядром ARM Cortex-M3', 'Однокристальная микроЭВМ'],
  ВМ: ['Восьмиразрядный микропроцессор', 'Шестнадцатиразрядный микропроцессор'],
  РУ: ['Статическое ОЗУ 8К×8', 'Статическое ОЗУ 32К×8', 'Динамическое ОЗУ 64К×1', 'Статическое ОЗУ 2К×8'],
  РФ: ['ППЗУ с ультрафиолетовым стиранием 2К×8', 'ППЗУ с ультрафиолетовым стиранием 8К×8'],
  РР: ['ЭСППЗУ 2К×8', 'ЭСППЗУ с последовательным интерфейсом'],
  ПВ: ['Двенадцатиразрядный АЦП последовательного приближения', 'Восьмиразрядный АЦП', 'Сигма-дельта АЦП'],
  ПА: ['Десятиразрядный ЦАП', 'Двенадцатиразрядный ЦАП', 'Восьмиразрядный умножающий ЦАП'],
  УН: ['Усилитель мощности низкой частоты', 'Предварительный усилитель низкой частоты'],
};

const DESCRIPTIONS = [
  'Приёмка «5»',
  'Поставляется с приёмкой ОТК и «ВП»',
  'Климатическое исполнение УХЛ',
  'Рабочий диапазон температур от −60 до +125 °C',
  'Снят с производства, поставки со склада',
  'Корпус с золочёными выводами',
];

export function functionTexts(rng: Rng, d: DomesticDesignation) {
  const meaning = FUNCTION_CODES[d.functionCode];
  const specific = SPECIFIC_RU[d.functionCode];
  const derived = !specific || rng.chance(0.65);
  return {
    categoryCode: meaning.category,
    functionRu: derived ? meaning.functionRu : rng.pick(specific),
    functionEn: meaning.functionEn,
    functionDerived: derived,
    description: rng.chance(0.08) ? rng.pick(DESCRIPTIONS) : null,
  };
}

const PACKAGES: Record<string, string[]> = {
  ceramic: ['401.14-5', '402.16-18', '4153.20-6', 'Н04.16-2В', '4112.16-3', '5119.28-1', '4131.24-3'],
  plastic: ['201.14-1', '201.16-5', '238.16-1', '2103.16-5', '2104.18-1', '2121.28-1', 'DIP-14', 'DIP-16', 'DIP-20'],
  smd: ['4307.10-1', '4308.16-1', 'SO-14', 'SO-16', 'SO-8', 'TSSOP-20', 'SOIC-16'],
  analog: ['301.8-2', '2101.8-1', 'КТ-28-2', 'КТ-26', 'КТ-93-1', 'SO-8', 'DIP-8', '4309.8-1'],
  computing: ['2123.40-2', '2136.64-1', '4229.132-3', 'LQFP-48', 'LQFP-64', 'Н18.64-1В', 'DIP-40', 'QFN-32'],
};

export function packagesFor(rng: Rng, d: DomesticDesignation): string[] {
  const pool =
    d.series.kind === 'analog'
      ? PACKAGES.analog
      : d.series.kind === 'computing' || d.series.kind === 'memory'
        ? PACKAGES.computing
        : d.prefix === '' || d.prefix === 'Н' || d.prefix === 'Б'
          ? PACKAGES.ceramic
          : d.prefix === 'КФ' || d.prefix === 'КБ'
            ? PACKAGES.smd
            : PACKAGES.plastic;
  const first = rng.pick(pool);
  const second = rng.chance(0.2) ? rng.pick(pool) : first;
  return second === first ? [first] : [first, second];
}

export function qualityFor(rng: Rng, d: DomesticDesignation): 'commercial' | 'industrial' | 'otk' | 'military' | null {
  if (rng.chance(0.05)) return null;
  if (d.prefix === '' || d.prefix === 'Н' || d.prefix === 'Б') return rng.chance(0.6) ? 'military' : 'otk';
  return rng.weighted([
    ['commercial', 0.6],
    ['industrial', 0.25],
    ['otk', 0.15],
  ] as const);
}

export function standardsFor(rng: Rng, d: DomesticDesignation): string[] {
  const tu = d.prefix === '' ? `АЕЯР.431200.${rng.int(100, 999)}ТУ` : `бК0.348.${rng.int(100, 999)}-${rng.int(1, 99)}ТУ`;
  return rng.chance(0.1) ? [tu, 'ГОСТ 18725-83'] : [tu];
}

export function tnvedFor(d: DomesticDesignation): string {
  if (d.series.kind === 'memory') return '8542 32 900 0';
  if (d.series.kind === 'computing') return '8542 31 900 0';
  if (d.series.kind === 'analog') return '8542 33 000 0';
  return '8542 39 900 0';
}

export interface GeneratedParameter {
  name: string;
  min: number | null;
  typ: number | null;
  max: number | null;
  unit: string;
  text: string;
}

const round = (n: number, digits = 6) => Number(n.toPrecision(digits));
const ru = (n: number) => String(round(n, 4)).replace('.', ',');

/** Parameters in SI units with the text as a datasheet gives it. */
export function parametersFor(rng: Rng, d: DomesticDesignation): GeneratedParameter[] {
  const out: GeneratedParameter[] = [];
  const category = FUNCTION_CODES[d.functionCode].category;
  const p = (name: string, min: number | null, typ: number | null, max: number | null, unit: string, text: string) =>
    out.push({ name, min: min === null ? null : round(min), typ: typ === null ? null : round(typ), max: max === null ? null : round(max), unit, text });
  const family = d.series.family;
  const supply = () => {
    if (d.series.kind === 'cmos4000') return p('U_cc', 3, null, 15, 'V', '3…15 В');
    if (family === 'HC' || family === 'AC') return p('U_cc', 2, 5, 6, 'V', '2…6 В');
    if (family === 'LVC') return p('U_cc', 1.65, 3.3, 3.6, 'V', '1,65…3,6 В');
    if (d.series.kind === 'ttl' || family === 'ACT') {
      const [lo, hi] = d.series.military ? [4.5, 5.5] : [4.75, 5.25];
      return p('U_cc', lo, 5, hi, 'V', `${ru(lo)}…${ru(hi)} В`);
    }
    if (d.series.kind === 'computing' && rng.chance(0.5)) return p('U_cc', 2.2, 3.3, 3.6, 'V', '2,2…3,6 В');
    return p('U_cc', 4.5, 5, 5.5, 'V', '5 В ± 10 %');
  };
  if (d.series.kind === 'ttl' || d.series.kind === 'cmos74' || d.series.kind === 'cmos4000') {
    supply();
    const tpd =
      d.series.kind === 'cmos4000' ? rng.int(60, 250) : family === 'F' || family === 'AS' ? rng.int(3, 7) : family === 'AC' ? rng.int(4, 9) : rng.int(8, 25);
    p('t_pd', null, null, tpd * 1e-9, 's', `≤ ${tpd} нс`);
    if (['counters', 'registers', 'flip-flops-d', 'flip-flops-jk'].includes(category)) {
      const f = d.series.kind === 'cmos4000' ? rng.int(2, 12) : family === 'F' ? rng.int(100, 125) : rng.int(25, 60);
      p('f_max', f * 1e6, null, null, 'Hz', `≥ ${f} МГц`);
    }
    if (rng.chance(0.5)) {
      const icc = rng.int(2, 60);
      p('I_cc', null, null, icc * 1e-3, 'A', `≤ ${icc} мА`);
    }
    return out;
  }
  switch (category) {
    case 'op-amps': {
      p('U_cc', rng.pick([3, 5, 6, 10]), null, rng.pick([18, 30, 36, 44]), 'V', '±15 В');
      const uio = rng.pick([0.025, 0.075, 0.15, 0.5, 1, 2, 3, 5, 7.5, 10]);
      p('U_io', null, null, uio * 1e-3, 'V', `≤ ${ru(uio)} мВ`);
      const ft = rng.pick([0.5, 0.8, 1, 1.5, 3, 4, 8, 10, 15, 50]);
      p('f_T', null, ft * 1e6, null, 'Hz', `${ru(ft)} МГц`);
      break;
    }
    case 'comparators': {
      supply();
      const t = rng.int(40, 1300);
      p('t_resp', null, null, t * 1e-9, 's', `≤ ${t} нс`);
      break;
    }
    case 'voltage-regulators': {
      const u = rng.pick([1.2, 1.8, 2.5, 3.3, 5, 6, 8, 9, 12, 15, 18, 24]);
      const i = rng.pick([0.1, 0.15, 0.5, 1, 1.5, 3, 5]);
      p('U_out', null, u, null, 'V', `${ru(u)} В`);
      p('I_out', null, null, i, 'A', `${ru(i)} А`);
      p('U_in', null, null, rng.pick([15, 20, 30, 35, 40]), 'V', 'до 35 В');
      break;
    }
    case 'switching-controllers': {
      const f = rng.pick([100, 200, 300, 500, 1000]);
      p('f_osc', null, null, f * 1e3, 'Hz', `до ${f} кГц`);
      p('U_cc', 8, null, rng.pick([20, 30, 40]), 'V', '8…30 В');
      break;
    }
    case 'timers': {
      p('U_cc', 4.5, null, rng.pick([15, 16, 18]), 'V', '4,5…16 В');
      p('f_max', rng.pick([0.5, 1, 2, 3]) * 1e6, null, null, 'Hz', '≥ 1 МГц');
      break;
    }
    case 'adc':
    case 'dac': {
      const bits = rng.pick([8, 10, 12, 14, 16]);
      p('N', null, bits, null, 'bit', `${bits} разрядов`);
      supply();
      break;
    }
    case 'microcontrollers':
    case 'microprocessors':
    case 'mpu-peripherals': {
      const f = rng.pick([2, 4, 8, 10, 16, 24, 40, 48, 72, 80, 100, 144]);
      p('f_clk', null, null, f * 1e6, 'Hz', `до ${f} МГц`);
      supply();
      if (category === 'microcontrollers') {
        const kb = rng.pick([4, 8, 16, 32, 64, 128, 256, 512]);
        p('M_flash', null, kb * 1024, null, 'B', `${kb} Кбайт`);
      }
      break;
    }
    case 'ram':
    case 'rom': {
      const kbit = 2 ** rng.int(1, 12);
      p('Capacity', null, kbit * 1024, null, 'bit', `${kbit} Кбит`);
      const t = rng.pick([15, 25, 35, 45, 55, 70, 100, 150, 200, 250, 450]);
      p('t_acc', null, null, t * 1e-9, 's', `≤ ${t} нс`);
      supply();
      break;
    }
    default:
      supply();
  }
  return out;
}

export const STATUSES = [
  ['in_production', 0.65],
  ['discontinued', 0.3],
  ['development', 0.05],
] as const;
