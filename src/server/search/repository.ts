/**
 * SQL of the search tiers. Equality tiers are plain indexed lookups on both databases; prefix ranges,
 * trigram candidates and full-text matching differ, so each database has a small implementation of those.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/types';
import type { DialectName } from '../db/client';
import type { ParamFilter } from '../../domain/parametric';
import { CATEGORY_COLUMNS, MAKER_COLUMNS, type MakerColumns } from '../db/refs';
import type { RegistryState } from '../db/types';
import type { RegistryStanding, StoredRecord } from '../../domain/matching-registry';
import { statusCondition } from '../registry/repository';

type RecordEb = Parameters<typeof statusCondition>[0];

type AnalogByKeyRow = {
  match_key: string;
  foreign_id: number;
  part_number: string;
  id: number;
  type: 'full' | 'functional' | 'partial';
  verified: number;
  product_id: number;
  designation: string;
  designation_latin: string;
  category_code: string | null;
} & MakerColumns;
const REGISTRY_CHUNK = 500;

export interface ProductFilters {
  categoryIds?: number[] | null;
  country?: string;
  maker?: number;
  package?: string;
  qualityLevel?: string;
  params?: ParamFilter[];
  /** Listed in the registry with this status on the date. */
  registryStatus?: { status: RegistryStanding; date: string };
}

type ProductEb = ExpressionBuilder<Database & { p: Database['product_types']; o: Database['organizations'] }, 'p' | 'o'>;
type ProductKeyColumn = 'p.designation' | 'p.designation_key' | 'p.designation_latin_key' | 'p.designation_base_key' | 'p.designation_family_key';
type ForeignKeyColumn = 'f.part_number' | 'f.part_number_key' | 'f.base_key' | 'f.family_key';

/** A product type's keys: what the matching tiers read. */
export interface ProductKeyRow {
  id: number;
  designation: string;
  designation_key: string;
  designation_latin_key: string;
  designation_base_key: string | null;
  designation_family_key: string | null;
}

/** A product type found by a search tier: its keys and what the facets count. */
export interface ProductHitRow extends ProductKeyRow {
  packages: string | null;
  quality_level: string | null;
  organization_id: number | null;
  category_id: number | null;
}

/** A foreign part found by a search tier, with what a result shows of it. */
export interface ForeignHitRow {
  id: number;
  part_number: string;
  part_number_key: string;
  base_key: string | null;
  family_key: string | null;
  manufacturer: string | null;
  description: string | null;
}

/** A domestic analog of a shown foreign part, with its product type's maker and category ids. */
export interface AnalogRow {
  id: number;
  foreign_part_id: number;
  type: 'full' | 'functional' | 'partial';
  verified: number;
  product_id: number;
  designation: string;
  designation_latin: string;
  designation_key: string;
  organization_id: number | null;
  category_id: number | null;
}

/** What differs between SQLite and PostgreSQL. */
interface SearchDialect {
  /** column starts with prefix, using an index (binary order in SQLite, "C" collation index in PostgreSQL). */
  startsWith(column: string, prefix: string): Expression<SqlBool>;
  /** The column in the order of that index (so that a prefix range is also read in order). */
  binaryOrder(column: string): Expression<string>;
  /** Ids (lowest first) of rows whose key contains `key` as a substring (three characters or more). */
  substringCandidates(db: Kysely<Database>, table: 'product' | 'foreign', key: string, limit: number): Promise<number[]>;
}

/** Upper bound of a prefix range: the prefix with its last character incremented. */
const nextPrefix = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

const ftsPhrase = (token: string) => `"${token.replace(/"/g, '""')}"`;

