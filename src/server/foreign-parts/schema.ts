import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery } from '../http/pagination';
import { AnalogType, CategoryRef, MakerRef } from '../product-types/schema';

export const ForeignPartSummarySchema = Type.Object({
  id: Type.Integer(),
  partNumber: Type.String(),
  manufacturer: Nullable(Type.String()),
  description: Nullable(Type.String()),
  analogCount: Type.Integer(),
});

export const ForeignPartDetailSchema = Type.Object({
  id: Type.Integer(),
  partNumber: Type.String(),
  partNumberKey: Type.String(),
  manufacturer: Nullable(Type.String()),
  description: Nullable(Type.String()),
  analogs: Type.Array(
    Type.Object({
      id: Type.Integer(),
      type: AnalogType,
      verified: Type.Boolean(),
      verifiedAt: Nullable(Type.String()),
      source: Nullable(Type.String()),
      note: Nullable(Type.String()),
      productType: Type.Object({
        id: Type.Integer(),
        designation: Type.String(),
        designationLatin: Type.String(),
        category: Nullable(CategoryRef),
        maker: Nullable(MakerRef),
      }),
    }),
  ),
});
export type ForeignPartDetail = Static<typeof ForeignPartDetailSchema>;

export const ForeignPartListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  manufacturer: Type.Optional(Type.String({ maxLength: 200 })),
  hasAnalogs: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Union([Type.Literal('partNumber'), Type.Literal('updatedAt')])),
});
export type ForeignPartListQueryType = Static<typeof ForeignPartListQuery>;

export const CreateForeignPartBody = Type.Object(
  {
    partNumber: Type.String({ minLength: 1, maxLength: 100 }),
    manufacturer: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type CreateForeignPartInput = Static<typeof CreateForeignPartBody>;
export const UpdateForeignPartBody = Type.Partial(CreateForeignPartBody, { additionalProperties: false });
export type UpdateForeignPartInput = Static<typeof UpdateForeignPartBody>;
