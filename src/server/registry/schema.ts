/** Request schemas of the registry API (TypeBox: validation and OpenAPI from one source). */
import { Type } from '@sinclair/typebox';
import { OPERATION_CODES } from '../../domain/registry/operations';
import { Nullable, PageQuery } from '../http/pagination';

const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. BY, RU, CN' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const Operation = Type.Object(
  {
    code: Type.Union(OPERATION_CODES.map((c) => Type.Literal(c))),
    country: Country,
    organizationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    organizationName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

export const ContentShare = Type.Object({ country: Country, percent: Type.Number({ minimum: 0, maximum: 100 }) }, { additionalProperties: false });

const Facts = {
  makerTaxResidentEaeu: Nullable(Type.Boolean(), {
    description: 'the maker is a legal entity and tax resident of an EAEU state; null = not stated',
  }),
  designRightsYears: Nullable(Type.Number({ minimum: 0, maximum: 100 }), { description: 'years of rights to the design documentation' }),
  usesForeignReadyMadeSolutions: Nullable(Type.Boolean()),
  operations: Type.Array(Operation, { maxItems: 100 }),
  contentShares: Type.Array(ContentShare, { maxItems: 50 }),
};

export const ApplicationBody = Type.Object(
  {
    organizationId: Type.Integer({ minimum: 1 }),
    productTypeIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }),
    productName: Type.Optional(Type.String({ maxLength: 1000 })),
    okpd2: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    tnved: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    regulations: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    ...Facts,
  },
  { additionalProperties: false },
);

export const EvaluateBody = Type.Object(
  {
    date: Type.Optional(IsoDate),
    makerCountry: Country,
    includeDrafts: Type.Optional(Type.Boolean({ default: true })),
    ...Facts,
  },
  { additionalProperties: false },
);

const remarks = Type.String({ minLength: 1, maxLength: 4000 });
export const DecisionBody = Type.Union([
  Type.Object({ kind: Type.Literal('return'), remarks }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('reject'), remarks }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('include'),
      number: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
      validFrom: Type.Optional(IsoDate),
      validTill: Type.Optional(IsoDate),
      ruleSetId: Type.Optional(Type.Integer({ minimum: 1 })),
      remarks: Type.Optional(remarks),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('renew'), validTill: IsoDate, validFrom: Type.Optional(IsoDate), remarks: Type.Optional(remarks) },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('suspend'), date: Type.Optional(IsoDate), remarks }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('resume'), date: Type.Optional(IsoDate), remarks: Type.Optional(remarks) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('exclude'), date: Type.Optional(IsoDate), remarks }, { additionalProperties: false }),
]);

export const RegistryStatus = Type.Union(['active', 'expired', 'suspended', 'excluded', 'not_in_registry'].map((s) => Type.Literal(s)));

export const RecordListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(RegistryStatus),
    date: Type.Optional(IsoDate),
    country: Type.Optional(Country),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    ruleSet: Type.Optional(Type.String({ maxLength: 100 })),
    category: Type.Optional(Type.String({ maxLength: 100 })),
    origin: Type.Optional(Type.Union([Type.Literal('reestr'), Type.Literal('gisp')])),
    state: Type.Optional(Type.Union(['draft', 'submitted', 'returned', 'rejected', 'included'].map((s) => Type.Literal(s)))),
    organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const RecordQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });

export const RuleSetVersionBody = Type.Object(
  {
    points: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Number({ minimum: 0, maximum: 10_000 }))),
    status: Type.Optional(Type.Union([Type.Literal('in_force'), Type.Literal('draft')])),
    effectiveFrom: Type.Optional(IsoDate),
    effectiveTo: Type.Optional(Nullable(IsoDate)),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export const VerifyQuery = Type.Object(
  {
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    designation: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    date: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const VerifyItem = Type.Object(
  {
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    designation: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    date: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const MAX_BULK_ITEMS = 1000;
export const VerifyBulkBody = Type.Object(
  {
    date: Type.Optional(IsoDate),
    items: Type.Optional(Type.Array(VerifyItem, { minItems: 1, maxItems: MAX_BULK_ITEMS })),
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 100_000, description: 'one number or designation per line, optionally followed by ;date' })),
  },
  { additionalProperties: false },
);

export const DocumentKind = Type.Union(['act', 'conclusion', 'st1', 'certificate', 'other'].map((k) => Type.Literal(k)));
// multipart bodies are read as a stream by the route, so the schema only documents the fields
export const DocumentUploadBody = Type.Any({ description: `fields: file (the document), kind (${DocumentKind.anyOf.map((k) => k.const).join(', ')})` });
