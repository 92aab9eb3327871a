/**
 * Cooperation ties: made by hand by members of either organization (or admins), and from every concluded
 * contract (supply from the producer to the buyer, the contract's product type, since the first contract).
 * Lists and graphs are public: a tie names two organizations, its kind, since when and which products, never
 * a contract's volume or sum. Outside demo mode the demo batch is left out.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../domain/permissions';
import { canManageTie, seenFrom, storedPair, tieGraph, type GraphTie, type StoredPair } from '../../domain/exchange/ties';
import { isCalendarDate } from '../../domain/exchange/demand';
import type { Database } from '../db/types';
import { conflict, forbidden, invalid, notFound } from '../http/errors';
import { nowIso } from '../clock';
import { isDemoRow } from './demo-rows';
import type { CreateTieInput, TieGraphQueryType } from './ties-schema';

export class TiesRepository {
  constructor(readonly db: Kysely<Database>) {}

  /** Adds a contract to the supply tie from its producer to its buyer (made at the first contract). */
  async recordContract(c: { producerOrganizationId: number; buyerOrganizationId: number; productTypeId: number; contractDate: string; userId: number | null }) {
    const now = nowIso();
    const row = await this.db
      .insertInto('cooperation_ties')
      .values({
        organization_id: c.producerOrganizationId,
        partner_organization_id: c.buyerOrganizationId,
        kind: 'supply',
        source: 'contract',
        since: c.contractDate,
        contract_count: 1,
        note: null,
        created_by: c.userId,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'partner_organization_id', 'kind', 'source']).doUpdateSet({
          contract_count: sql`cooperation_ties.contract_count + 1`,
          since: sql`CASE WHEN excluded.since < cooperation_ties.since THEN excluded.since ELSE cooperation_ties.since END`,
          updated_at: now,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.addProducts(row.id, [c.productTypeId]);
    return row.id;
  }

  async addProducts(tieId: number, productTypeIds: number[]) {
    if (!productTypeIds.length) return;
    await this.db
      .insertInto('cooperation_tie_products')
      .values(productTypeIds.map((product_type_id) => ({ tie_id: tieId, product_type_id })))
      .onConflict((oc) => oc.columns(['tie_id', 'product_type_id']).doNothing())
      .execute();
  }

  async insertManual(pair: StoredPair, since: string, note: string | null, userId: number | null): Promise<number | null> {
    const now = nowIso();
    const row = await this.db
      .insertInto('cooperation_ties')
      .values({
        organization_id: pair.organizationId,
        partner_organization_id: pair.partnerOrganizationId,
        kind: pair.kind,
        source: 'manual',
        since,
        contract_count: 0,
        note,
        created_by: userId,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'partner_organization_id', 'kind', 'source']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  get(id: number) {
    return this.db.selectFrom('cooperation_ties').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async delete(id: number) {
    await this.db.deleteFrom('cooperation_ties').where('id', '=', id).execute();
  }

  private ties(includeDemo: boolean) {
    let q = this.db
      .selectFrom('cooperation_ties as t')
      .selectAll('t')
      .select((eb) => [
        isDemoRow(eb, 'cooperation_ties', 't.id').as('demo'),
        eb
          .selectFrom('cooperation_tie_products as tp')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('tp.tie_id', '=', 't.id')
          .as('product_count'),
      ]);
    if (!includeDemo) q = q.where((eb) => eb.not(isDemoRow(eb, 'cooperation_ties', 't.id')));
    return q;
  }

  tiesOf(organizationId: number, includeDemo: boolean) {
    return this.ties(includeDemo)
      .where((eb) => eb.or([eb('t.organization_id', '=', organizationId), eb('t.partner_organization_id', '=', organizationId)]))
      .orderBy('t.since')
      .orderBy('t.id')
      .execute();
  }

  /** Ties with at least one end in the region (ISO 3166-2) or the country. */
  tiesWithin(scope: { region?: string; country?: string }, includeDemo: boolean) {
    return this.ties(includeDemo)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('organizations as so')
            .select('so.id')
            .where((e) => e.or([e('so.id', '=', e.ref('t.organization_id')), e('so.id', '=', e.ref('t.partner_organization_id'))]))
            .where((e) => (scope.region ? e('so.region', '=', scope.region) : e('so.country', '=', scope.country!))),
        ),
      )
      .orderBy('t.id')
      .execute();
  }

  productsOf(tieIds: number[]) {
    if (!tieIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('cooperation_tie_products as tp')
      .innerJoin('product_types as p', 'p.id', 'tp.product_type_id')
      .select(['tp.tie_id', 'p.id', 'p.designation'])
      .where('tp.tie_id', 'in', tieIds)
      .orderBy('p.designation')
      .execute();
  }

  organizations(ids: number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('organizations').select(['id', 'name', 'country', 'region']).where('id', 'in', ids).execute();
  }

  async existingProductTypes(ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    return new Set((await this.db.selectFrom('product_types').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  }
}

type TieRow = Awaited<ReturnType<TiesRepository['tiesOf']>>[number];

const pairOf = (t: TieRow): StoredPair => ({ organizationId: t.organization_id, partnerOrganizationId: t.partner_organization_id, kind: t.kind });

export class TiesService {
  constructor(
    private readonly repo: TiesRepository,
    private readonly options: { includeDemo: boolean },
  ) {}

  private async present(rows: TieRow[], viewerOrganizationId: number) {
    const [products, orgs] = await Promise.all([
      this.repo.productsOf(rows.map((r) => r.id)),
      this.repo.organizations([...new Set(rows.map((r) => seenFrom(pairOf(r), viewerOrganizationId).partnerId))]),
    ]);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    return rows.map((r) => {
      const { partnerId, role } = seenFrom(pairOf(r), viewerOrganizationId);
      return {
        id: r.id,
        organizationId: viewerOrganizationId,
        partner: orgById.get(partnerId)!,
        kind: role,
        since: r.since,
        source: r.source,
        contractCount: r.contract_count,
        products: products.filter((p) => p.tie_id === r.id).map((p) => ({ id: p.id, designation: p.designation })),
        note: r.note,
        demo: Boolean(r.demo),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  async listOf(organizationId: number) {
    if (!(await this.repo.organizations([organizationId])).length) throw notFound(`organization ${organizationId}`);
    return { items: await this.present(await this.repo.tiesOf(organizationId, this.options.includeDemo), organizationId) };
  }

  async create(actor: Actor, input: CreateTieInput) {
    if (input.organizationId === input.partnerOrganizationId) throw invalid('a tie joins two different organizations');
    const orgs = await this.repo.organizations([input.organizationId, input.partnerOrganizationId]);
    for (const id of [input.organizationId, input.partnerOrganizationId])
      if (!orgs.some((o) => o.id === id)) throw invalid(`organization ${id} does not exist`);
    const pair = storedPair(input.organizationId, input.partnerOrganizationId, input.kind);
    if (!canManageTie(actor, pair)) throw forbidden('ties are made by members of either organization and by administrators');
    const since = input.since ?? nowIso().slice(0, 10);
    if (!isCalendarDate(since)) throw invalid(`since "${since}" is not a date YYYY-MM-DD`);
    const productIds = [...new Set(input.productTypeIds ?? [])];
    const known = await this.repo.existingProductTypes(productIds);
    const missing = productIds.filter((id) => !known.has(id));
    if (missing.length) throw invalid(`product types ${missing.join(', ')} do not exist`);
    const id = await this.repo.db.transaction().execute(async (trx) => {
      const repo = new TiesRepository(trx);
      const created = await repo.insertManual(pair, since, input.note ?? null, actor.userId);
      if (created === null) throw conflict(`these organizations already have a ${input.kind} tie made by hand`);
      await repo.addProducts(created, productIds);
      return created;
    });
    const rows = (await this.repo.tiesOf(input.organizationId, true)).filter((r) => r.id === id);
    return (await this.present(rows, input.organizationId))[0];
  }

  async delete(actor: Actor, id: number) {
    const tie = await this.repo.get(id);
    if (!tie) throw notFound(`tie ${id}`);
    if (!canManageTie(actor, { organizationId: tie.organization_id, partnerOrganizationId: tie.partner_organization_id }))
      throw forbidden('ties are removed by members of either organization and by administrators');
    if (tie.source === 'contract') throw conflict('a tie made from contracts stays while its contracts do; only ties made by hand are removed');
    await this.repo.delete(id);
  }

  private async graph(rows: TieRow[], inScope: (o: { id: number; country: string; region: string | null }) => boolean) {
    const orgs = await this.repo.organizations([...new Set(rows.flatMap((r) => [r.organization_id, r.partner_organization_id]))]);
    const ties: GraphTie[] = rows.map((r) => ({
      id: r.id,
      ...pairOf(r),
      source: r.source,
      since: r.since,
      contractCount: r.contract_count,
      productCount: Number(r.product_count ?? 0),
      demo: Boolean(r.demo),
    }));
    return tieGraph(ties, orgs, inScope);
  }

  async graphOf(organizationId: number) {
    if (!(await this.repo.organizations([organizationId])).length) throw notFound(`organization ${organizationId}`);
    return this.graph(await this.repo.tiesOf(organizationId, this.options.includeDemo), (o) => o.id === organizationId);
  }

  async graphWithin(query: TieGraphQueryType) {
    const region = query.region?.toUpperCase();
    const country = query.country?.toUpperCase();
    if (!region === !country) throw invalid('give either region (ISO 3166-2, e.g. BY-MI) or country (BY, RU, …)');
    const rows = await this.repo.tiesWithin({ region, country }, this.options.includeDemo);
    return { scope: region ? { region } : { country }, ...(await this.graph(rows, (o) => (region ? o.region === region : o.country === country))) };
  }
}
