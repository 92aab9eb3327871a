import { describe, expect, it } from 'vitest';
import { manufacturerKey, partNumberKey } from './part-number';

describe('partNumberKey', () => {
  it.each([
    ['SN74HC00N', 'SN74HC00N'],
    ['sn74hc00n', 'SN74HC00N'],
    [' SN74HC00N ', 'SN74HC00N'],
    ['SN 74HC00 N', 'SN74HC00N'],
    ['SN74HC00-N', 'SN74HC00N'],
    ['SN74HC00–N', 'SN74HC00N'], // en dash
    ['SN74_HC00N', 'SN74HC00N'],
    ['ＳＮ７４ＨＣ００Ｎ', 'SN74HC00N'], // full width
    // Cyrillic look-alikes typed into a foreign number fold to Latin
    ['SN74НС00N', 'SN74HC00N'], // Cyrillic Н, С
    ['LМ317Т', 'LM317T'], // Cyrillic М, Т
    ['КА7805', 'KA7805'], // Cyrillic К, А
    ['ВС547В', 'BC547B'], // Cyrillic В, С, В
    ['ОР07', 'OP07'], // Cyrillic О, Р
    ['ХС9572', 'XC9572'], // Cyrillic Х, С
    ['МАХ232Е', 'MAX232E'], // Cyrillic М, А, Х, Е
    ['µA7805', 'UA7805'],
    ['μA741', 'UA741'],
    // a dot between digits carries meaning and stays; any other dot goes
    ['1.5SMC6.8CA', '1.5SMC6.8CA'],
    ['1.5SMC68CA', '1.5SMC68CA'],
    ['1.5KE6.8A', '1.5KE6.8A'],
    ['1N4148.', '1N4148'],
    ['MC.34063', 'MC34063'],
    ['.5SMC', '5SMC'],
    ['LM317.T', 'LM317T'],
    ['1.5-SMC6.8CA', '1.5SMC6.8CA'],
  ])('%j → %s', (input, expected) => {
    expect(partNumberKey(input)).toBe(expected);
  });

  it.each([
    ['1.5SMC68CA', '1.5SMC6.8CA'],
    ['1.5KE68A', '1.5KE6.8A'],
    ['SN74HC00N', 'SN74HC02N'],
    ['SN74HC00N', 'SN74HC00D'],
    ['BZX55C5V1', 'BZX55C51'],
  ])('%s ≠ %s', (a, b) => {
    expect(partNumberKey(a)).not.toBe(partNumberKey(b));
  });
});

describe('manufacturerKey', () => {
  it.each([
    ['Texas Instruments', 'TEXASINSTRUMENTS'],
    ['TEXAS INSTRUMENTS', 'TEXASINSTRUMENTS'],
    ['texas-instruments', 'TEXASINSTRUMENTS'],
    ['STMicroelectronics N.V.', 'STMICROELECTRONICSNV'],
    ['ＳＴＭｉｃｒｏ', 'STMICRO'],
    ['ОАО «Интеграл»', 'ОАОИНТЕГРАЛ'],
    ['АО «ПКК Миландр»', 'АОПККМИЛАНДР'],
    ['  ', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (input, expected) => {
    expect(manufacturerKey(input)).toBe(expected);
  });

  it('keeps different makers apart', () => {
    expect(manufacturerKey('Analog Devices')).not.toBe(manufacturerKey('Analog Device'));
  });
});
