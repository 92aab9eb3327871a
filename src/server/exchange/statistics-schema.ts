/** Request and response schemas of currency rates and the public exchange dashboard. */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../http/pagination';

const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code: BYN, RUB, USD, EUR, CNY…' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const RateBody = Type.Object(
  {
    currency: Currency,
    toCurrency: Currency,
    rate: Type.Number({ exclusiveMinimum: 0, maximum: 1e9, description: 'units of toCurrency for one unit of currency' }),
    date: IsoDate,
    source: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'where the rate comes from (e.g. НБРБ, ЦБ РФ)' }))),
  },
  { additionalProperties: false },
);
export type RateInput = Static<typeof RateBody>;

export const RateView = Type.Object({
  id: Type.Integer(),
  currency: Type.String(),
  toCurrency: Type.String(),
  rate: Type.Number(),
  date: Type.String(),
  source: Nullable(Type.String()),
  demo: Type.Boolean(),
  createdAt: Type.String(),
});

export const RateListQuery = Type.Object({ currency: Type.Optional(Currency), toCurrency: Type.Optional(Currency) }, { additionalProperties: false });
export type RateListQueryType = Static<typeof RateListQuery>;

export const RateList = Type.Object({ items: Type.Array(RateView) });

const dashboardFilters = {
  year: Type.Optional(Type.Integer({ minimum: 1991, maximum: 2100, description: 'contracts dated and demand posted in this year' })),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'buyer country of contracts, country of demand (BY, RU, …)' })),
  currency: Type.Optional({ ...Currency, description: 'convert sums into this currency (default RUB)' }),
};

export const DashboardQuery = Type.Object(dashboardFilters, { additionalProperties: false });
export type DashboardQueryType = Static<typeof DashboardQuery>;
export const DashboardExportQuery = Type.Object(
  { ...dashboardFilters, format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'xlsx' })) },
  { additionalProperties: false },
);

const Money = Type.Object({ currency: Type.String(), sum: Type.Number() });
export const Figures = Type.Object({
  substitutedTypes: Type.Integer({ description: 'distinct foreign part types (or described items) substituted by contracts' }),
  contracts: Type.Integer(),
  sums: Type.Array(Money, { description: 'contract sums per currency as entered' }),
  converted: Type.Object({
    currency: Type.String(),
    sum: Type.Number({ description: 'sums converted with the latest rate on or before each contract date' }),
    contracts: Type.Integer({ description: 'contracts converted' }),
    notConverted: Type.Array(Type.Object({ currency: Type.String(), sum: Type.Number(), contracts: Type.Integer() }), {
      description: 'sums without a rate on or before their date: not converted, not guessed',
    }),
  }),
  cooperatingOrganizations: Type.Integer({ description: 'distinct parties of the contracts' }),
  demand: Type.Object({ entries: Type.Integer(), quantityPerYear: Type.Number() }),
  demo: Type.Object({ contracts: Type.Integer(), demands: Type.Integer() }, { description: 'demo rows within these figures (demo mode only; else 0)' }),
});
const Group = Type.Composite([Type.Object({ key: Nullable(Type.String({ description: 'null: not known (no region, no category)' })) }), Figures]);

export const DashboardView = Type.Object({
  filters: Type.Object({ year: Nullable(Type.Integer()), country: Nullable(Type.String()) }),
  currency: Type.String(),
  demoMode: Type.Boolean({ description: 'true: demo rows are included and counted in `demo`; false: they are left out' }),
  totals: Figures,
  groups: Type.Object({ country: Type.Array(Group), region: Type.Array(Group), category: Type.Array(Group), year: Type.Array(Group) }),
  ratesUsed: Type.Array(
    Type.Object({ currency: Type.String(), toCurrency: Type.String(), rate: Type.Number(), date: Type.String(), contracts: Type.Integer() }),
  ),
});
