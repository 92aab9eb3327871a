/**
 * The category tree of the catalogue and what the functional subgroup letters of a domestic designation
 * say about a product type (ЛА → NAND gates, ТМ → D flip-flops …). Pure data and code.
 */
import { parseDesignation } from './designation';

export interface CategoryDef {
  code: string;
  parent: string | null;
  nameRu: string;
  nameBe: string;
  nameEn: string;
}

export const CATEGORY_TREE: readonly CategoryDef[] = [
  { code: 'microelectronics', parent: null, nameRu: 'Микроэлектроника', nameBe: 'Мікраэлектроніка', nameEn: 'Microelectronics' },
  { code: 'logic', parent: 'microelectronics', nameRu: 'Цифровая логика', nameBe: 'Лічбавая логіка', nameEn: 'Digital logic' },
  { code: 'logic-nand', parent: 'logic', nameRu: 'Элементы И-НЕ', nameBe: 'Элементы І-НЕ', nameEn: 'NAND gates' },
  { code: 'logic-nor', parent: 'logic', nameRu: 'Элементы ИЛИ-НЕ', nameBe: 'Элементы АБО-НЕ', nameEn: 'NOR gates' },
  { code: 'logic-and', parent: 'logic', nameRu: 'Элементы И', nameBe: 'Элементы І', nameEn: 'AND gates' },
  { code: 'logic-or', parent: 'logic', nameRu: 'Элементы ИЛИ', nameBe: 'Элементы АБО', nameEn: 'OR gates' },
  { code: 'logic-inverters', parent: 'logic', nameRu: 'Инверторы', nameBe: 'Інвертары', nameEn: 'Inverters' },
  { code: 'logic-other', parent: 'logic', nameRu: 'Прочие логические элементы', nameBe: 'Іншыя лагічныя элементы', nameEn: 'Other logic gates (XOR …)' },
  { code: 'logic-aoi', parent: 'logic', nameRu: 'Элементы И-ИЛИ-НЕ', nameBe: 'Элементы І-АБО-НЕ', nameEn: 'AND-OR-invert gates' },
  { code: 'flip-flops', parent: 'microelectronics', nameRu: 'Триггеры', nameBe: 'Трыгеры', nameEn: 'Flip-flops and latches' },
  { code: 'flip-flops-d', parent: 'flip-flops', nameRu: 'D-триггеры', nameBe: 'D-трыгеры', nameEn: 'D flip-flops' },
  { code: 'flip-flops-jk', parent: 'flip-flops', nameRu: 'JK-триггеры', nameBe: 'JK-трыгеры', nameEn: 'JK flip-flops' },
  { code: 'flip-flops-schmitt', parent: 'flip-flops', nameRu: 'Триггеры Шмитта', nameBe: 'Трыгеры Шміта', nameEn: 'Schmitt triggers' },
  { code: 'flip-flops-rs', parent: 'flip-flops', nameRu: 'RS-триггеры', nameBe: 'RS-трыгеры', nameEn: 'RS latches' },
  { code: 'msi', parent: 'microelectronics', nameRu: 'Функциональные узлы', nameBe: 'Функцыянальныя вузлы', nameEn: 'Functional blocks' },
  { code: 'counters', parent: 'msi', nameRu: 'Счётчики', nameBe: 'Лічыльнікі', nameEn: 'Counters' },
  { code: 'registers', parent: 'msi', nameRu: 'Регистры', nameBe: 'Рэгістры', nameEn: 'Registers' },
  { code: 'decoders', parent: 'msi', nameRu: 'Дешифраторы', nameBe: 'Дэшыфратары', nameEn: 'Decoders' },
  { code: 'encoders', parent: 'msi', nameRu: 'Шифраторы', nameBe: 'Шыфратары', nameEn: 'Encoders' },
  { code: 'adders', parent: 'msi', nameRu: 'Сумматоры', nameBe: 'Суматары', nameEn: 'Adders' },
  {
    code: 'arithmetic',
    parent: 'msi',
    nameRu: 'Арифметические и контрольные схемы',
    nameBe: 'Арыфметычныя і кантрольныя схемы',
    nameEn: 'Arithmetic and parity circuits',
  },
  { code: 'digital-comparators', parent: 'msi', nameRu: 'Цифровые компараторы', nameBe: 'Лічбавыя кампаратары', nameEn: 'Magnitude comparators' },
  { code: 'multiplexers', parent: 'msi', nameRu: 'Мультиплексоры и коммутаторы', nameBe: 'Мультыплексары і камутатары', nameEn: 'Multiplexers and selectors' },
  {
    code: 'switches',
    parent: 'msi',
    nameRu: 'Ключи и коммутаторы аналоговых сигналов',
    nameBe: 'Ключы і камутатары аналагавых сігналаў',
    nameEn: 'Analog switches and arrays',
  },
  { code: 'bus-drivers', parent: 'msi', nameRu: 'Шинные формирователи и буферы', nameBe: 'Шынныя фарміравальнікі і буферы', nameEn: 'Bus drivers and buffers' },
  { code: 'monostables', parent: 'msi', nameRu: 'Одновибраторы', nameBe: 'Аднавібратары', nameEn: 'Monostable multivibrators' },
  { code: 'oscillators', parent: 'msi', nameRu: 'Генераторы', nameBe: 'Генератары', nameEn: 'Oscillators and clock generators' },
  { code: 'analog', parent: 'microelectronics', nameRu: 'Аналоговые микросхемы', nameBe: 'Аналагавыя мікрасхемы', nameEn: 'Analog ICs' },
  { code: 'op-amps', parent: 'analog', nameRu: 'Операционные усилители', nameBe: 'Аперацыйныя ўзмацняльнікі', nameEn: 'Operational amplifiers' },
  { code: 'amplifiers', parent: 'analog', nameRu: 'Усилители низкой частоты', nameBe: 'Узмацняльнікі нізкай частаты', nameEn: 'Audio and LF amplifiers' },
  { code: 'comparators', parent: 'analog', nameRu: 'Компараторы', nameBe: 'Кампаратары', nameEn: 'Comparators' },
  { code: 'voltage-regulators', parent: 'analog', nameRu: 'Стабилизаторы напряжения', nameBe: 'Стабілізатары напружання', nameEn: 'Voltage regulators' },
  {
    code: 'switching-controllers',
    parent: 'analog',
    nameRu: 'Контроллеры импульсных преобразователей',
    nameBe: 'Кантролеры імпульсных пераўтваральнікаў',
    nameEn: 'Switching-regulator controllers',
  },
  { code: 'dac', parent: 'analog', nameRu: 'ЦАП', nameBe: 'ЛАП', nameEn: 'DACs' },
  { code: 'adc', parent: 'analog', nameRu: 'АЦП', nameBe: 'АЛП', nameEn: 'ADCs' },
  { code: 'analog-multi', parent: 'analog', nameRu: 'Многофункциональные схемы', nameBe: 'Шматфункцыянальныя схемы', nameEn: 'Multifunction circuits' },
  {
    code: 'computing',
    parent: 'microelectronics',
    nameRu: 'Микропроцессоры и периферия',
    nameBe: 'Мікрапрацэсары і перыферыя',
    nameEn: 'Microprocessors and peripherals',
  },
  { code: 'timers', parent: 'computing', nameRu: 'Таймеры', nameBe: 'Таймеры', nameEn: 'Timers' },
  { code: 'microprocessors', parent: 'computing', nameRu: 'Микропроцессоры', nameBe: 'Мікрапрацэсары', nameEn: 'Microprocessors' },
  { code: 'microcontrollers', parent: 'computing', nameRu: 'Микроконтроллеры', nameBe: 'Мікракантролеры', nameEn: 'Microcontrollers' },
  {
    code: 'mpu-peripherals',
    parent: 'computing',
    nameRu: 'Периферийные схемы микропроцессоров',
    nameBe: 'Перыферыйныя схемы мікрапрацэсараў',
    nameEn: 'Microprocessor peripherals',
  },
  { code: 'memory', parent: 'microelectronics', nameRu: 'Память', nameBe: 'Памяць', nameEn: 'Memory' },
  { code: 'ram', parent: 'memory', nameRu: 'ОЗУ', nameBe: 'АЗП', nameEn: 'RAM' },
  { code: 'rom', parent: 'memory', nameRu: 'ПЗУ', nameBe: 'ПЗП', nameEn: 'ROM, PROM, EPROM, EEPROM' },
  { code: 'other', parent: null, nameRu: 'Прочая продукция', nameBe: 'Іншая прадукцыя', nameEn: 'Other products' },
];

