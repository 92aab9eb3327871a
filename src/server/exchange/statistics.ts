/**
 * Currency rates (recorded by operators and admins) and the public exchange dashboard: aggregates of contracts,
 * substitutions and demand computed by the pure `dashboard` of domain/exchange, with CSV and XLSX downloads of
 * the same figures. Contract details stay behind /api/contracts. Outside demo mode the demo batch is left out.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/permissions';
import { isCalendarDate } from '../../domain/exchange/demand';
import { canRecordRates, rateProblems, RateTable } from '../../domain/exchange/rates';
import { dashboard, DIMENSIONS, type ContractFact, type DemandFact, type Figures } from '../../domain/exchange/dashboard';
import type { Database } from '../db/types';
import { forbidden, invalid, notFound } from '../http/errors';
import { nowIso } from '../clock';
import { isDemoRow } from './demo-rows';
import type { Sheet } from './sheets';
import type { DashboardQueryType, RateInput, RateListQueryType } from './statistics-schema';

const DEFAULT_CURRENCY = 'RUB';

export class StatisticsRepository {
  constructor(readonly db: Kysely<Database>) {}

  rates(filters: RateListQueryType, includeDemo: boolean) {
    let q = this.db
      .selectFrom('currency_rates as r')
      .selectAll('r')
      .select((eb) => isDemoRow(eb, 'currency_rates', 'r.id').as('demo'));
    if (filters.currency) q = q.where('r.currency', '=', filters.currency);
    if (filters.toCurrency) q = q.where('r.to_currency', '=', filters.toCurrency);
    if (!includeDemo) q = q.where((eb) => eb.not(isDemoRow(eb, 'currency_rates', 'r.id')));
    return q.orderBy('r.currency').orderBy('r.to_currency').orderBy('r.rate_date', 'desc').execute();
  }

  /** Records a rate; the same pair and date is replaced. Returns its id. */
  async upsertRate(r: RateInput, userId: number): Promise<number> {
    const now = nowIso();
    const row = await this.db
      .insertInto('currency_rates')
      .values({
        currency: r.currency,
        to_currency: r.toCurrency,
        rate: r.rate,
        rate_date: r.date,
        source: r.source ?? null,
        created_by: userId,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['currency', 'to_currency', 'rate_date']).doUpdateSet({ rate: r.rate, source: r.source ?? null, created_by: userId, created_at: now }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  getRate(id: number) {
    return this.db.selectFrom('currency_rates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async deleteRate(id: number) {
    await this.db.deleteFrom('currency_rates').where('id', '=', id).execute();
  }

  async contractFacts(filters: { year?: number; country?: string }, includeDemo: boolean): Promise<ContractFact[]> {
    let q = this.db
      .selectFrom('contracts as c')
      .innerJoin('organizations as b', 'b.id', 'c.buyer_organization_id')
      .leftJoin('product_types as p', 'p.id', 'c.product_type_id')
      .leftJoin('categories as cat', 'cat.id', 'p.category_id')
      .leftJoin('substitutions as x', 'x.contract_id', 'c.id')
      .select([
        'c.id',
        'c.contract_date',
        'c.sum',
        'c.currency',
        'c.buyer_organization_id',
        'c.producer_organization_id',
        'b.country',
        'b.region',
        'cat.code as category',
        'x.foreign_part_key',
        'x.item_description',
      ])
      .select((eb) => isDemoRow(eb, 'contracts', 'c.id').as('demo'));
    if (filters.year !== undefined) q = q.where('c.contract_date', '>=', `${filters.year}-01-01`).where('c.contract_date', '<', `${filters.year + 1}-01-01`);
    if (filters.country) q = q.where('b.country', '=', filters.country);
    if (!includeDemo) q = q.where((eb) => eb.not(isDemoRow(eb, 'contracts', 'c.id')));
    const rows = await q.orderBy('c.id').execute();
    return rows.map((r) => ({
      id: r.id,
      date: r.contract_date,
      sum: Number(r.sum),
      currency: r.currency,
      buyerId: r.buyer_organization_id,
      producerId: r.producer_organization_id,
      country: r.country,
      region: r.region,
      category: r.category,
      substituted: r.foreign_part_key ?? (r.item_description ? `text:${r.item_description.toLowerCase()}` : null),
      demo: Boolean(r.demo),
    }));
  }

  async demandFacts(filters: { year?: number; country?: string }, includeDemo: boolean): Promise<DemandFact[]> {
    let q = this.db
      .selectFrom('demands as d')
      .innerJoin('organizations as o', 'o.id', 'd.buyer_organization_id')
      .select(['d.id', 'd.created_at', 'd.region', 'd.category_code', 'd.quantity_per_year', 'o.country', 'o.region as buyer_region'])
      .select((eb) => isDemoRow(eb, 'demands', 'd.id').as('demo'));
    if (filters.year !== undefined) q = q.where('d.created_at', '>=', `${filters.year}-01-01`).where('d.created_at', '<', `${filters.year + 1}-01-01`);
    if (!includeDemo) q = q.where((eb) => eb.not(isDemoRow(eb, 'demands', 'd.id')));
    const rows = await q.orderBy('d.id').execute();
    return rows
      .map((r) => ({
        id: r.id,
        year: Number(r.created_at.slice(0, 4)),
        country: r.region ? r.region.slice(0, 2) : r.country,
        region: r.region ?? r.buyer_region,
        category: r.category_code,
        quantityPerYear: Number(r.quantity_per_year),
        demo: Boolean(r.demo),
      }))
      .filter((d) => !filters.country || d.country === filters.country);
  }
}

type RateRow = Awaited<ReturnType<StatisticsRepository['rates']>>[number];

const presentRate = (r: RateRow) => ({
  id: r.id,
  currency: r.currency,
  toCurrency: r.to_currency,
  rate: Number(r.rate),
  date: r.rate_date,
  source: r.source,
  demo: Boolean(r.demo),
  createdAt: r.created_at,
});

export class StatisticsService {
  constructor(
    private readonly repo: StatisticsRepository,
    private readonly options: { includeDemo: boolean },
  ) {}

  async rates(filters: RateListQueryType) {
    return { items: (await this.repo.rates(filters, this.options.includeDemo)).map(presentRate) };
  }

  async recordRate(actor: Actor, input: RateInput) {
    if (!canRecordRates(actor)) throw forbidden('currency rates are recorded by operators and administrators');
    const problems = rateProblems({ currency: input.currency, toCurrency: input.toCurrency, rate: input.rate, date: input.date }, isCalendarDate);
    if (problems.length) throw invalid(problems.join('; '));
    const id = await this.repo.upsertRate(input, actor.userId);
    const row = (await this.repo.rates({ currency: input.currency, toCurrency: input.toCurrency }, true)).find((r) => r.id === id)!;
    return presentRate(row);
  }

  async deleteRate(actor: Actor, id: number) {
    if (!canRecordRates(actor)) throw forbidden('currency rates are removed by operators and administrators');
    if (!(await this.repo.getRate(id))) throw notFound(`rate ${id}`);
    await this.repo.deleteRate(id);
  }

  async dashboard(query: DashboardQueryType) {
    const filters = { year: query.year, country: query.country?.toUpperCase() };
    const currency = query.currency ?? DEFAULT_CURRENCY;
    const [contracts, demands, rates] = await Promise.all([
      this.repo.contractFacts(filters, this.options.includeDemo),
      this.repo.demandFacts(filters, this.options.includeDemo),
      this.repo.rates({ toCurrency: currency }, this.options.includeDemo),
    ]);
    const table = new RateTable(
      currency,
      rates.map((r) => ({ currency: r.currency, toCurrency: r.to_currency, rate: Number(r.rate), date: r.rate_date })),
    );
    return {
      filters: { year: filters.year ?? null, country: filters.country ?? null },
      demoMode: this.options.includeDemo,
      ...dashboard(contracts, demands, table),
    };
  }

  /** The dashboard's figures as sheets: totals, one per grouping, and the rates used. */
  async sheets(query: DashboardQueryType): Promise<Sheet[]> {
    const d = await this.dashboard(query);
    const currencies = [...new Set([d.totals, ...DIMENSIONS.flatMap((k) => d.groups[k])].flatMap((f) => f.sums.map((s) => s.currency)))].sort();
    const header = [
      'substituted types',
      'contracts',
      ...currencies.map((c) => `sum ${c}`),
      `converted sum ${d.currency}`,
      'contracts converted',
      'not converted',
      'cooperating organizations',
      'demand entries',
      'demand quantity per year',
      ...(d.demoMode ? ['demo contracts', 'demo demand entries'] : []),
    ];
    const cells = (f: Figures) => [
      f.substitutedTypes,
      f.contracts,
      ...currencies.map((c) => f.sums.find((s) => s.currency === c)?.sum ?? 0),
      f.converted.sum,
      f.converted.contracts,
      f.converted.notConverted.map((n) => `${n.sum} ${n.currency} (${n.contracts})`).join('; '),
      f.cooperatingOrganizations,
      f.demand.entries,
      f.demand.quantityPerYear,
      ...(d.demoMode ? [f.demo.contracts, f.demo.demands] : []),
    ];
    const scope = [
      d.filters.year ? `year ${d.filters.year}` : 'all years',
      d.filters.country ?? 'all countries',
      d.demoMode ? 'DEMO DATA INCLUDED' : '',
    ].filter(Boolean);
    return [
      { name: 'Totals', header: ['scope', ...header], rows: [[scope.join(', '), ...cells(d.totals)]] },
      ...DIMENSIONS.map((k) => ({ name: `By ${k}`, header: [k, ...header], rows: d.groups[k].map((g) => [g.key ?? '(not known)', ...cells(g)]) })),
      {
        name: 'Rates used',
        header: ['currency', 'to currency', 'rate', 'date', 'contracts'],
        rows: d.ratesUsed.map((r) => [r.currency, r.toCurrency, r.rate, r.date, r.contracts]),
      },
    ];
  }
}
