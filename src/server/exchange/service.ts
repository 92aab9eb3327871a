/**
 * The demand exchange: buyers post demand (by hand or from the uncovered lines of a BOM analysis), producers
 * matched through the search tiers are notified, answer with offers, and an accepted offer becomes a contract
 * recording a substitution. Permissions are pure functions of `domain/exchange/permissions`.
 */
import { isAdmin, type Actor } from '../../domain/permissions';
import { validateDemand, yearlyQuantity, type DemandFields, type Viewer } from '../../domain/exchange/demand';
import { checkNewOffer, contractSum, ExchangeError, nextOfferStatus, type OfferAction } from '../../domain/exchange/offers';
import { canDecideOffer, canOfferFor, canPostDemandFor, canSeeContract, canSeeOffer, canWithdrawOffer, viewerOf } from '../../domain/exchange/permissions';
import { lineQuantity } from '../../domain/bom/analysis';
import { partNumberKey } from '../../domain/part-number';
import { AppError, conflict, forbidden, invalid, notFound } from '../http/errors';
import type { PageRequest } from '../http/pagination';
import { parseJsonList } from '../db/sql-helpers';
import { nowIso } from '../clock';
import type { CategoriesRepository } from '../categories/repository';
import type { ProductTypesRepository } from '../product-types/repository';
import type { BomRepository } from '../bom/repository';
import type { ExchangeRepository, DemandRow, OfferRow } from './repository';
import { demandSummary, type DemandMatcher } from './matching';
import { TiesRepository } from './ties';
import type { AcceptInput, BomDemandsInput, CreateDemandInput, DemandListQueryType, OfferInput, UpdateDemandInput } from './schema';

const today = () => nowIso().slice(0, 10);

function fromExchangeError(e: unknown): never {
  if (e instanceof ExchangeError) throw e.code === 'bad_amount' ? invalid(e.message) : conflict(e.message);
  throw e;
}

type DemandViewRow = NonNullable<Awaited<ReturnType<ExchangeRepository['getDemandView']>>>;
type OfferViewRow = NonNullable<Awaited<ReturnType<ExchangeRepository['offerView']>>>;
type ContractViewRow = NonNullable<Awaited<ReturnType<ExchangeRepository['contractView']>>>;

export class ExchangeService {
  constructor(
    private readonly repo: ExchangeRepository,
    private readonly categories: CategoriesRepository,
    private readonly productTypes: ProductTypesRepository,
    private readonly bom: BomRepository,
    readonly matcher: DemandMatcher,
    /** Demo mode: the demo batch is listed (marked); otherwise it is left out of demand lists. */
    private readonly options: { includeDemo: boolean } = { includeDemo: true },
  ) {}

  // demands

  private present(r: DemandViewRow, viewer: Viewer) {
    const mine = viewer.organizationIds.includes(r.buyer_organization_id);
    return {
      id: r.id,
      buyer: r.buyer_id !== null ? { id: Number(r.buyer_id), name: String(r.buyer_name), country: String(r.buyer_country), region: r.buyer_region } : null,
      buyerHidden: r.buyer_id === null,
      mine,
      partNumber: r.part_number,
      partNumberKey: r.part_number_key,
      description: r.description,
      categoryCode: r.category_code,
      quantityPerYear: r.quantity_per_year,
      neededBy: r.needed_by,
      region: r.region,
      visibility: r.visibility,
      status: r.status,
      offerCount: Number(r.offer_count ?? 0),
      // the analysis id is its unguessable link: only the buyer's side sees it
      bomSource: r.bom_analysis_id && (mine || viewer.privileged) ? { analysisId: r.bom_analysis_id, position: r.bom_position } : null,
      matchedAt: r.matched_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      closedAt: r.closed_at,
      demo: Boolean(r.demo),
    };
  }

