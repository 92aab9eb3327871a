import { describe, expect, it } from 'vitest';
import { eiaCode, formatQuantity, passiveFromPartNumber, recogniseGeneric, type GenericInput } from './generic';
import type { BomLine } from './types';

const line = (
  designators: string[],
  value: string | null,
  partNumber: string | null = null,
  description: string | null = null,
  pkg: string | null = null,
): GenericInput => ({
  designators,
  value,
  partNumber,
  description,
  package: pkg,
});

describe('recogniseGeneric: values with designators', () => {
  it.each<[string, GenericInput, BomLine['generic']]>([
    ['100n capacitor', line(['C4', 'C5'], '100n'), { kind: 'capacitor', value: '100 nF' }],
    ['4u7', line(['C3'], '4u7'), { kind: 'capacitor', value: '4.7 µF' }],
    ['1u', line(['C1'], '1u'), { kind: 'capacitor', value: '1 µF' }],
    ['30p', line(['C10'], '30p'), { kind: 'capacitor', value: '30 pF' }],
    ['0.1uF', line(['C1'], '0.1uF'), { kind: 'capacitor', value: '100 nF' }],
    ['0.1µF', line(['C1'], '0.1µF'), { kind: 'capacitor', value: '100 nF' }],
    ['10uF/16V', line(['C1'], '10uF/16V'), { kind: 'capacitor', value: '10 µF 16 V' }],
    ['100nF 50V X7R 0603', line(['C1'], '100nF 50V X7R 0603'), { kind: 'capacitor', value: '100 nF 50 V' }],
    ['4,7µ (decimal comma)', line(['C1'], '4,7µ'), { kind: 'capacitor', value: '4.7 µF' }],
    ['0,1 мкФ', line(['C1'], '0,1 мкФ'), { kind: 'capacitor', value: '100 nF' }],
    ['10k', line(['R2'], '10k'), { kind: 'resistor', value: '10 kΩ' }],
    ['1k5', line(['R1', 'R3'], '1k5'), { kind: 'resistor', value: '1.5 kΩ' }],
    ['4R7', line(['R1'], '4R7'), { kind: 'resistor', value: '4.7 Ω' }],
    ['100R', line(['R1'], '100R'), { kind: 'resistor', value: '100 Ω' }],
    ['0', line(['R1'], '0'), { kind: 'resistor', value: '0 Ω' }],
    ['4.7k 1%', line(['R1'], '4.7k 1%'), { kind: 'resistor', value: '4.7 kΩ' }],
    ['10 kΩ', line(['R1'], '10 kΩ'), { kind: 'resistor', value: '10 kΩ' }],
    ['10 кОм', line(['R1'], '10 кОм'), { kind: 'resistor', value: '10 kΩ' }],
    ['2M2', line(['R1'], '2M2'), { kind: 'resistor', value: '2.2 MΩ' }],
    ['27n inductor', line(['L1'], '27n'), { kind: 'inductor', value: '27 nH' }],
    ['10uH', line(['L1'], '10uH'), { kind: 'inductor', value: '10 µH' }],
    ['100R ferrite', line(['FB1'], '100R'), { kind: 'ferrite', value: '100 Ω' }],
    ['600R@100MHz ferrite', line(['FB1'], '600R@100MHz'), { kind: 'ferrite', value: '600 Ω' }],
    ['lower-case designators', line(['c1'], '100n'), { kind: 'capacitor', value: '100 nF' }],
    ['resistor with a value nobody can read', line(['R5'], 'see note'), { kind: 'resistor', value: null }],
    ['resistor with a part number in the value', line(['R1'], 'RC0603FR-0710KL'), { kind: 'resistor', value: '10 kΩ' }],
    ['resistor with a part number column', line(['R10'], null, 'RC1206FR-0720KL'), { kind: 'resistor', value: '20 kΩ' }],
    ['value from the description', line(['R1'], null, 'XYZ123', 'Resistor SMD 20K 1% 1/10W 0603'), { kind: 'resistor', value: '20 kΩ' }],
    ['ESKD resistor', line(['R1'], null, 'С2-33Н-0,125-10 кОм±5%', 'Резистор С2-33Н-0,125-10 кОм±5%'), { kind: 'resistor', value: '10 kΩ' }],
    ['ESKD capacitor', line(['C1'], null, 'К10-17б-Н90-0,1 мкФ', 'Конденсатор К10-17б-Н90-0,1 мкФ'), { kind: 'capacitor', value: '100 nF' }],
    ['mounting holes', line(['H1', 'H2'], 'MountingHole'), { kind: 'mechanical', value: 'MountingHole' }],
    ['test point', line(['TP1'], 'TestPoint'), { kind: 'mechanical', value: 'TestPoint' }],
    ['fiducial', line(['FID1'], 'Fiducial'), { kind: 'mechanical', value: 'Fiducial' }],
    ['test point without value', line(['TP3'], null), { kind: 'mechanical', value: null }],
    ['solder jumper', line(['JP1'], 'SolderJumper_2_Open'), { kind: 'mechanical', value: 'SolderJumper_2_Open' }],
    ['jumper header', line(['JP2'], 'Jumper_3_Bridged12'), { kind: 'connector', value: 'Jumper_3_Bridged12' }],
    ['USB connector', line(['J1'], 'USB_B_Micro'), { kind: 'connector', value: 'USB_B_Micro' }],
    ['pin header', line(['J2', 'J3'], 'Conn_01x15'), { kind: 'connector', value: 'Conn_01x15' }],
    ['connector by part number', line(['J1'], null, 'B2B-PH-K-S'), { kind: 'connector', value: 'B2B-PH-K-S' }],
    ['ESKD connector XS', line(['XS1'], null, 'PLS-10'), { kind: 'connector', value: 'PLS-10' }],
    ['LED by colour', line(['D1'], 'GREEN'), { kind: 'other', value: 'GREEN' }],
    ['crystal by frequency', line(['Y1'], '8MHz'), { kind: 'other', value: '8 MHz' }],
    ['crystal 32.768kHz', line(['Y2'], '32.768kHz'), { kind: 'other', value: '32.77 kHz' }],
    ['KiCad generic symbol', line(['SW1'], 'SW_Push'), { kind: 'other', value: 'SW_Push' }],
  ])('%s', (_name, input, expected) => {
    expect(recogniseGeneric(input)).toEqual(expected);
  });
});

