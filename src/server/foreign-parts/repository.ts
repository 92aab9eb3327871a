/** SQL for foreign (imported) parts and their domestic analogs. */
import { sql, type Kysely } from 'kysely';
import type { Database, ForeignPartRow } from '../db/types';
import { containsPattern } from '../db/sql-helpers';
import { offset, type PageRequest } from '../http/pagination';
import { manufacturerKey, partNumberKey } from '../../domain/part-number';
import type { ForeignPartDetail, ForeignPartListQueryType } from './schema';
import { foreignPartColumns } from '../search/columns';
import { CATEGORY_COLUMNS, categoryRef, MAKER_COLUMNS, makerRef } from '../db/refs';

const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

export class ForeignPartsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(q: ForeignPartListQueryType, page: PageRequest) {
    let query = this.db.selectFrom('foreign_parts as f');
    if (q.q?.trim()) {
      const key = containsPattern(partNumberKey(q.q));
      const text = containsPattern(q.q.trim().toLowerCase());
      query = query.where((eb) =>
        eb.or([
          eb('f.part_number_key', 'like', sql<string>`${key} escape '\\'`),
          eb(sql`lower(coalesce(f.description, ''))`, 'like', sql`${text} escape '\\'`),
        ]),
      );
    }
    if (q.manufacturer) query = query.where('f.manufacturer_key', '=', manufacturerKey(q.manufacturer));
    if (q.hasAnalogs !== undefined) {
      query = query.where((eb) => {
        const exists = eb.exists(eb.selectFrom('analog_links as a').select('a.id').whereRef('a.foreign_part_id', '=', 'f.id'));
        return q.hasAnalogs ? exists : eb.not(exists);
      });
    }
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const sortColumn = q.sort === 'updatedAt' ? 'f.updated_at' : 'f.part_number_key';
    const rows = await query
      .select(['f.id', 'f.part_number', 'f.manufacturer', 'f.description'])
      .select((eb) => eb.selectFrom('analog_links as a').whereRef('a.foreign_part_id', '=', 'f.id').select(eb.fn.countAll<number>().as('n')).as('analog_count'))
      .orderBy(sortColumn, page.order)
      .orderBy('f.id', page.order)
      .limit(page.pageSize)
      .offset(offset(page))
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        partNumber: r.part_number,
        manufacturer: r.manufacturer,
        description: r.description,
        analogCount: Number(r.analog_count ?? 0),
      })),
      total: Number(total.n),
    };
  }

  findRow(id: number): Promise<ForeignPartRow | undefined> {
    return this.db.selectFrom('foreign_parts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIdentity(partNumber: string, manufacturer: string | null | undefined) {
    return this.db
      .selectFrom('foreign_parts')
      .selectAll()
      .where('part_number', '=', partNumber.trim())
      .where('manufacturer_key', '=', manufacturerKey(manufacturer))
      .executeTakeFirst();
  }

  async get(id: number): Promise<ForeignPartDetail | undefined> {
    const part = await this.findRow(id);
    if (!part) return undefined;
    const analogs = await this.db
      .selectFrom('analog_links as a')
      .innerJoin('product_types as p', 'p.id', 'a.product_type_id')
      .leftJoin('categories as c', 'c.id', 'p.category_id')
      .leftJoin('organizations as o', 'o.id', 'p.organization_id')
      .select([
        'a.id',
        'a.type',
        'a.verified',
        'a.verified_at',
        'a.source',
        'a.note',
        'p.id as product_id',
        'p.designation',
        'p.designation_latin',
        ...CATEGORY_COLUMNS,
        ...MAKER_COLUMNS,
      ])
      .where('a.foreign_part_id', '=', id)
      .orderBy('p.designation_key')
      .orderBy('a.id')
      .execute();
    return {
      id: part.id,
      partNumber: part.part_number,
      partNumberKey: part.part_number_key,
      manufacturer: part.manufacturer,
      description: part.description,
      analogs: analogs.map((a) => ({
        id: a.id,
        type: a.type,
        verified: Boolean(a.verified),
        verifiedAt: a.verified_at,
        source: a.source,
        note: a.note,
        productType: {
          id: a.product_id,
          designation: a.designation,
          designationLatin: a.designation_latin,
          category: categoryRef(a),
          maker: makerRef(a),
        },
      })),
    };
  }

  async insert(input: { partNumber: string; manufacturer?: string | null; description?: string | null }, now: string): Promise<number> {
    const row = await this.db
      .insertInto('foreign_parts')
      .values({
        ...foreignPartColumns(input.partNumber, input.manufacturer),
        description: input.description ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, input: { partNumber?: string; manufacturer?: string | null; description?: string | null }, now: string) {
    await this.db
      .updateTable('foreign_parts')
      .set({
        ...(input.partNumber === undefined
          ? {}
          : pick(foreignPartColumns(input.partNumber, null), ['part_number', 'part_number_key', 'base_key', 'family_key'])),
        ...(input.manufacturer === undefined ? {} : pick(foreignPartColumns('', input.manufacturer), ['manufacturer', 'manufacturer_key'])),
        description: input.description,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: number) {
    await this.db.deleteFrom('foreign_parts').where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('foreign_parts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
