import { describe, expect, it } from 'vitest';
import { OPERATION_CODES, OPERATION_LABELS, isCountryCode, isOperationCode, operationLabel } from './operations';

describe('operations', () => {
  it('lists the eleven operation codes, each with Russian and English labels', () => {
    expect(OPERATION_CODES).toEqual([
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
    ]);
    for (const code of OPERATION_CODES) {
      expect(OPERATION_LABELS[code].ru).toMatch(/[а-яё]/i);
      expect(OPERATION_LABELS[code].en).toMatch(/^[A-Z]/);
    }
    expect(operationLabel('refinement', 'ru')).toBe('Доводка');
    expect(operationLabel('branding', 'en')).toBe('Final marking only');
  });

  it.each([
    ['wafer', true],
    ['eda', true],
    ['Wafer', false],
    ['etching', false],
    ['', false],
    [null, false],
    [3, false],
  ])('isOperationCode(%j) → %s', (value, ok) => expect(isOperationCode(value)).toBe(ok));

  it.each([
    ['RU', true],
    ['BY', true],
    ['ru', false],
    ['RUS', false],
    ['R', false],
    [undefined, false],
  ])('isCountryCode(%j) → %s', (value, ok) => expect(isCountryCode(value)).toBe(ok));
});
