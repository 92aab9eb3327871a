/** Server-side pagination and sorting shared by every list endpoint. */
import { Type, type TSchema, type Static, type TUnion, type TNull, type SchemaOptions } from '@sinclair/typebox';

export const MAX_PAGE_SIZE = 200;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export interface PageRequest {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
}

export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageRequest(q: { page?: number; pageSize?: number; order?: 'asc' | 'desc' }): PageRequest {
  return { page: q.page ?? 1, pageSize: q.pageSize ?? 25, order: q.order ?? 'asc' };
}

export const offset = (p: PageRequest) => (p.page - 1) * p.pageSize;

export type PageQueryType = Static<ReturnType<typeof Type.Object<typeof PageQuery>>>;

/** Schema for a numeric id in a path. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/**
 * Nullable helper for response and body schemas. A schema with a `type` becomes `nullable` (one schema, so
 * coercion leaves a stated `false` or `0` alone and never turns a stated `null` into one); others a union.
 */
export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}): TUnion<[T, TNull]> =>
  typeof schema.type === 'string' ? ({ ...schema, ...options, nullable: true } as unknown as TUnion<[T, TNull]>) : Type.Union([schema, Type.Null()], options);

export const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });
