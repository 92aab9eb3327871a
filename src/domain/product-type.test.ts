import { describe, expect, it } from 'vitest';
import { designationReadings } from './matching';
import { deriveDescription, designations, parameterToSi, type ParameterInput, type SiParameter } from './product-type';

describe('designations', () => {
  it.each([
    [
      'КР1533ЛА3',
      undefined,
      {
        designation: 'КР1533ЛА3',
        designationLatin: 'KR1533LA3',
        designationKey: 'KP1533ЛA3',
        designationLatinKey: 'KR1533LA3',
        designationBaseKey: 'KP1533ЛA3',
        designationFamilyKey: '1533ЛA3',
      },
    ],
    [
      ' К155ЛА3 ',
      null,
      {
        designation: 'К155ЛА3',
        designationLatin: 'K155LA3',
        designationKey: 'K155ЛA3',
        designationLatinKey: 'K155LA3',
        designationBaseKey: 'K155ЛA3',
        designationFamilyKey: '155ЛA3',
      },
    ],
    [
      'КР580ВМ80А',
      '',
      {
        designation: 'КР580ВМ80А',
        designationLatin: 'KR580VM80A',
        designationKey: 'KP580BM80A',
        designationLatinKey: 'KR580VM80A',
        designationBaseKey: 'KP580BM80',
        designationFamilyKey: '580BM80',
      },
    ],
    [
      'КР142ЕН5А',
      '   ',
      {
        designation: 'КР142ЕН5А',
        designationLatin: 'KR142EN5A',
        designationKey: 'KP142EH5A',
        designationLatinKey: 'KR142EN5A',
        designationBaseKey: 'KP142EH5',
        designationFamilyKey: '142EH5',
      },
    ],
    [
      'КР142ЕН8Б',
      undefined,
      {
        designation: 'КР142ЕН8Б',
        designationLatin: 'KR142EN8B',
        designationKey: 'KP142EH8Б',
        designationLatinKey: 'KR142EN8B',
        designationBaseKey: 'KP142EH8',
        designationFamilyKey: '142EH8',
      },
    ],
    // an explicit Latin name (the maker's) wins over the transliteration
    [
      'К1986ВЕ92QI',
      ' MDR32F9Q2I ',
      {
        designation: 'К1986ВЕ92QI',
        designationLatin: 'MDR32F9Q2I',
        designationKey: 'K1986BE92QI',
        designationLatinKey: 'MDR32F9Q2I',
        designationBaseKey: 'K1986BE92',
        designationFamilyKey: '1986BE92',
      },
    ],
    [
      'КР1564ИР8',
      'IN74HC164AN',
      {
        designation: 'КР1564ИР8',
        designationLatin: 'IN74HC164AN',
        designationKey: 'KP1564ИP8',
        designationLatinKey: 'IN74HC164AN',
        designationBaseKey: 'KP1564ИP8',
        designationFamilyKey: '1564ИP8',
      },
    ],
    // not in the designation system: no base or family key
    [
      'КТ315Б',
      undefined,
      {
        designation: 'КТ315Б',
        designationLatin: 'KT315B',
        designationKey: 'KT315Б',
        designationLatinKey: 'KT315B',
        designationBaseKey: null,
        designationFamilyKey: null,
      },
    ],
  ])('%j (Latin %j)', (designation, latin, expected) => {
    expect(designations(designation, latin)).toEqual(expected);
  });

  it.each([
    ['КР1533ЛА3', 'KR1533LA3'],
    ['КР1533ЛА3', 'kr1533la3'],
    ['КР1533ЛА3', 'ＫＲ１５３３ＬＡ３'],
    ['КР580ВМ80А', 'KR580VM80A'],
    ['К155ЛА3', 'K155LA3'],
  ])('a search for %s written as %j hits its Latin key', (designation, query) => {
    expect(designations(query).designationKey).toBe(designations(designation).designationLatinKey);
  });

  // all-Latin or mixed spellings are read back as Cyrillic (see domain/matching): a reading hits the stored key,
  // whether or not the spelling also hits the Latin key (the official Latin form does, a look-alike one does not)
  it.each<[string, string, boolean]>([
    ['КР1533ЛА3', 'ＫＲ１５３３ЛА３', false],
    ['КР1533ЛА3', 'KP1533LA3', false],
    ['КР1533ЛА3', 'KR1533LA3', true],
    ['К155ЛА3', 'K155LA3', true],
    ['К561ИЕ8', 'K561IE8', true],
    ['КР1564ИР8', 'KR1564IR8', true],
  ])('a search for %s written as %j hits its key through a reading (Latin key too: %s)', (designation, query, latinKeyToo) => {
    const d = designations(designation);
    expect(designations(query).designationKey).not.toBe(d.designationKey);
    expect(designations(query).designationKey === d.designationLatinKey).toBe(latinKeyToo);
    expect(designationReadings(query).map((r) => r.keys.key)).toContain(d.designationKey);
  });
});

