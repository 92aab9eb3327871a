/**
 * Foreign part numbers in the real families: 7400 logic (SN74LS00N, 74HC00D,653, MC74HC00ADR2G, M74HC00B1R …),
 * 4000 CMOS (CD4011BE, HEF4011BP, MC14011BCP), linear and computing models with ordering codes (LM358DR,
 * LTC2053HMS8#PBF, MAX232CPE+, STM32F103C8T6, ATMEGA328P-AU), discretes (1N4148, 2N2222A, BC547B, BZX84C5V1) and
 * passives (RC0603FR-0710KL, GRM188R71H104KA93D). Each part carries the link group a domestic analog refers to.
 */
import { FUNCTION_CODES } from '../../src/domain/categories';
import { Rng } from '../lib/rng';
import {
  CATEGORY_DESCRIPTION_EN,
  CMOS4000_BY_FUNCTION,
  CMOS4000_NUMBERS,
  LOGIC74_BY_FUNCTION,
  LOGIC74_NUMBERS,
  MANUFACTURERS,
  MODELS_BY_CATEGORY,
  SUFFIXES,
} from './families';

export interface ForeignPart {
  partNumber: string;
  manufacturer: string;
  description: string | null;
  /** Link group: `74:00`, `4000:4011`, `model:LM358`, `cat:op-amps`, or null (no domestic counterpart). */
  group: string | null;
  /** 7400 family code (index in LOGIC_FAMILIES + 1), 0 otherwise. */
  family: number;
}

export const LOGIC_FAMILIES: [string, number][] = [
  ['', 3],
  ['LS', 8],
  ['HC', 10],
  ['HCT', 5],
  ['ALS', 3],
  ['AS', 1],
  ['F', 3],
  ['S', 2],
  ['AC', 4],
  ['ACT', 3],
  ['LVC', 4],
  ['AHC', 1],
  ['LV', 1],
  ['ABT', 1],
  ['VHC', 1],
  ['LCX', 0.5],
  ['ALVC', 0.5],
  ['L', 0.3],
  ['H', 0.3],
];
export const familyCode = (family: string | undefined) => (family === undefined ? 0 : LOGIC_FAMILIES.findIndex(([f]) => f === family) + 1);

const categoryOfFunctions = (lists: Record<string, string[]>) => {
  const out = new Map<string, string>();
  for (const [fn, numbers] of Object.entries(lists)) for (const n of numbers) if (!out.has(n)) out.set(n, FUNCTION_CODES[fn].category);
  return out;
};
const LOGIC74_CATEGORY = categoryOfFunctions(LOGIC74_BY_FUNCTION);
const CMOS4000_CATEGORY = categoryOfFunctions(CMOS4000_BY_FUNCTION);

function describe(rng: Rng, category: string | undefined): string | null {
  const texts = category ? CATEGORY_DESCRIPTION_EN[category] : undefined;
  return texts && rng.chance(0.5) ? rng.pick(texts) : null;
}

// ---------------------------------------------------------------------------------------------------------
// 7400 and 4000 logic

interface LogicVendor {
  prefix: string;
  style: string;
  manufacturer: string;
  families: string[] | null;
  weight: number;
  grade?: string;
}

