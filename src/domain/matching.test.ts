/**
 * Golden corpus for the part-number matching core. Each table is what an engineer expects when a query meets a
 * stored part number or designation; `tierOf` replays the search service's tier rules on the domain functions
 * only, so the corpus pins the keys without a database.
 */
import { describe, expect, it } from 'vitest';
import { designationKey, designationToLatin } from './designation';
import {
  designationKeys,
  designationReadings,
  familyNotes,
  foreignPartKeys,
  FUZZY_THRESHOLD,
  fuzzySimilarity,
  hasLookalikeMix,
  similarity,
  TIER_SCORE,
  type Note,
  type Tier,
} from './matching';

type Kind = 'foreign' | 'domestic';
type KeyTier = Extract<Tier, 'exact' | 'normalised' | 'base' | 'family' | 'prefix' | 'fuzzy'>;

/**
 * The strongest tier at which the search service (src/server/search/service.ts) finds `stored` for `query`.
 * foreign: part_number = q · part_number_key · base_key · family_key · key prefix · fuzzy similarity of keys.
 * domestic: designation = q · designation_key ∈ reading keys, or designation_latin_key ∈ {designationKey(q), reading
 * keys} · base key · family key · prefix of either key · fuzzy similarity against either key.
 * Stored domestic rows carry the Latin form derived from the designation (designationToLatin), as on import.
 */
function tierOf(query: string, stored: string, kind: Kind): KeyTier | null {
  const q = query.trim();
  const s = stored.trim();
  if (q === s) return 'exact';
  if (kind === 'foreign') {
    const a = foreignPartKeys(q);
    const b = foreignPartKeys(s);
    if (!a.key) return null;
    if (a.key === b.key) return 'normalised';
    if (a.base === b.base) return 'base';
    if (a.family !== null && a.family === b.family) return 'family';
    if (a.key.length >= 2 && b.key.startsWith(a.key)) return 'prefix';
    if (a.key.length >= 3 && fuzzySimilarity(a.key, b.key) >= FUZZY_THRESHOLD) return 'fuzzy';
    return null;
  }
  const readings = designationReadings(q).map((r) => r.keys);
  const found = designationKeys(s);
  const foundLatinKey = designationKey(designationToLatin(s));
  const keys = readings.map((k) => k.key);
  if (keys.includes(found.key) || [designationKey(q), ...keys].includes(foundLatinKey)) return 'normalised';
  if (found.base !== null && readings.some((k) => k.base === found.base)) return 'base';
  if (found.family !== null && readings.some((k) => k.family === found.family)) return 'family';
  const key = keys[0];
  if (key.length >= 2 && (found.key.startsWith(key) || foundLatinKey.startsWith(key))) return 'prefix';
  if (key.length >= 3 && Math.max(fuzzySimilarity(key, found.key), fuzzySimilarity(key, foundLatinKey)) >= FUZZY_THRESHOLD) return 'fuzzy';
  return null;
}

const note = (code: Note['code'], query: string, found: string): Note => ({ code, params: { query, found } });

/** Which script each letter is in (C Cyrillic, L Latin, G Greek), so a look-alike case cannot silently lose its mix. */
const scripts = (s: string) =>
  [...s]
    .filter((ch) => /\p{L}/u.test(ch))
    .map((ch) => (/\p{Script=Cyrillic}/u.test(ch) ? 'C' : /\p{Script=Latin}/u.test(ch) ? 'L' : /\p{Script=Greek}/u.test(ch) ? 'G' : '?'))
    .join('');