describe('recogniseGeneric: not generic', () => {
  it.each<[string, GenericInput]>([
    ['74HC00', line(['U1'], '74HC00')],
    ['NE555P', line(['U3'], 'NE555P')],
    ['STM32F103C8Tx', line(['U2'], 'STM32F103C8Tx')],
    ['LM358', line(['U4'], 'LM358')],
    ['MMBTA42', line(['Q1', 'Q2'], null, 'MMBTA42')],
    ['XC6206P333MR', line(['U1'], 'XC6206P333MR')],
    ['LED by part number', line(['D1'], 'LTST-C191KGKT')],
    ['diode', line(['D2'], '1N4148W')],
    ['74HC00 without designators', line([], '74HC00')],
    ['NE555P without designators', line([], null, 'NE555P')],
    ['LM358 without designators', line([], null, 'LM358')],
    ['MMBTA42 without designators', line([], null, 'MMBTA42')],
    ['RC4558 op-amp (looks like a Yageo prefix)', line([], null, 'RC4558DR')],
    ['CC2541 (looks like a Yageo prefix)', line([], null, 'CC2541F256RHAR')],
    ['C8051F330 (looks like a capacitor prefix)', line([], null, 'C8051F330')],
    ['ESKD microcircuit', line(['DD1'], null, 'К155ЛА3', 'Микросхема К155ЛА3')],
    ['a capacitor value on an IC', line(['U1'], '100n')],
    ['no designators, a bare number', line([], '100')],
    ['nothing', line([], null)],
  ])('%s', (_name, input) => {
    expect(recogniseGeneric(input)).toBeNull();
  });
});

