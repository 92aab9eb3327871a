/**
 * Fills the catalogue tables of a migrated SQLite database over one better-sqlite3 connection: organizations,
 * foreign parts, then product types with their parameters and analog links, in large transactions with prepared
 * statements. Every stored key is computed by the application's own column functions.
 */
import type SQLite from 'better-sqlite3';
import { designationColumns, foreignPartColumns, stemsColumn } from '../../src/server/search/columns';
import { designations } from '../../src/domain/product-type';
import { manufacturerKey } from '../../src/domain/part-number';
import { Rng } from '../lib/rng';
import type { Sizes } from '../lib/options';
import { generateOrganizations } from './organizations';
import { drawForeignPart, familyCode } from './foreign';
import { STATUSES, drawDesignation, functionTexts, linkGroups, packagesFor, parametersFor, qualityFor, standardsFor, tnvedFor } from './domestic';

export interface Progress {
  update(value: number): void;
  stop(): void;
}

export interface LoadedCounts {
  organizations: number;
  productTypes: number;
  productParameters: number;
  foreignParts: number;
  analogLinks: number;
}

/** Lets timers (the progress bar) run between two batches. */
const breathe = () => new Promise((resolve) => setImmediate(resolve));

const LINK_SOURCES = [
  'Справочник «Зарубежные интегральные микросхемы и их отечественные аналоги»',
  'Паспорт изделия',
  'Данные изготовителя',
  'Каталог продукции 2024',
  'Перечень ЭКБ, рекомендованной для замены',
];

function timestamps(rng: Rng, n: number): string[] {
  const from = Date.UTC(2024, 0, 1);
  const to = Date.UTC(2026, 10, 1);
  return Array.from({ length: n }, () => new Date(from + Math.floor(rng.next() * (to - from))).toISOString()).sort();
}

