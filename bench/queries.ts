/**
 * Query classes of the benchmark, sampled from the generated data with a fixed seed: part numbers as stored,
 * normalised (case, wrong keyboard), with a packaging suffix, in another logic family, as a prefix, with a typo,
 * domestic designations in Cyrillic and in the official Latin form, Russian phrases and parameter filters.
 */
import SQLite from 'better-sqlite3';
import type { SearchInput } from '../src/server/search/service';
import type { Tier } from '../src/domain/matching';
import { Rng } from './lib/rng';
import { LOGIC_FAMILIES } from './catalogue/foreign';

export interface QueryClass {
  name: string;
  label: string;
  /** Which target applies: part-number lookups, full text, or none. */
  target: 'part-number' | 'fulltext' | null;
  /** The tier a query of this class is meant to reach (checked, reported as "found"). */
  tier: Tier;
  queries: SearchInput[];
}

const LOOKALIKE: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y' };
const DOMESTIC_SUFFIXES = ['А', 'Б', 'В', 'Г', 'Д'];
const PACKAGING_TAILS = ['#PBF', '/NOPB', '-TR', '+T', '#TRPBF'];

export const FULLTEXT_QUERIES = [
  'операционные усилители',
  'счётчики',
  'триггеры Шмитта',
  'дешифраторы',
  'стабилизаторы напряжения',
  'логические элементы И-НЕ',
  'регистр сдвига',
  'аналого-цифровой преобразователь',
  'однокристальный микроконтроллер',
  'мультиплексор',
  'компаратор напряжения',
  'оперативное запоминающее устройство',
  'таймер',
  'шинный формирователь',
  'прецизионный операционный усилитель',
  'D-триггеры',
];

export const PARAMETRIC_QUERIES: SearchInput[] = [
  { param: ['U_cc>=4.5V'] },
  { param: ['U_cc<=3.6V'], category: 'logic' },
  { param: ['t_pd<=10ns'] },
  { param: ['f_max>=25MHz'], category: 'counters' },
  { param: ['U_io<=1mV'], category: 'op-amps' },
  { param: ['I_out>=1A'], category: 'voltage-regulators' },
  { param: ['f_T>=10MHz'] },
  { param: ['U_out=5V'], category: 'voltage-regulators' },
  { param: ['U_cc>=2V', 'U_cc<=6V'], category: 'logic', country: 'BY' },
  { param: ['t_acc<=100ns'], category: 'memory' },
];

export const CLASS_NAMES = [
  'exact',
  'normalised',
  'base',
  'family',
  'prefix',
  'fuzzy',
  'domestic-cyrillic',
  'domestic-latin',
  'fulltext',
  'parametric',
] as const;

interface ProductRow {
  designation: string;
  designation_latin: string;
}
interface ForeignRow {
  part_number: string;
  part_number_key: string;
  base_key: string | null;
  family_key: string | null;
}