const LOGIC_VENDORS: LogicVendor[] = [
  { prefix: 'SN', style: 'ti', manufacturer: 'Texas Instruments', families: null, weight: 10 },
  { prefix: 'CD', style: 'ti', manufacturer: 'Texas Instruments', families: ['HC', 'HCT', 'AC', 'ACT'], weight: 2 },
  {
    prefix: '',
    style: 'nxp',
    manufacturer: 'NXP Semiconductors',
    families: ['HC', 'HCT', 'AHC', 'LVC', 'LV', 'ABT', 'ALVC', 'F', 'ALS', 'AC', 'ACT'],
    weight: 4,
  },
  { prefix: '', style: 'nxp', manufacturer: 'Nexperia', families: ['HC', 'HCT', 'AHC', 'LVC', 'LV', 'ABT', 'ALVC', 'AC', 'ACT'], weight: 5 },
  { prefix: 'MC', style: 'onsemi', manufacturer: 'onsemi', families: ['HC', 'HCT', 'AC', 'ACT', 'LCX', 'VHC', 'F', 'LS'], weight: 3, grade: 'A' },
  { prefix: 'M', style: 'st', manufacturer: 'STMicroelectronics', families: ['HC', 'HCT', 'AC', 'LCX', 'VHC'], weight: 2 },
  { prefix: 'TC', style: 'toshiba', manufacturer: 'Toshiba', families: ['HC', 'AC', 'VHC', 'LCX', 'LVX'], weight: 2, grade: 'A' },
  { prefix: 'MM', style: 'fairchild', manufacturer: 'Fairchild Semiconductor', families: ['HC', 'HCT'], weight: 1 },
  { prefix: 'DM', style: 'fairchild', manufacturer: 'Fairchild Semiconductor', families: ['', 'LS', 'S', 'L', 'H'], weight: 1.5 },
  { prefix: '', style: 'fairchild', manufacturer: 'onsemi', families: ['F', 'AC', 'ACT', 'VHC', 'LCX', 'ABT'], weight: 1.5 },
  { prefix: 'HD', style: 'renesas', manufacturer: 'Renesas Electronics', families: ['LS', 'HC', 'AC', 'S', ''], weight: 1 },
  { prefix: '', style: 'diodes', manufacturer: 'Diodes Incorporated', families: ['HC', 'HCT', 'LVC', 'AHC', 'AC', 'ACT'], weight: 1 },
  { prefix: '', style: 'generic', manufacturer: '', families: ['HC', 'HCT', 'LS', 'AC', 'LVC', 'ACT'], weight: 3 },
];
const LOGIC_VENDOR_WEIGHTS = LOGIC_VENDORS.map((v) => [v, v.weight] as const);

function logic74(rng: Rng): ForeignPart {
  const number = LOGIC74_NUMBERS[rng.zipfIndex(LOGIC74_NUMBERS.length, 0.7)];
  const vendor = rng.weighted(LOGIC_VENDOR_WEIGHTS);
  const family = vendor.families ? rng.pick(vendor.families) : rng.weighted(LOGIC_FAMILIES);
  const military = vendor.style === 'ti' && vendor.prefix === 'SN' && rng.chance(0.12);
  const grade = vendor.grade && rng.chance(0.6) ? vendor.grade : '';
  const suffix = military ? rng.pick(['J', 'W', 'FK', 'J/883', 'W/883B']) : rng.pick(SUFFIXES[vendor.style]);
  const manufacturer = vendor.manufacturer || rng.pick(MANUFACTURERS.generic);
  return {
    partNumber: `${vendor.prefix}${military ? '54' : '74'}${family}${number}${grade}${suffix}`,
    manufacturer,
    description: describe(rng, LOGIC74_CATEGORY.get(number)),
    group: `74:${number}`,
    family: familyCode(family),
  };
}

function cmos4000(rng: Rng): ForeignPart {
  const number = CMOS4000_NUMBERS[rng.zipfIndex(CMOS4000_NUMBERS.length, 0.7)];
  const forms: [() => [string, string], number][] = [
    [() => [`CD${number}B${rng.pick(['E', 'M', 'M96', 'PWR', 'F3A', 'NSR', 'MT'])}`, 'Texas Instruments'], 4],
    [() => [`HEF${number}B${rng.pick(['P', 'T', 'T,652', 'T,653', 'TT', 'PN'])}`, rng.pick(['NXP Semiconductors', 'Nexperia'])], 3],
    [() => [`MC1${number.slice(1)}B${rng.pick(['CP', 'CPG', 'DR2G', 'DG', 'FELG', 'DTR2G'])}`, 'onsemi'], 2],
    [() => [`HCF${number}${rng.pick(['BEY', 'M013TR', 'BE', 'BM1', 'YM013TR'])}`, 'STMicroelectronics'], 2],
    [() => [`TC${number}B${rng.pick(['P', 'F', 'FN', 'FT'])}`, 'Toshiba'], 1],
    [() => [`CD${number}B${rng.pick(['E', 'M', 'CN', ''])}`, rng.pick(MANUFACTURERS.generic)], 2],
  ];
  const [partNumber, manufacturer] = rng.weighted(forms)();
  return { partNumber, manufacturer, description: describe(rng, CMOS4000_CATEGORY.get(number)), group: `4000:${number}`, family: 0 };
}

