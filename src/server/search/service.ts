/**
 * One search over product types, foreign parts (with their domestic analogs) and organizations. Each tier
 * is queried separately; a hit keeps the strongest tier that found it, with the reasons (notes) why it is
 * only a candidate when it is not exact. Facets count the collected product-type hits.
 */
import {
  designationReadings,
  familyNotes,
  foreignPartKeys,
  FUZZY_THRESHOLD,
  fuzzySimilarity,
  hasLookalikeMix,
  TIER_SCORE,
  type Note,
  type ReadingVia,
  type Tier,
} from '../../domain/matching';
import { canonicalText, designationKey, parseDesignation } from '../../domain/designation';
import { parseParamFilter, type ParamFilter } from '../../domain/parametric';
import { stems } from '../../domain/search-text';
import { invalid } from '../http/errors';
import { nowIso } from '../clock';
import { bestStanding, NOT_IN_REGISTRY, REGISTRY_STANDINGS, type RegistryRef, type RegistryStanding } from '../../domain/matching-registry';
import type { CategoriesRepository } from '../categories/repository';
import type { ProductTypesRepository } from '../product-types/repository';
import { parseJsonList } from '../db/sql-helpers';
import { hasFilters, type ForeignHitRow, type ProductFilters, type ProductHitRow, type SearchRepository } from './repository';

export interface SearchInput {
  q?: string;
  kind?: 'all' | 'productTypes' | 'foreignParts' | 'organizations';
  category?: string;
  country?: string;
  maker?: number;
  package?: string;
  qualityLevel?: string;
  param?: string[];
  /** Only product types with this registry status today (the best status of their records). */
  registryStatus?: RegistryStanding;
  limit?: number;
  /** Facets cost a query over the best hits; suggestions do without. */
  facets?: boolean;
}

interface Hit<R> {
  row: R;
  tier: Tier;
  score: number;
  notes: Note[];
  sortKey: string;
}

/** Per-tier row cap: enough for ranking and facets, small enough for fast index lookups. */
const TIER_LIMIT = 50;
const FUZZY_CANDIDATES = 100;
const FACET_LIMIT = 200;
/** Analogs shown under each foreign part (the best by type and verification); `analogCount` tells how many it has. */
export const ANALOGS_PER_PART = 10;
const ANALOG_ORDER = { full: 0, functional: 1, partial: 2 } as const;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Ids among which the exact tier's rows are: what was typed as stored has the typed key, so it is among the normalised
 * tier's rows, unless that tier was cut at TIER_LIMIT (then asked for by `query`).
 */
const exactCandidates = (normalised: number[], query: () => Promise<number[]>): Promise<number[]> =>
  normalised.length < TIER_LIMIT ? Promise.resolve(normalised) : query();

/** The rows of `ids` that were read (a row deleted meanwhile is left out), in the order of the ids. */
const rowsOf = <R extends { id: number }>(byId: Map<number, R>, ids: number[]) => ids.flatMap((id) => byId.get(id) ?? []);

/** Reads the rows of every tier's ids at once: the tiers find mostly the same rows. */
async function readRows<R extends { id: number }>(lists: number[][], read: (ids: number[]) => Promise<R[]>): Promise<Map<number, R>> {
  const rows = await read([...new Set(lists.flat())]);
  return new Map(rows.map((r) => [r.id, r]));
}

class HitSet<R extends { id: number }> {
  readonly hits = new Map<number, Hit<R>>();

  add(rows: R[], tier: Tier, sortKey: (r: R) => string, notes: (r: R) => Note[] = () => [], score: (r: R) => number = () => TIER_SCORE[tier]) {
    for (const row of rows) {
      const s = score(row);
      const existing = this.hits.get(row.id);
      if (existing && existing.score >= s) continue;
      this.hits.set(row.id, { row, tier, score: s, notes: notes(row), sortKey: sortKey(row) });
    }
  }

  get size() {
    return this.hits.size;
  }

  ranked(): Hit<R>[] {
    return [...this.hits.values()].sort((a, b) => b.score - a.score || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.row.id - b.row.id));
  }
}