/** Samples `count` queries of every class from the SQLite dataset (the PostgreSQL copy holds the same rows). */
export function sampleQueries(file: string, count: number, seed: string): QueryClass[] {
  const db = new SQLite(file, { readonly: true });
  try {
    const rng = new Rng(`reestr-bench-queries-${seed}`);
    const maxProduct = (db.prepare('SELECT max(id) AS n FROM product_types').get() as { n: number }).n;
    const maxForeign = (db.prepare('SELECT max(id) AS n FROM foreign_parts').get() as { n: number }).n;
    const productStmt = db.prepare('SELECT designation, designation_latin FROM product_types WHERE id = ?');
    const foreignStmt = db.prepare('SELECT part_number, part_number_key, base_key, family_key FROM foreign_parts WHERE id = ?');
    const product = (where: (r: ProductRow) => boolean = () => true): ProductRow => {
      for (;;) {
        const r = productStmt.get(rng.int(1, maxProduct)) as ProductRow | undefined;
        if (r && where(r)) return r;
      }
    };
    const foreign = (where: (r: ForeignRow) => boolean = () => true): ForeignRow => {
      for (;;) {
        const r = foreignStmt.get(rng.int(1, maxForeign)) as ForeignRow | undefined;
        if (r && where(r)) return r;
      }
    };
    const many = (make: (i: number) => string): SearchInput[] => {
      const seen = new Set<string>();
      const out: SearchInput[] = [];
      for (let i = 0; out.length < count && i < count * 20; i++) {
        const q = make(i);
        if (q && !seen.has(q)) {
          seen.add(q);
          out.push({ q });
        }
      }
      return out;
    };

    const wrongKeyboard = (designation: string) => {
      const letters = [...designation];
      const out = letters.map((ch) => (LOOKALIKE[ch] && rng.chance(0.6) ? LOOKALIKE[ch] : ch)).join('');
      return out === designation ? letters.map((ch) => LOOKALIKE[ch] ?? ch).join('') : out;
    };
    const typo = (text: string) => {
      const chars = [...text];
      if (chars.length < 4) return '';
      const i = rng.int(1, chars.length - 2);
      const kind = rng.int(0, 2);
      if (kind === 0) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      else if (kind === 1) chars.splice(i, 1);
      else chars[i] = /\d/.test(chars[i]) ? String((Number(chars[i]) + rng.int(1, 8)) % 10) : /[А-Я]/.test(chars[i]) ? 'Л' : 'X';
      const out = chars.join('');
      return out === text ? '' : out;
    };
    const otherFamily = (base: string) => {
      const m = /^(74|54)([A-Z]*)(\d+)$/.exec(base);
      if (!m) return '';
      let family = m[2];
      while (family === m[2]) family = rng.weighted(LOGIC_FAMILIES);
      return `${rng.pick(['', 'SN', 'SN', 'MC', 'CD', 'MM'])}${m[1]}${family}${m[3]}${rng.pick(['', 'N', 'D', 'PW'])}`;
    };
    const hasSuffix = (r: ProductRow) => /\d[А-ЯЁ]$/.test(r.designation);

    return [
      {
        name: 'exact',
        label: 'part number as stored',
        target: 'part-number',
        tier: 'exact',
        queries: many(() => foreign().part_number),
      },
      {
        name: 'normalised',
        label: 'lower case / wrong keyboard',
        target: 'part-number',
        tier: 'normalised',
        queries: many((i) =>
          i % 3 === 0
            ? foreign((r) => /[A-Z]/.test(r.part_number)).part_number.toLowerCase()
            : i % 3 === 1
              ? wrongKeyboard(product().designation)
              : product().designation.toLowerCase(),
        ),
      },
      {
        name: 'base',
        label: 'with a packaging suffix',
        target: 'part-number',
        tier: 'base',
        queries: many((i) => {
          if (i % 3 === 2) {
            const d = product(hasSuffix).designation;
            const stem = d.slice(0, -1);
            return rng.chance(0.3) ? stem : stem + rng.pick(DOMESTIC_SUFFIXES.filter((s) => s !== d.slice(-1)));
          }
          const r = foreign((x) => !!x.base_key && x.base_key !== x.part_number_key && !/[#+/]/.test(x.part_number));
          return r.part_number + rng.pick(PACKAGING_TAILS);
        }),
      },
      {
        name: 'family',
        label: 'another logic family',
        target: 'part-number',
        tier: 'family',
        queries: many((i) => {
          if (i % 3 === 2) {
            const d = product((r) => /^[А-ЯЁ]{1,3}\d/.test(r.designation)).designation;
            return d.replace(/^[А-ЯЁ]{1,3}/, rng.pick(['', 'К', 'КР', 'КФ']));
          }
          return otherFamily(foreign((r) => !!r.family_key?.startsWith('74X') && !!r.base_key && /^(74|54)[A-Z]*\d+$/.test(r.base_key)).base_key!);
        }),
      },
      {
        name: 'prefix',
        label: 'typing in progress',
        target: 'part-number',
        tier: 'prefix',
        queries: many((i) => {
          if (i % 2 === 0) return /^(.*?\d{3,4}[А-ЯЁ]{2})/.exec(product().designation)?.[1] ?? '';
          const key = foreign().part_number_key;
          return key.slice(0, Math.max(3, Math.round(key.length * 0.6)));
        }),
      },
      {
        name: 'fuzzy',
        label: 'one typo',
        target: 'part-number',
        tier: 'fuzzy',
        queries: many((i) => typo(i % 2 === 0 ? foreign().part_number : product().designation)),
      },
      {
        name: 'domestic-cyrillic',
        label: 'designation, Cyrillic',
        target: 'part-number',
        tier: 'exact',
        queries: many(() => product().designation),
      },
      {
        name: 'domestic-latin',
        label: 'designation, official Latin',
        target: 'part-number',
        tier: 'normalised',
        queries: many(() => product().designation_latin),
      },
      {
        name: 'fulltext',
        label: 'Russian phrase',
        target: 'fulltext',
        tier: 'fulltext',
        queries: FULLTEXT_QUERIES.map((q) => ({ q })),
      },
      {
        name: 'parametric',
        label: 'parameter filters only',
        target: null,
        tier: 'parametric',
        queries: PARAMETRIC_QUERIES,
      },
    ];
  } finally {
    db.close();
  }
}

/** A query as the URL of GET /api/search. */
export function searchPath(input: SearchInput): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.append(k, String(v));
  }
  return `/api/search?${params.toString()}`;
}