  private async checkFields(input: UpdateDemandInput): Promise<DemandFields> {
    const checked = validateDemand(input);
    if (!checked.ok) throw invalid(checked.problems.join('; '));
    if (checked.value.categoryCode && !(await this.categories.findByCode(checked.value.categoryCode)))
      throw invalid(`category "${checked.value.categoryCode}" does not exist; see GET /api/categories`);
    return checked.value;
  }

  private columns(f: DemandFields) {
    return {
      part_number: f.partNumber,
      part_number_key: f.partNumberKey,
      description: f.description,
      category_code: f.categoryCode,
      quantity_per_year: f.quantityPerYear,
      needed_by: f.neededBy,
      region: f.region,
      visibility: f.visibility,
    };
  }

  async createDemand(actor: Actor, input: CreateDemandInput) {
    if (!(await this.repo.organizationRef(input.buyerOrganizationId))) throw invalid(`organization ${input.buyerOrganizationId} does not exist`);
    if (!canPostDemandFor(actor, input.buyerOrganizationId)) throw forbidden('only members of the buyer organization post its demand');
    const fields = await this.checkFields(input);
    const now = nowIso();
    const id = await this.repo.insertDemand({
      buyer_organization_id: input.buyerOrganizationId,
      created_by: actor.userId,
      ...this.columns(fields),
      status: 'open',
      bom_analysis_id: null,
      bom_position: null,
      matched_at: null,
      created_at: now,
      updated_at: now,
      closed_at: null,
    });
    await this.matchIds([id]);
    return this.getDemand(actor, id);
  }

  private async matchIds(ids: number[]) {
    const rows = (await Promise.all(ids.map((id) => this.repo.getDemand(id)))).filter((d): d is DemandRow => Boolean(d));
    return this.matcher.match(rows);
  }

  private async ownDemand(actor: Actor, id: number): Promise<DemandRow> {
    const d = await this.repo.getDemand(id);
    if (!d) throw notFound(`demand ${id}`);
    if (!canPostDemandFor(actor, d.buyer_organization_id)) throw forbidden('only members of the buyer organization change its demand');
    return d;
  }

  async updateDemand(actor: Actor, id: number, input: UpdateDemandInput) {
    const d = await this.ownDemand(actor, id);
    if (d.status !== 'open') throw conflict('the demand is closed');
    const fields = await this.checkFields(input);
    await this.repo.updateDemand(id, { ...this.columns(fields), updated_at: nowIso() });
    await this.matchIds([id]);
    return this.getDemand(actor, id);
  }

  async closeDemand(actor: Actor, id: number) {
    const d = await this.ownDemand(actor, id);
    if (d.status === 'closed') return this.getDemand(actor, id);
    const now = nowIso();
    await this.repo.transaction(async (repo) => {
      await repo.updateDemand(id, { status: 'closed', closed_at: now, updated_at: now });
      const lapsed = await repo.lapseOpenOffers(id, now, actor.userId);
      await repo.notify(
        lapsed.map((o) => ({
          organization_id: o.organization_id,
          kind: 'offer.lapsed',
          demand_id: id,
          offer_id: o.id,
          dedupe_key: `offer.lapsed:${o.id}`,
          payload: { offerId: o.id, demandId: id, status: 'lapsed' },
        })),
        now,
      );
    });
    return this.getDemand(actor, id);
  }

  async getDemand(actor: Actor | null, id: number) {
    const viewer = viewerOf(actor);
    const row = await this.repo.getDemandView(id, viewer, this.options.includeDemo);
    if (!row) {
      if (await this.repo.getDemand(id)) throw new AppError(401, 'unauthenticated');
      throw notFound(`demand ${id}`);
    }
    const demand = this.present(row, viewer);
    // the buyer's side sees every match; a producer sees its own
    const matches = (await this.repo.matchesOf(id)).filter((m) => demand.mine || viewer.privileged || viewer.organizationIds.includes(m.organization_id));
    return {
      ...demand,
      matches: matches.map((m) => ({
        organization: { id: m.organization_id, name: m.organization_name, country: m.organization_country },
        productType: { id: m.product_type_id, designation: m.designation },
        tier: m.tier,
        analogType: m.analog_type,
      })),
    };
  }

