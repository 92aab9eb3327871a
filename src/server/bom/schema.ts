import { Type } from '@sinclair/typebox';
import { Nullable } from '../http/pagination';

const Role = Type.Union(
  ['partNumber', 'value', 'manufacturer', 'designators', 'quantity', 'package', 'description', 'dnp', 'distributorPartNumber'].map((r) => Type.Literal(r)),
);

/** Options shared by JSON and multipart requests (multipart sends them as text fields). */
const runOptions = {
  name: Type.Optional(Type.String({ maxLength: 200 })),
  sheet: Type.Optional(Type.String({ maxLength: 100 })),
  headerRow: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'zero-based row of the header' })),
  mapping: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{1,3}$' }), Nullable(Role), { description: 'column index → role' })),
};

const JsonLine = Type.Object(
  {
    partNumber: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    manufacturer: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    value: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    quantity: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e9 }))),
    designators: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);

export const BomJsonBody = Type.Object(
  {
    ...runOptions,
    text: Type.Optional(Type.String({ description: 'the table pasted as text (CSV, TSV, Markdown)' })),
    lines: Type.Optional(Type.Array(JsonLine, { description: 'lines given directly' })),
  },
  { additionalProperties: false },
);

export const BomMultipartBody = Type.Any({ description: 'fields: file (CSV, TSV or XLSX), and optionally name, sheet, headerRow, mapping (JSON)' });

export const ExportQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])) });

export const AnalysisIdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{8,32}$' }) });