const sqliteDialect: SearchDialect = {
  startsWith: (column, prefix) => sql<SqlBool>`(${sql.ref(column)} >= ${prefix} AND ${sql.ref(column)} < ${nextPrefix(prefix)})`,
  binaryOrder: (column) => sql<string>`${sql.ref(column)}`,

  async substringCandidates(db, table, key, limit) {
    if (key.length < 3) return [];
    const fts = sql.table(table === 'product' ? 'product_keys_trgm' : 'foreign_keys_trgm');
    const rows = await sql<{ id: number }>`SELECT rowid AS id FROM ${fts} WHERE ${fts} MATCH ${ftsPhrase(key)} ORDER BY rowid LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => r.id);
  },
};

const postgresDialect: SearchDialect = {
  startsWith: (column, prefix) => sql<SqlBool>`(${sql.ref(column)} COLLATE "C" >= ${prefix} AND ${sql.ref(column)} COLLATE "C" < ${nextPrefix(prefix)})`,
  binaryOrder: (column) => sql<string>`${sql.ref(column)} COLLATE "C"`,

  async substringCandidates(db, table, key, limit) {
    if (key.length < 3) return [];
    const pattern = `%${key.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    const rows =
      table === 'product'
        ? await sql<{ id: number }>`SELECT id FROM product_types WHERE designation_key LIKE ${pattern} ORDER BY id LIMIT ${limit}`.execute(db)
        : await sql<{ id: number }>`SELECT id FROM foreign_parts WHERE part_number_key LIKE ${pattern} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => r.id);
  },
};

/** Condition (PostgreSQL): the product's stemmed text contains every stem. */
const pgMatchesStems = (stems: string[]) =>
  sql<SqlBool>`to_tsvector('simple', coalesce(p.search_stems, '')) @@ to_tsquery('simple', ${stems.map((s) => `'${s.replace(/'/g, "''")}'`).join(' & ')})`;

/** Whether any filter narrows the product types. */
export const hasFilters = (f: ProductFilters) =>
  Boolean(f.categoryIds || f.country || f.maker || f.qualityLevel || f.package || f.params?.length || f.registryStatus);

/** Key columns many product types share (a base designation, a family). */
const SHARED_KEYS = new Set<ProductKeyColumn>(['p.designation_base_key', 'p.designation_family_key']);

const PARAM_NAME_KEY = sql`lower(replace(replace(replace(replace(pp.name, '_', ''), ' ', ''), '-', ''), '.', ''))`;

export class SearchRepository {
  private readonly dialect: SearchDialect;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialectName: DialectName,
  ) {
    this.dialect = dialectName === 'postgres' ? postgresDialect : sqliteDialect;
  }

  /**
   * Ids of the product types that pass the filters. The tiers select ids alone, read from the index that orders
   * them when no filter needs the row; the rows of all tiers' ids are read once (`productHitRows`), as the tiers
   * find mostly the same product types.
   */
  private products(filters: ProductFilters) {
    let q = this.db.selectFrom('product_types as p').leftJoin('organizations as o', 'o.id', 'p.organization_id').select('p.id');
    if (filters.categoryIds) q = q.where('p.category_id', 'in', filters.categoryIds.length ? filters.categoryIds : [-1]);
    if (filters.country) q = q.where('o.country', '=', filters.country);
    if (filters.maker) q = q.where('p.organization_id', '=', filters.maker);
    if (filters.qualityLevel) q = q.where('p.quality_level', '=', filters.qualityLevel as 'commercial');
    if (filters.package) q = q.where('p.packages', 'like', `%${JSON.stringify(filters.package)}%`);
    for (const f of filters.params ?? []) q = q.where((eb) => this.paramCondition(eb, f));
    if (filters.registryStatus) {
      const { status, date } = filters.registryStatus;
      q = q.where((eb) => this.registryCondition(eb, status, date));
    }
    return q;
  }

  private paramCondition(eb: ProductEb, f: ParamFilter) {
    const high = sql`coalesce(pp.max, pp.typ, pp.min)`;
    const low = sql`coalesce(pp.min, pp.typ, pp.max)`;
    const value = f.value;
    const compare =
      f.op === '>='
        ? sql`${high} >= ${value}`
        : f.op === '>'
          ? sql`${high} > ${value}`
          : f.op === '<='
            ? sql`${low} <= ${value}`
            : f.op === '<'
              ? sql`${low} < ${value}`
              : sql`(${low} <= ${value} AND ${high} >= ${value})`;
    const unit = f.unit ? sql` AND pp.unit = ${f.unit}` : sql``;
    return eb.exists(sql`(SELECT 1 FROM product_parameters pp WHERE pp.product_type_id = p.id AND ${PARAM_NAME_KEY} = ${f.nameKey}${unit} AND ${compare})`);
  }

  /** The rows of product types found by the tiers. */
  productHitRows(ids: number[]): Promise<ProductHitRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .selectFrom('product_types')
      .select([
        'id',
        'designation',
        'designation_key',
        'designation_latin_key',
        'designation_base_key',
        'designation_family_key',
        'packages',
        'quality_level',
        'organization_id',
        'category_id',
      ])
      .where('id', 'in', ids)
      .execute();
  }

  /**
   * Product types whose `column` is one of `values`, the first `limit` in index order: by the column itself (hundreds
   * of makers may list one designation: sorting them by another column would read them all), by designation key
   * within a shared base or family key — one key at a time, as thousands of product types may share one (IN over
   * several keys would sort every member of each).
   */
  async productIdsWhere(column: ProductKeyColumn, values: string[], filters: ProductFilters, limit: number): Promise<number[]> {
    if (!values.length) return [];
    const shared = SHARED_KEYS.has(column);
    const query = (keys: string[]) =>
      this.products(filters)
        .where(column, 'in', keys)
        .orderBy(shared ? 'p.designation_key' : column)
        .orderBy('p.id')
        .limit(limit)
        .execute();
    const lists = await Promise.all(shared ? values.map((v) => query([v])) : [query(values)]);
    return lists.flat().map((r) => r.id);
  }

  /**
   * Product types whose designation key or Latin key starts with one of the prefixes: the first `limit` of each
   * range in the order of its own index (one range at a time, so each is read in order and stops at `limit`; an OR
   * of the ranges would read and sort every match, thousands for a short prefix).
   */
  async productIdsWithPrefix(prefixes: string[], filters: ProductFilters, limit: number): Promise<number[]> {
    const range = (column: 'p.designation_key' | 'p.designation_latin_key', prefix: string) =>
      this.products(filters).where(this.dialect.startsWith(column, prefix)).orderBy(this.dialect.binaryOrder(column)).orderBy('p.id').limit(limit).execute();
    const lists = await Promise.all(prefixes.flatMap((prefix) => [range('p.designation_key', prefix), range('p.designation_latin_key', prefix)]));
    return lists.flat().map((r) => r.id);
  }

  /**
   * Candidates for a typo: products whose key contains the query key, its first half or its second half (a single
   * typo leaves one half intact). The caller re-scores them by trigram similarity.
   */
  async productsSimilar(key: string, filters: ProductFilters, candidates: number): Promise<ProductHitRow[]> {
    const ids = await this.typoCandidates('product', key, candidates);
    const passing = ids.length && hasFilters(filters) ? (await this.products(filters).where('p.id', 'in', ids).execute()).map((r) => r.id) : ids;
    return this.productHitRows(passing);
  }

  async productIdsWithStems(stems: string[], filters: ProductFilters, limit: number): Promise<number[]> {
    if (!stems.length) return [];
    const rows =
      this.dialectName === 'sqlite'
        ? // driven by the full-text index in rowid order: the first `limit` matches that pass the filters, without
          // collecting every match first (a common word matches a tenth of the catalogue)
          await this.products(filters)
            .innerJoin(sql<{ rowid: number }>`product_types_fts`.as('fts'), (join) => join.onRef('fts.rowid', '=', 'p.id'))
            .where(sql<SqlBool>`fts.product_types_fts MATCH ${stems.map(ftsPhrase).join(' AND ')}`)
            .orderBy('fts.rowid')
            .limit(limit)
            .execute()
        : await this.products(filters).where(pgMatchesStems(stems)).orderBy('p.id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** Products that satisfy the filters alone (parametric or facet browsing without a text query), lowest id first. */
  async productsFiltered(filters: ProductFilters, limit: number): Promise<ProductHitRow[]> {
    const ids = (await this.products(filters).orderBy('p.id').limit(limit).execute()).map((r) => r.id);
    const byId = new Map((await this.productHitRows(ids)).map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The rows of foreign parts found by the tiers. */
  foreignHitRows(ids: number[]): Promise<ForeignHitRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .selectFrom('foreign_parts')
      .select(['id', 'part_number', 'part_number_key', 'base_key', 'family_key', 'manufacturer', 'description'])
      .where('id', 'in', ids)
      .execute();
  }

  /** Foreign parts whose `column` is one of `values`, the first `limit` by key (an index range without a row read). */
  async foreignIdsWhere(column: ForeignKeyColumn, values: string[], limit: number): Promise<number[]> {
    if (!values.length) return [];
    const rows = await this.db
      .selectFrom('foreign_parts as f')
      .select('f.id')
      .where(column, 'in', values)
      .orderBy('f.part_number_key')
      .orderBy('f.id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Domestic analogs of the foreign parts whose `column` is one of `values`: the best `perKey` for each value
   * (full before functional before partial, verified first), with the foreign part that carries the link.
   */
  async analogsByForeignKeys(column: 'part_number' | 'part_number_key' | 'base_key' | 'family_key', values: string[], perKey: number) {
    if (!values.length) return [];
    if (column === 'base_key' || column === 'family_key') return this.analogsByLinkKeys(column, values, perKey);
    const col = sql.ref(`f.${column}`);
    const rows = await sql<AnalogByKeyRow>`
      SELECT r.*, o.id AS maker_id, o.name AS maker_name, o.country AS maker_country, c.code AS category_code FROM (
        SELECT ${col} AS match_key, f.id AS foreign_id, f.part_number, a.id, a.type, a.verified,
               p.id AS product_id, p.designation, p.designation_latin, p.organization_id, p.category_id,
               ROW_NUMBER() OVER (
                 PARTITION BY ${col}
                 ORDER BY CASE a.type WHEN 'full' THEN 0 WHEN 'functional' THEN 1 ELSE 2 END, a.verified DESC, p.designation, a.id
               ) AS rn
        FROM foreign_parts f
        JOIN analog_links a ON a.foreign_part_id = f.id
        JOIN product_types p ON p.id = a.product_type_id
        WHERE ${col} IN (${sql.join(values)})
      ) r
      LEFT JOIN organizations o ON o.id = r.organization_id
      LEFT JOIN categories c ON c.id = r.category_id
      WHERE r.rn <= ${perKey}`.execute(this.db);
    return rows.rows;
  }

  /**
   * The same for base and family keys, which thousands of foreign parts may share: the links carry these keys
   * (migration 2026120301), so the best `perKey` links of each key are an index range of the rank index
   * (type, verified first, id) instead of a sort of every link under the key.
   */
  private async analogsByLinkKeys(column: 'base_key' | 'family_key', values: string[], perKey: number) {
    const col = sql.ref(`a2.${column}`);
    const rows = await sql<AnalogByKeyRow>`
      WITH keys(k) AS (VALUES ${sql.join(values.map((v) => sql`(${v})`))})
      SELECT keys.k AS match_key, f.id AS foreign_id, f.part_number, a.id, a.type, a.verified,
             p.id AS product_id, p.designation, p.designation_latin,
             o.id AS maker_id, o.name AS maker_name, o.country AS maker_country, c.code AS category_code
      FROM keys
      JOIN analog_links a ON a.id IN (SELECT a2.id FROM analog_links a2 WHERE ${col} = keys.k ORDER BY a2.type, a2.verified DESC, a2.id LIMIT ${perKey})
      JOIN foreign_parts f ON f.id = a.foreign_part_id
      JOIN product_types p ON p.id = a.product_type_id
      LEFT JOIN organizations o ON o.id = p.organization_id
      LEFT JOIN categories c ON c.id = p.category_id`.execute(this.db);
    return rows.rows;
  }

  /** Product types whose `column` is one of `values`, at most `perKey` for each value. */
  async productsByKeys(
    column: 'designation_key' | 'designation_latin_key' | 'designation_base_key' | 'designation_family_key',
    values: string[],
    perKey: number,
  ): Promise<ProductKeyRow[]> {
    if (!values.length) return [];
    const col = sql.ref(column);
    const rows = await sql<ProductKeyRow>`
      SELECT id, designation, designation_key, designation_latin_key, designation_base_key, designation_family_key FROM (
        SELECT p.*, ROW_NUMBER() OVER (PARTITION BY ${col} ORDER BY designation, id) AS rn
        FROM product_types p WHERE ${col} IN (${sql.join(values)})
      ) ranked WHERE rn <= ${perKey}`.execute(this.db);
    return rows.rows;
  }

  async foreignIdsWithPrefix(prefix: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('foreign_parts as f')
      .select('f.id')
      .where(this.dialect.startsWith('f.part_number_key', prefix))
      .orderBy(this.dialect.binaryOrder('f.part_number_key'))
      .orderBy('f.id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async foreignSimilar(key: string, candidates: number): Promise<ForeignHitRow[]> {
    return this.foreignHitRows(await this.typoCandidates('foreign', key, candidates));
  }

  /**
   * Ids of rows whose key contains the query key, its first half or its second half (each of three characters or
   * more), up to `limit` of each. A key that contains the whole query key contains each half, so when a half's
   * rows were not cut at `limit` they hold all of those already, and the whole key is not looked up — a substring
   * search that finds nothing reads every row that has its (often common) trigrams, milliseconds at 1M.
   */
  private async typoCandidates(table: 'product' | 'foreign', key: string, limit: number): Promise<number[]> {
    const half = Math.ceil(key.length / 2);
    const halves = [...new Set([key.slice(0, half), key.slice(half)])].filter((f) => f.length >= 3);
    const lists = await Promise.all(halves.map((f) => this.dialect.substringCandidates(this.db, table, f, limit)));
    if (!lists.some((ids) => ids.length < limit)) lists.push(await this.dialect.substringCandidates(this.db, table, key, limit));
    return [...new Set(lists.flat())];
  }

  /**
   * The best `perPart` domestic analogs of each foreign part (full before functional before partial, verified
   * first, then the oldest link), with the product type's maker and category ids, and how many links each part has.
   * Links are read from analog_links_foreign_rank alone (it holds the product type): after an index-only count,
   * the parts with at most `perPart` links in one statement, the few with more one LIMITed range each (some
   * parts have thousands); then only the product types shown. (One statement of a LIMITed sub-select per part,
   * UNION ALL, cost about twice as much at 1M product types.)
   */
  async analogsOf(foreignIds: number[], perPart: number): Promise<{ analogs: AnalogRow[]; counts: Map<number, number> }> {
    const counts = await this.analogCounts(foreignIds);
    const few = foreignIds.filter((id) => counts.has(id) && counts.get(id)! <= perPart);
    const many = foreignIds.filter((id) => (counts.get(id) ?? 0) > perPart);
    const links = this.db
      .selectFrom('analog_links')
      .select(['id', 'foreign_part_id', 'type', 'verified', 'product_type_id'])
      .orderBy('foreign_part_id')
      .orderBy('type')
      .orderBy('verified', 'desc')
      .orderBy('id');
    const best = (
      await Promise.all([
        few.length ? links.where('foreign_part_id', 'in', few).execute() : [],
        ...many.map((id) => links.where('foreign_part_id', '=', id).limit(perPart).execute()),
      ])
    ).flat();
    if (!best.length) return { analogs: [], counts };
    const products = await this.db
      .selectFrom('product_types')
      .select(['id', 'designation', 'designation_latin', 'designation_key', 'organization_id', 'category_id'])
      .where('id', 'in', [...new Set(best.map((l) => l.product_type_id))])
      .execute();
    const productById = new Map(products.map((p) => [p.id, p]));
    const analogs: AnalogRow[] = [];
    for (const link of best) {
      const p = productById.get(link.product_type_id);
      if (!p) continue;
      const { id: productId, ...product } = p;
      analogs.push({ id: link.id, foreign_part_id: link.foreign_part_id, type: link.type, verified: Number(link.verified), product_id: productId, ...product });
    }
    return { analogs, counts };
  }

  /** How many analog links each foreign part has (an index-only count); parts without links are left out. */
  private async analogCounts(foreignIds: number[]): Promise<Map<number, number>> {
    if (!foreignIds.length) return new Map();
    const rows = await this.db
      .selectFrom('analog_links')
      .select(['foreign_part_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('foreign_part_id', 'in', foreignIds)
      .groupBy('foreign_part_id')
      .execute();
    return new Map(rows.map((r) => [r.foreign_part_id, Number(r.n)]));
  }

  /** Designation, Latin form, maker and category of product types (BOM candidates, analogs in search results). */
  productDetails(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .selectFrom('product_types as p')
      .leftJoin('organizations as o', 'o.id', 'p.organization_id')
      .leftJoin('categories as c', 'c.id', 'p.category_id')
      .select(['p.id', 'p.designation', 'p.designation_latin', 'p.designation_key', ...MAKER_COLUMNS, ...CATEGORY_COLUMNS])
      .where('p.id', 'in', ids)
      .execute();
  }

  /** Makers (organizations) by id: what facets and analogs name. */
  makers(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('organizations').select(['id', 'name', 'country']).where('id', 'in', ids).execute();
  }

  /** Categories by id: what facets and analogs name. */
  categoriesById(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('categories').select(['id', 'code', 'name_ru', 'name_be', 'name_en']).where('id', 'in', ids).execute();
  }

  /**
   * Registry records (included ones: others have no status) that list the given product types, with their
   * validity periods and suspensions, grouped by product type. Read-only over the registry's tables.
   */
  async registryRecords(productIds: number[]): Promise<Map<number, StoredRecord[]>> {
    const out = new Map<number, StoredRecord[]>();
    if (!productIds.length) return out;
    const links: { product_type_id: number; record_id: number; number: string | null; country: string; state: RegistryState; end_date: string | null }[] = [];
    for (let i = 0; i < productIds.length; i += REGISTRY_CHUNK)
      links.push(
        ...(await this.db
          .selectFrom('registry_record_products as rp')
          .innerJoin('registry_records as r', 'r.id', 'rp.record_id')
          .select(['rp.product_type_id', 'rp.record_id', 'r.number', 'r.country', 'r.state', 'r.end_date'])
          .where('rp.product_type_id', 'in', productIds.slice(i, i + REGISTRY_CHUNK))
          .where('r.state', '=', 'included')
          .execute()),
      );
    if (!links.length) return out;
    const recordIds = [...new Set(links.map((l) => l.record_id))];
    const records = new Map<number, StoredRecord>();
    for (const l of links)
      if (!records.has(l.record_id))
        records.set(l.record_id, {
          recordId: l.record_id,
          number: l.number,
          country: l.country,
          state: l.state,
          endDate: l.end_date,
          periods: [],
          suspensions: [],
        });
    for (let i = 0; i < recordIds.length; i += REGISTRY_CHUNK) {
      const chunk = recordIds.slice(i, i + REGISTRY_CHUNK);
      const [periods, suspensions] = await Promise.all([
        this.db.selectFrom('registry_periods').select(['record_id', 'valid_from', 'valid_till']).where('record_id', 'in', chunk).execute(),
        this.db.selectFrom('registry_suspensions').select(['record_id', 'from_date', 'till_date']).where('record_id', 'in', chunk).execute(),
      ]);
      for (const p of periods) records.get(p.record_id)!.periods.push({ validFrom: p.valid_from, validTill: p.valid_till });
      for (const x of suspensions) records.get(x.record_id)!.suspensions.push({ from: x.from_date, till: x.till_date });
    }
    for (const l of links) {
      const list = out.get(l.product_type_id) ?? [];
      list.push(records.get(l.record_id)!);
      out.set(l.product_type_id, list);
    }
    return out;
  }

  /**
   * Condition: the product type is listed by an included registry record with this status on `date`
   * (`not_in_registry`: by none that has begun). A product type with several records may match more than one
   * status; the service keeps the hits whose best status is the one asked for.
   */
  private registryCondition(eb: ProductEb, status: RegistryStanding, date: string) {
    const listed = (condition: (rb: RecordEb) => Expression<SqlBool>) =>
      eb.exists(
        eb
          .selectFrom('registry_record_products as rp')
          .innerJoin('registry_records', 'registry_records.id', 'rp.record_id')
          .select('rp.record_id')
          .whereRef('rp.product_type_id', '=', 'p.id')
          .where('registry_records.state', '=', 'included')
          .where((rb) => condition(rb as unknown as RecordEb)),
      );
    if (status === 'not_in_registry') return eb.not(listed((rb) => eb.not(statusCondition(rb, 'not_in_registry', date))));
    return listed((rb) => statusCondition(rb, status, date));
  }

  /** Organizations by ИНН/УНП/ОГРН (exact) or name (contains, any case). */
  organizations(text: string, limit: number) {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    return this.db
      .selectFrom('organizations')
      .select(['id', 'name', 'short_name', 'country', 'region', 'inn', 'unp', 'ogrn'])
      .where((eb) =>
        eb.or([
          eb('inn', '=', text),
          eb('unp', '=', text),
          eb('ogrn', '=', text),
          eb(sql`lower(name)`, 'like', sql<string>`${pattern} escape '\\'`),
          eb(sql`lower(coalesce(short_name, ''))`, 'like', sql<string>`${pattern} escape '\\'`),
        ]),
      )
      .orderBy('name')
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