interface FunctionMeaning {
  category: string;
  functionRu: string;
  functionEn: string;
}

/** Functional subgroup letters of a designation and what they mean (see demo/SOURCES.md). */
export const FUNCTION_CODES: Readonly<Record<string, FunctionMeaning>> = {
  ЛА: { category: 'logic-nand', functionRu: 'Логические элементы И-НЕ', functionEn: 'NAND gates' },
  ЛЕ: { category: 'logic-nor', functionRu: 'Логические элементы ИЛИ-НЕ', functionEn: 'NOR gates' },
  ЛИ: { category: 'logic-and', functionRu: 'Логические элементы И', functionEn: 'AND gates' },
  ЛЛ: { category: 'logic-or', functionRu: 'Логические элементы ИЛИ', functionEn: 'OR gates' },
  ЛН: { category: 'logic-inverters', functionRu: 'Логические элементы НЕ (инверторы)', functionEn: 'Inverters' },
  ЛП: { category: 'logic-other', functionRu: 'Прочие логические элементы (исключающее ИЛИ и др.)', functionEn: 'Other logic gates (XOR and others)' },
  ЛР: { category: 'logic-aoi', functionRu: 'Логические элементы И-ИЛИ-НЕ', functionEn: 'AND-OR-invert gates' },
  ТМ: { category: 'flip-flops-d', functionRu: 'D-триггеры', functionEn: 'D flip-flops' },
  ТВ: { category: 'flip-flops-jk', functionRu: 'JK-триггеры', functionEn: 'JK flip-flops' },
  ТЛ: { category: 'flip-flops-schmitt', functionRu: 'Триггеры Шмитта', functionEn: 'Schmitt triggers' },
  ТР: { category: 'flip-flops-rs', functionRu: 'RS-триггеры', functionEn: 'RS latches' },
  ИЕ: { category: 'counters', functionRu: 'Счётчик', functionEn: 'Counter' },
  ИР: { category: 'registers', functionRu: 'Регистр', functionEn: 'Register' },
  ИД: { category: 'decoders', functionRu: 'Дешифратор', functionEn: 'Decoder' },
  ИВ: { category: 'encoders', functionRu: 'Шифратор', functionEn: 'Encoder' },
  ИМ: { category: 'adders', functionRu: 'Сумматор', functionEn: 'Adder' },
  ИП: { category: 'arithmetic', functionRu: 'Арифметическая или контрольная схема', functionEn: 'Arithmetic or parity circuit' },
  СП: { category: 'digital-comparators', functionRu: 'Цифровой компаратор', functionEn: 'Magnitude comparator' },
  КП: { category: 'multiplexers', functionRu: 'Мультиплексор, селектор', functionEn: 'Multiplexer, data selector' },
  КТ: { category: 'switches', functionRu: 'Ключ, коммутатор аналоговых сигналов', functionEn: 'Analog switch or transistor array' },
  АП: { category: 'bus-drivers', functionRu: 'Шинный формирователь, буфер', functionEn: 'Bus driver, buffer' },
  АГ: { category: 'monostables', functionRu: 'Одновибратор', functionEn: 'Monostable multivibrator' },
  ГГ: { category: 'oscillators', functionRu: 'Генератор', functionEn: 'Oscillator' },
  ГФ: { category: 'oscillators', functionRu: 'Генератор специальной формы сигналов', functionEn: 'Waveform or clock generator' },
  УД: { category: 'op-amps', functionRu: 'Операционный усилитель', functionEn: 'Operational amplifier' },
  УН: { category: 'amplifiers', functionRu: 'Усилитель низкой частоты', functionEn: 'Low-frequency amplifier' },
  СА: { category: 'comparators', functionRu: 'Компаратор напряжения', functionEn: 'Voltage comparator' },
  ЕН: { category: 'voltage-regulators', functionRu: 'Стабилизатор напряжения', functionEn: 'Voltage regulator' },
  ЕУ: { category: 'switching-controllers', functionRu: 'Контроллер импульсного преобразователя', functionEn: 'Switching-regulator controller' },
  ВИ: { category: 'timers', functionRu: 'Таймер', functionEn: 'Timer' },
  ВМ: { category: 'microprocessors', functionRu: 'Микропроцессор', functionEn: 'Microprocessor' },
  ВЕ: { category: 'microcontrollers', functionRu: 'Однокристальный микроконтроллер', functionEn: 'Single-chip microcontroller' },
  ВВ: { category: 'mpu-peripherals', functionRu: 'Контроллер ввода-вывода', functionEn: 'I/O controller' },
  ВА: { category: 'mpu-peripherals', functionRu: 'Шинный формирователь микропроцессора', functionEn: 'Microprocessor bus interface' },
  ВК: { category: 'mpu-peripherals', functionRu: 'Системный контроллер', functionEn: 'System controller' },
  ВТ: { category: 'mpu-peripherals', functionRu: 'Контроллер прямого доступа к памяти', functionEn: 'DMA controller' },
  ВН: { category: 'mpu-peripherals', functionRu: 'Контроллер прерываний', functionEn: 'Interrupt controller' },
  ВГ: { category: 'mpu-peripherals', functionRu: 'Контроллер периферийных устройств', functionEn: 'Peripheral controller' },
  РУ: { category: 'ram', functionRu: 'Оперативное запоминающее устройство', functionEn: 'RAM' },
  РЕ: { category: 'rom', functionRu: 'Масочное ПЗУ', functionEn: 'Mask ROM' },
  РТ: { category: 'rom', functionRu: 'ППЗУ с однократным программированием', functionEn: 'Fusible-link PROM' },
  РФ: { category: 'rom', functionRu: 'ППЗУ с ультрафиолетовым стиранием', functionEn: 'UV-erasable EPROM' },
  РР: { category: 'rom', functionRu: 'ППЗУ с электрическим стиранием', functionEn: 'EEPROM' },
  ПА: { category: 'dac', functionRu: 'Цифро-аналоговый преобразователь', functionEn: 'Digital-to-analog converter' },
  ПВ: { category: 'adc', functionRu: 'Аналого-цифровой преобразователь', functionEn: 'Analog-to-digital converter' },
  ХА: { category: 'analog-multi', functionRu: 'Многофункциональная аналоговая схема', functionEn: 'Multifunction analog circuit' },
  ХК: { category: 'analog-multi', functionRu: 'Многофункциональная комбинированная схема', functionEn: 'Multifunction mixed-signal circuit' },
  ХЛ: { category: 'logic-other', functionRu: 'Многофункциональная цифровая схема', functionEn: 'Multifunction digital circuit' },
  ХП: { category: 'analog-multi', functionRu: 'Многофункциональная схема', functionEn: 'Multifunction circuit' },
};

/**
 * What the designation's function letters say: a category code and function texts, marked as derived by
 * the caller. Returns null when the designation does not follow the system or the letters are unknown.
 */
export function deriveFromDesignation(designation: string): (FunctionMeaning & { functionCode: string }) | null {
  const parsed = parseDesignation(designation);
  if (!parsed) return null;
  const meaning = FUNCTION_CODES[parsed.functionCode];
  return meaning ? { ...meaning, functionCode: parsed.functionCode } : null;
}
