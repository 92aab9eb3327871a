import { describe, expect, it } from 'vitest';
import { canonicalText, designationKey, designationToLatin, foldToCyrillic, parseDesignation, type ParsedDesignation } from './designation';
import { designationKeys, designationReadings } from './matching';

/** Which script each letter of a string is in, so that a look-alike case cannot silently lose its Latin letters. */
const scripts = (s: string) =>
  [...s]
    .filter((ch) => /\p{L}/u.test(ch))
    .map((ch) => (/\p{Script=Cyrillic}/u.test(ch) ? 'C' : /\p{Script=Latin}/u.test(ch) ? 'L' : '?'))
    .join('');

describe('golden inputs are typed in the script they claim', () => {
  it.each([
    ['КР1533ЛА3', 'CCCC'],
    ['KP1533ЛA3', 'LLCL'],
    ['K561LA7', 'LLL'],
    ['к561ла7', 'CCC'],
    ['KP580BM80A', 'LLLLL'],
    ['К1986ВЕ92QI', 'CCCLL'],
  ])('%s is %s', (input, expected) => {
    expect(scripts(input)).toBe(expected);
  });
});

describe('canonicalText', () => {
  it.each([
    ['КР1533ЛА3', 'КР1533ЛА3'],
    ['кр1533ла3', 'КР1533ЛА3'],
    ['  К155 ЛА3\t', 'К155ЛА3'],
    ['К155\u00a0ЛА3', 'К155ЛА3'], // no-break space
    ['К155\u3000ЛА3', 'К155ЛА3'], // ideographic space
    ['ＫＲ１５３３ЛА３', 'KR1533ЛА3'], // full-width Latin letters and digits
    ['µA741', 'UA741'], // micro sign U+00B5
    ['μA741', 'UA741'], // Greek mu U+03BC
    ['μa741', 'UA741'],
    ['ёлка', 'ЁЛКА'],
    ['К155-ЛА3', 'К155-ЛА3'], // separators are kept here
  ])('%j → %s', (input, expected) => {
    expect(canonicalText(input)).toBe(expected);
  });
});

describe('foldToCyrillic', () => {
  it.each([
    ['KP1533ЛA3', 'КР1533ЛА3'],
    ['K155LA3', 'К155LА3'], // L has no Cyrillic look-alike
    ['KP580BM80A', 'КР580ВМ80А'],
    ['1986BE92Y', '1986ВЕ92У'],
    ['kp142eh5a', 'КР142ЕН5А'],
    ['К1986ВЕ92QI', 'К1986ВЕ92QI'], // Q and I are left alone
    ['ABCEHKMOPTXY', 'АВСЕНКМОРТХУ'],
  ])('%s → %s', (input, expected) => {
    expect(foldToCyrillic(input)).toBe(expected);
  });
});

describe('designationToLatin', () => {
  it.each([
    ['КР1533ЛА3', 'KR1533LA3'],
    ['К155ЛА3', 'K155LA3'],
    ['КР142ЕН5А', 'KR142EN5A'],
    ['КР580ВМ80А', 'KR580VM80A'], // В → V, not B
    ['К1986ВЕ92QI', 'K1986VE92QI'],
    ['1986ВЕ92У', '1986VE92U'], // У → U
    ['КМ155ЛА3', 'KM155LA3'],
    ['ЭКР1533ЛА3', 'EKR1533LA3'],
    ['К174ГФ2', 'K174GF2'],
    ['КР1006ВИ1', 'KR1006VI1'],
    ['К561ИЕ8', 'K561IE8'],
    ['К565РУ5', 'K565RU5'],
    ['573РФ2', '573RF2'],
    ['КР142ЕН8Б', 'KR142EN8B'], // Б → B
    ['К1ЛБ553', 'K1LB553'],
    ['ЖЦЧШЩЮЯЪЬЫЙЭ', 'ZHTSCHSHSCHYUYAYYE'],
    // wrong keyboard: Latin look-alikes typed among Cyrillic letters are read as Cyrillic
    ['KP1533ЛA3', 'KR1533LA3'],
    ['КР580BM80А', 'KR580VM80A'],
    ['к561ла7', 'K561LA7'],
    ['кр142ен5а', 'KR142EN5A'],
    ['ＫＲ１５３３ЛА３', 'KR1533LA3'],
    [' КР1533ЛА3 ', 'KR1533LA3'],
    // Latin input is already Latin: only canonicalised
    ['K155LA3', 'K155LA3'],
    ['k155la3', 'K155LA3'],
    ['KR580VM80A', 'KR580VM80A'],
    ['MDR32F9Q2I', 'MDR32F9Q2I'],
  ])('%s → %s', (input, expected) => {
    expect(designationToLatin(input)).toBe(expected);
  });
});

