import { describe, expect, it } from 'vitest';
import { CATEGORY_TREE, FUNCTION_CODES, deriveFromDesignation } from './categories';

const byCode = new Map(CATEGORY_TREE.map((c) => [c.code, c]));

describe('CATEGORY_TREE', () => {
  it('has unique codes', () => {
    const codes = CATEGORY_TREE.map((c) => c.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it.each(CATEGORY_TREE.filter((c) => c.parent !== null).map((c) => [c.code, c.parent] as const))('parent of %s (%s) exists', (_code, parent) => {
    expect(byCode.has(parent!)).toBe(true);
  });

  it('every category reaches a root without a cycle', () => {
    for (const start of CATEGORY_TREE) {
      const seen = new Set<string>();
      let node: (typeof CATEGORY_TREE)[number] | undefined = start;
      while (node?.parent) {
        expect(seen.has(node.code), `cycle through ${node.code}`).toBe(false);
        seen.add(node.code);
        node = byCode.get(node.parent);
      }
      expect(node?.parent, `${start.code} ends at a root`).toBeNull();
    }
  });

  it('lists parents before their children', () => {
    const position = new Map(CATEGORY_TREE.map((c, i) => [c.code, i]));
    for (const c of CATEGORY_TREE) if (c.parent) expect(position.get(c.parent)!, c.code).toBeLessThan(position.get(c.code)!);
  });

  it('has the roots microelectronics and other', () => {
    expect(CATEGORY_TREE.filter((c) => c.parent === null).map((c) => c.code)).toEqual(['microelectronics', 'other']);
  });

  it('names every category in Russian, Belarusian and English', () => {
    for (const c of CATEGORY_TREE) {
      expect(c.nameRu.trim(), c.code).not.toBe('');
      expect(c.nameBe.trim(), c.code).not.toBe('');
      expect(c.nameEn.trim(), c.code).not.toBe('');
    }
  });
});

describe('FUNCTION_CODES', () => {
  it.each(Object.entries(FUNCTION_CODES))('%s → an existing category', (code, meaning) => {
    expect(code).toMatch(/^[А-ЯЁ]{2}$/);
    expect(byCode.has(meaning.category), meaning.category).toBe(true);
    expect(meaning.functionRu).not.toBe('');
    expect(meaning.functionEn).not.toBe('');
  });

  it.each([
    ['ЛА', 'logic-nand'],
    ['ЛЕ', 'logic-nor'],
    ['ЛИ', 'logic-and'],
    ['ЛЛ', 'logic-or'],
    ['ЛН', 'logic-inverters'],
    ['ЛП', 'logic-other'],
    ['ТМ', 'flip-flops-d'],
    ['ТВ', 'flip-flops-jk'],
    ['ИЕ', 'counters'],
    ['ИР', 'registers'],
    ['КП', 'multiplexers'],
    ['УД', 'op-amps'],
    ['СА', 'comparators'],
    ['ЕН', 'voltage-regulators'],
    ['ВЕ', 'microcontrollers'],
    ['РУ', 'ram'],
    ['РФ', 'rom'],
    ['ПВ', 'adc'],
  ])('%s means %s (analogs-notes §2)', (code, category) => {
    expect(FUNCTION_CODES[code]?.category).toBe(category);
  });
});

describe('deriveFromDesignation', () => {
  it.each([
    ['К155ЛА3', 'ЛА', 'logic-nand', 'NAND gates'],
    ['КР1533ЛА3', 'ЛА', 'logic-nand', 'NAND gates'],
    ['KP1533ЛA3', 'ЛА', 'logic-nand', 'NAND gates'], // Latin look-alikes
    ['К155ЛЕ1', 'ЛЕ', 'logic-nor', 'NOR gates'],
    ['КР1533ЛИ3', 'ЛИ', 'logic-and', 'AND gates'],
    ['К155ЛН1', 'ЛН', 'logic-inverters', 'Inverters'],
    ['К155ТМ2', 'ТМ', 'flip-flops-d', 'D flip-flops'],
    ['К155ТЛ2', 'ТЛ', 'flip-flops-schmitt', 'Schmitt triggers'],
    ['К561ИЕ8', 'ИЕ', 'counters', 'Counter'],
    ['КР1533ИР22', 'ИР', 'registers', 'Register'],
    ['133АГ1', 'АГ', 'monostables', 'Monostable multivibrator'],
    ['140УД7', 'УД', 'op-amps', 'Operational amplifier'],
    ['К174УН9', 'УН', 'amplifiers', 'Low-frequency amplifier'],
    ['К554СА3', 'СА', 'comparators', 'Voltage comparator'],
    ['КР142ЕН5А', 'ЕН', 'voltage-regulators', 'Voltage regulator'],
    ['КР1156ЕУ5', 'ЕУ', 'switching-controllers', 'Switching-regulator controller'],
    ['КР1006ВИ1', 'ВИ', 'timers', 'Timer'],
    ['КР580ВМ80А', 'ВМ', 'microprocessors', 'Microprocessor'],
    ['К1986ВЕ92QI', 'ВЕ', 'microcontrollers', 'Single-chip microcontroller'],
    ['КР580ВВ55А', 'ВВ', 'mpu-peripherals', 'I/O controller'],
    ['К565РУ5', 'РУ', 'ram', 'RAM'],
    ['573РФ2', 'РФ', 'rom', 'UV-erasable EPROM'],
    ['572ПВ1', 'ПВ', 'adc', 'Analog-to-digital converter'],
    ['К174ГФ2', 'ГФ', 'oscillators', 'Waveform or clock generator'],
  ])('%s → %s, %s', (designation, functionCode, category, functionEn) => {
    expect(deriveFromDesignation(designation)).toEqual({ ...FUNCTION_CODES[functionCode], functionCode, category, functionEn });
  });

  it.each([
    'SN74HC00N', // not a designation
    'NE555',
    'К175УВ4', // letters outside the table
    'КР1533ЪЪ1',
    '',
  ])('%j → null', (designation) => {
    expect(deriveFromDesignation(designation)).toBeNull();
  });
});
