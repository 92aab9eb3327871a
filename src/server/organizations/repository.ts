/** SQL for organizations (makers, buyers, any enterprise). */
import { sql, type Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../db/types';
import { containsPattern } from '../db/sql-helpers';
import { nowIso } from '../clock';
import { offset, type PageRequest } from '../http/pagination';
import type { CreateOrganizationInput, OrganizationListQueryType, OrganizationView, UpdateOrganizationInput } from './schema';

type Row = OrganizationRow & { product_count: number };

const toView = (r: Row): OrganizationView => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  country: r.country,
  region: r.region,
  unp: r.unp,
  inn: r.inn,
  ogrn: r.ogrn,
  website: r.website,
  description: r.description,
  productCount: Number(r.product_count),
});

const toColumns = (i: UpdateOrganizationInput) => ({
  name: i.name,
  short_name: i.shortName,
  country: i.country,
  region: i.region,
  unp: i.unp,
  inn: i.inn,
  ogrn: i.ogrn,
  website: i.website,
  description: i.description,
});

export class OrganizationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private base() {
    return this.db
      .selectFrom('organizations as o')
      .selectAll('o')
      .select((eb) =>
        eb.selectFrom('product_types as p').whereRef('p.organization_id', '=', 'o.id').select(eb.fn.countAll<number>().as('n')).as('product_count'),
      );
  }

  async list(q: OrganizationListQueryType, page: PageRequest) {
    let query = this.db.selectFrom('organizations as o');
    const text = q.q?.trim();
    if (text) {
      const pattern = containsPattern(text.toLowerCase());
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(o.name)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(coalesce(o.short_name, ''))`, 'like', sql`${pattern} escape '\\'`),
          eb('o.inn', '=', text),
          eb('o.unp', '=', text),
        ]),
      );
    }
    if (q.country) query = query.where('o.country', '=', q.country);
    if (q.region) query = query.where('o.region', '=', q.region);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const ids = query.select('o.id');
    let items = this.base().where('o.id', 'in', ids);
    const dir = page.order;
    if (q.sort === 'country') items = items.orderBy('o.country', dir).orderBy('o.name', dir);
    else if (q.sort === 'productCount') items = items.orderBy('product_count', dir);
    else items = items.orderBy('o.name', dir);
    const rows = await items.orderBy('o.id').limit(page.pageSize).offset(offset(page)).execute();
    return { items: rows.map((r) => toView(r as Row)), total: Number(total.n) };
  }

  async get(id: number): Promise<OrganizationView | undefined> {
    const row = await this.base().where('o.id', '=', id).executeTakeFirst();
    return row ? toView(row as Row) : undefined;
  }

  findByInn(inn: string) {
    return this.db.selectFrom('organizations').selectAll().where('inn', '=', inn).executeTakeFirst();
  }

  findByName(name: string) {
    return this.db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async create(input: CreateOrganizationInput, source: string | null = null): Promise<number> {
    const now = nowIso();
    const row = await this.db
      .insertInto('organizations')
      .values({ ...toColumns(input), name: input.name, country: input.country, source, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, input: UpdateOrganizationInput): Promise<boolean> {
    const r = await this.db
      .updateTable('organizations')
      .set({ ...toColumns(input), updated_at: nowIso() })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
