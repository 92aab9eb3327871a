import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery } from '../http/pagination';
import { Country } from '../accounts/schema';

export const QualityLevel = Type.Union([Type.Literal('commercial'), Type.Literal('industrial'), Type.Literal('otk'), Type.Literal('military')]);
export const ProductionStatus = Type.Union([Type.Literal('in_production'), Type.Literal('development'), Type.Literal('discontinued')]);
export const AnalogType = Type.Union([Type.Literal('full'), Type.Literal('functional'), Type.Literal('partial')]);

export const CategoryRef = Type.Object({ id: Type.Integer(), code: Type.String(), nameRu: Type.String(), nameBe: Type.String(), nameEn: Type.String() });
export const MakerRef = Type.Object({ id: Type.Integer(), name: Type.String(), country: Type.String() });

export const ProductTypeSummarySchema = Type.Object({
  id: Type.Integer(),
  designation: Type.String(),
  designationLatin: Type.String(),
  category: Nullable(CategoryRef),
  functionRu: Nullable(Type.String()),
  functionEn: Nullable(Type.String()),
  functionDerived: Type.Boolean(),
  status: Nullable(Type.String()),
  qualityLevel: Nullable(Type.String()),
  maker: Nullable(MakerRef),
  analogCount: Type.Integer(),
  updatedAt: Type.String(),
});
export type ProductTypeSummary = Static<typeof ProductTypeSummarySchema>;

export const ParameterSchema = Type.Object({
  name: Type.String(),
  min: Nullable(Type.Number()),
  typ: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  unit: Nullable(Type.String()),
  text: Nullable(Type.String()),
});
export type ParameterView = Static<typeof ParameterSchema>;

export const ProductAnalogSchema = Type.Object({
  id: Type.Integer(),
  type: AnalogType,
  verified: Type.Boolean(),
  verifiedAt: Nullable(Type.String()),
  source: Nullable(Type.String()),
  note: Nullable(Type.String()),
  foreignPart: Type.Object({ id: Type.Integer(), partNumber: Type.String(), manufacturer: Nullable(Type.String()) }),
});

export const ProductTypeDetailSchema = Type.Composite([
  ProductTypeSummarySchema,
  Type.Object({
    designationKey: Type.String(),
    packages: Type.Array(Type.String()),
    standards: Type.Array(Type.String()),
    okpd2: Nullable(Type.String()),
    tnved: Nullable(Type.String()),
    description: Nullable(Type.String()),
    source: Nullable(Type.String()),
    parameters: Type.Array(ParameterSchema),
    analogs: Type.Array(ProductAnalogSchema),
    createdAt: Type.String(),
  }),
]);
export type ProductTypeDetail = Static<typeof ProductTypeDetailSchema>;

export const ProductTypeListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(Type.String({ maxLength: 64, description: 'category code; includes its sub-categories' })),
  maker: Type.Optional(Type.Integer({ minimum: 1 })),
  country: Type.Optional(Country),
  status: Type.Optional(ProductionStatus),
  qualityLevel: Type.Optional(QualityLevel),
  hasAnalogs: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Union([Type.Literal('designation'), Type.Literal('updatedAt'), Type.Literal('createdAt')])),
});
export type ProductTypeListQueryType = Static<typeof ProductTypeListQuery>;

const ParameterInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    min: Type.Optional(Nullable(Type.Number())),
    typ: Type.Optional(Nullable(Type.Number())),
    max: Type.Optional(Nullable(Type.Number())),
    unit: Type.Optional(Nullable(Type.String({ maxLength: 20, description: 'unit of min/typ/max as given (mV, kHz …); stored converted to SI' }))),
    text: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'the value as written in the datasheet' }))),
  },
  { additionalProperties: false },
);
export type ParameterInputType = Static<typeof ParameterInput>;

const fields = {
  designation: Type.String({ minLength: 1, maxLength: 100 }),
  designationLatin: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  makerId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  categoryCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  functionRu: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  functionEn: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  packages: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  qualityLevel: Type.Optional(Nullable(QualityLevel)),
  standards: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
  okpd2: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{1,3}){0,4}$' }))),
  tnved: Type.Optional(Nullable(Type.String({ pattern: '^[0-9 ]{4,13}$' }))),
  status: Type.Optional(Nullable(ProductionStatus)),
  description: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
  source: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  parameters: Type.Optional(Type.Array(ParameterInput, { maxItems: 200 })),
};

export const CreateProductTypeBody = Type.Object(fields, { additionalProperties: false });
export type CreateProductTypeInput = Static<typeof CreateProductTypeBody>;
export const UpdateProductTypeBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
export type UpdateProductTypeInput = Static<typeof UpdateProductTypeBody>;