// ---------------------------------------------------------------------------------------------------------
// Linear, computing and memory: well-known models and the numeric families around them

const num = (rng: Rng, lo: number, hi: number, width = String(hi).length) => String(rng.int(lo, hi)).padStart(width, '0');

/** Numeric families per category: prefix, number range and vendor style. */
const NUMERIC: Record<string, [string, number, number, string][]> = {
  'op-amps': [
    ['OPA', 100, 4999, 'ti'],
    ['TLV', 2000, 9999, 'ti'],
    ['LMV', 300, 999, 'ti'],
    ['AD8', 0, 699, 'adi'],
    ['MCP6', 0, 999, 'microchip'],
    ['LT', 1000, 6999, 'linear'],
    ['MAX4', 0, 499, 'maxim'],
    ['SGM8', 0, 999, 'generic'],
    ['NCS', 2000, 2999, 'onsemi'],
    ['TSV', 300, 999, 'st'],
  ],
  comparators: [
    ['TLV', 3000, 3999, 'ti'],
    ['LMV', 330, 399, 'ti'],
    ['MAX9', 0, 99, 'maxim'],
    ['ADCMP', 300, 699, 'adi'],
    ['LT1', 700, 799, 'linear'],
    ['TS', 300, 899, 'st'],
  ],
  'voltage-regulators': [
    ['TPS7', 0, 9999, 'ti'],
    ['LP', 2900, 5999, 'ti'],
    ['LD', 1000, 3999, 'st'],
    ['NCP', 100, 1999, 'onsemi'],
    ['ADP', 100, 7999, 'adi'],
    ['MCP1', 700, 799, 'microchip'],
    ['AP', 2100, 7999, 'diodes'],
    ['RT9', 0, 199, 'generic'],
    ['LT3', 0, 99, 'linear'],
  ],
  'switching-controllers': [
    ['TPS5', 0, 9999, 'ti'],
    ['TPS6', 0, 9999, 'ti'],
    ['LM5', 0, 199, 'ti'],
    ['LTC3', 100, 899, 'linear'],
    ['MAX1', 500, 799, 'maxim'],
    ['NCP1', 0, 999, 'onsemi'],
    ['MP', 1000, 2999, 'generic'],
    ['AP3', 0, 999, 'diodes'],
    ['UCC2', 8000, 8999, 'ti'],
    ['L6', 500, 999, 'st'],
  ],
  amplifiers: [
    ['TPA', 2000, 6999, 'ti'],
    ['TDA', 1000, 8999, 'st'],
    ['MAX98', 0, 399, 'maxim'],
    ['PAM', 8000, 8999, 'generic'],
  ],
  timers: [
    ['ICM7', 200, 299, 'renesas'],
    ['LTC6', 900, 999, 'linear'],
    ['MAX7', 300, 399, 'maxim'],
    ['TLC5', 51, 56, 'ti'],
  ],
  adc: [
    ['ADS', 1000, 9999, 'ti'],
    ['AD7', 0, 999, 'adi'],
    ['AD9', 200, 699, 'adi'],
    ['LTC2', 300, 599, 'linear'],
    ['MAX1', 0, 499, 'maxim'],
    ['MCP3', 0, 999, 'microchip'],
  ],
  dac: [
    ['DAC', 5000, 8999, 'ti'],
    ['AD5', 0, 799, 'adi'],
    ['LTC2', 600, 699, 'linear'],
    ['MAX5', 100, 899, 'maxim'],
    ['MCP4', 700, 999, 'microchip'],
  ],
  switches: [
    ['ADG', 400, 1999, 'adi'],
    ['MAX4', 500, 799, 'maxim'],
    ['TS5A', 1000, 9999, 'ti'],
    ['DG', 400, 999, 'generic'],
    ['ULN2', 0, 999, 'st'],
  ],
  'analog-multi': [
    ['AD', 500, 999, 'adi'],
    ['LM13', 600, 799, 'ti'],
    ['XR', 2000, 2999, 'generic'],
  ],
  microprocessors: [
    ['Z8', 4000, 4999, 'generic'],
    ['W65C', 10, 899, 'generic'],
  ],
  'mpu-peripherals': [
    ['MAX3', 0, 499, 'maxim'],
    ['SP3', 0, 499, 'generic'],
    ['SN75', 100, 199, 'ti'],
    ['TL16C', 450, 999, 'ti'],
    ['FT', 200, 299, 'generic'],
  ],
  microcontrollers: [],
  ram: [],
  rom: [],
};

