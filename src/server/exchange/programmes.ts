/**
 * State-support programmes: public list (by state and year: the yearly list of a state), export as CSV or
 * XLSX; made, changed and removed by admins and operators of the programme's state.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/permissions';
import { canManageProgramme, validateProgramme, type ProgrammeState } from '../../domain/exchange/programmes';
import type { Database, SupportProgrammesTable } from '../db/types';
import { forbidden, invalid, notFound } from '../http/errors';
import { offset, type PageRequest } from '../http/pagination';
import { nowIso } from '../clock';
import { isDemoRow } from './demo-rows';
import type { Sheet } from './sheets';
import type { ProgrammeInputBody } from './programmes-schema';

export interface ProgrammeFilters {
  state?: ProgrammeState;
  year?: number;
}

export class ProgrammesRepository {
  constructor(readonly db: Kysely<Database>) {}

  private query(filters: ProgrammeFilters, includeDemo: boolean) {
    let q = this.db.selectFrom('support_programmes as sp');
    if (filters.state) q = q.where('sp.state', '=', filters.state);
    if (filters.year !== undefined) q = q.where('sp.year_from', '<=', filters.year).where('sp.year_to', '>=', filters.year);
    if (!includeDemo) q = q.where((eb) => eb.not(isDemoRow(eb, 'support_programmes', 'sp.id')));
    return q;
  }

  async list(filters: ProgrammeFilters, includeDemo: boolean, page: PageRequest | null) {
    const q = this.query(filters, includeDemo);
    let items = q
      .selectAll('sp')
      .select((eb) => isDemoRow(eb, 'support_programmes', 'sp.id').as('demo'))
      .orderBy('sp.state')
      .orderBy('sp.year_from', page?.order ?? 'asc')
      .orderBy('sp.id');
    if (page) items = items.limit(page.pageSize).offset(offset(page));
    const [rows, total] = await Promise.all([items.execute(), q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
    return { rows, total: Number(total.n) };
  }

  get(id: number) {
    return this.db
      .selectFrom('support_programmes as sp')
      .selectAll('sp')
      .select((eb) => isDemoRow(eb, 'support_programmes', 'sp.id').as('demo'))
      .where('sp.id', '=', id)
      .executeTakeFirst();
  }

  organizationsOf(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .selectFrom('support_programme_organizations as po')
      .innerJoin('organizations as o', 'o.id', 'po.organization_id')
      .select(['po.programme_id', 'o.id', 'o.name', 'o.country'])
      .where('po.programme_id', 'in', ids)
      .orderBy('o.name')
      .execute();
  }

  productsOf(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .selectFrom('support_programme_products as pp')
      .innerJoin('product_types as p', 'p.id', 'pp.product_type_id')
      .leftJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['pp.programme_id', 'p.id', 'p.designation', 'o.name as maker_name'])
      .where('pp.programme_id', 'in', ids)
      .orderBy('p.designation')
      .execute();
  }

  async missing(table: 'organizations' | 'product_types', ids: number[]): Promise<number[]> {
    if (!ids.length) return [];
    const found = new Set((await this.db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  }

  async insert(row: Omit<SupportProgrammesTable, 'id'>): Promise<number> {
    return (await this.db.insertInto('support_programmes').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(id: number, row: Partial<Omit<SupportProgrammesTable, 'id'>>) {
    await this.db.updateTable('support_programmes').set(row).where('id', '=', id).execute();
  }

  async delete(id: number) {
    await this.db.deleteFrom('support_programmes').where('id', '=', id).execute();
  }

  async replaceMembers(id: number, organizationIds: number[] | undefined, productTypeIds: number[] | undefined) {
    if (organizationIds) {
      await this.db.deleteFrom('support_programme_organizations').where('programme_id', '=', id).execute();
      if (organizationIds.length)
        await this.db
          .insertInto('support_programme_organizations')
          .values(organizationIds.map((organization_id) => ({ programme_id: id, organization_id })))
          .execute();
    }
    if (productTypeIds) {
      await this.db.deleteFrom('support_programme_products').where('programme_id', '=', id).execute();
      if (productTypeIds.length)
        await this.db
          .insertInto('support_programme_products')
          .values(productTypeIds.map((product_type_id) => ({ programme_id: id, product_type_id })))
          .execute();
    }
  }
}

type ProgrammeRow = NonNullable<Awaited<ReturnType<ProgrammesRepository['get']>>>;

export class ProgrammesService {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly options: { includeDemo: boolean },
  ) {}

  private async present(rows: ProgrammeRow[]) {
    const ids = rows.map((r) => r.id);
    const [orgs, products] = await Promise.all([this.repo.organizationsOf(ids), this.repo.productsOf(ids)]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      state: r.state,
      ownerBody: r.owner_body,
      yearFrom: r.year_from,
      yearTo: r.year_to,
      description: r.description,
      organizations: orgs.filter((o) => o.programme_id === r.id).map((o) => ({ id: o.id, name: o.name, country: o.country })),
      products: products.filter((p) => p.programme_id === r.id).map((p) => ({ id: p.id, designation: p.designation, makerName: p.maker_name })),
      demo: Boolean(r.demo),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async list(filters: ProgrammeFilters, page: PageRequest) {
    const { rows, total } = await this.repo.list(filters, this.options.includeDemo, page);
    return { items: await this.present(rows), total, page: page.page, pageSize: page.pageSize };
  }

  async get(id: number) {
    const row = await this.repo.get(id);
    if (!row || (row.demo && !this.options.includeDemo)) throw notFound(`programme ${id}`);
    return (await this.present([row]))[0];
  }

  private async check(input: ProgrammeInputBody) {
    const checked = validateProgramme(input);
    if (!checked.ok) throw invalid(checked.problems.join('; '));
    const organizationIds = input.organizationIds && [...new Set(input.organizationIds)];
    const productTypeIds = input.productTypeIds && [...new Set(input.productTypeIds)];
    const [orgsMissing, productsMissing] = await Promise.all([
      this.repo.missing('organizations', organizationIds ?? []),
      this.repo.missing('product_types', productTypeIds ?? []),
    ]);
    const problems = [
      ...(orgsMissing.length ? [`organizations ${orgsMissing.join(', ')} do not exist`] : []),
      ...(productsMissing.length ? [`product types ${productsMissing.join(', ')} do not exist`] : []),
    ];
    if (problems.length) throw invalid(problems.join('; '));
    return { fields: checked.value, organizationIds, productTypeIds };
  }

  async create(actor: Actor, input: ProgrammeInputBody) {
    if (!canManageProgramme(actor, input.state)) throw forbidden(`programmes of ${input.state} are managed by its operators and administrators`);
    const { fields, organizationIds, productTypeIds } = await this.check(input);
    const now = nowIso();
    const id = await this.repo.db.transaction().execute(async (trx) => {
      const repo = new ProgrammesRepository(trx);
      const created = await repo.insert({
        name: fields.name,
        state: fields.state,
        owner_body: fields.ownerBody,
        year_from: fields.yearFrom,
        year_to: fields.yearTo,
        description: fields.description ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      await repo.replaceMembers(created, organizationIds, productTypeIds);
      return created;
    });
    return this.get(id);
  }

  private async managed(actor: Actor, id: number) {
    const row = await this.repo.get(id);
    if (!row) throw notFound(`programme ${id}`);
    if (!canManageProgramme(actor, row.state)) throw forbidden(`programmes of ${row.state} are managed by its operators and administrators`);
    return row;
  }

  async update(actor: Actor, id: number, input: ProgrammeInputBody) {
    await this.managed(actor, id);
    if (!canManageProgramme(actor, input.state)) throw forbidden(`programmes of ${input.state} are managed by its operators and administrators`);
    const { fields, organizationIds, productTypeIds } = await this.check(input);
    await this.repo.db.transaction().execute(async (trx) => {
      const repo = new ProgrammesRepository(trx);
      await repo.update(id, {
        name: fields.name,
        state: fields.state,
        owner_body: fields.ownerBody,
        year_from: fields.yearFrom,
        year_to: fields.yearTo,
        description: fields.description ?? null,
        updated_at: nowIso(),
      });
      await repo.replaceMembers(id, organizationIds, productTypeIds);
    });
    return this.get(id);
  }

  async delete(actor: Actor, id: number) {
    await this.managed(actor, id);
    await this.repo.delete(id);
  }

  /** The programmes (filtered) as one sheet: a row per programme with its organizations and products. */
  async sheet(filters: ProgrammeFilters): Promise<Sheet> {
    const { rows } = await this.repo.list(filters, this.options.includeDemo, null);
    const items = await this.present(rows);
    return {
      name: 'Programmes',
      header: ['id', 'state', 'name', 'owner body', 'year from', 'year to', 'description', 'organizations', 'products', 'demo'],
      rows: items.map((p) => [
        p.id,
        p.state,
        p.name,
        p.ownerBody,
        p.yearFrom,
        p.yearTo,
        p.description,
        p.organizations.map((o) => `${o.name} (${o.country})`).join('; '),
        p.products.map((x) => (x.makerName ? `${x.designation} (${x.makerName})` : x.designation)).join('; '),
        p.demo ? 'demo' : '',
      ]),
    };
  }
}
