/** SQL of the demand exchange: demands (with visibility in the query), matches, inbox, webhooks, offers, contracts. */
import { sql, type Kysely, type Transaction, type ExpressionBuilder } from 'kysely';
import type {
  ContractsTable,
  Database,
  DemandMatchesTable,
  DemandsTable,
  NotificationsTable,
  OffersTable,
  SubstitutionsTable,
  WebhookDeliveriesTable,
  WebhooksTable,
} from '../db/types';
import type { DialectName } from '../db/client';
import type { Insertable, Selectable } from 'kysely';
import { visibleVisibilities, type Viewer } from '../../domain/exchange/demand';
import { offset, type PageRequest } from '../http/pagination';
import { isDemoRow } from './demo-rows';

export type DemandRow = Selectable<DemandsTable>;
export type OfferRow = Selectable<OffersTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type NotificationRow = Selectable<NotificationsTable>;

export interface DemandFilters {
  status?: 'open' | 'closed';
  region?: string;
  categoryCodes?: string[];
  partNumberKey?: string;
  /** Only the demands of the viewer's organizations. */
  mine?: boolean;
  /** Only the demands matched to the viewer's organizations. */
  matchedToMe?: boolean;
}

export interface NewNotification {
  organization_id: number;
  kind: string;
  demand_id: number | null;
  offer_id: number | null;
  dedupe_key: string;
  payload: unknown;
}

type DemandEb = ExpressionBuilder<Database & { d: DemandsTable; o: Database['organizations'] }, 'd' | 'o'>;

