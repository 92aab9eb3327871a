/** Request schemas of the demand exchange (TypeBox: validation and OpenAPI from one source). */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery } from '../http/pagination';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Region = Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$', description: 'ISO 3166-2 code, e.g. BY-MI, RU-MOW' });
export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('registered'), Type.Literal('anonymous')], {
  description: 'public; registered: signed-in users only; anonymous: public, the buyer’s name hidden',
});
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code: BYN, RUB, USD, EUR, CNY…' });

const demandFields = {
  partNumber: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'foreign manufacturer part number, e.g. SN74HC00N' }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  categoryCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  quantityPerYear: Type.Number({ exclusiveMinimum: 0, maximum: 1e12 }),
  neededBy: Type.Optional(Nullable(IsoDate)),
  region: Type.Optional(Nullable(Region)),
  visibility: Type.Optional(Visibility),
};

export const CreateDemandBody = Type.Object(
  { buyerOrganizationId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the buyer; the poster must be its member' }), ...demandFields },
  { additionalProperties: false },
);
export type CreateDemandInput = Static<typeof CreateDemandBody>;

export const UpdateDemandBody = Type.Object(demandFields, { additionalProperties: false });
export type UpdateDemandInput = Static<typeof UpdateDemandBody>;

export const DemandListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
    region: Type.Optional(Region),
    category: Type.Optional(Type.String({ maxLength: 64, description: 'category code; includes sub-categories' })),
    partNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'compared by its normalised key' })),
    mine: Type.Optional(Type.Boolean({ description: 'only the demands of my organizations' })),
    matched: Type.Optional(Type.Boolean({ description: 'only the demands matched to my organizations’ product types' })),
  },
  { additionalProperties: false },
);
export type DemandListQueryType = Static<typeof DemandListQuery>;

export const BomDemandsBody = Type.Object(
  {
    buyerOrganizationId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    positions: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
        minItems: 1,
        maxItems: 50_000,
        description: 'lines to post; default: every not covered line',
      }),
    ),
    boardsPerYear: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e9, description: 'yearly demand = line quantity × boards per year' })),
    neededBy: Type.Optional(Nullable(IsoDate)),
    region: Type.Optional(Nullable(Region)),
    visibility: Type.Optional(Visibility),
  },
  { additionalProperties: false },
);
export type BomDemandsInput = Static<typeof BomDemandsBody>;

export const InboxQuery = Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const ReadAllQuery = Type.Object(
  {
    organizationId: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'only this organization’s notifications; default: all of mine' }),
    ),
  },
  { additionalProperties: false },
);
export const ReadAllResponse = Type.Object({ marked: Type.Integer({ description: 'notifications marked read now' }) });

export const WebhookBody = Type.Object(
  {
    url: Type.String({
      minLength: 8,
      maxLength: 2000,
      description:
        'https:// (or http://) address that receives POSTed JSON; loopback, private and link-local hosts are refused unless the server sets WEBHOOK_ALLOW_PRIVATE',
    }),
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, description: 'HMAC key; generated and returned once when omitted on first setup' })),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type WebhookInput = Static<typeof WebhookBody>;

export const DeliveryListQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')])) },
  { additionalProperties: false },
);

export const OfferBody = Type.Object(
  {
    productTypeId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'a product type of the offering organization' }),
    price: Type.Number({ minimum: 0, maximum: 1e12, description: 'price per unit' }),
    currency: Currency,
    leadTimeDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    volume: Type.Number({ exclusiveMinimum: 0, maximum: 1e12, description: 'units per year offered' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type OfferInput = Static<typeof OfferBody>;

export const AcceptBody = Type.Object(
  {
    volume: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e12, description: 'default: the offered volume' })),
    sum: Type.Optional(Type.Number({ minimum: 0, maximum: 1e15, description: 'default: price × volume' })),
    contractDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type AcceptInput = Static<typeof AcceptBody>;

export const DeclineBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

export const ContractListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
