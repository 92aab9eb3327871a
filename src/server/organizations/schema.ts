import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery } from '../http/pagination';
import { Country } from '../accounts/schema';

const Region = Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$', description: 'ISO 3166-2 code, e.g. BY-MI or RU-MOW' });
const Unp = Type.String({ pattern: '^[0-9]{9}$', description: 'УНП (Belarus), 9 digits' });
const Inn = Type.String({ pattern: '^([0-9]{10}|[0-9]{12})$', description: 'ИНН (Russia), 10 or 12 digits' });
const Ogrn = Type.String({ pattern: '^([0-9]{13}|[0-9]{15})$', description: 'ОГРН (Russia), 13 or 15 digits' });

export const OrganizationSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  country: Type.String(),
  region: Nullable(Type.String()),
  unp: Nullable(Type.String()),
  inn: Nullable(Type.String()),
  ogrn: Nullable(Type.String()),
  website: Nullable(Type.String()),
  description: Nullable(Type.String()),
  productCount: Type.Integer(),
});
export type OrganizationView = Static<typeof OrganizationSchema>;

export const OrganizationListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  country: Type.Optional(Country),
  region: Type.Optional(Region),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('country'), Type.Literal('productCount')])),
});
export type OrganizationListQueryType = Static<typeof OrganizationListQuery>;

const fields = {
  name: Type.String({ minLength: 1, maxLength: 500 }),
  shortName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  country: Country,
  region: Type.Optional(Nullable(Region)),
  unp: Type.Optional(Nullable(Unp)),
  inn: Type.Optional(Nullable(Inn)),
  ogrn: Type.Optional(Nullable(Ogrn)),
  website: Type.Optional(Nullable(Type.String({ maxLength: 500, pattern: '^https?://' }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
};

export const CreateOrganizationBody = Type.Object(fields, { additionalProperties: false });
export type CreateOrganizationInput = Static<typeof CreateOrganizationBody>;
export const UpdateOrganizationBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
export type UpdateOrganizationInput = Static<typeof UpdateOrganizationBody>;

export const MemberSchema = Type.Object({ userId: Type.Integer(), email: Type.String(), name: Type.String(), role: Type.String(), since: Type.String() });
export const AddMemberBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), role: Type.Union([Type.Literal('member'), Type.Literal('manager')]) },
  { additionalProperties: false },
);
