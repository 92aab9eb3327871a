import { Type } from '@sinclair/typebox';
import { Nullable, Page, PageQuery } from '../../http/pagination';

const RowError = Type.Object({ line: Type.Integer(), message: Type.String() });

export const ImportSummarySchema = Type.Object(
  {
    status: Type.Union([Type.Literal('running'), Type.Literal('finished'), Type.Literal('failed')]),
    asOf: Type.String({ description: 'date the statuses are taken on (YYYY-MM-DD)' }),
    previousImportId: Nullable(Type.Integer()),
    previousAsOf: Nullable(Type.String()),
    rows: Type.Integer({ description: 'data rows read, rejected ones included' }),
    records: Type.Integer({ description: 'distinct registry numbers' }),
    new: Type.Integer(),
    renewed: Type.Integer({ description: 'a new period or a later validity' }),
    excluded: Type.Integer({ description: 'end date newly filled' }),
    expired: Type.Integer({ description: 'in force on the previous import date, ran out by this one' }),
    updated: Type.Integer({ description: 'other columns changed, or newly linked to an organization by ИНН' }),
    unchanged: Type.Integer(),
    absent: Type.Integer({ description: 'imported records no longer in the file (kept)' }),
    events: Type.Integer({ description: 'decisions written to the log' }),
    rejectedRows: Type.Integer(),
    rejected: Type.Array(RowError, { description: 'rejected rows with line numbers (the first 1000; 20 in lists)' }),
    error: Type.Optional(Type.String()),
    seconds: Type.Optional(Type.Number()),
  },
  { additionalProperties: true },
);

export const ImportSchema = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  rows: Type.Integer(),
  startedBy: Nullable(Type.Integer()),
  startedAt: Type.String(),
  finishedAt: Type.String(),
  summary: ImportSummarySchema,
});

export const ImportListQuery = Type.Object({ page: PageQuery.page, pageSize: PageQuery.pageSize });
export const ImportPage = Page(ImportSchema);

export const ImportUploadBody = Type.Any({
  description: 'multipart/form-data: file (the ПП 719 CSV, UTF-8, 27 columns) and optionally asOf (YYYY-MM-DD, default today)',
});

export const ExportQuery = Type.Object({
  all: Type.Optional(Type.Boolean({ description: 'every included record (also those imported from ГИСП), not only reestr’s own' })),
});
