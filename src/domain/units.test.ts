import { describe, expect, it } from 'vitest';
import { parseQuantity, parseUnit, toSi } from './units';

describe('parseUnit', () => {
  it.each([
    ['', 1, ''],
    ['V', 1, 'V'],
    ['В', 1, 'V'], // Cyrillic В is volts
    ['mV', 1e-3, 'V'],
    ['мВ', 1e-3, 'V'],
    ['kV', 1e3, 'V'],
    ['A', 1, 'A'],
    ['А', 1, 'A'], // Cyrillic А
    ['mA', 1e-3, 'A'],
    ['мА', 1e-3, 'A'],
    ['µA', 1e-6, 'A'], // micro sign
    ['μA', 1e-6, 'A'], // Greek mu
    ['uA', 1e-6, 'A'],
    ['мкА', 1e-6, 'A'],
    ['nA', 1e-9, 'A'],
    ['W', 1, 'W'],
    ['Вт', 1, 'W'],
    ['mW', 1e-3, 'W'],
    ['кВт', 1e3, 'W'],
    ['Hz', 1, 'Hz'],
    ['Гц', 1, 'Hz'],
    ['kHz', 1e3, 'Hz'],
    ['KHz', 1e3, 'Hz'],
    ['кГц', 1e3, 'Hz'],
    ['MHz', 1e6, 'Hz'],
    ['МГц', 1e6, 'Hz'], // Cyrillic М is mega
    ['GHz', 1e9, 'Hz'],
    ['ГГц', 1e9, 'Hz'],
    ['F', 1, 'F'],
    ['pF', 1e-12, 'F'],
    ['пФ', 1e-12, 'F'],
    ['nF', 1e-9, 'F'],
    ['нФ', 1e-9, 'F'],
    ['uF', 1e-6, 'F'],
    ['мкФ', 1e-6, 'F'],
    ['H', 1, 'H'],
    ['Гн', 1, 'H'],
    ['uH', 1e-6, 'H'],
    ['мкГн', 1e-6, 'H'],
    ['mH', 1e-3, 'H'],
    ['Ω', 1, 'Ω'],
    ['kΩ', 1e3, 'Ω'],
    ['MΩ', 1e6, 'Ω'],
    ['Ohm', 1, 'Ω'],
    ['ohm', 1, 'Ω'],
    ['kOhm', 1e3, 'Ω'],
    ['R', 1, 'Ω'],
    ['Ом', 1, 'Ω'],
    ['кОм', 1e3, 'Ω'],
    ['МОм', 1e6, 'Ω'],
    ['мОм', 1e-3, 'Ω'],
    ['s', 1, 's'],
    ['с', 1, 's'], // Cyrillic с
    ['ms', 1e-3, 's'],
    ['мс', 1e-3, 's'],
    ['мкс', 1e-6, 's'],
    ['ns', 1e-9, 's'],
    ['°C', 1, '°C'],
    ['C', 1, '°C'],
    ['B', 1, 'B'], // Latin B is bytes
    ['kB', 1e3, 'B'],
    ['bit', 1, 'bit'],
    ['Mbit', 1e6, 'bit'],
    [' mV ', 1e-3, 'V'],
  ])('%j → ×%d %s', (input, factor, unit) => {
    expect(parseUnit(input)).toEqual({ factor, unit });
  });

  it.each(['furlong', 'xyz', 'mX', 'm', 'k', 'V/us', 'mm', 'Vv', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'kconstructor', 'мtoString'])(
    '%j is unknown',
    (input) => {
      expect(parseUnit(input)).toBeNull();
    },
  );
});

describe('toSi', () => {
  it.each([
    [4500, 'mV', 4.5, 'V'],
    [3.3, 'V', 3.3, 'V'],
    [4.7, 'uF', 4.7e-6, 'F'],
    [100, 'nF', 1e-7, 'F'],
    [10, 'кОм', 10_000, 'Ω'],
    [1.5, 'GHz', 1.5e9, 'Hz'],
    [0, 'mA', 0, 'A'],
    [-40, '°C', -40, '°C'],
    [250, 'мВт', 0.25, 'W'],
    [5, '', 5, ''],
  ])('%d %s → %d %s', (value, unit, siValue, siUnit) => {
    expect(toSi(value, unit)).toEqual({ value: siValue, unit: siUnit });
  });

  it.each([
    [1, 'furlong'],
    [1, 'constructor'],
    [1, 'mX'],
  ])('%d %s → null', (value, unit) => {
    expect(toSi(value, unit)).toBeNull();
  });
});

describe('parseQuantity', () => {
  it.each<[string, string | undefined, number, string]>([
    ['4.5 V', undefined, 4.5, 'V'],
    ['4500 mV', undefined, 4.5, 'V'],
    ['4500mV', undefined, 4.5, 'V'],
    ['4,5 В', undefined, 4.5, 'V'],
    ['4500 мВ', undefined, 4.5, 'V'],
    ['  3.3    V  ', undefined, 3.3, 'V'],
    ['10 кОм', undefined, 10_000, 'Ω'],
    ['1.5 kOhm', undefined, 1500, 'Ω'],
    ['16 MHz', undefined, 16e6, 'Hz'],
    ['100 мкФ', undefined, 1e-4, 'F'],
    ['0.1 uF', undefined, 1e-7, 'F'],
    ['1e3 Hz', undefined, 1000, 'Hz'],
    ['-40 °C', undefined, -40, '°C'],
    ['+85 °C', undefined, 85, '°C'],
    ['10', undefined, 10, ''],
    ['10', 'V', 10, 'V'],
    ['5 V', 'A', 5, 'V'], // a unit in the text beats the default
    // RKM code: the letter stands for the decimal point
    ['1k5', undefined, 1500, ''],
    ['1k5', 'Ω', 1500, 'Ω'],
    ['1K5', 'Ω', 1500, 'Ω'],
    ['4u7', 'F', 4.7e-6, 'F'],
    ['4µ7', 'F', 4.7e-6, 'F'],
    ['4n7', 'F', 4.7e-9, 'F'],
    ['2M2', 'Ω', 2.2e6, 'Ω'],
    ['2M2', undefined, 2.2e6, ''],
    ['4m7', 'H', 4.7e-3, 'H'],
    ['4R7', undefined, 4.7, 'Ω'],
    ['4R7', 'F', 4.7, 'Ω'], // R always means ohms
    ['4k7 Ом', undefined, 4700, 'Ω'],
    ['4u7F', undefined, 4.7e-6, 'F'],
    ['2M2Hz', undefined, 2.2e6, 'Hz'],
    // a bare prefix takes the default unit
    ['100n', 'F', 1e-7, 'F'],
    ['10 k', 'Ω', 10_000, 'Ω'],
    ['22p', 'F', 22e-12, 'F'],
  ])('%j (default %j) → %d %s', (input, defaultUnit, value, unit) => {
    expect(parseQuantity(input, defaultUnit)).toEqual({ value, unit });
  });

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['   ', undefined],
    ['abc', undefined],
    ['V', 'V'],
    ['100n', undefined], // a bare prefix without a default unit
    ['5 furlongs', undefined],
    ['4.5 volts', undefined],
    ['1k5 xyz', undefined],
    ['5 constructor', 'F'],
    ['5 toString', undefined],
    ['5 __proto__', 'V'],
  ])('%j (default %j) → null', (input, defaultUnit) => {
    expect(parseQuantity(input, defaultUnit)).toBeNull();
  });
});