export const CATEGORY_SHARES: [string, number][] = [
  ['op-amps', 0.07],
  ['comparators', 0.025],
  ['voltage-regulators', 0.06],
  ['switching-controllers', 0.05],
  ['amplifiers', 0.01],
  ['timers', 0.01],
  ['adc', 0.03],
  ['dac', 0.02],
  ['switches', 0.02],
  ['analog-multi', 0.01],
  ['microprocessors', 0.005],
  ['mpu-peripherals', 0.02],
  ['microcontrollers', 0.03],
  ['ram', 0.02],
  ['rom', 0.03],
];

function vendorPart(rng: Rng, model: string, style: string, prefixes?: string[]): [string, string] {
  const prefix = prefixes ? rng.pick(prefixes) : '';
  const grade = rng.chance(0.25) ? rng.pick(['A', 'B', 'C', 'I']) : '';
  const suffix = rng.pick(SUFFIXES[style]);
  const manufacturer = rng.pick(MANUFACTURERS[style]);
  return [`${prefix}${model}${grade}${suffix}`, manufacturer];
}

const STM32_MODELS = [
  'F103',
  'F030',
  'F407',
  'F031',
  'F042',
  'F051',
  'F070',
  'F072',
  'F100',
  'F101',
  'F105',
  'F107',
  'F205',
  'F207',
  'F303',
  'F334',
  'F401',
  'F405',
];
const STM32_MORE = [
  'F411',
  'F429',
  'F446',
  'F746',
  'F767',
  'L031',
  'L051',
  'L071',
  'L151',
  'L152',
  'L432',
  'L476',
  'G030',
  'G031',
  'G070',
  'G071',
  'G474',
  'H743',
  'H750',
];
const STM32 = [...STM32_MODELS, ...STM32_MORE];

function microcontroller(rng: Rng): [string, string, string] {
  const form = rng.weighted([
    [0, 0.3],
    [2, 0.05],
    [3, 0.02],
    [4, 0.6],
    [5, 0.03],
  ]);
  if (form === 0) {
    const model = `STM32${STM32[rng.zipfIndex(STM32.length, 0.6)]}`;
    const pn = `${model}${rng.pick(['C', 'F', 'G', 'K', 'R', 'V', 'Z'])}${rng.pick(['4', '6', '8', 'B', 'C', 'D', 'E', 'G', 'I'])}${rng.pick(['T', 'U', 'H', 'Y'])}${rng.pick(['6', '7'])}${rng.chance(0.2) ? 'TR' : ''}`;
    return [pn, 'STMicroelectronics', model];
  }
  if (form === 2) {
    const vendor = rng.pick([
      ['GD32F', 'GigaDevice'],
      ['APM32F', 'Geehy'],
      ['CH32V', 'WCH'],
      ['AT32F', 'Artery'],
    ]);
    const model = `${vendor[0]}${rng.pick(['003', '103', '030', '303', '407', '203', '415', '403'])}`;
    return [`${model}${rng.pick(['C', 'F', 'K', 'R', 'V'])}${rng.pick(['4', '6', '8', 'B', 'C', 'E'])}${rng.pick(['T', 'U', 'P'])}6`, vendor[1], model];
  }
  if (form === 3) {
    const model = `ATMEGA${rng.pick(['8', '16', '32', '48', '88', '168', '328', '644', '1284', '128', '2560'])}${rng.pick(['', 'A', 'P', 'PA', 'PB', 'L', 'V'])}`;
    return [`${model}-${rng.pick(['', '16', '20', '10', '8'])}${rng.pick(['AU', 'PU', 'MU', 'AUR', 'MUR', 'MMH'])}`, 'Microchip Technology', model];
  }
  if (form === 4) {
    const model = `PIC${rng.pick(['12F', '16F', '18F', '16LF', '18LF', '24FJ'])}${rng.int(600, 1999)}${rng.pick(['', 'A', 'K'])}`;
    return [`${model}${rng.pick(SUFFIXES.microchip)}`, 'Microchip Technology', model];
  }
  const model = rng.pick(['AT89S52', 'AT89C51', 'AT89C2051', 'AT89S51', 'ATTINY85', 'ATTINY13A', 'ATTINY2313A', 'MSP430G2553', 'MSP430F149', 'MSP430FR2433']);
  return [
    `${model}-${rng.pick(['24PU', '24JU', '20PU', '20SU', 'SSU', 'PU', 'IPW20R', 'IN20', 'IRGER'])}`,
    model.startsWith('MSP') ? 'Texas Instruments' : 'Microchip Technology',
    model,
  ];
}

