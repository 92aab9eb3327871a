/** Request and response schemas of cooperation ties (TypeBox: validation and OpenAPI from one source). */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../http/pagination';

export const TieRole = Type.Union([Type.Literal('supplier'), Type.Literal('customer'), Type.Literal('co-development')], {
  description: 'the partner’s role for the organization: supplier (supplies it), customer (it supplies the partner), co-development',
});

export const CreateTieBody = Type.Object(
  {
    organizationId: Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: 'one side; the maker of the tie is a member of either side (or an admin)',
    }),
    partnerOrganizationId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    kind: TieRole,
    since: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD; default today' })),
    productTypeIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { maxItems: 500, description: 'product types the tie is about' }),
    ),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type CreateTieInput = Static<typeof CreateTieBody>;

const OrganizationRef = Type.Object({ id: Type.Integer(), name: Type.String(), country: Type.String(), region: Nullable(Type.String()) });

export const TieView = Type.Object({
  id: Type.Integer(),
  organizationId: Type.Integer({ description: 'the organization the tie is seen from' }),
  partner: OrganizationRef,
  kind: TieRole,
  since: Type.String(),
  source: Type.Union([Type.Literal('contract'), Type.Literal('manual')], { description: 'contract: made by concluded contracts; manual: by hand' }),
  contractCount: Type.Integer(),
  products: Type.Array(Type.Object({ id: Type.Integer(), designation: Type.String() })),
  note: Nullable(Type.String()),
  demo: Type.Boolean({ description: 'part of the demo batch (demo mode only)' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const TieList = Type.Object({ items: Type.Array(TieView) });

export const TieGraphQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$', description: 'ISO 3166-2 code, e.g. BY-MI' })),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. BY' })),
  },
  { additionalProperties: false },
);
export type TieGraphQueryType = Static<typeof TieGraphQuery>;

export const TieGraphView = Type.Object({
  scope: Type.Optional(Type.Object({ region: Type.Optional(Type.String()), country: Type.Optional(Type.String()) })),
  nodes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      country: Type.String(),
      region: Nullable(Type.String()),
      inScope: Type.Boolean({ description: 'in the region/country asked for (the organization asked for); others are partners outside' }),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      id: Type.Integer({ description: 'the tie' }),
      from: Type.Integer({ description: 'supply: the supplier; co-development: the lower organization id' }),
      to: Type.Integer(),
      kind: Type.Union([Type.Literal('supply'), Type.Literal('co-development')]),
      source: Type.Union([Type.Literal('contract'), Type.Literal('manual')]),
      since: Type.String(),
      weight: Type.Integer({ description: 'contracts behind the tie, at least 1' }),
      products: Type.Integer({ description: 'product types of the tie' }),
      demo: Type.Boolean(),
    }),
  ),
});