  async listDemands(actor: Actor | null, query: DemandListQueryType, page: PageRequest) {
    const viewer = viewerOf(actor);
    const categoryCodes = query.category ? await this.repo.categoryCodes(await this.categories.subtreeIds(query.category)) : undefined;
    const { items, total } = await this.repo.listDemands(
      {
        status: query.status,
        region: query.region?.toUpperCase(),
        categoryCodes,
        partNumberKey: query.partNumber ? partNumberKey(query.partNumber) || '\u0000' : undefined,
        mine: query.mine,
        matchedToMe: query.matched,
      },
      viewer,
      page,
      this.options.includeDemo,
    );
    return { items: items.map((r) => this.present(r, viewer)), total, page: page.page, pageSize: page.pageSize };
  }

  /** Turns the not covered lines of a BOM analysis (all or the given positions) into demand, once per line. */
  async demandsFromBom(actor: Actor, analysisId: string, input: BomDemandsInput) {
    const analysis = await this.bom.find(analysisId);
    if (!analysis) throw notFound(`BOM analysis ${analysisId}`);
    if (analysis.owner_id === null || analysis.owner_id !== actor.userId) throw forbidden('only the owner of a saved analysis posts its lines as demand');
    if (!(await this.repo.organizationRef(input.buyerOrganizationId))) throw invalid(`organization ${input.buyerOrganizationId} does not exist`);
    if (!canPostDemandFor(actor, input.buyerOrganizationId)) throw forbidden('only members of the buyer organization post its demand');
    const lines = await this.bom.lines(analysisId);
    const byPosition = new Map(lines.map((l) => [l.position, l]));
    const wanted = input.positions ? [...new Set(input.positions)] : lines.filter((l) => l.status === 'not_covered').map((l) => l.position);
    const problems: string[] = [];
    for (const p of wanted) {
      const line = byPosition.get(p);
      if (!line) problems.push(`line ${p} does not exist`);
      else if (line.status !== 'not_covered') problems.push(`line ${p} is ${line.status}, not not_covered`);
      else if (!line.part_number && !line.value) problems.push(`line ${p} names no part`);
    }
    if (problems.length) throw invalid(problems.slice(0, 20).join('; '));
    const now = nowIso();
    const created: number[] = [];
    await this.repo.transaction(async (repo) => {
      for (const p of wanted) {
        const line = byPosition.get(p)!;
        const designators = parseJsonList(line.designators);
        const fields = validateDemand({
          partNumber: line.part_number ?? line.value,
          description: `${analysis.name}, line ${line.source_line}${designators.length ? ` (${designators.slice(0, 20).join(', ')})` : ''}`.slice(0, 2000),
          quantityPerYear: yearlyQuantity(lineQuantity({ quantity: line.quantity, designators }), input.boardsPerYear ?? 1),
          neededBy: input.neededBy,
          region: input.region,
          visibility: input.visibility,
        });
        if (!fields.ok) throw invalid(`line ${p}: ${fields.problems.join('; ')}`);
        const id = await repo.insertDemandForBomLine({
          buyer_organization_id: input.buyerOrganizationId,
          created_by: actor.userId,
          ...this.columns(fields.value),
          status: 'open',
          bom_analysis_id: analysisId,
          bom_position: p,
          matched_at: null,
          created_at: now,
          updated_at: now,
          closed_at: null,
        });
        if (id !== null) created.push(id);
      }
    });
    await this.matchIds(created);
    const all = await this.repo.demandsOfBomAnalysis(analysisId);
    const wantedSet = new Set(wanted);
    return {
      created: created.length,
      existing: all.filter((d) => d.bom_position !== null && wantedSet.has(d.bom_position) && !created.includes(d.id)).length,
      demandIds: all.filter((d) => d.bom_position !== null && wantedSet.has(d.bom_position)).map((d) => d.id),
    };
  }