function memory(rng: Rng, category: 'ram' | 'rom'): [string, string] {
  if (category === 'ram') {
    const form = rng.int(0, 3);
    if (form === 0)
      return [`IS61WV${rng.int(1000, 9999)}${rng.pick(['BLL', 'EDBLL', 'ALL'])}-${rng.pick(['10', '8', '12'])}${rng.pick(['TLI', 'BLI', 'TLI-TR'])}`, 'ISSI'];
    if (form === 1)
      return [
        `CY62${rng.int(100, 199)}${rng.pick(['NLL', 'EV30LL', 'DV30LL'])}-${rng.pick(['45', '55', '70'])}${rng.pick(['ZSXI', 'BVXI', 'SXC', 'PXC'])}`,
        'Infineon',
      ];
    if (form === 2) return [`AS6C${rng.int(1000, 9999)}-55${rng.pick(['PCN', 'SCN', 'ZIN', 'TIN'])}`, 'Alliance Memory'];
    return [`IS42S${rng.int(16000, 16999)}${rng.pick(['F', 'G', 'J'])}-${rng.pick(['6', '7'])}${rng.pick(['TL', 'TLI', 'BLI'])}`, 'ISSI'];
  }
  const form = rng.weighted([
    [0, 0.05],
    [1, 0.05],
    [2, 0.2],
    [3, 0.7],
  ]);
  if (form === 0)
    return [
      `W25Q${rng.pick(['16', '32', '64', '128', '256', '80', '40'])}${rng.pick(['JV', 'FV', 'BV', 'DW'])}${rng.pick(['SSIQ', 'SIQ', 'ZPIQ', 'SNIG', 'XGIQ'])}`,
      'Winbond',
    ];
  if (form === 1)
    return [
      `AT24C${rng.pick(['01', '02', '04', '08', '16', '32', '64', '128', '256', '512'])}${rng.pick(['-PU', 'N-SH-T', '-SSHL-T', 'D-SSHM-T', 'C-XHM-B'])}`,
      'Microchip Technology',
    ];
  if (form === 2)
    return [
      `${rng.pick(['24LC', '24AA', '25LC', '93LC'])}${rng.pick(['01', '02', '16', '32', '64', '128', '256', '512', '1025'])}${rng.pick(SUFFIXES.microchip)}`,
      'Microchip Technology',
    ];
  return [`MX25L${rng.int(1000, 9999)}${rng.pick(['E', 'F', 'G'])}${rng.pick(['M2I-10G', 'Z2I-08G', 'MI-12G'])}`, 'Macronix'];
}

function categoryPart(rng: Rng, category: string): ForeignPart {
  const models = MODELS_BY_CATEGORY[category] ?? [];
  const description = describe(rng, category);
  if (models.length && category !== 'microcontrollers' && rng.chance(0.04)) {
    const model = rng.pick(models);
    const style = rng.pick(model.styles);
    const [partNumber, manufacturer] = vendorPart(rng, model.model, style, model.prefixes?.[style]);
    return { partNumber, manufacturer, description, group: `model:${model.model}`, family: 0 };
  }
  if (category === 'microcontrollers') {
    const [partNumber, manufacturer, model] = microcontroller(rng);
    return { partNumber, manufacturer, description, group: models.some((x) => x.model === model) ? `model:${model}` : `cat:${category}`, family: 0 };
  }
  if (category === 'ram' || category === 'rom') {
    const [partNumber, manufacturer] = memory(rng, category);
    return { partNumber, manufacturer, description, group: `cat:${category}`, family: 0 };
  }
  const [prefix, lo, hi, style] = rng.pick(NUMERIC[category]);
  const [partNumber, manufacturer] = vendorPart(rng, `${prefix}${num(rng, lo, hi)}`, style);
  return { partNumber, manufacturer, description, group: `cat:${category}`, family: 0 };
}

