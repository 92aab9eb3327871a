import { describe, expect, it } from 'vitest';
import { parseVerifyList, VerifyListError } from './verify-list';

describe('parseVerifyList', () => {
  it('tells numbers from designations and reads an optional date in either format', () => {
    const text = '\uFEFFНомер;Дата\r\nРПП-10320\\1\\2022;01.03.2025\r\n100\n\nКР1533ЛА3;2025-01-01\n# comment\nKR1533LA3\t2024-12-31\n"1892ВМ14Я",\n';
    expect(parseVerifyList(text)).toEqual([
      { number: 'РПП-10320\\1\\2022', date: '2025-03-01' },
      { number: '100', date: undefined },
      { designation: 'КР1533ЛА3', date: '2025-01-01' },
      { designation: 'KR1533LA3', date: '2024-12-31' },
      { designation: '1892ВМ14Я', date: undefined },
    ]);
  });

  it('names the line of a date it cannot read', () => {
    expect(() => parseVerifyList('100;2025-13\n')).toThrow(VerifyListError);
    expect(() => parseVerifyList('100\n200;tomorrow')).toThrow(/line 2/);
  });

  it('gives nothing for an empty list', () => {
    expect(parseVerifyList('\n \n')).toEqual([]);
  });
});
