import { describe, expect, it } from 'vitest';
import { registryNumberKey } from './registry-number';

describe('registryNumberKey', () => {
  it.each([
    ['РПП-10320\\1\\2022', '10320/1/2022'],
    ['10320/1/2022', '10320/1/2022'],
    ['  рпп - 100 ', '100'],
    ['RPP-100', '100'],
    ['100', '100'],
    ['№ 100', '100'],
    ['РПП\u2011100', '100'],
    ['BY 2026 000001', '2026000001'],
  ])('%s → %s', (input, key) => expect(registryNumberKey(input)).toBe(key));

  it('keeps numbers that differ in their digits apart', () => {
    expect(registryNumberKey('РПП-1001')).not.toBe(registryNumberKey('РПП-100'));
    expect(registryNumberKey('10320/1/2022')).not.toBe(registryNumberKey('10320/1/2023'));
  });
});