export async function loadCatalogue(
  sq: SQLite.Database,
  sizes: Sizes,
  seed: string,
  categoryIds: Map<string, number>,
  progress: (label: string, total: number) => Progress,
): Promise<LoadedCounts> {
  const rng = new Rng(`reestr-bench-${seed}`);
  const times = timestamps(rng, 4096);
  const when = () => times[Math.floor(rng.next() * times.length)];
  const BATCH = 20_000;

  // organizations
  const orgs = generateOrganizations(rng, sizes.organizations);
  const insertOrg = sq.prepare(
    'INSERT INTO organizations (id, name, short_name, country, region, unp, inn, ogrn, website, description, source, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  sq.transaction(() => {
    orgs.forEach((org, i) => {
      const at = when();
      insertOrg.run(i + 1, org.name, org.shortName, org.country, org.region, org.unp, org.inn, org.ogrn, org.website, org.description, 'bench', at, at);
    });
  })();

  // foreign parts, remembering which link group each belongs to
  const insertForeign = sq.prepare(
    'INSERT INTO foreign_parts (id, part_number, part_number_key, manufacturer, manufacturer_key, base_key, family_key, description, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
  );
  const groups = new Map<string, number[]>();
  const foreignFamily = new Uint8Array(sizes.foreignParts + 1);
  const seenForeign = new Set<string>();
  let bar = progress('foreign parts', sizes.foreignParts);
  for (let id = 1; id <= sizes.foreignParts;) {
    const end = Math.min(sizes.foreignParts, id + BATCH - 1);
    sq.transaction(() => {
      for (; id <= end; id++) {
        let part = drawForeignPart(rng);
        while (seenForeign.has(`${part.partNumber}|${manufacturerKey(part.manufacturer)}`)) part = drawForeignPart(rng);
        seenForeign.add(`${part.partNumber}|${manufacturerKey(part.manufacturer)}`);
        const c = foreignPartColumns(part.partNumber, part.manufacturer);
        const at = when();
        insertForeign.run(id, c.part_number, c.part_number_key, c.manufacturer, c.manufacturer_key, c.base_key, c.family_key, part.description, at, at);
        if (part.group) {
          let list = groups.get(part.group);
          if (!list) groups.set(part.group, (list = []));
          list.push(id);
        }
        foreignFamily[id] = part.family;
      }
    })();
    bar.update(id - 1);
    await breathe();
  }
  bar.stop();
  seenForeign.clear();

  // product types with their parameters and analog links
  const insertProduct = sq.prepare(
    `INSERT INTO product_types (id, organization_id, designation, designation_latin, designation_key, designation_latin_key, designation_base_key,
      designation_family_key, search_stems, category_id, function_ru, function_en, function_derived, packages, quality_level, standards, okpd2, tnved,
      status, description, source, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertParameter = sq.prepare('INSERT INTO product_parameters (product_type_id, name, min, typ, max, unit, text) VALUES (?,?,?,?,?,?,?)');
  const insertLink = sq.prepare(
    `INSERT INTO analog_links (product_type_id, foreign_part_id, type, source, note, verified, verified_by, verified_at, created_by, created_at, updated_at)
      VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const byCountry = { BY: [] as number[], RU: [] as number[] };
  orgs.forEach((org, i) => byCountry[org.country].push(i + 1));
  const maker = (country: 'BY' | 'RU' | undefined): number | null => {
    if (rng.chance(0.04)) return null; // reference rows without a maker
    const c = country && rng.chance(0.75) ? country : rng.chance(0.3) ? 'BY' : 'RU';
    const list = byCountry[c].length ? byCountry[c] : byCountry[c === 'BY' ? 'RU' : 'BY'];
    return list[rng.zipfIndex(list.length, 0.9)];
  };
  const stemsCache = new Map<string, string>();
  const stemsOf = (t: { functionRu: string; functionEn: string; description: string | null }) => {
    const key = `${t.functionRu}|${t.functionEn}|${t.description ?? ''}`;
    let s = stemsCache.get(key);
    if (s === undefined) stemsCache.set(key, (s = stemsColumn(t)));
    return s;
  };
  const seenProducts = new Set<string>();
  let parameters = 0;
  let links = 0;
  bar = progress('product types', sizes.productTypes);
  for (let id = 1; id <= sizes.productTypes;) {
    const end = Math.min(sizes.productTypes, id + BATCH - 1);
    sq.transaction(() => {
      for (; id <= end; id++) {
        let d = drawDesignation(rng);
        let org = maker(d.series.country);
        for (let tries = 0; seenProducts.has(`${org ?? 0}|${d.designation}`); tries++) {
          if (tries % 4 === 3) d = drawDesignation(rng);
          org = maker(d.series.country);
        }
        seenProducts.add(`${org ?? 0}|${d.designation}`);
        const names = designationColumns(designations(d.designation));
        const texts = functionTexts(rng, d);
        const at = when();
        insertProduct.run(
          id,
          org,
          names.designation,
          names.designation_latin,
          names.designation_key,
          names.designation_latin_key,
          names.designation_base_key,
          names.designation_family_key,
          stemsOf(texts),
          categoryIds.get(texts.categoryCode) ?? null,
          texts.functionRu,
          texts.functionEn,
          texts.functionDerived ? 1 : 0,
          JSON.stringify(packagesFor(rng, d)),
          qualityFor(rng, d),
          JSON.stringify(standardsFor(rng, d)),
          '26.11.30.000',
          tnvedFor(d),
          rng.weighted(STATUSES),
          texts.description,
          'bench',
          null,
          at,
          at,
        );
        if (rng.chance(sizes.parameterShare))
          for (const p of parametersFor(rng, d)) {
            insertParameter.run(id, p.name, p.min, p.typ, p.max, p.unit, p.text);
            parameters++;
          }

        // analog links: as many as keep the total on target, from the strongest link group first
        const mean = (sizes.analogLinks - links) / (sizes.productTypes - id + 1);
        const wanted = Math.max(0, Math.min(12, Math.round(mean + (rng.next() - 0.5) * 2 * Math.min(mean, 2.5))));
        if (!wanted) continue;
        const candidates = linkGroups(d);
        const chosen = new Set<number>();
        for (let attempt = 0; chosen.size < wanted && attempt < wanted * 4; attempt++) {
          const g = rng.chance(0.85) ? candidates[0] : candidates[candidates.length - 1];
          const list = groups.get(g.group) ?? groups.get(candidates[candidates.length - 1].group);
          if (!list?.length) break;
          let foreignId = rng.pick(list);
          let type: 'full' | 'functional' | 'partial' = g.group.startsWith('cat:') ? (rng.chance(0.6) ? 'partial' : 'functional') : 'full';
          if (g.family !== undefined) {
            // prefer the same logic family: КР1533 → ALS
            const want = familyCode(g.family);
            for (let i = 0; i < 6 && foreignFamily[foreignId] !== want; i++) foreignId = rng.pick(list);
            type = foreignFamily[foreignId] === want ? 'full' : 'functional';
          } else if (g.group.startsWith('model:') && rng.chance(0.4)) type = 'functional';
          if (chosen.has(foreignId)) continue;
          chosen.add(foreignId);
          const verified = rng.chance(0.1);
          const linkAt = when();
          insertLink.run(id, foreignId, type, rng.pick(LINK_SOURCES), null, verified ? 1 : 0, null, verified ? linkAt : null, null, linkAt, linkAt);
          links++;
        }
      }
    })();
    bar.update(id - 1);
    await breathe();
  }
  bar.stop();
  return { organizations: orgs.length, productTypes: sizes.productTypes, productParameters: parameters, foreignParts: sizes.foreignParts, analogLinks: links };
}