describe('recogniseGeneric: no designators (kit lists)', () => {
  it.each<[string, GenericInput, BomLine['generic']]>([
    ['10k', line([], '10k'), { kind: 'resistor', value: '10 kΩ' }],
    ['1k5', line([], '1k5'), { kind: 'resistor', value: '1.5 kΩ' }],
    ['100R', line([], '100R'), { kind: 'resistor', value: '100 Ω' }],
    ['100n', line([], '100n'), { kind: 'capacitor', value: '100 nF' }],
    ['4u7', line([], '4u7'), { kind: 'capacitor', value: '4.7 µF' }],
    ['10uF/16V', line([], '10uF/16V'), { kind: 'capacitor', value: '10 µF 16 V' }],
    ['10uH', line([], '10uH'), { kind: 'inductor', value: '10 µH' }],
    ['value in the part-number column', line([], null, '100nF'), { kind: 'capacitor', value: '100 nF' }],
    ['Yageo resistor', line([], null, 'RC0603FR-0720KL'), { kind: 'resistor', value: '20 kΩ' }],
    ['Murata capacitor', line([], null, 'GRM188R71H104KA93D'), { kind: 'capacitor', value: '100 nF' }],
    ['description words', line([], null, 'ABC-123', 'Chip resistor 47k 1% 0402'), { kind: 'resistor', value: '47 kΩ' }],
    ['ESKD words', line([], null, 'К50-35-16 В-100 мкФ', 'Конденсатор К50-35-16 В-100 мкФ'), { kind: 'capacitor', value: '100 µF' }],
    ['crystal', line([], '16MHz'), { kind: 'other', value: '16 MHz' }],
    ['KiCad footprint says resistor', line([], 'R_Special', null, null, 'Resistor_SMD:R_0603_1608Metric'), { kind: 'resistor', value: null }],
    ['KiCad footprint says connector', line([], 'XYZ', null, null, 'Connector_JST:JST_PH_B2B-PH-K_1x02'), { kind: 'connector', value: 'XYZ' }],
    ['KiCad connector symbol', line([], 'Conn_01x04'), { kind: 'connector', value: 'Conn_01x04' }],
    ['mounting hole', line([], 'MountingHole_3.2mm_M3'), { kind: 'mechanical', value: 'MountingHole_3.2mm_M3' }],
  ])('%s', (_name, input, expected) => {
    expect(recogniseGeneric(input)).toEqual(expected);
  });
});