// ---------------------------------------------------------------------------------------------------------
// Discretes and passives (no domestic counterpart among the integrated circuits)

const ZENER = [
  '2V4',
  '2V7',
  '3V0',
  '3V3',
  '3V6',
  '3V9',
  '4V3',
  '4V7',
  '5V1',
  '5V6',
  '6V2',
  '6V8',
  '7V5',
  '8V2',
  '9V1',
  '10',
  '11',
  '12',
  '13',
  '15',
  '16',
  '18',
];
const ZENER_HIGH = ['20', '22', '24', '27', '30', '33', '36', '39', '43', '47', '51', '56', '62', '68', '75'];
const TVS = [
  '5.0',
  '6.0',
  '6.5',
  '6.8',
  '7.5',
  '8.2',
  '9.1',
  '10',
  '12',
  '13',
  '15',
  '16',
  '18',
  '20',
  '22',
  '24',
  '27',
  '30',
  '33',
  '36',
  '43',
  '47',
  '51',
  '68',
  '100',
  '150',
  '200',
  '440',
];

function discrete(rng: Rng): [string, string, string] {
  // the well-known types have few orderable variants; the long tail (IRF…, BSS…, SS…) is where the numbers are
  const form = rng.chance(0.25) ? rng.int(0, 9) : rng.int(10, 11);
  const mfr = () => rng.pick(['onsemi', 'Vishay', 'Diodes Incorporated', 'Nexperia', 'Taiwan Semiconductor', 'ROHM', 'STMicroelectronics', 'Infineon', 'MCC']);
  switch (form) {
    case 0:
      return [`1N4148${rng.pick(['', '-T', 'W-7-F', 'WS-7-F', 'TR', 'TAP', 'WT'])}`, mfr(), 'Small-signal switching diode'];
    case 1:
      return [`1N400${rng.int(1, 7)}${rng.pick(['', '-T', '-E3/54', 'G', 'RLG', '-TP'])}`, mfr(), 'Rectifier diode 1 A'];
    case 2:
      return [
        `1N${rng.pick(['5817', '5818', '5819', '5400', '5401', '5404', '5406', '5408', '5822'])}${rng.pick(['', '-T', '-E3/54', 'RLG', '-TP'])}`,
        mfr(),
        'Rectifier diode',
      ];
    case 3:
      return [`1N47${rng.int(28, 64)}A${rng.pick(['', '-T', '-TP', 'TR'])}`, mfr(), 'Zener diode 1 W'];
    case 4:
      return [
        `2N${rng.pick(['2222A', '2907A', '3904', '3906', '7000', '7002', '5551', '5401', '3055', '2369A'])}${rng.pick(['', '-7-F', 'LT1G', 'BU', 'TA', 'TF', '-TP'])}`,
        mfr(),
        'Transistor',
      ];
    case 5:
      return [
        `BC${rng.pick(['546', '547', '548', '549', '550', '556', '557', '558', '559', '560', '337', '327'])}${rng.pick(['A', 'B', 'C', ''])}${rng.pick(['', 'TA', 'TFR', 'ZL1G', 'BU', 'RL1G'])}`,
        mfr(),
        'Bipolar transistor',
      ];
    case 6:
      return [
        `BC${rng.pick(['807', '817', '846', '847', '848', '856', '857', '858', '850', '860'])}${rng.pick(['-16', '-25', '-40', 'B', 'C', 'A'])}${rng.pick(['', ',215', 'LT1G', '-7-F', 'W,115'])}`,
        mfr(),
        'Bipolar transistor, SMD',
      ];
    case 7:
      return [
        `${rng.pick(['BZX84C', 'BZX55C', 'BZX79C', 'BZV55-C', 'BZT52C', 'MM3Z', 'MM5Z'])}${rng.pick(rng.chance(0.7) ? ZENER : ZENER_HIGH)}${rng.pick(['', '-7-F', 'LT1G', ',215', ',115', 'RHG', 'T1G'])}`,
        mfr(),
        'Zener diode',
      ];
    case 8:
      return [`MMSZ52${rng.int(21, 67)}B${rng.pick(['T1G', '-7-F', '-TP', 'S'])}`, mfr(), 'Zener diode'];
    case 9:
      return [
        `${rng.pick(['P6KE', 'SMBJ', 'SMAJ', '1.5KE', '1.5SMC', 'SMCJ', 'P4KE'])}${rng.pick(TVS)}${rng.pick(['A', 'CA', 'C', ''])}${rng.pick(['', '-E3/54', '-TR', 'HE3/57T', '-13-F'])}`,
        mfr(),
        'TVS diode',
      ];
    case 10:
      return [
        `${rng.pick(['IRF', 'IRFZ', 'IRL', 'IRLZ', 'IRFR', 'IRLML', 'IRFB'])}${rng.int(10, 9540)}${rng.pick(['', 'N', 'S'])}${rng.pick(['PBF', 'TRPBF', 'NPBF', ''])}`,
        rng.pick(['Infineon', 'Vishay']),
        'Power MOSFET',
      ];
    default:
      return [
        `${rng.pick(['BSS', 'AO', 'SI', 'DMG', 'NTR', 'FDN', 'SS', 'SK', 'SMBT', 'MBR', 'BAT', 'BAV'])}${rng.int(10, 9999)}${rng.pick(['', 'A', 'B', 'LT1G', '-7-F', 'DS-T1-GE3', 'T1G'])}`,
        mfr(),
        'Discrete semiconductor',
      ];
  }
}