/** A query worth a full-text search: it has a word of three or more letters without digits. */
const looksLikeWords = (q: string) => /(^|\s)[\p{L}]{3,}(\s|$)/u.test(q) && (/\s/.test(q.trim()) || !/\d/.test(q));

export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly productTypes: ProductTypesRepository,
    private readonly categories: CategoriesRepository,
  ) {}

  parseParams(params: string[] | undefined): ParamFilter[] {
    return (params ?? []).map((p) => {
      const parsed = parseParamFilter(p);
      if (typeof parsed === 'string') throw invalid(parsed);
      return parsed;
    });
  }

  async search(input: SearchInput) {
    const started = performance.now();
    const q = (input.q ?? '').trim();
    const kind = input.kind ?? 'all';
    const limit = input.limit ?? 20;
    const params = this.parseParams(input.param);
    const date = nowIso().slice(0, 10);
    const filters: ProductFilters = {
      categoryIds: input.category ? await this.categories.subtreeIds(input.category) : null,
      country: input.country,
      maker: input.maker,
      package: input.package,
      qualityLevel: input.qualityLevel,
      params,
      registryStatus: input.registryStatus ? { status: input.registryStatus, date } : undefined,
    };
    const wantProducts = kind === 'all' || kind === 'productTypes';
    const wantForeign = (kind === 'all' || kind === 'foreignParts') && q !== '';
    const wantOrganizations = (kind === 'all' || kind === 'organizations') && q !== '';

    const [products, foreign, organizations] = await Promise.all([
      wantProducts ? this.productHits(q, filters) : Promise.resolve(new HitSet<ProductHitRow>()),
      wantForeign ? this.foreignHits(q) : Promise.resolve(new HitSet<ForeignHitRow>()),
      wantOrganizations ? this.organizationHits(q) : Promise.resolve([]),
    ]);

    // typo tolerance only when nothing was found otherwise: it is the most expensive tier and the weakest
    if (q && products.size + foreign.size === 0) await this.addFuzzy(q, filters, wantProducts ? products : null, wantForeign ? foreign : null);

    let rankedProducts = products.ranked();
    const standings = new Map<number, RegistryRef>();
    const standingsOf = async (ids: number[]) => {
      const wanted = ids.filter((id) => !standings.has(id));
      const records = await this.repo.registryRecords(wanted);
      for (const id of wanted) standings.set(id, bestStanding(records.get(id) ?? [], date));
    };
    if (input.registryStatus) {
      // the SQL filter keeps product types with a record of that status; a product type with several records
      // is shown under its best status only
      await standingsOf(rankedProducts.map((h) => h.row.id));
      rankedProducts = rankedProducts.filter((h) => standings.get(h.row.id)!.status === input.registryStatus);
    }
    const shownProducts = rankedProducts.slice(0, limit);
    const facetHits = rankedProducts.slice(0, input.facets === false ? limit : FACET_LIMIT).map((h) => h.row);
    const rankedForeign = foreign.ranked();
    const shownForeign = rankedForeign.slice(0, limit);
    const foreignIds = shownForeign.map((h) => h.row.id);
    const [summaries, { analogs, counts: analogCounts }] = await Promise.all([
      this.productTypes.summaries(shownProducts.map((h) => h.row.id)),
      this.repo.analogsOf(foreignIds, ANALOGS_PER_PART),
    ]);
    // makers and categories named by the facets and the analogs, each read once
    const named = [...facetHits, ...analogs];
    const [makerRows, categoryRows] = await Promise.all([
      this.repo.makers(unique(named.map((r) => r.organization_id))),
      this.repo.categoriesById(unique(named.map((r) => r.category_id))),
    ]);
    const makers = new Map(makerRows.map((m) => [m.id, m]));
    const categories = new Map(categoryRows.map((c) => [c.id, { id: c.id, code: c.code, nameRu: c.name_ru, nameBe: c.name_be, nameEn: c.name_en }]));
    const makerOf = (r: { organization_id: number | null }) => (r.organization_id === null ? null : (makers.get(r.organization_id) ?? null));
    const categoryOf = (r: { category_id: number | null }) => (r.category_id === null ? null : (categories.get(r.category_id) ?? null));
    const summaryById = new Map(summaries.map((s) => [s.id, s]));
    const parameterNote: Note[] = params.map((p) => ({ code: 'parameter_match', params: { name: p.name } }));
    await standingsOf([...facetHits.map((r) => r.id), ...analogs.map((a) => a.product_id)]);
    const registryOf = (id: number) => standings.get(id) ?? NOT_IN_REGISTRY;

    return {
      query: { text: q, params: params.map((p) => ({ name: p.name, op: p.op, value: p.value, unit: p.unit })) },
      productTypes: {
        total: input.registryStatus ? rankedProducts.length : products.size,
        items: shownProducts
          .filter((h) => summaryById.has(h.row.id))
          .map((h) => ({
            ...summaryById.get(h.row.id)!,
            packages: parseJsonList(h.row.packages),
            registry: registryOf(h.row.id),
            tier: h.tier,
            score: round(h.score),
            notes: [...h.notes, ...parameterNote],
          })),
      },
      foreignParts: {
        total: foreign.size,
        items: shownForeign.map((h) => {
          return {
            id: h.row.id,
            partNumber: h.row.part_number,
            manufacturer: h.row.manufacturer,
            description: h.row.description,
            tier: h.tier,
            score: round(h.score),
            notes: h.notes,
            analogCount: analogCounts.get(h.row.id) ?? 0,
            analogs: analogs
              .filter((a) => a.foreign_part_id === h.row.id)
              .sort(
                (a, b) =>
                  ANALOG_ORDER[a.type] - ANALOG_ORDER[b.type] || b.verified - a.verified || compare(a.designation_key, b.designation_key) || a.id - b.id,
              )
              .map((a) => ({
                id: a.id,
                type: a.type,
                verified: Boolean(a.verified),
                productType: {
                  id: a.product_id,
                  designation: a.designation,
                  designationLatin: a.designation_latin,
                  maker: makerOf(a),
                  category: categoryOf(a),
                  registry: registryOf(a.product_id),
                },
              })),
          };
        }),
      },
      organizations: { total: organizations.length, items: organizations.slice(0, limit) },
      facets: { ...facets(facetHits, makerOf, categoryOf), registryStatus: registryFacet(facetHits.map((r) => registryOf(r.id).status)) },
      tookMs: round(performance.now() - started),
    };
  }

  private async productHits(q: string, filters: ProductFilters) {
    const hits = new HitSet<ProductHitRow>();
    const byKey = (r: ProductHitRow) => r.designation;
    if (!q) {
      if (hasFilters(filters)) hits.add(await this.repo.productsFiltered(filters, FACET_LIMIT), 'parametric', byKey);
      return hits;
    }
    const readings = designationReadings(q);
    const keys = unique(readings.map((r) => r.keys.key));
    const viaOf = new Map<string, ReadingVia>();
    for (const r of readings) if (!viaOf.has(r.keys.key)) viaOf.set(r.keys.key, r.via);
    const typedLatinKey = designationKey(q);
    const lookalike = hasLookalikeMix(q);
    const bases = unique(readings.map((r) => r.keys.base));
    const families = unique(readings.map((r) => r.keys.family));
    const queryPrefix = /^\p{L}*/u.exec(canonicalText(q))![0];
    const prefixKeys = keys.filter((k) => k.length >= 2);

    const [normalised, latin, base, family, prefix, fulltext] = await Promise.all([
      this.repo.productIdsWhere('p.designation_key', keys, filters, TIER_LIMIT),
      this.repo.productIdsWhere('p.designation_latin_key', unique([typedLatinKey, ...keys]), filters, TIER_LIMIT),
      this.repo.productIdsWhere('p.designation_base_key', bases, filters, TIER_LIMIT),
      this.repo.productIdsWhere('p.designation_family_key', families, filters, TIER_LIMIT),
      this.repo.productIdsWithPrefix(prefixKeys, filters, TIER_LIMIT),
      looksLikeWords(q) ? this.repo.productIdsWithStems(stems(q), filters, TIER_LIMIT) : Promise.resolve([]),
    ]);
    const exact = await exactCandidates(normalised, () => this.repo.productIdsWhere('p.designation', [q], filters, TIER_LIMIT));
    const byId = await readRows([normalised, latin, base, family, prefix, fulltext, exact], (ids) => this.repo.productHitRows(ids));
    const rows = (ids: number[]) => rowsOf(byId, ids);
    hits.add(
      rows(exact).filter((r) => r.designation === q),
      'exact',
      byKey,
    );
    // a reading of Latin letters by their look (B → В) is a weaker guess than the official Latin form (B → Б)
    const viaNotes: Record<ReadingVia, Note[]> = {
      typed: lookalike ? [{ code: 'lookalike_letters', params: {} }] : [],
      latin_form: [{ code: 'latin_form', params: {} }],
      lookalike_form: [{ code: 'lookalike_letters', params: {} }],
    };
    hits.add(
      rows(normalised),
      'normalised',
      byKey,
      (r) => viaNotes[viaOf.get(r.designation_key) ?? 'typed'],
      (r) => TIER_SCORE.normalised - (viaOf.get(r.designation_key) === 'lookalike_form' ? 0.01 : 0),
    );
    hits.add(rows(latin), 'normalised', byKey, () => [{ code: 'latin_form', params: {} }]);
    hits.add(rows(base), 'base', byKey, (r) => [{ code: 'suffix_stripped', params: { suffix: suffixOf(r.designation_key, r.designation_base_key) } }]);
    hits.add(rows(family), 'family', byKey, (r) => [{ code: 'variant', params: { query: queryPrefix, found: parseDesignation(r.designation)?.prefix ?? '' } }]);
    hits.add(rows(prefix), 'prefix', byKey);
    hits.add(rows(fulltext), 'fulltext', byKey, () => [{ code: 'text_match', params: {} }]);
    return hits;
  }

  private async foreignHits(q: string) {
    const hits = new HitSet<ForeignHitRow>();
    const keys = foreignPartKeys(q);
    if (!keys.key) return hits;
    const byKey = (r: ForeignHitRow) => r.part_number_key;
    const [normalised, base, family, prefix] = await Promise.all([
      this.repo.foreignIdsWhere('f.part_number_key', [keys.key], TIER_LIMIT),
      this.repo.foreignIdsWhere('f.base_key', [keys.base], TIER_LIMIT),
      keys.family ? this.repo.foreignIdsWhere('f.family_key', [keys.family], TIER_LIMIT) : Promise.resolve([]),
      keys.key.length >= 2 ? this.repo.foreignIdsWithPrefix(keys.key, TIER_LIMIT) : Promise.resolve([]),
    ]);
    const exact = await exactCandidates(normalised, () => this.repo.foreignIdsWhere('f.part_number', [q], TIER_LIMIT));
    const byId = await readRows([normalised, base, family, prefix, exact], (ids) => this.repo.foreignHitRows(ids));
    const rows = (ids: number[]) => rowsOf(byId, ids);
    hits.add(
      rows(exact).filter((r) => r.part_number === q),
      'exact',
      byKey,
    );
    hits.add(rows(normalised), 'normalised', byKey);
    hits.add(rows(base), 'base', byKey, (r) => {
      const found = foreignPartKeys(r.part_number);
      const suffix = found.suffix || keys.suffix;
      return suffix ? [{ code: 'suffix_stripped', params: { suffix } }] : [];
    });
    hits.add(rows(family), 'family', byKey, (r) => familyNotes(keys, foreignPartKeys(r.part_number)));
    hits.add(rows(prefix), 'prefix', byKey);
    return hits;
  }

  private async addFuzzy(q: string, filters: ProductFilters, products: HitSet<ProductHitRow> | null, foreign: HitSet<ForeignHitRow> | null) {
    // designations are judged on the reading that folds Latin letters as a reader of the marking would
    const readings = designationReadings(q);
    const productKey = (readings.find((r) => r.via === 'lookalike_form') ?? readings[0]).keys.key;
    const foreignKey = foreignPartKeys(q).key;
    await Promise.all([
      products && productKey.length >= 3
        ? this.repo.productsSimilar(productKey, filters, FUZZY_CANDIDATES).then((rows) =>
            addSimilar(
              products,
              rows,
              productKey,
              (r) => [r.designation_key, r.designation_latin_key],
              (r) => r.designation,
            ),
          )
        : null,
      foreign && foreignKey.length >= 3
        ? this.repo.foreignSimilar(foreignKey, FUZZY_CANDIDATES).then((rows) =>
            addSimilar(
              foreign,
              rows,
              foreignKey,
              (r) => [r.part_number_key],
              (r) => r.part_number_key,
            ),
          )
        : null,
    ]);
  }

  private async organizationHits(q: string) {
    // a part number (letters with digits) names no organization; digits alone may be an ИНН, УНП or ОГРН
    if (/\d/.test(q) && /\p{L}/u.test(q) && !/\s/.test(q)) return [];
    const rows = await this.repo.organizations(q, TIER_LIMIT);
    const lower = q.toLowerCase();
    return rows
      .map((o) => {
        const tier: Tier =
          [o.inn, o.unp, o.ogrn].includes(q) || o.name.toLowerCase() === lower ? 'exact' : o.name.toLowerCase().startsWith(lower) ? 'prefix' : 'fulltext';
        return { id: o.id, name: o.name, shortName: o.short_name, country: o.country, region: o.region, tier, score: TIER_SCORE[tier] };
      })
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id - b.id);
  }
}