describe('golden inputs are typed in the script they claim', () => {
  it.each([
    ['KP1533ЛA3', 'LLCL'],
    ['K561ЛА7', 'LCC'],
    ['K561LA7', 'LLL'],
    ['к561ла7', 'CCC'],
    ['KP1006BИ1', 'LLLC'],
    ['КР580BM80А', 'CCLLC'],
    ['NЕ555Р', 'LCC'],
    ['СD4011ВЕ', 'CLCC'],
    ['ＫＲ１５３３ЛА３', 'LLCC'],
    ['μA741', 'GL'], // U+03BC GREEK SMALL LETTER MU
  ])('%s is %s', (input, expected) => {
    expect(scripts(input)).toBe(expected);
  });

  it('µA741 starts with U+00B5 MICRO SIGN, μA741 with U+03BC GREEK SMALL LETTER MU', () => {
    expect('µA741'.codePointAt(0)).toBe(0xb5);
    expect('μA741'.codePointAt(0)).toBe(0x3bc);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 1. Must match, with the tier the pair reaches

describe('1. must match: foreign part numbers', () => {
  it.each<[string, string, KeyTier]>([
    // exact: the text as typed (the service trims the query)
    ['NE555P', 'NE555P', 'exact'],
    [' LM358DR ', 'LM358DR', 'exact'],
    ['STM32F103C8T6', 'STM32F103C8T6', 'exact'],
    ['LTC2053HMS8#PBF', 'LTC2053HMS8#PBF', 'exact'],

    // normalised: case, spaces, dashes, underscores, full-width forms, µ/μ, Cyrillic look-alikes
    ['ne555p', 'NE555P', 'normalised'],
    ['NE 555 P', 'NE555P', 'normalised'],
    ['NE-555P', 'NE555P', 'normalised'],
    ['ＮＥ５５５Ｐ', 'NE555P', 'normalised'], // full-width Latin and digits
    ['NЕ555Р', 'NE555P', 'normalised'], // Cyrillic Е and Р typed on the wrong keyboard
    ['СD4011ВЕ', 'CD4011BE', 'normalised'], // Cyrillic С, В, Е
    ['µA741', 'UA741', 'normalised'], // micro sign U+00B5
    ['μA741', 'UA741', 'normalised'], // Greek mu U+03BC
    ['µA741', 'μA741', 'normalised'],
    ['μA741CN', 'UA741CN', 'normalised'],
    ['74hc595', '74HC595', 'normalised'],
    ['sn74hc595dr', 'SN74HC595DR', 'normalised'],
    ['SN74HC595-DR', 'SN74HC595DR', 'normalised'],
    ['1n4148', '1N4148', 'normalised'],
    ['stm32f103c8t6', 'STM32F103C8T6', 'normalised'],
    ['max3483eesa+', 'MAX3483EESA+', 'normalised'],
    ['ltc2053hms8#pbf', 'LTC2053HMS8#PBF', 'normalised'],
    ['lm317t', 'LM317T', 'normalised'],
    ['TL072 CP', 'TL072CP', 'normalised'],
    ['AD620-ANZ', 'AD620ANZ', 'normalised'],
    ['2N-2222A', '2N2222A', 'normalised'],
    ['1.5 SMC 6.8 CA', '1.5SMC6.8CA', 'normalised'],
    ['LM2596S 5.0', 'LM2596S-5.0', 'normalised'],
    ['ATmega328P-PU', 'ATMEGA328PPU', 'normalised'],
    ['hef 4093 bp', 'HEF4093BP', 'normalised'],
    ['BZX84-C5V1', 'BZX84C5V1', 'normalised'], // NXP writes the dash
    ['OP-07', 'OP07', 'normalised'],
    ['in74hc164an', 'IN74HC164AN', 'normalised'],
    ['ＬＭ３５８', 'LM358', 'normalised'],
    ['TPS7A4700 RGWR', 'TPS7A4700RGWR', 'normalised'],

    // base: vendor prefix, package, temperature grade, tape-and-reel and lead-free tails stripped
    ['SN74HC595DR', '74HC595', 'base'],
    ['74HC595', 'SN74HC595N', 'base'],
    ['74HC595', 'MC74HC595ADR2G', 'base'],
    ['74HC595', 'CD74HC595E', 'base'],
    ['74HC595', 'TC74HC595AP', 'base'],
    ['74HC595', 'M74HC595B1R', 'base'],
    ['74HC595', '74HC595D,118', 'base'], // NXP ordering code after a comma
    ['74HC595PW', 'SN74HC595DR', 'base'],
    ['NE555P', 'NE555', 'base'],
    ['NE555', 'NE555DR', 'base'],
    ['LM358DR', 'LM358', 'base'],
    ['LM358DR', 'LM358P', 'base'],
    ['LM358', 'LM358N', 'base'],
    ['CD4011BE', 'CD4011', 'base'],
    ['CD4011', '4011', 'base'],
    ['4011', 'MC14011', 'base'],
    ['MC14011', 'HEF4011BP', 'base'],
    ['HEF4011BP', 'CD4011BE', 'base'],
    ['CD4011BE', 'MC14011BCP', 'base'],
    ['CD4011BE', 'HCF4011BE', 'base'],
    ['CD4011BE', 'TC4011BP', 'base'],
    ['HEF4011BP,652', 'CD4011', 'base'],
    ['HEF4093BP', '4093', 'base'],
    ['4093', 'CD4093BE', 'base'],
    ['CD40106BE', '40106', 'base'], // five-digit 4000-series number
    ['MC14106BCP', 'CD40106BE', 'base'], // Motorola MC141xx = CD401xx
    ['HEF40106BP', 'CD40106B', 'base'],
    ['CD4069UBE', 'CD4069UB', 'base'],
    ['HEF4069UBP', 'CD4069UBE', 'base'],
    ['STM32F103C8T6', 'STM32F103', 'base'],
    ['STM32F103C8T6', 'STM32F103RBT6', 'base'],
    ['MAX3483EESA+', 'MAX3483', 'base'],
    ['MAX3483EESA+T', 'MAX3483CPA', 'base'],
    ['LTC2053HMS8#PBF', 'LTC2053', 'base'],
    ['LTC2053HMS8#TRPBF', 'LTC2053HMS8', 'base'],
    ['LM317T', 'LM317', 'base'],
    ['TL072CP', 'TL072', 'base'],
    ['TL072', 'TL072CDR', 'base'],
    ['UA741CN', 'UA741', 'base'],
    ['µA741', 'UA741CN', 'base'],
    ['AD620ANZ', 'AD620', 'base'],
    ['AD620ANZ', 'AD620BRZ', 'base'],
    ['IN74HC164AN', '74HC164', 'base'], // Integral keeps the foreign number
    ['74HC164', 'IN74HC164AN', 'base'],
    ['SN74HC164N', 'IN74HC164AN', 'base'],
    ['1N4148WS', '1N4148', 'base'],
    ['1N4148', '1N4148W-7-F', 'base'], // Diodes Inc. reel tail
    ['2N2222A', '2N2222', 'base'],
    ['LM2596S-5.0/NOPB', 'LM2596', 'base'],
    ['LM2596S-5.0/NOPB', 'LM2596S-5.0', 'base'],
    ['LM2596S-5.0/NOPB', 'LM2596T-ADJ', 'base'],
    ['TPS7A4700RGWR', 'TPS7A4700', 'base'],
    ['TPS7A4700RGWR', 'TPS7A4700RGWT', 'base'],
    ['AMS1117-3.3', 'AMS1117', 'base'], // the output voltage after a dash is an option, not part of the number
    ['BD139-16', 'BD139', 'base'], // hFE group
    ['BAV99-7-F', 'BAV99', 'base'],
    ['HM6264-15', 'HM6264', 'base'], // speed grade
    ['BSS84LT1G', 'BSS84', 'base'], // ON Semi reel code is not a type number
    ['ATMEGA328P-PU', 'ATMEGA328P', 'base'],
    ['ATMEGA328P-AU', 'ATMEGA328P-PU', 'base'],
    ['ATMEGA328-PU', 'ATMEGA328', 'base'],
    ['ATMEGA168PA-AU', 'ATMEGA168PA', 'base'],
    ['ATMEGA32U4-AU', 'ATMEGA32U4', 'base'],
    ['ATTINY85-20PU', 'ATTINY85', 'base'],
    ['PIC18F4550-I/P', 'PIC18F4550', 'base'],
    ['PIC16F877A-I/P', 'PIC16F877A-E/PT', 'base'],
    ['PIC18F45K22-I/PT', 'PIC18F45K22', 'base'],
    ['BZX84C5V1', 'BZX84C5V1LT1G', 'base'],
    ['AM26LS32ACN', 'AM26LS32', 'base'],
    ['DS18B20+', 'DS18B20', 'base'],
    ['NRF24L01+', 'NRF24L01', 'base'],
    ['AT24C256C-SSHL-T', 'AT24C256', 'base'],
    ['LM78L05ACZ', 'LM78L05', 'base'],
    ['SN65HVD230DR', 'SN65HVD230', 'base'],
    ['SN74LVC1G00DBVR', '74LVC1G00', 'base'],
    ['MAX232CPE', 'MAX232', 'base'],
    ['LM393DP', 'LM393', 'base'],
    ['OP-07C', 'OP07', 'base'],
    ['ULN2003A', 'ULN2003AN', 'base'],
    ['STM8S003F3P6', 'STM8S003', 'base'],
    ['CY7C68013A-56PVXC', 'CY7C68013', 'base'],
    ['SN7400N', '7400', 'base'],
    ['SN5400J', '5400', 'base'],
    ['74HC00', 'MM74HC00N', 'base'],
    ['74HC00', 'SN74HC00N', 'base'],
    ['74HC00', 'HD74HC00P', 'base'],
    ['IN74HC00AN', '74HC00', 'base'],
    ['SN74LS00N', 'DM74LS00N', 'base'],

    // family: same function in another logic family or temperature range — never base or better
    ['74HC00', '74ALS00', 'family'],
    ['74HC00', '74LS00', 'family'],
    ['74LS00', 'SN7400N', 'family'],
    ['SN7400N', 'SN5400J', 'family'],
    ['74HC00', 'SN5400J', 'family'],
    ['74ALS00', '74HCT00', 'family'],
    ['74F00', '74S00', 'family'],
    ['74HC00', '74AC00', 'family'],
    ['SN54LS00J', '74HC00', 'family'],
    ['74HC595', '74HCT595', 'family'],
    ['SN74LS138N', '74HC138', 'family'],
    ['IN74AC244', '74HC244', 'family'],
    ['74LVC1G00', '74AHC1G00', 'family'],
    ['74LVC245A', '74LVCH245', 'family'],
    ['74LVC16245', 'SN74ALVCH16245', 'family'],
    ['74HC04', '74HCU04', 'family'],
    ['74HC4066', 'CD4066BE', 'family'], // 74HC40xx is the 4000-series function in HC
    ['CD74HC4051E', 'CD4051BE', 'family'],
    ['74HC4017', 'HEF4017BP', 'family'],
    ['MM54HC4511', 'MC14511BCP', 'family'],
    // family: one standard linear type from another maker (second source), or military/automotive grade
    ['LM7805', 'MC7805CT', 'family'],
    ['LM7805', 'μA7805', 'family'],
    ['L7805CV', 'UA7805', 'family'],
    ['KA7805', 'LM7805CT', 'family'],
    ['7805', 'LM7805CT', 'family'],
    ['LM78L05ACZ', 'MC78L05', 'family'],
    ['LM741', 'UA741CN', 'family'],
    ['741', 'μA741', 'family'],
    ['NE555P', 'LM555', 'family'],
    ['NE555', 'SE555', 'family'],
    ['555', 'NE555P', 'family'],
    ['RC4558', 'NJM4558', 'family'],
    ['TL431', 'AZ431', 'family'],
    ['LM358DR', 'KA358', 'family'],
    ['CD4069UB', 'CD4069', 'family'], // unbuffered vs buffered: same function, never base
    ['CD4069UBE', 'HCF4069', 'family'],

    // prefix: typing in progress (the stored key starts with the query key)
    ['74HC59', '74HC595', 'prefix'],
    ['STM32F1', 'STM32F103C8T6', 'prefix'],
    ['MAX34', 'MAX3483EESA+', 'prefix'],
    ['TPS7A47', 'TPS7A4700RGWR', 'prefix'],
    ['LM35', 'LM358', 'prefix'],
    ['ATMEGA32', 'ATMEGA328P-PU', 'prefix'],
    ['NE55', 'NE555P', 'prefix'],
    ['LM780', 'LM7805CT', 'prefix'],

    // fuzzy: the query key is contained in, or shares most trigrams with, the stored key
    ['HC595', 'SN74HC595N', 'fuzzy'],
    ['M7805', 'LM7805CT', 'fuzzy'],
    ['74HC59S', '74HC595', 'fuzzy'], // S typed for 5
    ['STM32F1O3', 'STM32F103', 'fuzzy'], // letter O typed for zero
  ])('%j finds %j at %s', (query, stored, tier) => {
    expect(tierOf(query, stored, 'foreign')).toBe(tier);
  });
});

describe('1. must match: domestic designations', () => {
  it.each<[string, string, KeyTier]>([
    ['КР1533ЛА3', 'КР1533ЛА3', 'exact'],
    [' К155ЛА3 ', 'К155ЛА3', 'exact'],

    // the official Latin form (makers, exporters, third-party sites)
    ['KR1533LA3', 'КР1533ЛА3', 'normalised'],
    ['K155LA3', 'К155ЛА3', 'normalised'],
    ['KR580VM80A', 'КР580ВМ80А', 'normalised'],
    ['KR142EN5A', 'КР142ЕН5А', 'normalised'],
    ['140UD7', '140УД7', 'normalised'],
    ['kr1533la3', 'КР1533ЛА3', 'normalised'],
    ['KR1006VI1', 'КР1006ВИ1', 'normalised'],
    ['KR1533IR22', 'КР1533ИР22', 'normalised'],
    ['K561IE8', 'К561ИЕ8', 'normalised'],
    ['K565RU5', 'К565РУ5', 'normalised'],
    ['573RF2', '573РФ2', 'normalised'],
    ['K174GF2', 'К174ГФ2', 'normalised'],
    ['KR142EN12A', 'КР142ЕН12А', 'normalised'],
    ['KR142EN8B', 'КР142ЕН8Б', 'normalised'], // Б → B
    ['KR142EN8V', 'КР142ЕН8В', 'normalised'], // В → V
    ['KR580VV55A', 'КР580ВВ55А', 'normalised'],
    ['EKR1533LA3', 'ЭКР1533ЛА3', 'normalised'],
    ['KM155LA3', 'КМ155ЛА3', 'normalised'],
    ['KR1816VE31', 'КР1816ВЕ31', 'normalised'],
    ['K1401UD2A', 'К1401УД2А', 'normalised'],
    ['KR140UD608', 'КР140УД608', 'normalised'],
    ['KR1156EU5', 'КР1156ЕУ5', 'normalised'],
    ['K554SA3', 'К554СА3', 'normalised'],
    ['KR1810VM86', 'КР1810ВМ86', 'normalised'],
    ['KR1564IR8', 'КР1564ИР8', 'normalised'],
    ['K174XA42', 'К174ХА42', 'normalised'],
    ['K174KHA42', 'К174ХА42', 'normalised'], // Х written KH
    ['KR1008VZH5A', 'КР1008ВЖ5А', 'normalised'], // Ж written ZH
    ['K555PTS1', 'К555ПЦ1', 'normalised'], // Ц written TS
    ['K1986VE92QI', 'К1986ВЕ92QI', 'normalised'],
    ['K1986BE92QI', 'К1986ВЕ92QI', 'normalised'], // third-party spelling: В read as B
    ['1986VE92U', '1986ВЕ92У', 'normalised'], // through the Latin key column
    ['1986BE92Y', '1986ВЕ92У', 'normalised'],

    // wrong keyboard: Latin look-alikes among Cyrillic letters, case, separators, full-width forms
    ['KP1533ЛA3', 'КР1533ЛА3', 'normalised'],
    ['KP1533LA3', 'КР1533ЛА3', 'normalised'],
    ['к561ла7', 'К561ЛА7', 'normalised'],
    ['K561LA7', 'К561ЛА7', 'normalised'], // Latin K
    ['K561ЛА7', 'К561ЛА7', 'normalised'],
    ['KP580BM80A', 'КР580ВМ80А', 'normalised'],
    ['КР580BM80А', 'КР580ВМ80А', 'normalised'],
    ['KP1006BИ1', 'КР1006ВИ1', 'normalised'],
    ['кр142ен5а', 'КР142ЕН5А', 'normalised'],
    ['КР 1533 ЛА3', 'КР1533ЛА3', 'normalised'],
    ['КР1533-ЛА3', 'КР1533ЛА3', 'normalised'],
    ['КР1533.ЛА3', 'КР1533ЛА3', 'normalised'],
    ['кр1533_ла3', 'КР1533ЛА3', 'normalised'],
    ['ＫＲ１５３３ЛА３', 'КР1533ЛА3', 'normalised'], // full-width Latin KR before Cyrillic ЛА: found through a reading
    ['КР1533ЛА３', 'КР1533ЛА3', 'normalised'],
    ['к1986ве92qi', 'К1986ВЕ92QI', 'normalised'],

    // base: the suffix letter (parameter group) stripped
    ['140УД5А', '140УД5Б', 'base'],
    ['КР142ЕН5А', 'КР142ЕН5Б', 'base'],
    ['КР580ВМ80А', 'КР580ВМ80', 'base'],
    ['KR580VM80A', 'КР580ВМ80', 'base'],
    ['КР142ЕН12', 'КР142ЕН12А', 'base'],
    ['К1401УД2А', 'К1401УД2Б', 'base'],
    ['КР1008ВЖ5А', 'КР1008ВЖ5Б', 'base'],
    ['K1986BE92QI', 'К1986ВЕ92', 'base'],

    // family: the same die with another prefix (package, acceptance) — КР/К/КМ/none
    ['КР1533ЛА3', 'К1533ЛА3', 'family'],
    ['КР1533ЛА3', '1533ЛА3', 'family'],
    ['1533ЛА3', 'КР1533ЛА3', 'family'],
    ['KR1533LA3', 'К1533ЛА3', 'family'],
    ['К155ЛА3', 'КМ155ЛА3', 'family'],
    ['K155LA3', 'КМ155ЛА3', 'family'],
    ['КР142ЕН5А', '142ЕН5А', 'family'],
    ['КР142ЕН5А', 'К142ЕН5Б', 'family'],
    ['К1986ВЕ92QI', '1986ВЕ92У', 'family'],
    ['ЭКР1533ЛА3', 'КР1533ЛА3', 'family'],
    ['Н533ЛА3', '533ЛА3', 'family'],

    // prefix and fuzzy
    ['КР1533ЛА', 'КР1533ЛА3', 'prefix'],
    ['KR1533', 'КР1533ЛА3', 'prefix'], // through the Latin key
    ['К155', 'К155ЛА3', 'prefix'],
    ['КР1533ЛАЗ', 'КР1533ЛА3', 'fuzzy'], // З typed for 3: a different character, only similar
    ['КР1533ЛА03', 'КР1533ЛА3', 'fuzzy'],
    ['1533ЛА', 'КР1533ЛА3', 'fuzzy'],
  ])('%j finds %j at %s', (query, stored, tier) => {
    expect(tierOf(query, stored, 'domestic')).toBe(tier);
  });
});

describe('1. familyNotes say how a family hit differs', () => {
  it.each<[string, string, Note[]]>([
    ['74HC00', '74ALS00', [note('logic_family', 'HC', 'ALS')]],
    ['74HC00', '74LS00', [note('logic_family', 'HC', 'LS')]],
    ['SN7400N', '74LS00', [note('logic_family', 'TTL', 'LS')]],
    ['SN7400N', 'SN5400J', [note('temperature_range', '74', '54')]],
    ['74HC00', 'SN5400J', [note('logic_family', 'HC', 'TTL'), note('temperature_range', '74', '54')]],
    ['SN54LS00J', '74HC00', [note('logic_family', 'LS', 'HC'), note('temperature_range', '54', '74')]],
    ['74HC595', '74HCT595', [note('logic_family', 'HC', 'HCT')]],
    ['74LVC1G00', '74AHC1G00', [note('logic_family', 'LVC', 'AHC')]],
    ['74HC4066', 'CD4066BE', [note('logic_family', 'HC', 'CD4000')]],
    ['CD4069UB', 'CD4069', [note('logic_family', 'CD4000UB', 'CD4000')]],
    ['MM54HC4511', 'MC14511BCP', [note('logic_family', 'HC', 'CD4000')]],
    ['SN74LS00N', 'SN74LS00J', []], // same family: a base hit, nothing to explain
    ['CD4011BE', 'HEF4011BP', []],
    ['NE555', 'NE555P', []], // not logic
    ['LM7805', 'UA7805', []], // another maker: the family tier says it
  ])('%s → %s', (query, found, notes) => {
    expect(familyNotes(foreignPartKeys(query), foreignPartKeys(found))).toEqual(notes);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. Must not match (or only weakly)

/** A different part may still turn up as `prefix` (typing in progress) or `fuzzy`; never as normalised/base/family. */
const WEAK = (tier: KeyTier | null) => tier === null || TIER_SCORE[tier] <= TIER_SCORE.prefix;

describe('2. must not match: foreign part numbers', () => {
  it.each<[string, string, KeyTier | null]>([
    ['1.5SMC68CA', '1.5SMC6.8CA', 'fuzzy'], // 68 V vs 6.8 V
    ['1.5SMC6.8CA', '1.5SMC68CA', 'fuzzy'],
    ['P6KE6.8CA', 'P6KE68CA', 'fuzzy'],
    ['SMBJ5.0A', 'SMBJ6.0A', 'fuzzy'],
    ['BZX84C5V1', 'BZX84C12', 'fuzzy'], // zener voltage is the identity
    ['BZX84C12', 'BZX84C5V1', 'fuzzy'],
    ['BZT52C5V1', 'BZT52C12', 'fuzzy'],
    ['ZMM5V1', 'ZMM5V6', 'fuzzy'],
    ['74HC00', '74HC02', 'fuzzy'], // NAND vs NOR
    ['74HC02', '74HC00', 'fuzzy'],
    ['74HC595', '74HC594', 'fuzzy'],
    ['SN74HC595N', '74HC594', null],
    ['74LS00', '74HC02', null],
    ['CD4011', 'CD4001', 'fuzzy'],
    ['CD4011BE', 'CD4012BE', 'fuzzy'],
    ['74HC4051', 'CD4052BE', null],
    ['NE555', 'NE556', 'fuzzy'],
    ['NE555P', 'NE556N', 'fuzzy'],
    ['ATMEGA328P', 'ATMEGA328', 'fuzzy'],
    ['ATMEGA328P-PU', 'ATMEGA328-PU', 'fuzzy'],
    ['ATMEGA328', 'ATMEGA328P', 'prefix'], // typing in progress only
    ['ATMEGA32', 'ATMEGA32U4-AU', 'prefix'],
    ['ATMEGA32-16PU', 'ATMEGA32U4-AU', 'fuzzy'],
    ['STM32F103', 'STM32F105', 'fuzzy'],
    ['STM32F103C8T6', 'STM32F105RCT6', 'fuzzy'],
    ['STM32F103C8T6', 'GD32F103C8T6', 'fuzzy'], // a clone, not the same part
    ['LM7805', 'LM7809', 'fuzzy'],
    ['LM78L05', 'LM78M05', 'fuzzy'], // 100 mA vs 500 mA
    ['LM7805', 'LM78L05', 'fuzzy'],
    ['2N2222', '2N2907', null], // NPN vs PNP
    ['2N2222A', '2N2907A', null],
    ['AM26LS31', 'AM26LS32', 'fuzzy'], // driver vs receiver
    ['DM87S184', 'DM87S185', 'fuzzy'],
    ['MC10H164', 'MC10H160', 'fuzzy'],
    ['AT24C02', 'AT24C256', 'fuzzy'],
    ['DS18B20', 'DS18S20', 'fuzzy'],
    ['SN65HVD230', 'SN65LBC184', null],
    ['TPS7A4700', 'TPS7A4701', 'fuzzy'],
    ['PIC18F45K22', 'PIC18F45K20', 'fuzzy'],
    ['PIC18F4550', 'PIC18F2550', 'fuzzy'],
    ['NRF24L01', 'NRF24LE1', 'fuzzy'],
    ['TC4420', 'CD4420', null], // Microchip MOSFET driver, not 4000-series CMOS
    ['4164', '4011', null], // 64K DRAM is not a 4000-series number
    ['LM358', 'LM324', null],
    ['TL072', 'TL074', 'fuzzy'],
    ['TL072', 'TL082', null],
    ['LM317T', 'LM337T', 'fuzzy'],
    ['IRF540', 'IRF9540', 'fuzzy'],
    ['MAX3483', 'MAX3485', 'fuzzy'],
    ['1N4148', '1N4007', null],
    ['L293D', 'LM293', null], // motor driver vs comparator: L and LM are not interchangeable prefixes here
    ['NE5532', 'NE555', 'fuzzy'],
    ['LM317LZ', 'LM337LZ', 'fuzzy'],
    ['1N4148', '1N5819', null],
    ['74HC164', '74HC165', 'fuzzy'],
    ['7400', '74100', 'fuzzy'],
    ['AT24C256', 'AT24C512', 'fuzzy'],
    ['55', 'NE555P', null], // two characters: too short for a fuzzy search
  ])('%j vs %j: at most %s', (query, stored, tier) => {
    const found = tierOf(query, stored, 'foreign');
    expect(found).toBe(tier);
    expect(WEAK(found)).toBe(true);
  });
});

describe('2. must not match: a domestic designation against foreign parts', () => {
  // Soviet series numbers written without the К/КР prefix share digits with standard linear types
  it.each<[string, string]>([
    ['555ЛА3', 'NE555P'], // a NAND gate of the 555 series (LS TTL), not a timer
    ['555ТМ2', 'NE555'],
    ['556РТ9', 'NE556N'], // a PROM, not a dual timer (look-alike letters only: read as 556PT9)
    ['140УД7', 'UA741CN'],
  ])('%j vs %j: not found', (query, stored) => {
    expect(tierOf(query, stored, 'foreign')).toBeNull();
  });

  it('is its own base, of no family, with nothing stripped', () => {
    expect(foreignPartKeys('555ЛА3')).toEqual({ key: '555ЛA3', base: '555ЛA3', family: null, suffix: '', logic: null });
    expect(foreignPartKeys('556РТ9')).toMatchObject({ key: '556PT9', base: '556PT9', family: null });
  });
});

describe('2. must not match: domestic designations', () => {
  it.each<[string, string, KeyTier | null]>([
    ['К155ЛА3', 'К155ЛА4', 'fuzzy'], // 4×2И-НЕ vs 3×3И-НЕ
    ['К155ЛА4', 'К155ЛА3', 'fuzzy'],
    ['KR1533LA3', 'КР1533ЛА4', 'fuzzy'],
    ['КР1533ЛА3', 'КР1533ЛЕ3', 'fuzzy'], // NAND vs NOR
    ['КР1533ЛА3', 'КР1533ЛИ3', 'fuzzy'],
    ['К155ЛА3', 'К155ЛА33', 'prefix'], // typing in progress only
    ['К155ЛА33', 'К155ЛА3', 'fuzzy'],
    ['КР1533ЛА3', 'КР1533ЛАЗ', 'fuzzy'],
    ['К561ЛА7', 'К561ЛА9', 'fuzzy'],
    ['К561ЛА7', 'К561ЛЕ5', 'fuzzy'],
    ['КР580ВМ80А', 'КР580ВВ55А', 'fuzzy'],
    ['КР580ВМ80А', 'КР1810ВМ86', null],
    ['КР142ЕН5А', 'КР142ЕН8А', 'fuzzy'], // 5 V vs 9 V
    ['КР142ЕН5А', 'КР142ЕН12А', 'fuzzy'],
    ['К1533ИР22', 'К1533ИР23', 'fuzzy'],
    ['140УД7', '140УД8', 'fuzzy'],
    ['140УД7', '140УД708', 'prefix'],
    ['К561ИЕ8', 'К561ИЕ9', 'fuzzy'],
    ['133ЛА3', 'К155ЛА3', null], // military vs commercial series: not linked by the keys (see notes in the report)
    ['К155ЛА3', '133ЛА3', null],
    ['К1986ВЕ92QI', 'К1986ВЕ91Т', 'fuzzy'],
    ['К573РФ2', 'К573РФ5', 'fuzzy'],
  ])('%j vs %j: at most %s', (query, stored, tier) => {
    const found = tierOf(query, stored, 'domestic');
    expect(found).toBe(tier);
    expect(WEAK(found)).toBe(true);
  });
});

describe('2. decided: grade and revision letters are a base match, shown with the stripped suffix', () => {
  // LM358A is a tighter-offset grade of LM358 (same die, pinout); 2N2222A a higher-voltage grade; IRF540N a newer
  // die sold as the drop-in for IRF540; L293D is L293 with clamp diodes; SMAJ15CA the bidirectional SMAJ15A.
  // None is the same part, so none is normalised; all are real substitutes to check, so all are base with a note.
  it.each<[string, string, string]>([
    ['LM358A', 'LM358', 'A'],
    ['LM358', 'LM358A', 'A'],
    ['2N2222A', '2N2222', 'A'],
    ['IRF540N', 'IRF540', 'N'],
    ['IRF540', 'IRF540N', 'N'],
    ['L293D', 'L293', 'D'],
    ['SMAJ15CA', 'SMAJ15A', 'A'],
    ['MAX232ACPE', 'MAX232', 'ACPE'],
    ['OP-27A', 'OP27', 'A'],
    ['AMS1117-3.3', 'AMS1117-5.0', '5.0'],
  ])('%s ~ %s (suffix %s)', (query, stored, suffix) => {
    expect(tierOf(query, stored, 'foreign')).toBe('base');
    // the service's suffix_stripped note: the found part's suffix, or the query's when the found part has none
    expect(foreignPartKeys(stored).suffix || foreignPartKeys(query).suffix).toBe(suffix);
  });
});

describe('2. decided: Б ≠ В and П ≠ Р (the old transliteration folded them to one letter)', () => {
  // The old designationKey folded В (look-alike of B) and Б (transliterated B) to "B", П and Р to "P": КР142ЕН8Б
  // (12 V) and КР142ЕН8В (15 V), К555ИР8 and К555ИП8 shared a key. 70 such pairs are in analogs-reference.csv.
  // Letters without a look-alike now stay Cyrillic in the key.

  // Б/В or П/Р in the function letters: a different function, only a weak (fuzzy) candidate
  it.each<[string, string, KeyTier | null]>([
    ['К555ИР8', 'К555ИП8', 'fuzzy'],
    ['К555ИП8', 'К555ИР8', 'fuzzy'],
    ['564ПР1', '564РП1', 'fuzzy'],
    ['564РП1', '564ПР1', 'fuzzy'],
    ['К561ИР2', 'К561ИП2', 'fuzzy'],
    ['533ИР8', '533ИП8', 'fuzzy'],
    ['1526ИР6', '1526ИП6', 'fuzzy'],
    ['564ИР2В', '564ИП2В', 'fuzzy'],
  ])('%j vs %j: keys differ, at most %s', (query, stored, tier) => {
    expect(designationKey(query)).not.toBe(designationKey(stored));
    expect(designationKeys(query).base).not.toBe(designationKeys(stored).base);
    const found = tierOf(query, stored, 'domestic');
    expect(found).toBe(tier);
    expect(WEAK(found)).toBe(true);
  });

  // Б/В as the suffix letter (parameter group): different keys, so never normalised; the type without the suffix
  // is the same, so a base hit with the suffix_stripped note, like КР142ЕН5А and КР142ЕН5Б above
  it.each<[string, string, string, string]>([
    ['КР142ЕН8Б', 'КР142ЕН8В', 'Б', 'В'],
    ['КР142ЕН8В', 'КР142ЕН8Б', 'В', 'Б'],
    ['КР140УД8Б', 'КР140УД8В', 'Б', 'В'],
    ['К174ХА38Б', 'К174ХА38В', 'Б', 'В'],
    ['КР565РУ5Б', 'КР565РУ5В', 'Б', 'В'],
  ])('%j vs %j: keys differ, base (suffix %s vs %s)', (query, stored, querySuffix, storedSuffix) => {
    expect(designationKey(query)).not.toBe(designationKey(stored));
    expect(designationKeys(query).suffix).toBe(designationKey(querySuffix));
    expect(designationKeys(stored).suffix).toBe(designationKey(storedSuffix));
    expect(tierOf(query, stored, 'domestic')).toBe('base');
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. Key shapes

describe('3. foreignPartKeys: key, base and family of real part numbers', () => {
  it.each<[string, string, string, string | null]>([
    // 7400 series: vendor prefix and package stripped for the base, function number for the family
    ['SN74HC595DR', 'SN74HC595DR', '74HC595', '74X595'],
    ['74HC595', '74HC595', '74HC595', '74X595'],
    ['MC74HC595ADR2G', 'MC74HC595ADR2G', '74HC595', '74X595'],
    ['IN74HC164AN', 'IN74HC164AN', '74HC164', '74X164'],
    ['SN7400N', 'SN7400N', '7400', '74X00'],
    ['SN5400J', 'SN5400J', '5400', '74X00'],
    ['74ALS00', '74ALS00', '74ALS00', '74X00'],
    ['DM74LS00N', 'DM74LS00N', '74LS00', '74X00'],
    ['74HCT00', '74HCT00', '74HCT00', '74X00'],
    ['SN74AHCT125PWR', 'SN74AHCT125PWR', '74AHCT125', '74X125'],
    ['74ALVCH16245', '74ALVCH16245', '74ALVCH16245', '74X16245'],
    ['SN74LVC1G14DBVR', 'SN74LVC1G14DBVR', '74LVC1G14', '74X1G14'],
    ['74LVC2G04', '74LVC2G04', '74LVC2G04', '74X2G04'],
    ['SN74LS138N', 'SN74LS138N', '74LS138', '74X138'],
    ['74HC595D,118', '74HC595D,118', '74HC595', '74X595'],
    ['CD74HC4051E', 'CD74HC4051E', '74HC4051', '4000X4051'],
    ['MM54HC4511', 'MM54HC4511', '54HC4511', '4000X4511'],
    // 4000 series
    ['CD4011BE', 'CD4011BE', '4011', '4000X4011'],
    ['MC14011BCP', 'MC14011BCP', '4011', '4000X4011'],
    ['HEF4093BP', 'HEF4093BP', '4093', '4000X4093'],
    ['HCF4017BE', 'HCF4017BE', '4017', '4000X4017'],
    ['CD4069UBE', 'CD4069UBE', '4069UB', '4000X4069'],
    ['CD40106BE', 'CD40106BE', '40106', '4000X40106'],
    ['MC14106BCP', 'MC14106BCP', '40106', '4000X40106'],
    ['MC14520A', 'MC14520A', '4520', '4000X4520'],
    ['HEF4011BP,652', 'HEF4011BP,652', '4011', '4000X4011'],
    ['TC4420', 'TC4420', 'TC4420', null],
    ['MC1488', 'MC1488', 'MC1488', null],
    ['4164', '4164', '4164', null],
    // microcontrollers
    ['STM32F103C8T6', 'STM32F103C8T6', 'STM32F103', null],
    ['STM32G431KBT6', 'STM32G431KBT6', 'STM32G431', null],
    ['GD32F103C8T6', 'GD32F103C8T6', 'GD32F103', null],
    ['ATMEGA328P-PU', 'ATMEGA328PPU', 'ATMEGA328P', null],
    ['ATMEGA328P-AU', 'ATMEGA328PAU', 'ATMEGA328P', null],
    ['ATMEGA328-PU', 'ATMEGA328PU', 'ATMEGA328', null],
    ['ATMEGA168PA-AU', 'ATMEGA168PAAU', 'ATMEGA168PA', null],
    ['ATMEGA8L-8PU', 'ATMEGA8L8PU', 'ATMEGA8L', null],
    ['ATMEGA32U4-AU', 'ATMEGA32U4AU', 'ATMEGA32U4', null],
    ['ATMEGA2560-16AU', 'ATMEGA256016AU', 'ATMEGA2560', null], // speed grade after a dash
    ['ATTINY85-20PU', 'ATTINY8520PU', 'ATTINY85', null],
    ['ATTINY13A-SSU', 'ATTINY13ASSU', 'ATTINY13A', null],
    ['PIC16F877A-I/P', 'PIC16F877AI/P', 'PIC16F877A', null],
    ['PIC18F4550-I/P', 'PIC18F4550I/P', 'PIC18F4550', null],
    ['PIC18F45K22-I/PT', 'PIC18F45K22I/PT', 'PIC18F45K22', null],
    ['PIC16F84A-04/P', 'PIC16F84A04/P', 'PIC16F84A', null],
    ['PIC24FJ64GA002-I/SP', 'PIC24FJ64GA002I/SP', 'PIC24FJ64GA002', null],
    ['STM8S003F3P6', 'STM8S003F3P6', 'STM8S003', null],
    // analog, power, interface
    ['NE555P', 'NE555P', 'NE555', 'LINX555'],
    ['LM358DR', 'LM358DR', 'LM358', 'LINX358'],
    ['MAX3483EESA+', 'MAX3483EESA+', 'MAX3483', null],
    ['LTC2053HMS8#PBF', 'LTC2053HMS8#PBF', 'LTC2053', null],
    ['LM317T', 'LM317T', 'LM317', 'LINX317'],
    ['TL072CP', 'TL072CP', 'TL072', null],
    ['UA741CN', 'UA741CN', 'UA741', 'LINX741'],
    ['μA741', 'UA741', 'UA741', 'LINX741'],
    ['AD620ANZ', 'AD620ANZ', 'AD620', null],
    ['LM2596S-5.0/NOPB', 'LM2596S5.0/NOPB', 'LM2596', null],
    ['TPS7A4700RGWR', 'TPS7A4700RGWR', 'TPS7A4700', null],
    ['AMS1117-3.3', 'AMS11173.3', 'AMS1117', null],
    ['LM78L05ACZ', 'LM78L05ACZ', 'LM78L05', 'LINX78L05'],
    ['UA78M05', 'UA78M05', 'UA78M05', 'LINX78M05'],
    ['L7805CV', 'L7805CV', 'L7805', 'LINX7805'],
    ['NJM4558D', 'NJM4558D', 'NJM4558', 'LINX4558'],
    ['L293D', 'L293D', 'L293', null],
    ['NE5532P', 'NE5532P', 'NE5532', null],
    ['AM26LS32A', 'AM26LS32A', 'AM26LS32', null],
    ['SN65HVD230', 'SN65HVD230', 'SN65HVD230', null],
    ['AT24C256C-SSHL-T', 'AT24C256CSSHLT', 'AT24C256', null],
    ['DS18B20+', 'DS18B20+', 'DS18B20', null],
    ['NRF24L01+', 'NRF24L01+', 'NRF24L01', null],
    ['OP-07C', 'OP07C', 'OP07', null],
    ['AY-3-8910', 'AY38910', 'AY38910', null],
    ['HM6264-15', 'HM626415', 'HM6264', null],
    ['W25Q64JVSSIQ', 'W25Q64JVSSIQ', 'W25Q64', null],
    ['24LC256-I/P', '24LC256I/P', '24LC256', null],
    // discretes
    ['1N4148WS', '1N4148WS', '1N4148', null],
    ['1N4148W-7-F', '1N4148W7F', '1N4148', null],
    ['2N2222A', '2N2222A', '2N2222', null],
    ['BD139-16', 'BD13916', 'BD139', null],
    ['BAV99-7-F', 'BAV997F', 'BAV99', null],
    ['BSS84LT1G', 'BSS84LT1G', 'BSS84', null],
    ['IRF540N', 'IRF540N', 'IRF540', null],
    ['1.5SMC68CA', '1.5SMC68CA', '1.5SMC68', null],
    ['1.5SMC6.8CA', '1.5SMC6.8CA', '1.5SMC6.8', null],
    ['P6KE6.8CA', 'P6KE6.8CA', 'P6KE6.8', null],
    ['SMBJ5.0A-13-F', 'SMBJ5.0A13F', 'SMBJ5.0', null],
    ['BZX84C5V1', 'BZX84C5V1', 'BZX84C5V1', null],
    ['BZX84C5V1LT1G', 'BZX84C5V1LT1G', 'BZX84C5V1', null],
    ['BZT52C5V1', 'BZT52C5V1', 'BZT52C5V1', null],
    ['MMSZ5V1T1G', 'MMSZ5V1T1G', 'MMSZ5V1', null],
  ])('%s → key %s, base %s, family %s', (partNumber, key, base, family) => {
    const k = foreignPartKeys(partNumber);
    expect({ key: k.key, base: k.base, family: k.family }).toEqual({ key, base, family });
  });

  it.each<[string, string]>([
    ['SN74HC595DR', 'DR'],
    ['NE555P', 'P'],
    ['CD4011BE', 'BE'],
    ['STM32F103C8T6', 'C8T6'],
    ['LTC2053HMS8#PBF', 'HMS8#PBF'],
    ['LM2596S-5.0/NOPB', 'S5.0/NOPB'],
    ['AMS1117-3.3', '3.3'],
    ['74HC595', ''],
  ])('%s strips %j', (partNumber, suffix) => {
    expect(foreignPartKeys(partNumber).suffix).toBe(suffix);
  });

  it.each<[string, { series: '74' | '54'; family: string; number: string } | null]>([
    ['SN74HC595DR', { series: '74', family: 'HC', number: '595' }],
    ['SN5400J', { series: '54', family: '', number: '00' }],
    ['74HCT00', { series: '74', family: 'HCT', number: '00' }],
    ['74ALS00', { series: '74', family: 'ALS', number: '00' }],
    ['74LVCH245', { series: '74', family: 'LVCH', number: '245' }],
    ['74AHC1G00', { series: '74', family: 'AHC', number: '1G00' }],
    ['CD4011BE', null],
    ['NE555', null],
  ])('%s logic %j', (partNumber, logic) => {
    expect(foreignPartKeys(partNumber).logic).toEqual(logic);
  });
});

describe('3. designationKeys', () => {
  it.each<[string, string, string | null, string | null, string, string]>([
    ['КР1533ЛА3', 'KP1533ЛA3', 'KP1533ЛA3', '1533ЛA3', 'KP', ''],
    ['К1533ЛА3', 'K1533ЛA3', 'K1533ЛA3', '1533ЛA3', 'K', ''],
    ['1533ЛА3', '1533ЛA3', '1533ЛA3', '1533ЛA3', '', ''],
    ['К155ЛА3', 'K155ЛA3', 'K155ЛA3', '155ЛA3', 'K', ''],
    ['КМ155ЛА3', 'KM155ЛA3', 'KM155ЛA3', '155ЛA3', 'KM', ''],
    ['ЭКР1533ЛА3', 'ЭKP1533ЛA3', 'ЭKP1533ЛA3', '1533ЛA3', 'ЭKP', ''], // Э has no look-alike
    ['КР580ВМ80А', 'KP580BM80A', 'KP580BM80', '580BM80', 'KP', 'A'],
    ['КР142ЕН5А', 'KP142EH5A', 'KP142EH5', '142EH5', 'KP', 'A'],
    ['КР142ЕН12А', 'KP142EH12A', 'KP142EH12', '142EH12', 'KP', 'A'],
    ['КР142ЕН8Б', 'KP142EH8Б', 'KP142EH8', '142EH8', 'KP', 'Б'],
    ['КР142ЕН8В', 'KP142EH8B', 'KP142EH8', '142EH8', 'KP', 'B'],
    ['140УД7', '140YД7', '140YД7', '140YД7', '', ''],
    ['140УД5Б', '140YД5Б', '140YД5', '140YД5', '', 'Б'],
    ['КР140УД608', 'KP140YД608', 'KP140YД608', '140YД608', 'KP', ''],
    ['К1401УД2А', 'K1401YД2A', 'K1401YД2', '1401YД2', 'K', 'A'],
    ['К561ЛА7', 'K561ЛA7', 'K561ЛA7', '561ЛA7', 'K', ''],
    ['К561ИЕ8', 'K561ИE8', 'K561ИE8', '561ИE8', 'K', ''],
    ['КР1533ИР22', 'KP1533ИP22', 'KP1533ИP22', '1533ИP22', 'KP', ''],
    ['К555ИР8', 'K555ИP8', 'K555ИP8', '555ИP8', 'K', ''],
    ['К555ИП8', 'K555ИП8', 'K555ИП8', '555ИП8', 'K', ''],
    ['К565РУ5', 'K565PY5', 'K565PY5', '565PY5', 'K', ''],
    ['573РФ2', '573PФ2', '573PФ2', '573PФ2', '', ''],
    ['К174ГФ2', 'K174ГФ2', 'K174ГФ2', '174ГФ2', 'K', ''],
    ['КР1006ВИ1', 'KP1006BИ1', 'KP1006BИ1', '1006BИ1', 'KP', ''],
    ['К1986ВЕ92QI', 'K1986BE92QI', 'K1986BE92', '1986BE92', 'K', 'QI'],
    ['1986ВЕ92У', '1986BE92Y', '1986BE92', '1986BE92', '', 'Y'],
    ['Н533ЛА3', 'H533ЛA3', 'H533ЛA3', '533ЛA3', 'H', ''],
    ['КР1008ВЖ5А', 'KP1008BЖ5A', 'KP1008BЖ5', '1008BЖ5', 'KP', 'A'], // Ж stays one Cyrillic letter
    ['К555ПЦ1', 'K555ПЦ1', 'K555ПЦ1', '555ПЦ1', 'K', ''],
    ['KP1533ЛA3', 'KP1533ЛA3', 'KP1533ЛA3', '1533ЛA3', 'KP', ''], // look-alike mix, as stored by a careless source
    ['кр 1533-ла3', 'KP1533ЛA3', 'KP1533ЛA3', '1533ЛA3', 'KP', ''],
    ['KR1533LA3', 'KR1533LA3', 'KR1533LA3', '1533LA3', 'KR', ''], // all Latin: the letters are kept
    ['К1ЛБ553', 'K1ЛБ553', null, null, '', ''], // pre-1980 designation: not in the system
    ['КТ315Б', 'KT315Б', null, null, '', ''], // transistor: not an IC designation
    ['IN74AC244', 'IN74AC244', null, null, '', ''],
    ['КР1533ЛАЗ', 'KP1533ЛAЗ', null, null, '', ''],
  ])('%s → key %s, base %s, family %s', (designation, key, base, family, prefix, suffix) => {
    expect(designationKeys(designation)).toEqual({ key, base, family, prefix, suffix });
  });
});

describe('3. designationReadings', () => {
  it.each<[string, [via: 'typed' | 'latin_form' | 'lookalike_form', key: string, base: string | null][]]>([
    // Latin queries: as typed, and read back as Cyrillic through the official transliteration
    [
      'KR1533LA3',
      [
        ['typed', 'KR1533LA3', 'KR1533LA3'],
        ['latin_form', 'KP1533ЛA3', 'KP1533ЛA3'],
      ],
    ],
    [
      'kr1533la3',
      [
        ['typed', 'KR1533LA3', 'KR1533LA3'],
        ['latin_form', 'KP1533ЛA3', 'KP1533ЛA3'],
      ],
    ],
    [
      'KR580VM80A',
      [
        ['typed', 'KR580VM80A', 'KR580VM80'],
        ['latin_form', 'KP580BM80A', 'KP580BM80'],
      ],
    ],
    [
      'KR142EN5A',
      [
        ['typed', 'KR142EN5A', 'KR142EN5'],
        ['latin_form', 'KP142EH5A', 'KP142EH5'],
      ],
    ],
    [
      '140UD7',
      [
        ['typed', '140UD7', '140UD7'],
        ['latin_form', '140YД7', '140YД7'],
      ],
    ],
    [
      'K565RU5',
      [
        ['typed', 'K565RU5', 'K565RU5'],
        ['latin_form', 'K565PY5', 'K565PY5'],
      ],
    ],
    [
      'KR1006VI1',
      [
        ['typed', 'KR1006VI1', 'KR1006VI1'],
        ['latin_form', 'KP1006BИ1', 'KP1006BИ1'],
      ],
    ],
    [
      'EKR1533LA3',
      [
        ['typed', 'EKR1533LA3', 'EKR1533LA3'],
        ['latin_form', 'EKP1533ЛA3', 'EKP1533ЛA3'], // E read as Е: the stored ЭКР1533ЛА3 is found through its Latin key
      ],
    ],
    [
      'KR1008VZH5A',
      [
        ['typed', 'KR1008VZH5A', null],
        ['latin_form', 'KP1008BЖ5A', 'KP1008BЖ5'],
      ],
    ],
    [
      'K174KHA42',
      [
        ['typed', 'K174KHA42', null],
        ['latin_form', 'K174XA42', 'K174XA42'],
      ],
    ],
    [
      'KR-1533-LA3',
      [
        ['typed', 'KR1533LA3', 'KR1533LA3'],
        ['latin_form', 'KP1533ЛA3', 'KP1533ЛA3'],
      ],
    ],
    [
      'K155LA3',
      [
        ['typed', 'K155LA3', 'K155LA3'],
        ['latin_form', 'K155ЛA3', 'K155ЛA3'],
      ],
    ],
    [
      'K561IE8',
      [
        ['typed', 'K561IE8', 'K561IE8'],
        ['latin_form', 'K561ИE8', 'K561ИE8'],
      ],
    ],
    [
      'K555PTS1',
      [
        ['typed', 'K555PTS1', null],
        ['latin_form', 'K555ПЦ1', 'K555ПЦ1'], // Ц written TS
      ],
    ],
    // look-alike first, then by sound: KP1533LA3 → КР1533ЛА3 (the official reading КП1533ЛА3 is kept too)
    [
      'KP1533LA3',
      [
        ['typed', 'KP1533LA3', 'KP1533LA3'],
        ['latin_form', 'KП1533ЛA3', 'KП1533ЛA3'],
        ['lookalike_form', 'KP1533ЛA3', 'KP1533ЛA3'],
      ],
    ],
    [
      'kp1533la3',
      [
        ['typed', 'KP1533LA3', 'KP1533LA3'],
        ['latin_form', 'KП1533ЛA3', 'KП1533ЛA3'],
        ['lookalike_form', 'KP1533ЛA3', 'KP1533ЛA3'],
      ],
    ],
    [
      '140YD7',
      [
        ['typed', '140YD7', '140YD7'],
        ['latin_form', '140ЫД7', '140ЫД7'],
        ['lookalike_form', '140YД7', '140YД7'],
      ],
    ],
    [
      'KP1533ЛA3',
      [
        ['typed', 'KP1533ЛA3', 'KP1533ЛA3'],
        ['latin_form', 'KП1533ЛA3', 'KП1533ЛA3'],
      ],
    ],
    // one reading when every reading has the typed key, or the text is not Latin
    ['K155TM2', [['typed', 'K155TM2', 'K155TM2']]],
    ['K174XA42', [['typed', 'K174XA42', 'K174XA42']]],
    ['КР1533ЛА3', [['typed', 'KP1533ЛA3', 'KP1533ЛA3']]],
    // a fragment shaped like the start of a designation is read too (for prefix and fuzzy matching)
    [
      'NE555',
      [
        ['typed', 'NE555', null],
        ['latin_form', 'HE555', null],
      ],
    ],
    [
      'kp1533la',
      [
        ['typed', 'KP1533LA', null],
        ['latin_form', 'KП1533ЛA', null],
        ['lookalike_form', 'KP1533ЛA', null],
      ],
    ],
    ['STM32F103', [['typed', 'STM32F103', null]]],
  ])('%s', (query, expected) => {
    expect(designationReadings(query).map((r) => [r.via, r.keys.key, r.keys.base])).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['KP1533ЛA3', true],
    ['КР580BM80А', true],
    ['ＫＲ１５３３ЛА３', true],
    ['КР1533ЛА3', false],
    ['к561ла7', false],
    ['K561LA7', false],
    ['KR1533LA3', false],
    ['К1986ВЕ92QI', false], // Q and I have no Cyrillic look-alike
  ])('hasLookalikeMix(%s) = %s', (query, expected) => {
    expect(hasLookalikeMix(query)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 4. Similarity

describe('4. similarity', () => {
  const keys = ['74HC595', 'SN74HC595DR', 'NE555', 'KP1533LA3', 'K155LA3', 'STM32F103C8T6', 'A'];
  const pairs = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b] as const));

  it.each(pairs)('is symmetric: %s, %s', (a, b) => {
    expect(similarity(a, b)).toBe(similarity(b, a));
    expect(similarity(a, b)).toBeGreaterThanOrEqual(0);
    expect(similarity(a, b)).toBeLessThanOrEqual(1);
  });

  it.each(keys)('is 1 for equal keys: %s', (k) => {
    expect(similarity(k, k)).toBe(1);
  });

  it.each([
    ['', 'NE555'],
    ['NE555', ''],
    ['', ''],
  ])('is 0 when a side is empty: %j, %j', (a, b) => {
    expect(similarity(a, b)).toBe(0);
  });

  it.each([
    ['NE555', 'LM358'],
    ['74HC595', 'STM32F103'],
    ['KP1533LA3', '1N4148'],
    ['K155LA3', 'MAX3483'],
    ['2N2222', '2N2907'],
    ['LM358', 'LM324'],
  ])('is below the fuzzy threshold for unrelated parts: %s, %s', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(FUZZY_THRESHOLD);
    expect(fuzzySimilarity(a, b)).toBeLessThan(FUZZY_THRESHOLD);
  });

  it.each([
    ['NE555', 'NE556'],
    ['KP1533LAZ', 'KP1533LA3'],
    ['74HC00', '74HC02'],
  ])('is at or above the threshold for near misses: %s, %s', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(similarity(a, b)).toBeLessThan(1);
  });

  it('counts a contained query as at least 0.5, only from three characters', () => {
    expect(fuzzySimilarity('555', 'NE555P')).toBeGreaterThanOrEqual(0.5);
    expect(fuzzySimilarity('55', 'NE555P')).toBe(similarity('55', 'NE555P'));
    expect(fuzzySimilarity('NE555P', '555')).toBe(similarity('NE555P', '555'));
  });

  it('tier scores keep the order of the tiers', () => {
    const order = ['exact', 'normalised', 'base', 'family', 'prefix', 'fuzzy', 'fulltext', 'parametric'] as const;
    for (let i = 1; i < order.length; i++) expect(TIER_SCORE[order[i - 1]]).toBeGreaterThan(TIER_SCORE[order[i]]);
    // a fuzzy hit, even at similarity 1, stays below a prefix hit
    expect(TIER_SCORE.fuzzy + 0.15).toBeLessThan(TIER_SCORE.prefix);
  });
});
