/** Request and response schemas of state-support programmes (TypeBox: validation and OpenAPI from one source). */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery } from '../http/pagination';

export const ProgrammeState = Type.Union([Type.Literal('BY'), Type.Literal('RU'), Type.Literal('UNION')], {
  description: 'BY: Belarus; RU: Russia; UNION: the Union State',
});
const Year = Type.Integer({ minimum: 1991, maximum: 2100 });

export const ProgrammeBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500 }),
    state: ProgrammeState,
    ownerBody: Type.String({ minLength: 1, maxLength: 500, description: 'the body that owns the programme (ministry, committee, …)' }),
    yearFrom: Year,
    yearTo: Year,
    description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    organizationIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { maxItems: 5000, description: 'participating organizations (replaces the list)' }),
    ),
    productTypeIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { maxItems: 5000, description: 'products of the programme (replaces the list)' }),
    ),
  },
  { additionalProperties: false },
);
export type ProgrammeInputBody = Static<typeof ProgrammeBody>;

const filters = {
  state: Type.Optional(ProgrammeState),
  year: Type.Optional({ ...Year, description: 'programmes running in this year' }),
};

export const ProgrammeListQuery = Type.Object({ ...PageQuery, ...filters }, { additionalProperties: false });
export type ProgrammeListQueryType = Static<typeof ProgrammeListQuery>;

export const ProgrammeExportQuery = Type.Object(
  { ...filters, format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'xlsx' })) },
  { additionalProperties: false },
);

export const ProgrammeView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  state: ProgrammeState,
  ownerBody: Type.String(),
  yearFrom: Type.Integer(),
  yearTo: Type.Integer(),
  description: Nullable(Type.String()),
  organizations: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), country: Type.String() })),
  products: Type.Array(Type.Object({ id: Type.Integer(), designation: Type.String(), makerName: Nullable(Type.String()) })),
  demo: Type.Boolean({ description: 'part of the demo batch (demo mode only)' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ProgrammePage = Type.Object({ items: Type.Array(ProgrammeView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
