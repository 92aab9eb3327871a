/** Makers: the well-known Belarusian and Russian microelectronics plants first, then a long tail of companies. */
import { Rng } from '../lib/rng';

export interface GeneratedOrganization {
  name: string;
  shortName: string | null;
  country: 'BY' | 'RU';
  region: string;
  unp: string | null;
  inn: string | null;
  ogrn: string | null;
  website: string | null;
  description: string | null;
}

const KNOWN: [string, string, 'BY' | 'RU', string][] = [
  ['ОАО «Интеграл» — управляющая компания холдинга «Интеграл»', 'Интеграл', 'BY', 'BY-HM'],
  ['АО «ПКК Миландр»', 'Миландр', 'RU', 'RU-MOW'],
  ['АО «Ангстрем»', 'Ангстрем', 'RU', 'RU-MOW'],
  ['ПАО «Микрон»', 'Микрон', 'RU', 'RU-MOW'],
  ['АО «НЗПП Восток»', 'НЗПП Восток', 'RU', 'RU-NVS'],
  ['АО «ВЗПП-Микрон»', 'ВЗПП-Микрон', 'RU', 'RU-VOR'],
  ['АО «Группа Кремний Эл»', 'Кремний Эл', 'RU', 'RU-BRY'],
  ['АО «НИИЭТ»', 'НИИЭТ', 'RU', 'RU-VOR'],
  ['АО «Восход» — Калужский радиоламповый завод', 'КРЛЗ', 'RU', 'RU-KLU'],
  ['АО «Экситон»', 'Экситон', 'RU', 'RU-MOS'],
  ['АО «Протон»', 'Протон', 'RU', 'RU-ORL'],
  ['АО «ЗПП»', 'ЗПП', 'RU', 'RU-ME'],
  ['АО «НИИМЭ»', 'НИИМЭ', 'RU', 'RU-MOW'],
  ['АО НПЦ «Элвис»', 'Элвис', 'RU', 'RU-MOW'],
  ['АО «МЦСТ»', 'МЦСТ', 'RU', 'RU-MOW'],
  ['АО «Светлана-Полупроводники»', 'Светлана-ПП', 'RU', 'RU-SPE'],
  ['ОАО «Планар»', 'Планар', 'BY', 'BY-HM'],
  ['ОАО «МНИПИ»', 'МНИПИ', 'BY', 'BY-HM'],
  ['ОАО «Цветотрон»', 'Цветотрон', 'BY', 'BY-BR'],
  ['ОАО «Камертон»', 'Камертон', 'BY', 'BY-BR'],
  ['ОАО «Минский НИИ радиоматериалов»', 'МНИИРМ', 'BY', 'BY-HM'],
];

const FORMS_RU = ['ООО', 'АО', 'ПАО', 'ЗАО', 'НПП ООО', 'АО НПЦ', 'ООО НПФ'];
const FORMS_BY = ['ООО', 'ОАО', 'ЗАО', 'ЧУП', 'СООО', 'УП', 'ЧТУП'];
const ROOTS = [
  'Микро',
  'Электро',
  'Техно',
  'Радио',
  'Спец',
  'Интер',
  'Нано',
  'Кремний',
  'Полюс',
  'Вектор',
  'Сигма',
  'Альфа',
  'Квант',
  'Импульс',
  'Гамма',
  'Дельта',
  'Элемент',
  'Компонент',
  'Схема',
  'Ресурс',
  'Прибор',
  'Кристалл',
  'Модуль',
  'Сфера',
  'Орион',
  'Зенит',
  'Пульсар',
  'Маяк',
  'Аргон',
  'Гранит',
];
const ENDINGS = ['электроника', 'тех', 'систем', 'прибор', 'компонент', 'плат', 'модуль', 'сервис', 'комплект', 'трон', 'ника', 'лаб'];
const REGIONS: Record<'BY' | 'RU', string[]> = {
  BY: ['BY-HM', 'BY-HM', 'BY-HM', 'BY-MI', 'BY-BR', 'BY-HO', 'BY-VI', 'BY-MA', 'BY-HR'],
  RU: ['RU-MOW', 'RU-MOW', 'RU-MOS', 'RU-SPE', 'RU-VOR', 'RU-NVS', 'RU-SVE', 'RU-NIZ', 'RU-TA', 'RU-BRY', 'RU-KLU', 'RU-ORL', 'RU-TOM', 'RU-PER', 'RU-SAM'],
};

const digits = (rng: Rng, n: number, first = '') => first + Array.from({ length: n - first.length }, () => rng.int(0, 9)).join('');

export function generateOrganizations(rng: Rng, count: number): GeneratedOrganization[] {
  const out: GeneratedOrganization[] = [];
  const names = new Set<string>();
  const ids = (country: 'BY' | 'RU') =>
    country === 'BY'
      ? { unp: digits(rng, 9, String(rng.int(1, 7))), inn: null, ogrn: null }
      : { unp: null, inn: digits(rng, 10, String(rng.int(1, 9))), ogrn: digits(rng, 13, rng.pick(['1', '5'])) };
  for (const [name, short, country, region] of KNOWN) {
    if (out.length >= count) break;
    names.add(name);
    out.push({ name, shortName: short, country, region, ...ids(country), website: null, description: 'Изготовитель интегральных микросхем' });
  }
  while (out.length < count) {
    const country = rng.chance(0.25) ? 'BY' : 'RU';
    const core = `${rng.pick(ROOTS)}${rng.pick(ENDINGS)}`;
    let name = `${rng.pick(country === 'BY' ? FORMS_BY : FORMS_RU)} «${core}${rng.chance(0.2) ? `-${rng.int(1, 99)}` : ''}»`;
    if (names.has(name)) name = name.replace('»', ` ${rng.pick(['Плюс', 'М', 'Про', 'Групп', 'Север', 'Юг', 'Центр'])}-${out.length}»`);
    names.add(name);
    out.push({
      name,
      shortName: rng.chance(0.4) ? core : null,
      country,
      region: rng.pick(REGIONS[country]),
      ...ids(country),
      website: rng.chance(0.3) ? `https://maker${out.length}.example.${country.toLowerCase()}` : null,
      description: null,
    });
  }
  return out;
}