export class ExchangeRepository {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: DialectName,
  ) {}

  transaction<T>(fn: (repo: ExchangeRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx: Transaction<Database>) => fn(new ExchangeRepository(trx, this.dialect)));
  }

  // demands

  async insertDemand(row: Insertable<DemandsTable>): Promise<number> {
    return (await this.db.insertInto('demands').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Inserts a demand for a BOM line unless that line already has one; returns the new id, or null. */
  async insertDemandForBomLine(row: Insertable<DemandsTable>): Promise<number | null> {
    const r = await this.db
      .insertInto('demands')
      .values(row)
      .onConflict((oc) => oc.columns(['bom_analysis_id', 'bom_position']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r?.id ?? null;
  }

  demandsOfBomAnalysis(analysisId: string) {
    return this.db.selectFrom('demands').select(['id', 'bom_position']).where('bom_analysis_id', '=', analysisId).execute();
  }

  async updateDemand(id: number, columns: Partial<Omit<DemandRow, 'id'>>): Promise<void> {
    await this.db.updateTable('demands').set(columns).where('id', '=', id).execute();
  }

  getDemand(id: number): Promise<DemandRow | undefined> {
    return this.db.selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The buyer's name and id are masked in SQL for anonymous demands unless the viewer may see them. */
  private demandQuery(viewer: Viewer, includeDemo = true) {
    const buyerShown = (eb: DemandEb) => {
      if (viewer.privileged) return eb.lit(true);
      const own = viewer.organizationIds.length ? [eb('d.buyer_organization_id', 'in', [...viewer.organizationIds])] : [];
      return eb.or([eb('d.visibility', '!=', 'anonymous'), ...own]);
    };
    const masked = <C extends 'o.id' | 'o.name' | 'o.country' | 'o.region'>(eb: DemandEb, column: C) =>
      eb.case().when(buyerShown(eb)).then(eb.ref(column)).else(null).end();
    return this.db
      .selectFrom('demands as d')
      .innerJoin('organizations as o', 'o.id', 'd.buyer_organization_id')
      .selectAll('d')
      .select((eb) => [
        masked(eb as DemandEb, 'o.id').as('buyer_id'),
        masked(eb as DemandEb, 'o.name').as('buyer_name'),
        masked(eb as DemandEb, 'o.country').as('buyer_country'),
        masked(eb as DemandEb, 'o.region').as('buyer_region'),
        eb
          .selectFrom('offers as f')
          .select((f) => f.fn.countAll<number>().as('n'))
          .whereRef('f.demand_id', '=', 'd.id')
          .where('f.status', 'in', ['open', 'accepted'])
          .as('offer_count'),
      ])
      .select((eb) => isDemoRow(eb, 'demands', 'd.id').as('demo'))
      .where('d.visibility', 'in', visibleVisibilities(viewer))
      .$if(!includeDemo, (q) => q.where((eb) => eb.not(isDemoRow(eb, 'demands', 'd.id'))));
  }

  getDemandView(id: number, viewer: Viewer, includeDemo = true) {
    return this.demandQuery(viewer, includeDemo).where('d.id', '=', id).executeTakeFirst();
  }

  /** Demand lists leave the demo batch out unless `includeDemo` (demo mode). */
  async listDemands(filters: DemandFilters, viewer: Viewer, page: PageRequest, includeDemo = true) {
    let q = this.demandQuery(viewer, includeDemo);
    if (filters.status) q = q.where('d.status', '=', filters.status);
    if (filters.region) q = q.where('d.region', '=', filters.region);
    // an unknown category has no demand (an empty IN list is not SQL)
    if (filters.categoryCodes) q = filters.categoryCodes.length ? q.where('d.category_code', 'in', filters.categoryCodes) : q.where(sql<boolean>`false`);
    if (filters.partNumberKey) q = q.where('d.part_number_key', '=', filters.partNumberKey);
    const orgs = viewer.organizationIds.length ? [...viewer.organizationIds] : [-1];
    if (filters.mine) q = q.where('d.buyer_organization_id', 'in', orgs);
    if (filters.matchedToMe)
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom('demand_matches as m').select('m.demand_id').whereRef('m.demand_id', '=', 'd.id').where('m.organization_id', 'in', orgs)),
      );
    const [items, total] = await Promise.all([
      q.orderBy('d.id', page.order).limit(page.pageSize).offset(offset(page)).execute(),
      q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /**
   * Open demands in id order from `afterId`: the batches of a re-matching sweep. The synthetic demo batch is
   * matched once when it is loaded and never again, so that it cannot notify real producers.
   */
  openDemands(afterId: number, limit: number) {
    return this.db
      .selectFrom('demands')
      .selectAll()
      .where('status', '=', 'open')
      .where('id', '>', afterId)
      .where((eb) => eb.not(isDemoRow(eb, 'demands', 'demands.id')))
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** The makers of product types (for matches found without the search's maker columns). */
  makersOf(productTypeIds: number[]) {
    if (!productTypeIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('product_types as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'o.id as maker_id', 'o.name as maker_name', 'o.country as maker_country'])
      .where('p.id', 'in', productTypeIds)
      .execute();
  }

  organizationRef(id: number) {
    return this.db.selectFrom('organizations').select(['id', 'name', 'country']).where('id', '=', id).executeTakeFirst();
  }

  async categoryCodes(ids: number[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await this.db.selectFrom('categories').select('code').where('id', 'in', ids).execute()).map((r) => r.code);
  }

  // matches

  matchesOf(demandId: number) {
    return this.db
      .selectFrom('demand_matches as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .innerJoin('product_types as p', 'p.id', 'm.product_type_id')
      .select([
        'm.organization_id',
        'o.name as organization_name',
        'o.country as organization_country',
        'm.product_type_id',
        'p.designation',
        'm.tier',
        'm.analog_type',
      ])
      .where('m.demand_id', '=', demandId)
      .orderBy('m.organization_id')
      .orderBy('p.designation')
      .execute();
  }

  /** Makes the demand's matches exactly `rows`; an upsert, so that a request and the worker matching at once do not collide. */
  async replaceMatches(demandId: number, rows: Insertable<DemandMatchesTable>[]): Promise<void> {
    let stale = this.db.deleteFrom('demand_matches').where('demand_id', '=', demandId);
    if (rows.length)
      stale = stale.where(
        'product_type_id',
        'not in',
        rows.map((r) => r.product_type_id),
      );
    await stale.execute();
    if (rows.length)
      await this.db
        .insertInto('demand_matches')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['demand_id', 'product_type_id']).doUpdateSet((eb) => ({
            organization_id: eb.ref('excluded.organization_id'),
            tier: eb.ref('excluded.tier'),
            analog_type: eb.ref('excluded.analog_type'),
            foreign_part_id: eb.ref('excluded.foreign_part_id'),
          })),
        )
        .execute();
  }

  // notifications (and the webhook deliveries they cause)

  /** Adds notifications unless their dedupe key exists; queues a webhook delivery for each new one. Returns the new ids. */
  async notify(rows: NewNotification[], now: string): Promise<number[]> {
    const created: number[] = [];
    for (const n of rows) {
      const payload = JSON.stringify(n.payload);
      const r = await this.db
        .insertInto('notifications')
        .values({ ...n, payload, created_at: now, read_at: null, read_by: null })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) continue;
      created.push(r.id);
      const hook = await this.db.selectFrom('webhooks').select(['url', 'active']).where('organization_id', '=', n.organization_id).executeTakeFirst();
      if (!hook || !hook.active) continue;
      const body = JSON.stringify({ id: r.id, event: n.kind, organizationId: n.organization_id, createdAt: now, data: n.payload });
      await this.db
        .insertInto('webhook_deliveries')
        .values({
          organization_id: n.organization_id,
          notification_id: r.id,
          event: n.kind,
          url: hook.url,
          body,
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_attempt_at: null,
          last_status_code: null,
          last_error: null,
          created_at: now,
          delivered_at: null,
        })
        .execute();
    }
    return created;
  }

  async inbox(organizationIds: number[], unreadOnly: boolean, page: PageRequest) {
    if (!organizationIds.length) return { items: [], total: 0, unread: 0 };
    let q = this.db
      .selectFrom('notifications as n')
      .innerJoin('organizations as o', 'o.id', 'n.organization_id')
      .where('n.organization_id', 'in', organizationIds);
    const unread = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('n.read_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (unreadOnly) q = q.where('n.read_at', 'is', null);
    const [items, total] = await Promise.all([
      q.selectAll('n').select('o.name as organization_name').orderBy('n.id', 'desc').limit(page.pageSize).offset(offset(page)).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n), unread: Number(unread.n) };
  }

  getNotification(id: number) {
    return this.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async markRead(id: number, userId: number, now: string): Promise<void> {
    await this.db.updateTable('notifications').set({ read_at: now, read_by: userId }).where('id', '=', id).where('read_at', 'is', null).execute();
  }

  /** Marks every unread notification of the organizations read; returns how many. */
  async markAllRead(organizationIds: number[], userId: number, now: string): Promise<number> {
    if (!organizationIds.length) return 0;
    const r = await this.db
      .updateTable('notifications')
      .set({ read_at: now, read_by: userId })
      .where('organization_id', 'in', organizationIds)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  // webhooks

  getWebhook(organizationId: number): Promise<WebhookRow | undefined> {
    return this.db.selectFrom('webhooks').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  }

  async upsertWebhook(row: WebhookRow): Promise<void> {
    const { organization_id: _id, created_at: _c, ...update } = row;
    await this.db
      .insertInto('webhooks')
      .values(row)
      .onConflict((oc) => oc.column('organization_id').doUpdateSet(update))
      .execute();
  }

  async deliveries(organizationId: number, status: DeliveryRow['status'] | undefined, page: PageRequest) {
    let q = this.db.selectFrom('webhook_deliveries').where('organization_id', '=', organizationId);
    if (status) q = q.where('status', '=', status);
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('id', 'desc').limit(page.pageSize).offset(offset(page)).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /**
   * Claims due deliveries: marks them in flight until `leaseUntil` and counts the attempt, in one transaction.
   * On PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED, so that several server processes never
   * claim the same delivery; SQLite has one writer at a time, so a plain transaction is enough.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<DeliveryRow[]> {
    return this.db.transaction().execute(async (trx) => {
      let q = trx
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      if (this.dialect === 'postgres') q = q.forUpdate().skipLocked();
      const rows = await q.execute();
      if (!rows.length) return [];
      await trx
        .updateTable('webhook_deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil, last_attempt_at: now }))
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => ({ ...r, attempts: r.attempts + 1, last_attempt_at: now }));
    });
  }

  async finishDelivery(
    id: number,
    attempts: number,
    columns: Partial<Pick<DeliveryRow, 'status' | 'next_attempt_at' | 'last_status_code' | 'last_error' | 'delivered_at'>>,
  ) {
    // only the claim that made this attempt may record its outcome
    await this.db.updateTable('webhook_deliveries').set(columns).where('id', '=', id).where('attempts', '=', attempts).execute();
  }

  // offers

  async insertOffer(row: Insertable<OffersTable>): Promise<number> {
    return (await this.db.insertInto('offers').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  getOffer(id: number): Promise<OfferRow | undefined> {
    return this.db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private offerQuery() {
    return this.db
      .selectFrom('offers as f')
      .innerJoin('organizations as o', 'o.id', 'f.organization_id')
      .innerJoin('product_types as p', 'p.id', 'f.product_type_id')
      .selectAll('f')
      .select(['o.name as producer_name', 'o.country as producer_country', 'p.designation', 'p.designation_latin']);
  }

  offerView(id: number) {
    return this.offerQuery().where('f.id', '=', id).executeTakeFirst();
  }

  /** Offers on a demand: all of them, or those of the given producers. */
  offersOf(demandId: number, producerIds: number[] | 'all') {
    let q = this.offerQuery().where('f.demand_id', '=', demandId);
    if (producerIds !== 'all') q = q.where('f.organization_id', 'in', producerIds.length ? producerIds : [-1]);
    return q.orderBy('f.id').execute();
  }

  async setOfferStatus(id: number, from: OfferRow['status'], columns: Partial<Omit<OfferRow, 'id'>>): Promise<boolean> {
    const r = await this.db.updateTable('offers').set(columns).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Open offers of a demand become `lapsed`; returns them. */
  async lapseOpenOffers(demandId: number, now: string, userId: number) {
    const open = await this.db.selectFrom('offers').selectAll().where('demand_id', '=', demandId).where('status', '=', 'open').execute();
    if (open.length)
      await this.db
        .updateTable('offers')
        .set({ status: 'lapsed', decided_at: now, decided_by: userId, decision_note: 'the demand was closed' })
        .where('demand_id', '=', demandId)
        .where('status', '=', 'open')
        .execute();
    return open;
  }

  // contracts and substitutions

  async insertContract(row: Insertable<ContractsTable>, substitution: Omit<Insertable<SubstitutionsTable>, 'contract_id'>): Promise<number> {
    const { id } = await this.db.insertInto('contracts').values(row).returning('id').executeTakeFirstOrThrow();
    await this.db
      .insertInto('substitutions')
      .values({ ...substitution, contract_id: id })
      .execute();
    return id;
  }

  foreignPartIdByKey(key: string) {
    return this.db.selectFrom('foreign_parts').select('id').where('part_number_key', '=', key).orderBy('id').executeTakeFirst();
  }

  private contractQuery() {
    return this.db
      .selectFrom('contracts as c')
      .innerJoin('organizations as b', 'b.id', 'c.buyer_organization_id')
      .innerJoin('organizations as s', 's.id', 'c.producer_organization_id')
      .innerJoin('product_types as p', 'p.id', 'c.product_type_id')
      .innerJoin('demands as d', 'd.id', 'c.demand_id')
      .leftJoin('substitutions as x', 'x.contract_id', 'c.id')
      .selectAll('c')
      .select([
        'b.name as buyer_name',
        'b.country as buyer_country',
        's.name as producer_name',
        's.country as producer_country',
        'p.designation',
        'p.designation_latin',
        'd.part_number',
        'd.description as demand_description',
        'x.id as substitution_id',
        'x.foreign_part_number',
        'x.foreign_part_id',
        'x.item_description',
      ]);
  }

  contractView(id: number) {
    return this.contractQuery().where('c.id', '=', id).executeTakeFirst();
  }

  /** Contracts a viewer may see: all (admins), or those of their organizations and of their operator country. */
  async listContracts(scope: { all: true } | { organizationIds: number[]; country: string | null }, page: PageRequest) {
    let q = this.contractQuery();
    if (!('all' in scope)) {
      const orgs = scope.organizationIds.length ? scope.organizationIds : [-1];
      const country = scope.country;
      q = q.where((eb) =>
        eb.or([
          eb('c.buyer_organization_id', 'in', orgs),
          eb('c.producer_organization_id', 'in', orgs),
          ...(country ? [eb('b.country', '=', country), eb('s.country', '=', country)] : []),
        ]),
      );
    }
    const [items, total] = await Promise.all([
      q.orderBy('c.id', page.order).limit(page.pageSize).offset(offset(page)).execute(),
      q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  // catalogue fingerprint for the re-matching job

  /**
   * What changed in the catalogue since the last sweep, from index seeks only (newest change and newest id of
   * product types and analog links): the worker asks every 15 s, and counting millions of rows held the SQLite
   * server for most of a second each time. Deletions are not seen; they bring no new producers.
   */
  async catalogueFingerprint(): Promise<string> {
    // one max() per statement: SQLite answers a lone min/max from an index, several in one query by a scan
    const newest = async (table: 'analog_links' | 'product_types', column: 'updated_at' | 'id') =>
      (
        await this.db
          .selectFrom(table)
          .select((eb) => eb.fn.max(column).as('v'))
          .executeTakeFirstOrThrow()
      ).v ?? '';
    const parts = await Promise.all([
      newest('analog_links', 'updated_at'),
      newest('analog_links', 'id'),
      newest('product_types', 'updated_at'),
      newest('product_types', 'id'),
    ]);
    return parts.join('|');
  }

  async setting(key: string): Promise<string | null> {
    return (await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