const E24 = [1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6, 6.2, 6.8, 7.5, 8.2, 9.1];
const E96 = Array.from({ length: 96 }, (_, i) => Math.round(100 * Math.pow(10, i / 96)) / 100);
const SIZES = ['0201', '0402', '0603', '0805', '1206', '1210', '2010', '2512'];

/** 4K7, 10K, 100R, 49K9, 2M2: the value code of resistor part numbers. */
function resistorCode(ohms: number): string {
  const [unit, div] = ohms >= 1e6 ? ['M', 1e6] : ohms >= 1e3 ? ['K', 1e3] : ['R', 1];
  const v = Number((ohms / div).toPrecision(3));
  const [whole, frac = ''] = String(v).split('.');
  return `${whole}${unit}${frac}`;
}

/** 4-character value code: 10K0, 4K70, 100R, 1M00 (Vishay CRCW). */
function resistorCode4(ohms: number): string {
  const code = resistorCode(ohms);
  return code.length >= 4 ? code.slice(0, 4) : code.padEnd(4, '0');
}

/** Three significant digits and a multiplier: 1002 = 10 kΩ (Panasonic ERJ). */
function eiaCode4(ohms: number): string {
  const exp = Math.floor(Math.log10(ohms)) - 2;
  return exp >= 0 ? `${Math.round(ohms / Math.pow(10, exp))}${exp}` : resistorCode4(ohms);
}

/** Two significant digits and a multiplier in pF: 104 = 100 nF. */
function capCode(pf: number): string {
  const exp = Math.max(0, Math.floor(Math.log10(pf)) - 1);
  return `${Math.round(pf / Math.pow(10, exp))}${exp}`;
}

function formatOhms(ohms: number): string {
  return ohms >= 1e6 ? `${+(ohms / 1e6).toPrecision(3)} MΩ` : ohms >= 1e3 ? `${+(ohms / 1e3).toPrecision(3)} kΩ` : `${+ohms.toPrecision(3)} Ω`;
}