describe('deriveDescription', () => {
  const nand = { categoryCode: 'logic-nand', functionRu: 'Логические элементы И-НЕ', functionEn: 'NAND gates' };

  it.each([
    ['nothing given', 'К155ЛА3', {}, { ...nand, functionDerived: true }],
    ['all null', 'К155ЛА3', { categoryCode: null, functionRu: null, functionEn: null }, { ...nand, functionDerived: true }],
    ['empty texts', 'К155ЛА3', { functionRu: '', functionEn: '' }, { ...nand, functionDerived: true }],
    [
      'Russian text given',
      'К155ЛА3',
      { functionRu: '4 элемента 2И-НЕ' },
      { categoryCode: 'logic-nand', functionRu: '4 элемента 2И-НЕ', functionEn: null, functionDerived: false },
    ],
    [
      'English text given',
      'К155ЛА3',
      { functionEn: 'Quad 2-input NAND' },
      { categoryCode: 'logic-nand', functionRu: 'Логические элементы И-НЕ', functionEn: 'Quad 2-input NAND', functionDerived: true },
    ],
    [
      'both texts given',
      'К155ЛА3',
      { functionRu: 'И-НЕ', functionEn: 'NAND' },
      { categoryCode: 'logic-nand', functionRu: 'И-НЕ', functionEn: 'NAND', functionDerived: false },
    ],
    ['category given', 'К155ЛА3', { categoryCode: 'logic-other' }, { ...nand, categoryCode: 'logic-other', functionDerived: true }],
    [
      'everything given',
      'К155ЛА3',
      { categoryCode: 'other', functionRu: 'р', functionEn: 'e' },
      { categoryCode: 'other', functionRu: 'р', functionEn: 'e', functionDerived: false },
    ],
    ['look-alike letters', 'KP1533ЛA3', {}, { ...nand, functionDerived: true }],
    [
      'a regulator',
      'КР142ЕН5А',
      {},
      { categoryCode: 'voltage-regulators', functionRu: 'Стабилизатор напряжения', functionEn: 'Voltage regulator', functionDerived: true },
    ],
    ['not a designation', 'IN74AC244', {}, { categoryCode: null, functionRu: null, functionEn: null, functionDerived: false }],
    ['unknown letters', 'К175УВ4', {}, { categoryCode: null, functionRu: null, functionEn: null, functionDerived: false }],
    [
      'unknown letters, text given',
      'К175УВ4',
      { functionEn: 'AGC amplifier' },
      { categoryCode: null, functionRu: null, functionEn: 'AGC amplifier', functionDerived: false },
    ],
  ])('%s: %s', (_case, designation, given, expected) => {
    expect(deriveDescription(designation, given)).toEqual(expected);
  });
});

describe('parameterToSi', () => {
  const si = (p: Partial<SiParameter>): SiParameter => ({ name: 'p', min: null, typ: null, max: null, unit: null, text: null, ...p });

  it.each<[string, ParameterInput, SiParameter]>([
    ['mV to V', { name: 'Uвых', min: 4750, typ: 5000, max: 5250, unit: 'mV' }, si({ name: 'Uвых', min: 4.75, typ: 5, max: 5.25, unit: 'V' })],
    ['мВ to V', { name: 'p', typ: 4500, unit: 'мВ' }, si({ typ: 4.5, unit: 'V' })],
    ['already SI', { name: 'p', min: 4.5, max: 5.5, unit: 'V' }, si({ min: 4.5, max: 5.5, unit: 'V' })],
    ['kHz', { name: 'f', max: 100, unit: 'kHz' }, si({ name: 'f', max: 100_000, unit: 'Hz' })],
    ['pF', { name: 'C', typ: 15, unit: 'pF' }, si({ name: 'C', typ: 1.5e-11, unit: 'F' })],
    ['temperature', { name: 'T', min: -60, max: 125, unit: '°C' }, si({ name: 'T', min: -60, max: 125, unit: '°C' })],
    ['no unit', { name: 'N', typ: 4 }, si({ name: 'N', typ: 4 })],
    ['blank unit', { name: 'N', typ: 4, unit: '  ' }, si({ name: 'N', typ: 4 })],
    ['null values', { name: 'p', min: null, typ: null, max: null, unit: 'V' }, si({ unit: 'V' })],
    ['text only', { name: 'Корпус', text: 'DIP-14' }, si({ name: 'Корпус', text: 'DIP-14' })],
    ['name trimmed', { name: '  Iпот ', typ: 10, unit: 'mA' }, si({ name: 'Iпот', typ: 0.01, unit: 'A' })],
    ['min equals max', { name: 'p', min: 5000, max: 5000, unit: 'mV' }, si({ min: 5, max: 5, unit: 'V' })],
    ['zero min', { name: 'p', min: 0, max: 1, unit: 'A' }, si({ min: 0, max: 1, unit: 'A' })],
  ])('%s', (_case, input, expected) => {
    expect(parameterToSi(input)).toEqual(expected);
  });

  it.each<[string, ParameterInput, string]>([
    ['unknown unit', { name: 'Uвых', typ: 5, unit: 'furlong' }, 'unknown unit "furlong" in parameter Uвых'],
    ['unknown unit without values', { name: 'x', unit: 'volts' }, 'unknown unit "volts" in parameter x'],
    ['a prototype key is no unit', { name: 'x', typ: 1, unit: 'constructor' }, 'unknown unit "constructor" in parameter x'],
    ['min > max', { name: 'U', min: 6, max: 5, unit: 'V' }, 'parameter U: min is greater than max'],
    ['min > max in mV', { name: 'U', min: 5000, max: 4500, unit: 'mV' }, 'parameter U: min is greater than max'],
    ['negative range reversed', { name: 'T', min: 85, max: -40, unit: '°C' }, 'parameter T: min is greater than max'],
  ])('%s → error', (_case, input, message) => {
    expect(parameterToSi(input)).toBe(message);
  });
});