/** Fuzzy hits: candidates kept when a key is similar enough to the query key, scored by that similarity. */
function addSimilar<R extends { id: number }>(hits: HitSet<R>, rows: R[], key: string, keysOf: (r: R) => string[], sortKey: (r: R) => string) {
  const sim = new Map<number, number>();
  for (const r of rows) {
    const s = Math.max(...keysOf(r).map((k) => fuzzySimilarity(key, k)));
    if (s >= FUZZY_THRESHOLD) sim.set(r.id, s);
  }
  hits.add(
    rows.filter((r) => sim.has(r.id)),
    'fuzzy',
    sortKey,
    (r) => [{ code: 'similar', params: { similarity: sim.get(r.id)!.toFixed(2) } }],
    (r) => TIER_SCORE.fuzzy + 0.15 * sim.get(r.id)!,
  );
}

/** Counts of category, country, maker, package and quality level over the best product-type hits. */
function facets(
  rows: ProductHitRow[],
  makerOf: (r: ProductHitRow) => { id: number; name: string; country: string } | null,
  categoryOf: (r: ProductHitRow) => { code: string; nameRu: string; nameBe: string; nameEn: string } | null,
) {
  const count = <K>(values: (K | null | undefined)[]) => {
    const m = new Map<K, number>();
    for (const v of values) if (v !== null && v !== undefined && v !== '') m.set(v, (m.get(v) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  };
  const categoryByCode = new Map(rows.map((r) => categoryOf(r)).flatMap((c) => (c ? [[c.code, c] as const] : [])));
  const makerById = new Map(rows.map((r) => makerOf(r)).flatMap((m) => (m ? [[m.id, m] as const] : [])));
  return {
    category: count(rows.map((r) => categoryOf(r)?.code)).map(([value, n]) => {
      const { nameRu, nameBe, nameEn } = categoryByCode.get(value)!;
      return { value, nameRu, nameBe, nameEn, count: n };
    }),
    country: count(rows.map((r) => makerOf(r)?.country)).map(([value, n]) => ({ value, count: n })),
    maker: count(rows.map((r) => makerOf(r)?.id)).map(([value, n]) => ({ value, label: makerById.get(value)!.name, count: n })),
    package: count(rows.flatMap((r) => parseJsonList(r.packages))).map(([value, n]) => ({ value, count: n })),
    qualityLevel: count(rows.map((r) => r.quality_level)).map(([value, n]) => ({ value, count: n })),
  };
}

/** Counts of the registry statuses, in the order of the statuses (empty ones left out). */
function registryFacet(statuses: RegistryStanding[]) {
  return REGISTRY_STANDINGS.map((value) => ({ value, count: statuses.filter((s) => s === value).length })).filter((f) => f.count > 0);
}

const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v !== null && v !== undefined && v !== ''))];
const round = (n: number) => Math.round(n * 1000) / 1000;
const suffixOf = (key: string, base: string | null) => (base && key.startsWith(base) ? key.slice(base.length) : '');