describe('designationKey: spellings of one designation share a key', () => {
  describe.each([
    ['КР1533ЛА3', ['KP1533ЛA3', 'кр1533ла3', 'ＫＰ１５３３ЛА３', 'КР 1533 ЛА3', 'КР1533-ЛА3', 'kp1533ла3']],
    ['К561ЛА7', ['к561ла7', 'K561ЛА7', 'K561ЛA7']],
    ['К155ЛА3', ['K155ЛA3', 'К155.ЛА3', 'к155_ла3', 'К155–ЛА3', 'К155—ЛА3', 'К155/ЛА3', 'К155,ЛА3', 'К155\\ЛА3']],
    ['КР580ВМ80А', ['KP580BM80A', 'КР580BM80A', 'кр580вм80а']],
    ['К1986ВЕ92QI', ['K1986BE92QI', 'к1986ве92qi', 'K1986BE92Q I']],
    ['1986ВЕ92У', ['1986BE92Y', '1986ве92у']],
    ['µA741', ['μA741', 'UA741', 'ua741']],
  ])('%s', (canonical, variants) => {
    it.each(variants)('%j', (variant) => {
      expect(designationKey(variant)).toBe(designationKey(canonical));
    });
  });

  // An all-Latin string keeps its letters in the key (Л, И, Д… have no Latin look-alike), so it is found through
  // a reading: the official transliteration (K561LA7 → К561ЛА7) or look-alike first, then by sound (KP1533LA3).
  describe.each([
    ['КР1533ЛА3', ['KP1533LA3', 'kp1533la3', 'KR1533LA3', 'kr1533la3', 'KR-1533-LA3']],
    ['К561ЛА7', ['K561LA7', 'k561la7']],
    ['К155ЛА3', ['K155LA3', 'k155la3']],
    ['К561ИЕ8', ['K561IE8']],
    ['140УД7', ['140UD7', '140YD7']],
  ])('%s is found through a reading of', (cyrillic, variants) => {
    it.each(variants)('%j', (variant) => {
      expect(designationKey(variant)).not.toBe(designationKey(cyrillic));
      expect(designationReadings(variant).map((r) => r.keys.key)).toContain(designationKeys(cyrillic).key);
    });
  });

  it.each([
    ['КР1533ЛА3', 'KP1533ЛA3'], // Л has no Latin look-alike: it stays Cyrillic
    ['К155ЛА3', 'K155ЛA3'],
    ['КР142ЕН5А', 'KP142EH5A'], // every letter has a look-alike
    ['КР580ВМ80А', 'KP580BM80A'],
    ['К1986ВЕ92QI', 'K1986BE92QI'], // the third-party spelling «K1986BE…» (В read as B)
    ['К174ГФ2', 'K174ГФ2'], // letters without a look-alike stay Cyrillic
    ['КР1533ИР22', 'KP1533ИP22'],
    ['К561ИЕ8', 'K561ИE8'],
    ['140УД7', '140YД7'],
    ['КР142ЕН8Б', 'KP142EH8Б'], // Б stays Б …
    ['КР142ЕН8В', 'KP142EH8B'], // … and В is folded to B
    ['К555ИП8', 'K555ИП8'], // П stays П …
    ['К555ИР8', 'K555ИP8'], // … and Р is folded to P
    ['ЁЖ', 'EЖ'],
    ['ёж', 'EЖ'],
    ['АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'AБBГДEEЖЗИЙKЛMHOПPCTYФXЦЧШЩЪЫЬЭЮЯ'],
    ['KR1533LA3', 'KR1533LA3'], // an all-Latin string keeps its letters
  ])('%s → %s', (input, expected) => {
    expect(designationKey(input)).toBe(expected);
  });

  it.each([
    ['КР1533ЛА3', 'К1533ЛА3'],
    ['К155ЛА3', 'К155ЛА4'],
    ['К155ЛА3', 'КМ155ЛА3'],
    ['КР142ЕН5А', 'КР142ЕН5Б'],
    ['КР580ВМ80А', 'КР580ВМ80'],
    ['К155ЛА3', 'К155ЛА33'],
    ['К1533ИР22', 'К1533ИР23'],
    // the old transliteration folded Б and В to B, П and Р to P, Ж and ЗН to ZH
    ['КР142ЕН8Б', 'КР142ЕН8В'],
    ['КР140УД8Б', 'КР140УД8В'],
    ['К555ИР8', 'К555ИП8'],
    ['564ПР1', '564РП1'],
    ['Ж', 'ЗН'],
  ])('%s and %s stay apart', (a, b) => {
    expect(designationKey(a)).not.toBe(designationKey(b));
  });

  it('the official Latin form has its own key (matched through the Latin key column)', () => {
    expect(designationKey('KR1533LA3')).toBe('KR1533LA3');
    expect(designationKey('KR1533LA3')).not.toBe(designationKey('КР1533ЛА3'));
    expect(designationKey('kr 1533-la3')).toBe(designationKey(designationToLatin('КР1533ЛА3')));
  });

  it('full-width Latin KR before Cyrillic ЛА3 matches neither key, and is found through a reading', () => {
    expect(designationKey('ＫＲ１５３３ЛА３')).toBe('KR1533ЛA3');
    expect(designationKey('ＫＲ１５３３ЛА３')).not.toBe(designationKey('КР1533ЛА3'));
    expect(designationKey('ＫＲ１５３３ЛА３')).not.toBe(designationKey(designationToLatin('КР1533ЛА3')));
    expect(designationReadings('ＫＲ１５３３ЛА３').map((r) => r.keys.key)).toContain(designationKeys('КР1533ЛА3').key);
  });
});

const parsed = (prefix: string, series: string, functionCode: string, number: string, suffix = ''): ParsedDesignation => ({
  prefix,
  series,
  functionCode,
  number,
  suffix,
});

describe('parseDesignation', () => {
  it.each([
    ['КР1533ЛА3', parsed('КР', '1533', 'ЛА', '3')],
    ['К155ЛА3', parsed('К', '155', 'ЛА', '3')],
    ['133АГ1', parsed('', '133', 'АГ', '1')],
    ['Н133ИР13', parsed('Н', '133', 'ИР', '13')],
    ['140УД5А', parsed('', '140', 'УД', '5', 'А')],
    ['К1986ВЕ92QI', parsed('К', '1986', 'ВЕ', '92', 'QI')],
    ['1986ВЕ92У', parsed('', '1986', 'ВЕ', '92', 'У')],
    ['КР580ВМ80А', parsed('КР', '580', 'ВМ', '80', 'А')],
    ['КР140УД608', parsed('КР', '140', 'УД', '608')],
    ['КР142ЕН12А', parsed('КР', '142', 'ЕН', '12', 'А')],
    ['ЭКР1533ЛА3', parsed('ЭКР', '1533', 'ЛА', '3')],
    ['КМ155ЛА3', parsed('КМ', '155', 'ЛА', '3')],
    ['УМ5701ВЕ51', parsed('УМ', '5701', 'ВЕ', '51')],
    ['KP1533ЛA3', parsed('КР', '1533', 'ЛА', '3')], // Latin K, P, A folded to Cyrillic
    ['KP580BM80A', parsed('КР', '580', 'ВМ', '80', 'А')],
    ['к561ла7', parsed('К', '561', 'ЛА', '7')],
    ['К155-ЛА3', parsed('К', '155', 'ЛА', '3')],
    ['К 155 ЛА3', parsed('К', '155', 'ЛА', '3')],
    ['ＫＰ１５３３ЛА３', parsed('КР', '1533', 'ЛА', '3')],
  ])('%s', (input, expected) => {
    expect(parseDesignation(input)).toEqual(expected);
  });

  it.each([
    'SN74HC00N',
    'NE555',
    'LM317T',
    '74HC00',
    'MDR32F9Q2I',
    'IN74AC244',
    'IL34119N',
    'ИПВ70А-4/5х7к',
    'К1ЛБ553', // pre-1980 form: one-digit group before the letters
    'КТ315Б', // a transistor: no function letters after the number
    'КР1533',
    'ЛА3',
    '12345ЛА3', // five-digit series
    'КРАБ155ЛА3', // four prefix letters
    'К155Л3',
    '',
  ])('%j is not a designation', (input) => {
    expect(parseDesignation(input)).toBeNull();
  });
});
