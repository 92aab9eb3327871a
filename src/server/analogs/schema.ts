import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery } from '../http/pagination';
import { AnalogType, MakerRef } from '../product-types/schema';

export const AnalogLinkSchema = Type.Object({
  id: Type.Integer(),
  type: AnalogType,
  verified: Type.Boolean(),
  verifiedBy: Nullable(Type.Integer()),
  verifiedAt: Nullable(Type.String()),
  source: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  productType: Type.Object({ id: Type.Integer(), designation: Type.String(), designationLatin: Type.String(), maker: Nullable(MakerRef) }),
  foreignPart: Type.Object({ id: Type.Integer(), partNumber: Type.String(), manufacturer: Nullable(Type.String()) }),
});
export type AnalogLinkView = Static<typeof AnalogLinkSchema>;

export const AnalogListQuery = Type.Object({
  ...PageQuery,
  productTypeId: Type.Optional(Type.Integer({ minimum: 1 })),
  foreignPartId: Type.Optional(Type.Integer({ minimum: 1 })),
  type: Type.Optional(AnalogType),
  verified: Type.Optional(Type.Boolean()),
});
export type AnalogListQueryType = Static<typeof AnalogListQuery>;

export const CreateAnalogBody = Type.Object(
  {
    productTypeId: Type.Integer({ minimum: 1 }),
    foreignPartId: Type.Optional(Type.Integer({ minimum: 1 })),
    foreignPartNumber: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'used when foreignPartId is not given; the part is created if missing' }),
    ),
    foreignManufacturer: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    type: AnalogType,
    source: Type.String({ minLength: 1, maxLength: 2000, description: 'provenance: where this analog claim comes from' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type CreateAnalogInput = Static<typeof CreateAnalogBody>;

export const UpdateAnalogBody = Type.Object(
  {
    type: Type.Optional(AnalogType),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    verified: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateAnalogInput = Static<typeof UpdateAnalogBody>;
