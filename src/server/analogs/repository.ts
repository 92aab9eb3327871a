/** SQL for analog links (product type ↔ foreign part). */
import type { Kysely } from 'kysely';
import type { AnalogLinksTable, Database } from '../db/types';
import { offset, type PageRequest } from '../http/pagination';
import type { AnalogListQueryType, AnalogLinkView } from './schema';
import { MAKER_COLUMNS, makerRef } from '../db/refs';

export class AnalogsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom('analog_links as a')
      .innerJoin('product_types as p', 'p.id', 'a.product_type_id')
      .innerJoin('foreign_parts as f', 'f.id', 'a.foreign_part_id')
      .leftJoin('organizations as o', 'o.id', 'p.organization_id')
      .select([
        'a.id',
        'a.type',
        'a.verified',
        'a.verified_by',
        'a.verified_at',
        'a.source',
        'a.note',
        'a.created_at',
        'a.updated_at',
        'p.id as product_id',
        'p.designation',
        'p.designation_latin',
        ...MAKER_COLUMNS,
        'f.id as part_id',
        'f.part_number',
        'f.manufacturer',
      ]);
  }

  async list(q: AnalogListQueryType, page: PageRequest) {
    let query = this.db.selectFrom('analog_links as a');
    if (q.productTypeId) query = query.where('a.product_type_id', '=', q.productTypeId);
    if (q.foreignPartId) query = query.where('a.foreign_part_id', '=', q.foreignPartId);
    if (q.type) query = query.where('a.type', '=', q.type);
    if (q.verified !== undefined) query = query.where('a.verified', '=', Number(q.verified));
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const ids = await query.select('a.id').orderBy('a.id', page.order).limit(page.pageSize).offset(offset(page)).execute();
    const rows = ids.length
      ? await this.select()
          .where(
            'a.id',
            'in',
            ids.map((r) => r.id),
          )
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { items: ids.map((r) => toView(byId.get(r.id)!)), total: Number(total.n) };
  }

  async get(id: number): Promise<AnalogLinkView | undefined> {
    const row = await this.select().where('a.id', '=', id).executeTakeFirst();
    return row ? toView(row) : undefined;
  }

  async insert(values: Omit<AnalogLinksTable, 'id'>): Promise<number> {
    const row = await this.db.insertInto('analog_links').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, values: Partial<Omit<AnalogLinksTable, 'id'>>) {
    await this.db.updateTable('analog_links').set(values).where('id', '=', id).execute();
  }

  async delete(id: number) {
    await this.db.deleteFrom('analog_links').where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('analog_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

type Row = Awaited<ReturnType<ReturnType<AnalogsRepository['select']>['executeTakeFirstOrThrow']>>;

function toView(r: Row): AnalogLinkView {
  return {
    id: r.id,
    type: r.type,
    verified: Boolean(r.verified),
    verifiedBy: r.verified_by,
    verifiedAt: r.verified_at,
    source: r.source,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    productType: {
      id: r.product_id,
      designation: r.designation,
      designationLatin: r.designation_latin,
      maker: makerRef(r),
    },
    foreignPart: { id: r.part_id, partNumber: r.part_number, manufacturer: r.manufacturer },
  };
}
