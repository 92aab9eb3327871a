import { Type } from '@sinclair/typebox';
import { Nullable } from '../http/pagination';

export const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code, e.g. BY or RU' });
export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('operator'), Type.Literal('user')]);
export const MembershipRoleSchema = Type.Union([Type.Literal('member'), Type.Literal('manager')]);

export const UserSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  operatorCountry: Nullable(Type.String()),
  memberships: Type.Array(Type.Object({ organizationId: Type.Integer(), organizationName: Type.String(), role: MembershipRoleSchema })),
});

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const MeResponse = Type.Object({ user: Nullable(UserSchema), csrfToken: Nullable(Type.String()) });

export const PasswordBody = Type.Object(
  { currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ minLength: 10, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const TokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
});

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
    operatorCountry: Type.Optional(Nullable(Country)),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 1024 })),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    operatorCountry: Type.Optional(Nullable(Country)),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
