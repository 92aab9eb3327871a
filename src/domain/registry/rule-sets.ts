/**
 * The rule sets known at the start (facts of docs rules.md, with their acts and links). These seed the
 * database; operators then add versions (e.g. the draft's point values once published) and new acts.
 */
import { OPERATION_CODES, type OperationCode } from './operations';
import type { RuleSet } from './rules';

const noPoints = Object.fromEntries(OPERATION_CODES.map((c) => [c, null])) as Record<OperationCode, number | null>;

export const INITIAL_RULE_SETS: RuleSet[] = [
  {
    code: 'ru-pp764-ic',
    version: 1,
    title: {
      ru: 'Интегральные схемы: уровни по ПП РФ № 764 от 09.08.2016 (раздел IX приложения к ПП РФ № 719)',
      en: 'Integrated circuits: levels under RF Government Decree No. 764 of 09.08.2016 (section IX of the appendix to Decree No. 719)',
    },
    country: 'RU',
    status: 'in_force',
    effectiveFrom: '2016-08-09',
    effectiveTo: null,
    source:
      'Постановление Правительства РФ № 764 от 09.08.2016 (раздел IX «радиоэлектронная продукция» приложения к ПП РФ № 719, «из 26.11.3 Интегральная схема»): ' +
      'https://ealegislation.com/document.fwx?rgn=87804 ; ' +
      'https://d-russia.ru/opredeleny-kriterii-otneseniya-integralnyx-sxem-k-promyshlennoj-produkcii-ne-imeyushhej-analogov-proizvedennyx-v-rf.html/amp',
    definition: {
      kind: 'operation_levels',
      domesticCountries: ['RU'],
      conditions: { makerTaxResidentEaeu: true, minDesignRightsYears: 5, noForeignReadyMadeSolutions: true },
      levels: [
        { level: 1, operations: ['design', 'software', 'wafer', 'assembly', 'testing'] },
        { level: 2, operations: ['design', 'software'] },
      ],
    },
  },
  {
    code: 'ru-ic-points-draft-2025-12',
    version: 1,
    title: {
      ru: 'Микросхемы: балльные уровни (проект Минпромторга, декабрь 2025)',
      en: 'Microcircuits: points levels (Ministry of Industry and Trade draft, December 2025)',
    },
    country: 'RU',
    status: 'draft',
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    source:
      'Проект Минпромторга РФ от декабря 2025 г. (не принят; баллы за операции в источниках не опубликованы — пробелы заполняет оператор): ' +
      'https://www.kommersant.ru/doc/8292612 ; https://telecom.cnews.ru/news/top/2025-12-29_minpromtorg_uzhestochit_trebovaniya',
    definition: {
      kind: 'points',
      domesticCountries: ['RU'],
      conditions: null,
      thresholds: [
        { level: 1, minPoints: 100 },
        { level: 2, minPoints: 55 },
        { level: 3, minPoints: 36 },
      ],
      points: { ...noPoints },
      mandatory: [
        { operation: 'eda', from: null },
        { operation: 'photoresists', from: '2030-01-01' },
        { operation: 'packages', from: '2031-01-01' },
        { operation: 'photomasks', from: '2035-01-01' },
      ],
    },
  },
  {
    code: 'ru-by-recognition-2024',
    version: 1,
    title: {
      ru: 'Признание белорусских операций, материалов и комплектующих наравне с российскими (с 01.07.2024)',
      en: 'Belarusian operations, materials and components accepted on a par with Russian ones (from 01.07.2024)',
    },
    country: 'RU',
    status: 'in_force',
    effectiveFrom: '2024-07-01',
    effectiveTo: null,
    source:
      'Документы, выданные в Республике Беларусь и подтверждающие производство материалов и комплектующих и выполнение производственных и технологических операций, ' +
      'принимаются наравне с российскими с 01.07.2024; белорусские материалы и комплектующие засчитываются при выполнении в России не менее 20% работ (комментарий Минпромторга): ' +
      'https://silkway.news/ru/v-rossii-priznayut-belorusskie-chipi-i-877423 ; ' +
      'https://officelife.media/amp_news/51179-rossiya-rasshirit-dostup-na-svoy-rynok-dlya-belorusskoy-mikroelektroniki',
    definition: {
      kind: 'recognition',
      recognizedCountries: ['BY'],
      appliesTo: null,
      materials: { operations: ['photoresists', 'packages'], minShareCountry: 'RU', minSharePercent: 20 },
    },
  },
  {
    code: 'union-state-product',
    version: 1,
    title: { ru: 'Статус «товар Союзного государства»', en: '“Product of the Union State” status' },
    country: 'UNION',
    status: 'in_force',
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    source:
      'Критерии статуса «товар Союзного государства» согласованы (первые товары — в 2026 г.): не менее 50% совместной белорусско-российской составляющей, ' +
      'доля каждой стороны не менее 25%; долю проверяют торгово-промышленные палаты обеих стран: ' +
      'https://tass.ru/ekonomika/25351641 ; https://rg.ru/2026/01/05/status-tovar-soiuznogo-gosudarstva-nachnut-prisvaivat-v-2026-godu.html',
    definition: { kind: 'union_state', countries: ['BY', 'RU'], minJointPercent: 50, minEachPercent: 25 },
  },
];
