import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../http/pagination';
import { Country } from '../accounts/schema';
import { AnalogType, CategoryRef, MakerRef, ProductTypeSummarySchema, QualityLevel } from '../product-types/schema';
import { TIERS } from '../../domain/matching';
import { REGISTRY_STANDINGS } from '../../domain/matching-registry';

export const TierSchema = Type.Union([
  Type.Literal('exact'),
  Type.Literal('normalised'),
  Type.Literal('base'),
  Type.Literal('family'),
  Type.Literal('prefix'),
  Type.Literal('fuzzy'),
  Type.Literal('fulltext'),
  Type.Literal('parametric'),
]);
// every registry status of the domain is in the schema
const _allStandings: Static<typeof RegistryStatusSchema>[] = [...REGISTRY_STANDINGS];
// every tier of the domain is in the schema
const _allTiers: Static<typeof TierSchema>[] = [...TIERS];
export const RegistryStatusSchema = Type.Union(
  [Type.Literal('active'), Type.Literal('suspended'), Type.Literal('expired'), Type.Literal('excluded'), Type.Literal('not_in_registry')],
  { description: 'registry status today: the best status of the registry records that list the product type' },
);
export const RegistryRefSchema = Type.Object(
  {
    status: RegistryStatusSchema,
    number: Nullable(Type.String()),
    recordId: Nullable(Type.Integer()),
    country: Nullable(Type.String()),
    validTill: Nullable(Type.String({ description: 'last day of the validity period in force; null when open-ended or not listed' })),
  },
  { description: 'registry status of the product type today, with the registry number of the record it comes from' },
);
const NoteSchema = Type.Object({ code: Type.String(), params: Type.Record(Type.String(), Type.String()) });
const hit = { tier: TierSchema, score: Type.Number(), notes: Type.Array(NoteSchema) };

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part number, designation (Cyrillic or Latin, any case) or words' })),
  kind: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('productTypes'), Type.Literal('foreignParts'), Type.Literal('organizations')])),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  country: Type.Optional(Country),
  maker: Type.Optional(Type.Integer({ minimum: 1 })),
  package: Type.Optional(Type.String({ maxLength: 100 })),
  qualityLevel: Type.Optional(QualityLevel),
  param: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10, description: 'parametric filter such as U_cc>=4.5V; repeatable' })),
  registryStatus: Type.Optional(RegistryStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type SearchQueryType = Static<typeof SearchQuery>;

export const SearchResponse = Type.Object({
  query: Type.Object({
    text: Type.String(),
    params: Type.Array(Type.Object({ name: Type.String(), op: Type.String(), value: Type.Number(), unit: Type.String() })),
  }),
  productTypes: Type.Object({
    total: Type.Integer(),
    items: Type.Array(Type.Composite([ProductTypeSummarySchema, Type.Object({ packages: Type.Array(Type.String()), registry: RegistryRefSchema, ...hit })])),
  }),
  foreignParts: Type.Object({
    total: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        partNumber: Type.String(),
        manufacturer: Nullable(Type.String()),
        description: Nullable(Type.String()),
        ...hit,
        analogCount: Type.Integer({ description: 'how many analogs the foreign part has; `analogs` holds the best 10 of them' }),
        analogs: Type.Array(
          Type.Object({
            id: Type.Integer(),
            type: AnalogType,
            verified: Type.Boolean(),
            productType: Type.Object({
              id: Type.Integer(),
              designation: Type.String(),
              designationLatin: Type.String(),
              maker: Nullable(MakerRef),
              category: Nullable(CategoryRef),
              registry: RegistryRefSchema,
            }),
          }),
        ),
      }),
    ),
  }),
  organizations: Type.Object({
    total: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        shortName: Nullable(Type.String()),
        country: Type.String(),
        region: Nullable(Type.String()),
        tier: TierSchema,
        score: Type.Number(),
      }),
    ),
  }),
  facets: Type.Object({
    category: Type.Array(Type.Object({ value: Type.String(), nameRu: Type.String(), nameBe: Type.String(), nameEn: Type.String(), count: Type.Integer() })),
    country: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
    maker: Type.Array(Type.Object({ value: Type.Integer(), label: Type.String(), count: Type.Integer() })),
    package: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
    qualityLevel: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
    registryStatus: Type.Array(Type.Object({ value: RegistryStatusSchema, count: Type.Integer() })),
  }),
  tookMs: Type.Number(),
});

export const SuggestQuery = Type.Object({
  q: Type.String({ maxLength: 200 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
});

export const SuggestResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('productType'), Type.Literal('foreignPart'), Type.Literal('organization')]),
      id: Type.Integer(),
      label: Type.String(),
      sublabel: Nullable(Type.String()),
      tier: TierSchema,
    }),
  ),
});