function passive(rng: Rng): [string, string, string] {
  const size = rng.pick(SIZES);
  const ohms = Number(((rng.chance(0.5) ? rng.pick(E24) : rng.pick(E96)) * Math.pow(10, rng.int(0, 6))).toPrecision(3));
  const pf = Number((rng.pick(E24.slice(0, 12)) * Math.pow(10, rng.int(0, 6))).toPrecision(2));
  // weighted by how many distinct ordering codes each family has
  const form = rng.weighted([
    [0, 0.15],
    [2, 0.1],
    [3, 0.05],
    [4, 0.3],
    [5, 0.3],
    [6, 0.1],
  ]);
  switch (form) {
    case 0: {
      const tol = rng.pick(['F', 'J', 'D', 'B']);
      return [`RC${size}${tol}R-${rng.pick(['07', '10', '13'])}${resistorCode(ohms)}L`, 'Yageo', `Thick film resistor ${formatOhms(ohms)} ${size}`];
    }
    case 2:
      return [
        `CRCW${size}${resistorCode4(ohms)}${rng.pick(['F', 'J'])}K${rng.pick(['EA', 'TA', 'EB', 'EC'])}`,
        'Vishay Dale',
        `Thick film resistor ${formatOhms(ohms)} ${size}`,
      ];
    case 3:
      return [
        `ERJ-${rng.pick(['2RKF', '3EKF', '6ENF', '8ENF', '14NF', '1TNF', '2GEJ', '3GEYJ', '6GEYJ', '8GEYJ', 'P03F', 'P06F', 'PA3F'])}${eiaCode4(ohms)}${rng.pick(['V', 'X'])}`,
        'Panasonic',
        `Chip resistor ${formatOhms(ohms)}`,
      ];
    case 4:
      return [
        `GRM${rng.pick(['033', '155', '188', '216', '219', '21B', '31M', '31C', '32E'])}${rng.pick(['R7', 'R6', '5C', 'C8', 'R1'])}${rng.pick(['0J', '1A', '1C', '1E', '1H', '2A'])}${capCode(pf)}${rng.pick(['K', 'M', 'J'])}A${rng.pick(['01', '93', '88', '12', '73'])}${rng.pick(['D', 'J', 'L'])}`,
        'Murata',
        'Multilayer ceramic capacitor',
      ];
    case 5:
      return [
        `CL${rng.pick(['03', '05', '10', '21', '31', '32'])}${rng.pick(['A', 'B', 'C', 'F'])}${capCode(pf)}${rng.pick(['K', 'M', 'J', 'C'])}${rng.pick(['Q', 'P', 'O', 'A', 'B', 'C'])}${rng.pick(['5', '8', 'F', 'L', 'N'])}NN${rng.pick(['NC', 'NE', 'WC'])}`,
        'Samsung Electro-Mechanics',
        'Multilayer ceramic capacitor',
      ];
    default:
      return [
        `C${size}C${capCode(pf)}${rng.pick(['K', 'M', 'J'])}${rng.pick(['3', '4', '5', '8'])}${rng.pick(['RAC', 'GAC', 'PAC'])}${rng.pick(['TU', '7411', '7867', 'AUTO'])}`,
        'KEMET',
        'Multilayer ceramic capacitor',
      ];
  }
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Shares of the foreign catalogue. Like a distributor's, it is mostly passives and linear/computing parts; the
 * 7400 and 4000 logic types have only so many orderable variants, so they are a smaller share with many domestic
 * analogs each.
 */
const KINDS: [string, number][] = [
  ['logic74', 0.08],
  ['cmos4000', 0.006],
  ...CATEGORY_SHARES.map(([c, w]): [string, number] => [`cat:${c}`, w * (0.5 / 0.43)]),
  ['discrete', 0.08],
  ['passive', 0.334],
];

/** One foreign part, drawn from the whole mix. */
export function drawForeignPart(rng: Rng): ForeignPart {
  const kind = rng.weighted(KINDS);
  if (kind === 'logic74') return logic74(rng);
  if (kind === 'cmos4000') return cmos4000(rng);
  if (kind.startsWith('cat:')) return categoryPart(rng, kind.slice(4));
  if (kind === 'discrete') {
    const [partNumber, manufacturer, description] = discrete(rng);
    return { partNumber, manufacturer, description: rng.chance(0.5) ? description : null, group: null, family: 0 };
  }
  const [partNumber, manufacturer, description] = passive(rng);
  return { partNumber, manufacturer, description: rng.chance(0.5) ? description : null, group: null, family: 0 };
}
