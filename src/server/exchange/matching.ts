/**
 * Matching demand to producers. A demand's part number goes through the search tiers of the BOM matcher
 * (`matchQueries`: exact, normalised, base and family, over analog links and domestic designations); a demand
 * given only as a description goes through the search service (its designation tiers and full text, within the
 * demand's category when it names one, analogType `text`); a demand given only as a category is matched to the
 * product types of that category and its sub-categories (tier and analogType `category`). The product types
 * found are grouped by maker, stored as matches and each maker gets one inbox notification per demand, never
 * two (a unique dedupe key).
 *
 * When the catalogue changes (an analog link or product type added, changed or removed, by the API, an import
 * or the demo loader) the worker's `rematchIfCatalogueChanged` sees a new fingerprint of the two tables
 * (newest updated_at and row count, both indexed lookups) and matches every open demand again in batches.
 * This one check catches every path that writes the catalogue, where a hook in one service would miss imports.
 */
import { matchQueries } from '../bom/matcher';
import type { Candidate } from '../../domain/bom/analysis';
import type { SearchRepository } from '../search/repository';
import type { SearchService } from '../search/service';
import type { CategoriesRepository } from '../categories/repository';
import { nowIso } from '../clock';
import type { DemandRow, ExchangeRepository, NewNotification } from './repository';

const SWEEP_BATCH = 200;
/** At most this many product types matched to a demand named by a description or a category: the best, or the first by id. */
const TEXT_MATCH_LIMIT = 50;
const CATEGORY_MATCH_LIMIT = 200;

/** A product type found for a demand, whichever way. */
type MatchCandidate = Pick<Candidate, 'productTypeId' | 'designation' | 'maker' | 'tier' | 'foreignPart'> & { analogType: string };
const FINGERPRINT_KEY = 'exchange.catalogue_fingerprint';

export interface MatchOutcome {
  demandId: number;
  organizations: number[];
  notified: number[];
}

/** What a producer is told about a demand: the buyer only when the demand is not anonymous. */
export async function demandSummary(repo: ExchangeRepository, d: DemandRow) {
  const buyer = d.visibility === 'anonymous' ? null : await repo.organizationRef(d.buyer_organization_id);
  return {
    id: d.id,
    partNumber: d.part_number,
    description: d.description,
    categoryCode: d.category_code,
    quantityPerYear: d.quantity_per_year,
    neededBy: d.needed_by,
    region: d.region,
    visibility: d.visibility,
    buyer: buyer ?? null,
  };
}

export class DemandMatcher {
  constructor(
    private readonly repo: ExchangeRepository,
    private readonly search: SearchRepository,
    private readonly text: SearchService,
    private readonly categories: CategoriesRepository,
  ) {}

  /** Matches open demands and notifies each newly matched maker once. */
  async match(demands: DemandRow[]): Promise<MatchOutcome[]> {
    const open = demands.filter((d) => d.status === 'open');
    if (!open.length) return [];
    const byPartNumber = open.filter((d) => d.part_number);
    const candidates = await matchQueries(
      this.search,
      byPartNumber.map((d) => d.part_number),
    );
    const outcomes: MatchOutcome[] = [];
    for (const [i, demand] of byPartNumber.entries()) outcomes.push(await this.store(demand, candidates[i]));
    for (const demand of open.filter((d) => !d.part_number)) outcomes.push(await this.store(demand, await this.described(demand)));
    return outcomes;
  }

  /** Candidates of a demand without a part number: its description through the search service, else its category. */
  private async described(demand: DemandRow): Promise<MatchCandidate[]> {
    const category = demand.category_code && (await this.categories.findByCode(demand.category_code)) ? demand.category_code : undefined;
    if (demand.description) {
      const found = await this.text.search({ q: demand.description, kind: 'productTypes', category, limit: TEXT_MATCH_LIMIT, facets: false });
      return found.productTypes.items.map((p) => ({
        productTypeId: p.id,
        designation: p.designation,
        maker: p.maker,
        tier: p.tier,
        analogType: 'text',
        foreignPart: null,
      }));
    }
    if (!category) return [];
    const rows = await this.search.productsFiltered({ categoryIds: await this.categories.subtreeIds(category) }, CATEGORY_MATCH_LIMIT);
    const makers = new Map((await this.repo.makersOf(rows.map((r) => r.id))).map((r) => [r.id, r]));
    return rows.flatMap((r) => {
      const m = makers.get(r.id);
      return m?.maker_id
        ? [
            {
              productTypeId: r.id,
              designation: r.designation,
              maker: { id: m.maker_id, name: m.maker_name, country: m.maker_country },
              tier: 'category' as Candidate['tier'],
              analogType: 'category',
              foreignPart: null,
            },
          ]
        : [];
    });
  }

  private async store(demand: DemandRow, candidates: MatchCandidate[]): Promise<MatchOutcome> {
    const now = nowIso();
    const byMaker = new Map<number, MatchCandidate[]>();
    const seen = new Set<number>();
    // candidates come best first; a product type found through several foreign parts keeps its best match
    for (const c of candidates) {
      if (!c.maker || c.maker.id === demand.buyer_organization_id || seen.has(c.productTypeId)) continue;
      seen.add(c.productTypeId);
      byMaker.set(c.maker.id, [...(byMaker.get(c.maker.id) ?? []), c]);
    }
    const summary = await demandSummary(this.repo, demand);
    const notified = await this.repo.transaction(async (repo) => {
      await repo.replaceMatches(
        demand.id,
        [...byMaker.entries()].flatMap(([organizationId, list]) =>
          list.map((c) => ({
            demand_id: demand.id,
            product_type_id: c.productTypeId,
            organization_id: organizationId,
            tier: c.tier,
            analog_type: c.analogType,
            foreign_part_id: c.foreignPart?.id ?? null,
            created_at: now,
          })),
        ),
      );
      await repo.updateDemand(demand.id, { matched_at: now });
      const notifications: NewNotification[] = [...byMaker.entries()].map(([organizationId, list]) => ({
        organization_id: organizationId,
        kind: 'demand.matched',
        demand_id: demand.id,
        offer_id: null,
        dedupe_key: `demand.matched:${demand.id}:${organizationId}`,
        payload: {
          demand: summary,
          productTypes: list.map((c) => ({ id: c.productTypeId, designation: c.designation, tier: c.tier, analogType: c.analogType })),
        },
      }));
      return repo.notify(notifications, now);
    });
    return { demandId: demand.id, organizations: [...byMaker.keys()], notified };
  }

  /** Re-matches every open demand when the catalogue changed since the last sweep; returns how many were matched. */
  async rematchIfCatalogueChanged(): Promise<number> {
    const fingerprint = await this.repo.catalogueFingerprint();
    if ((await this.repo.setting(FINGERPRINT_KEY)) === fingerprint) return 0;
    let count = 0;
    for (let after = 0; ;) {
      const batch = await this.repo.openDemands(after, SWEEP_BATCH);
      if (!batch.length) break;
      await this.match(batch);
      count += batch.length;
      after = batch[batch.length - 1].id;
    }
    await this.repo.setSetting(FINGERPRINT_KEY, fingerprint);
    return count;
  }
}