  // inbox

  async inbox(actor: Actor, unreadOnly: boolean, page: PageRequest) {
    const { items, total, unread } = await this.repo.inbox([...actor.memberships.keys()], unreadOnly, page);
    return {
      items: items.map((n) => ({
        id: n.id,
        organization: { id: n.organization_id, name: n.organization_name },
        kind: n.kind,
        demandId: n.demand_id,
        offerId: n.offer_id,
        payload: JSON.parse(n.payload),
        createdAt: n.created_at,
        readAt: n.read_at,
      })),
      total,
      unread,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  async markRead(actor: Actor, id: number) {
    const n = await this.repo.getNotification(id);
    // another organization's notification is not found, not forbidden: its existence is not the reader's business
    if (!n || !actor.memberships.has(n.organization_id)) throw notFound(`notification ${id}`);
    await this.repo.markRead(id, actor.userId, nowIso());
  }

  /** Marks all unread notifications of the actor's organizations (or of one of them) read. */
  async markAllRead(actor: Actor, organizationId?: number) {
    if (organizationId !== undefined && !actor.memberships.has(organizationId)) throw notFound(`organization ${organizationId} among yours`);
    const orgs = organizationId !== undefined ? [organizationId] : [...actor.memberships.keys()];
    return { marked: await this.repo.markAllRead(orgs, actor.userId, nowIso()) };
  }

  // offers

  private presentOffer(o: OfferViewRow) {
    return {
      id: o.id,
      demandId: o.demand_id,
      producer: { id: o.organization_id, name: o.producer_name, country: o.producer_country },
      productType: { id: o.product_type_id, designation: o.designation, designationLatin: o.designation_latin },
      price: Number(o.price),
      currency: o.currency,
      leadTimeDays: o.lead_time_days,
      volume: o.volume,
      note: o.note,
      status: o.status,
      createdAt: o.created_at,
      decidedAt: o.decided_at,
      decisionNote: o.decision_note,
    };
  }

  async createOffer(actor: Actor, demandId: number, input: OfferInput) {
    const demand = await this.repo.getDemand(demandId);
    if (!demand || !(await this.repo.getDemandView(demandId, viewerOf(actor)))) throw notFound(`demand ${demandId}`);
    const product = await this.productTypes.findOwnership(input.productTypeId);
    if (!product) throw invalid(`product type ${input.productTypeId} does not exist`);
    if (product.organization_id === null || !canOfferFor(actor, product.organization_id)) throw forbidden('only members of the maker offer its product types');
    try {
      checkNewOffer({ status: demand.status, buyerOrganizationId: demand.buyer_organization_id }, product.organization_id);
    } catch (e) {
      fromExchangeError(e);
    }
    const now = nowIso();
    const offerId = await this.repo.transaction(async (repo) => {
      const id = await repo.insertOffer({
        demand_id: demandId,
        organization_id: product.organization_id!,
        product_type_id: input.productTypeId,
        price: input.price,
        currency: input.currency,
        lead_time_days: input.leadTimeDays,
        volume: input.volume,
        note: input.note ?? null,
        status: 'open',
        created_by: actor.userId,
        created_at: now,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      });
      const view = (await repo.offerView(id))!;
      await repo.notify(
        [
          {
            organization_id: demand.buyer_organization_id,
            kind: 'offer.received',
            demand_id: demandId,
            offer_id: id,
            dedupe_key: `offer.received:${id}`,
            payload: { demand: await demandSummary(repo, demand), offer: this.presentOffer(view) },
          },
        ],
        now,
      );
      return id;
    });
    return this.presentOffer((await this.repo.offerView(offerId))!);
  }

  async offersOf(actor: Actor | null, demandId: number) {
    const demand = await this.repo.getDemand(demandId);
    if (!demand || !(await this.repo.getDemandView(demandId, viewerOf(actor)))) throw notFound(`demand ${demandId}`);
    if (!actor) throw new AppError(401, 'unauthenticated');
    const all = isAdmin(actor) || actor.role === 'operator' || actor.memberships.has(demand.buyer_organization_id);
    const rows = await this.repo.offersOf(demandId, all ? 'all' : [...actor.memberships.keys()]);
    return rows.map((o) => this.presentOffer(o));
  }

  async getOffer(actor: Actor | null, id: number) {
    const o = await this.repo.offerView(id);
    if (!o) throw notFound(`offer ${id}`);
    if (!actor) throw new AppError(401, 'unauthenticated');
    const demand = (await this.repo.getDemand(o.demand_id))!;
    if (!canSeeOffer(actor, { buyerOrganizationId: demand.buyer_organization_id, producerOrganizationId: o.organization_id }))
      throw forbidden('offers are seen by the buyer, the producer, operators and administrators');
    return this.presentOffer(o);
  }

  private async decide(actor: Actor, offerId: number, action: OfferAction) {
    const offer = await this.repo.getOffer(offerId);
    if (!offer) throw notFound(`offer ${offerId}`);
    const demand = (await this.repo.getDemand(offer.demand_id))!;
    if (action === 'withdraw' ? !canWithdrawOffer(actor, offer.organization_id) : !canDecideOffer(actor, demand.buyer_organization_id))
      throw forbidden(action === 'withdraw' ? 'only members of the producer withdraw its offer' : 'only members of the buyer accept or decline offers');
    try {
      return { offer, demand, status: nextOfferStatus(offer.status, action, demand.status) };
    } catch (e) {
      return fromExchangeError(e);
    }
  }

  private async moveOffer(repo: ExchangeRepository, actor: Actor, offer: OfferRow, status: OfferRow['status'], note: string | null, now: string) {
    const moved = await repo.setOfferStatus(offer.id, 'open', { status, decided_at: now, decided_by: actor.userId, decision_note: note });
    if (!moved) throw conflict('the offer was decided meanwhile');
  }

  async declineOffer(actor: Actor, offerId: number, reason?: string) {
    const { offer, status } = await this.decide(actor, offerId, 'decline');
    const now = nowIso();
    await this.repo.transaction(async (repo) => {
      await this.moveOffer(repo, actor, offer, status, reason ?? null, now);
      await repo.notify(
        [
          {
            organization_id: offer.organization_id,
            kind: 'offer.declined',
            demand_id: offer.demand_id,
            offer_id: offer.id,
            dedupe_key: `offer.declined:${offer.id}`,
            payload: { offerId: offer.id, demandId: offer.demand_id, status, reason: reason ?? null },
          },
        ],
        now,
      );
    });
    return this.presentOffer((await this.repo.offerView(offerId))!);
  }

  async withdrawOffer(actor: Actor, offerId: number) {
    const { offer, demand, status } = await this.decide(actor, offerId, 'withdraw');
    const now = nowIso();
    await this.repo.transaction(async (repo) => {
      await this.moveOffer(repo, actor, offer, status, null, now);
      await repo.notify(
        [
          {
            organization_id: demand.buyer_organization_id,
            kind: 'offer.withdrawn',
            demand_id: offer.demand_id,
            offer_id: offer.id,
            dedupe_key: `offer.withdrawn:${offer.id}`,
            payload: { offerId: offer.id, demandId: offer.demand_id, status },
          },
        ],
        now,
      );
    });
    return this.presentOffer((await this.repo.offerView(offerId))!);
  }

  /** Accepting makes a contract and its substitution in one transaction; the demand's other offers stay open. */
  async acceptOffer(actor: Actor, offerId: number, input: AcceptInput) {
    const { offer, demand, status } = await this.decide(actor, offerId, 'accept');
    const volume = input.volume ?? offer.volume;
    const price = Number(offer.price);
    let sum: number;
    try {
      sum = contractSum(price, volume, offer.currency, input.sum);
    } catch (e) {
      fromExchangeError(e);
    }
    const now = nowIso();
    const contractDate = input.contractDate ?? today();
    const foreignKey = demand.part_number_key;
    const contractId = await this.repo.transaction(async (repo) => {
      await this.moveOffer(repo, actor, offer, status, null, now);
      const foreignPart = foreignKey ? await repo.foreignPartIdByKey(foreignKey) : undefined;
      const id = await repo.insertContract(
        {
          demand_id: demand.id,
          offer_id: offer.id,
          buyer_organization_id: demand.buyer_organization_id,
          producer_organization_id: offer.organization_id,
          product_type_id: offer.product_type_id,
          volume,
          price,
          sum,
          currency: offer.currency,
          contract_date: contractDate,
          created_by: actor.userId,
          created_at: now,
        },
        {
          foreign_part_number: demand.part_number,
          foreign_part_key: foreignKey,
          foreign_part_id: foreignPart?.id ?? null,
          item_description: demand.description,
          product_type_id: offer.product_type_id,
          buyer_organization_id: demand.buyer_organization_id,
          producer_organization_id: offer.organization_id,
          created_at: now,
        },
      );
      // the contract makes (or strengthens) the supply tie from the producer to the buyer
      await new TiesRepository(repo.db).recordContract({
        producerOrganizationId: offer.organization_id,
        buyerOrganizationId: demand.buyer_organization_id,
        productTypeId: offer.product_type_id,
        contractDate,
        userId: actor.userId,
      });
      await repo.notify(
        [
          {
            organization_id: offer.organization_id,
            kind: 'offer.accepted',
            demand_id: demand.id,
            offer_id: offer.id,
            dedupe_key: `offer.accepted:${offer.id}`,
            payload: { offerId: offer.id, demandId: demand.id, status, contractId: id },
          },
        ],
        now,
      );
      return id;
    });
    return this.getContract(actor, contractId);
  }

  // contracts

  private presentContract(c: ContractViewRow) {
    return {
      id: c.id,
      demandId: c.demand_id,
      offerId: c.offer_id,
      buyer: { id: c.buyer_organization_id, name: c.buyer_name, country: c.buyer_country },
      producer: { id: c.producer_organization_id, name: c.producer_name, country: c.producer_country },
      productType: { id: c.product_type_id, designation: c.designation, designationLatin: c.designation_latin },
      volume: c.volume,
      price: Number(c.price),
      sum: Number(c.sum),
      currency: c.currency,
      contractDate: c.contract_date,
      substitution:
        c.substitution_id !== null
          ? {
              id: c.substitution_id,
              foreignPartNumber: c.foreign_part_number,
              foreignPartId: c.foreign_part_id,
              itemDescription: c.item_description,
              productTypeId: c.product_type_id,
            }
          : null,
      createdAt: c.created_at,
    };
  }

  async getContract(actor: Actor | null, id: number) {
    const c = await this.repo.contractView(id);
    if (!c) throw notFound(`contract ${id}`);
    if (!actor) throw new AppError(401, 'unauthenticated');
    const parties = {
      buyer: { id: c.buyer_organization_id, country: c.buyer_country },
      producer: { id: c.producer_organization_id, country: c.producer_country },
    };
    if (!canSeeContract(actor, parties)) throw forbidden('contract details are seen by its two parties, operators of their countries and administrators');
    return this.presentContract(c);
  }

  async listContracts(actor: Actor, page: PageRequest) {
    const scope = isAdmin(actor)
      ? ({ all: true } as const)
      : { organizationIds: [...actor.memberships.keys()], country: actor.role === 'operator' ? actor.operatorCountry : null };
    const { items, total } = await this.repo.listContracts(scope, page);
    return { items: items.map((c) => this.presentContract(c)), total, page: page.page, pageSize: page.pageSize };
  }
}