describe('passiveFromPartNumber', () => {
  it.each<[string, BomLine['generic']]>([
    ['RC0603FR-0720KL', { kind: 'resistor', value: '20 kΩ' }], // Yageo
    ['RC0603FR-071K5L', { kind: 'resistor', value: '1.5 kΩ' }],
    ['RC0402JR-070RL', { kind: 'resistor', value: '0 Ω' }],
    ['RC1206FR-074R7L', { kind: 'resistor', value: '4.7 Ω' }],
    ['AC0603FR-0710KL', { kind: 'resistor', value: '10 kΩ' }],
    ['CC0603KRX7R9BB104', { kind: 'capacitor', value: '100 nF' }], // Yageo
    ['CC0402JRNPO9BN220', { kind: 'capacitor', value: '22 pF' }],
    ['GRM188R71H104KA93D', { kind: 'capacitor', value: '100 nF' }], // Murata
    ['GRM155R71C104KA88D', { kind: 'capacitor', value: '100 nF' }],
    ['GRM21BR61E106KA73L', { kind: 'capacitor', value: '10 µF' }],
    ['GRM1555C1H4R7CA01D', { kind: 'capacitor', value: '4.7 pF' }],
    ['BLM18PG221SN1D', { kind: 'ferrite', value: '220 Ω' }], // Murata ferrite
    ['LQW18AN27NG00D', { kind: 'inductor', value: null }],
    ['CL10B104KB8NNNC', { kind: 'capacitor', value: '100 nF' }], // Samsung
    ['CL21A475KAQNNNE', { kind: 'capacitor', value: '4.7 µF' }],
    ['RC1608J103CS', { kind: 'resistor', value: '10 kΩ' }],
    ['CRCW060310K0FKEA', { kind: 'resistor', value: '10 kΩ' }], // Vishay
    ['CRCW08051K00FKEA', { kind: 'resistor', value: '1 kΩ' }],
    ['TNPW060310K0BEEA', { kind: 'resistor', value: '10 kΩ' }],
    ['C1608X7R1H104K', { kind: 'capacitor', value: '100 nF' }], // TDK
    ['C1608X7R1H104K080AA', { kind: 'capacitor', value: '100 nF' }],
    ['C2012X5R1A106K', { kind: 'capacitor', value: '10 µF' }],
    ['MPZ1608S221ATAH0', { kind: 'ferrite', value: '220 Ω' }],
    ['ERJ-3EKF1002V', { kind: 'resistor', value: '10 kΩ' }], // Panasonic
    ['ERJ3EKF1002V', { kind: 'resistor', value: '10 kΩ' }],
    ['ERJ-3GEY0R00V', { kind: 'resistor', value: '0 Ω' }],
    ['ERJ-2RKF4701X', { kind: 'resistor', value: '4.7 kΩ' }],
    ['ECJ-1VB1H104K', { kind: 'capacitor', value: null }],
    ['C0603C104K5RACTU', { kind: 'capacitor', value: '100 nF' }], // KEMET
    ['T491A106K016AT', { kind: 'capacitor', value: '10 µF' }],
    ['C320C104K5R5TA', { kind: 'capacitor', value: '100 nF' }],
    ['TAJA106K016RNJ', { kind: 'capacitor', value: '10 µF' }], // AVX
    ['0603YC104KAT2A', { kind: 'capacitor', value: '100 nF' }],
    ['0603WAF1002T5E', { kind: 'resistor', value: '10 kΩ' }], // UniOhm
    ['0402WGF1001TCE', { kind: 'resistor', value: '1 kΩ' }],
    ['0603B104K500NT', { kind: 'capacitor', value: '100 nF' }], // Fenghua
    ['0603CG220J500NT', { kind: 'capacitor', value: '22 pF' }],
    ['CR0603-FX-1002ELF', { kind: 'resistor', value: '10 kΩ' }], // Bourns
    ['RMCF0603FT10K0', { kind: 'resistor', value: '10 kΩ' }], // Stackpole
    ['RK73H1JTTD1002F', { kind: 'resistor', value: '10 kΩ' }], // KOA
    ['WR06X1002FTL', { kind: 'resistor', value: '10 kΩ' }], // Walsin
    ['MCR03EZPFX1002', { kind: 'resistor', value: '10 kΩ' }], // Rohm
    ['CFR-25JB-52-10K', { kind: 'resistor', value: '10 kΩ' }], // Yageo through-hole
    ['MFR-25FBF52-10K', { kind: 'resistor', value: '10 kΩ' }],
    ['rc0603fr-0720kl', { kind: 'resistor', value: '20 kΩ' }], // any case
    ['74HC00', null],
    ['SN74HC00N', null],
    ['NE555P', null],
    ['STM32F103C8T6', null],
    ['LM358DR', null],
    ['MMBTA42', null],
    ['BC847B', null],
    ['1N4148W', null],
    ['ATMEGA328P-AU', null],
    ['AMS1117-3.3', null],
    ['ESP32-C3-MINI-1-N4', null],
    ['RC4558P', null],
    ['CL1', null],
    ['', null],
  ])('%s', (pn, expected) => {
    expect(passiveFromPartNumber(pn)).toEqual(expected);
  });
});

describe('eiaCode and formatQuantity', () => {
  it.each<[string, number | null]>([
    ['104', 100000],
    ['105', 1000000],
    ['220', 22],
    ['1002', 10000],
    ['4R7', 4.7],
    ['R47', 0.47],
    ['0R', 0],
    ['478', 0.47],
    ['ABC', null],
  ])('eiaCode(%s) = %s', (code, value) => {
    expect(eiaCode(code)).toBe(value);
  });

  it.each<[number, string, string]>([
    [1e-7, 'F', '100 nF'],
    [4.7e-6, 'F', '4.7 µF'],
    [3e-11, 'F', '30 pF'],
    [1500, 'Ω', '1.5 kΩ'],
    [0, 'Ω', '0 Ω'],
    [2.2e6, 'Ω', '2.2 MΩ'],
    [2.7e-8, 'H', '27 nH'],
    [8e6, 'Hz', '8 MHz'],
    [1e-13, 'F', '0.1 pF'],
  ])('formatQuantity(%s %s) = %s', (value, unit, shown) => {
    expect(formatQuantity({ value, unit })).toBe(shown);
  });
});
