/** SQL for product types (типономиналы), their parameters and their foreign analogs. */
import { sql, type Kysely, type Insertable } from 'kysely';
import type { Database, ProductParametersTable, ProductTypesTable } from '../db/types';
import type { DialectName } from '../db/client';
import { CATEGORY_COLUMNS, categoryRef, MAKER_COLUMNS, makerRef, type CategoryColumns, type MakerColumns } from '../db/refs';
import { containsPattern, parseJsonList } from '../db/sql-helpers';
import { offset, type PageRequest } from '../http/pagination';
import type { ParameterView, ProductTypeDetail, ProductTypeListQueryType, ProductTypeSummary } from './schema';
import { designationKey } from '../../domain/designation';

type NewParameter = Omit<Insertable<ProductParametersTable>, 'product_type_id'>;
type ProductColumns = Omit<Insertable<ProductTypesTable>, 'created_at' | 'updated_at'>;

export class ProductTypesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  private summarySelect() {
    return this.db
      .selectFrom('product_types as p')
      .leftJoin('categories as c', 'c.id', 'p.category_id')
      .leftJoin('organizations as o', 'o.id', 'p.organization_id')
      .select([
        'p.id',
        'p.designation',
        'p.designation_latin',
        'p.designation_key',
        'p.function_ru',
        'p.function_en',
        'p.function_derived',
        'p.status',
        'p.quality_level',
        'p.updated_at',
        ...CATEGORY_COLUMNS,
        ...MAKER_COLUMNS,
      ])
      .select((eb) =>
        eb.selectFrom('analog_links as a').whereRef('a.product_type_id', '=', 'p.id').select(eb.fn.countAll<number>().as('n')).as('analog_count'),
      );
  }

  private filtered(q: ProductTypeListQueryType, categoryIds: number[] | null) {
    let query = this.db.selectFrom('product_types as p').leftJoin('organizations as o', 'o.id', 'p.organization_id');
    if (q.q?.trim()) {
      const key = containsPattern(designationKey(q.q));
      const text = containsPattern(q.q.trim().toLowerCase());
      query = query.where((eb) =>
        eb.or([
          eb('p.designation_key', 'like', sql<string>`${key} escape '\\'`),
          eb('p.designation_latin_key', 'like', sql<string>`${key} escape '\\'`),
          eb(sql`lower(coalesce(p.function_ru, ''))`, 'like', sql`${text} escape '\\'`),
          eb(sql`lower(coalesce(p.function_en, ''))`, 'like', sql`${text} escape '\\'`),
        ]),
      );
    }
    if (categoryIds) query = query.where('p.category_id', 'in', categoryIds.length ? categoryIds : [-1]);
    if (q.maker) query = query.where('p.organization_id', '=', q.maker);
    if (q.country) query = query.where('o.country', '=', q.country);
    if (q.status) query = query.where('p.status', '=', q.status);
    if (q.qualityLevel) query = query.where('p.quality_level', '=', q.qualityLevel);
    if (q.hasAnalogs !== undefined) {
      query = query.where((eb) => {
        const exists = eb.exists(eb.selectFrom('analog_links as a').select('a.id').whereRef('a.product_type_id', '=', 'p.id'));
        return q.hasAnalogs ? exists : eb.not(exists);
      });
    }
    return query;
  }

  async list(q: ProductTypeListQueryType, page: PageRequest, categoryIds: number[] | null) {
    const base = this.filtered(q, categoryIds);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // designations sort by code point on both databases (PostgreSQL's locale collation would differ from SQLite)
    const byDesignation = this.dialect === 'postgres' ? sql<string>`p.designation COLLATE "C"` : sql<string>`p.designation`;
    const sortColumn = q.sort === 'updatedAt' ? sql<string>`p.updated_at` : q.sort === 'createdAt' ? sql<string>`p.created_at` : byDesignation;
    const ids = await base.select('p.id').orderBy(sortColumn, page.order).orderBy('p.id', page.order).limit(page.pageSize).offset(offset(page)).execute();
    return { items: await this.summaries(ids.map((r) => r.id)), total: Number(total.n) };
  }

  /** Summaries of the given product types, in the order of `ids`. */
  async summaries(ids: number[]): Promise<ProductTypeSummary[]> {
    if (!ids.length) return [];
    const rows = await this.summarySelect().where('p.id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.filter((id) => byId.has(id)).map((id) => toSummary(byId.get(id)!));
  }

  async get(id: number): Promise<ProductTypeDetail | undefined> {
    const row = await this.summarySelect()
      .select(['p.packages', 'p.standards', 'p.okpd2', 'p.tnved', 'p.description', 'p.source', 'p.created_at'])
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const [parameters, analogs] = await Promise.all([
      this.db.selectFrom('product_parameters').select(['name', 'min', 'typ', 'max', 'unit', 'text']).where('product_type_id', '=', id).orderBy('id').execute(),
      this.db
        .selectFrom('analog_links as a')
        .innerJoin('foreign_parts as f', 'f.id', 'a.foreign_part_id')
        .select(['a.id', 'a.type', 'a.verified', 'a.verified_at', 'a.source', 'a.note', 'f.id as part_id', 'f.part_number', 'f.manufacturer'])
        .where('a.product_type_id', '=', id)
        .orderBy('f.part_number_key')
        .orderBy('a.id')
        .execute(),
    ]);
    return {
      ...toSummary(row),
      designationKey: row.designation_key,
      packages: parseJsonList(row.packages),
      standards: parseJsonList(row.standards),
      okpd2: row.okpd2,
      tnved: row.tnved,
      description: row.description,
      source: row.source,
      createdAt: row.created_at,
      parameters: parameters as ParameterView[],
      analogs: analogs.map((a) => ({
        id: a.id,
        type: a.type,
        verified: Boolean(a.verified),
        verifiedAt: a.verified_at,
        source: a.source,
        note: a.note,
        foreignPart: { id: a.part_id, partNumber: a.part_number, manufacturer: a.manufacturer },
      })),
    };
  }

  findOwnership(id: number) {
    return this.db
      .selectFrom('product_types as p')
      .leftJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.organization_id', 'o.country as maker_country'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  }

  /** Inserts a product type with its parameters in one transaction; returns the new id. */
  async insert(columns: ProductColumns, parameters: NewParameter[], now: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('product_types')
        .values({ ...columns, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (parameters.length)
        await trx
          .insertInto('product_parameters')
          .values(parameters.map((p) => ({ ...p, product_type_id: row.id })))
          .execute();
      return row.id;
    });
  }

  /** Updates columns and, when given, replaces the parameters, in one transaction. */
  async update(id: number, columns: Partial<ProductColumns>, parameters: NewParameter[] | undefined, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('product_types')
        .set({ ...columns, updated_at: now })
        .where('id', '=', id)
        .execute();
      if (parameters) {
        await trx.deleteFrom('product_parameters').where('product_type_id', '=', id).execute();
        if (parameters.length)
          await trx
            .insertInto('product_parameters')
            .values(parameters.map((p) => ({ ...p, product_type_id: id })))
            .execute();
      }
    });
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('product_types').where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('product_types')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

interface SummaryRow extends MakerColumns, CategoryColumns {
  id: number;
  designation: string;
  designation_latin: string;
  function_ru: string | null;
  function_en: string | null;
  function_derived: number;
  status: string | null;
  quality_level: string | null;
  updated_at: string;
  analog_count: number | null;
}

function toSummary(r: SummaryRow): ProductTypeSummary {
  return {
    id: r.id,
    designation: r.designation,
    designationLatin: r.designation_latin,
    category: categoryRef(r),
    functionRu: r.function_ru,
    functionEn: r.function_en,
    functionDerived: Boolean(r.function_derived),
    status: r.status,
    qualityLevel: r.quality_level,
    maker: makerRef(r),
    analogCount: Number(r.analog_count ?? 0),
    updatedAt: r.updated_at,
  };
}
