/**
 * ПП 719 open data: administrators import the published CSV and see the history of imports; anyone downloads
 * reestr's own included records in the same layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, invalid } from '../../http/errors';
import { IdParams, offset, pageRequest } from '../../http/pagination';
import { requireAdmin } from '../../accounts/plugin';
import type { GispService } from './service';
import { ExportQuery, ImportListQuery, ImportPage, ImportSchema, ImportUploadBody } from './schema';

const NOT_CSV = /\.(xlsx|xlsm|xls|ods|zip|gz|7z|rar|pdf|docx?|json|xml)$/i;

export async function gispRoutes(fastify: FastifyInstance, opts: { gisp: GispService; maxBytes: number }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { gisp, maxBytes } = opts;
  const tags = ['registry'];

  app.post(
    '/api/registry/imports/gisp',
    {
      bodyLimit: maxBytes,
      // The large limit is for the CSV upload; any other body is held to the server's usual limit. (The content
      // type is read from the header: request.isMultipart() is set only once the body is being parsed.)
      onRequest: async (request) => {
        const length = Number(request.headers['content-length'] ?? 0);
        const multipart = /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
        if (!multipart && length > fastify.initialConfig.bodyLimit!) throw new AppError(413, 'body_too_large', String(fastify.initialConfig.bodyLimit));
      },
      schema: {
        tags,
        summary: 'Import the Russian registry open data (ПП 719 CSV, administrators); returns the import with its summary',
        body: ImportUploadBody,
        consumes: ['multipart/form-data'],
        response: { 201: ImportSchema },
      },
    },
    async (request, reply) => {
      const { user } = requireAdmin(request);
      if (!request.isMultipart())
        throw new AppError(
          415,
          'unsupported_media_type',
          `${request.headers['content-type'] ?? 'no content type'}; send multipart/form-data with the CSV in a field named "file"`,
        );
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'reestr-gisp-'));
      try {
        let upload: { file: string; name: string } | null = null;
        const fields: Record<string, string> = {};
        for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5 } })) {
          if (part.type === 'file') {
            const name = part.filename || 'upload.csv';
            if (NOT_CSV.test(name)) {
              part.file.resume();
              throw new AppError(415, 'unsupported_media_type', `${name}: upload the registry data as a CSV file (27 columns, UTF-8)`);
            }
            const file = path.join(dir, 'upload.csv');
            await pipeline(part.file, fs.createWriteStream(file));
            upload = { file, name };
          } else fields[part.fieldname] = String(part.value);
        }
        if (!upload) throw invalid('no file in the upload: send the CSV in a form field named "file"');
        const asOf = fields.asOf?.trim() || undefined;
        const result = await gisp.importFile(upload.file, { fileName: upload.name, asOf, startedBy: user.id });
        return reply.status(201).send(result);
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/api/registry/imports',
    {
      schema: {
        tags,
        summary: 'History of open-data imports with their summaries (administrators)',
        querystring: ImportListQuery,
        response: { 200: ImportPage },
      },
    },
    async (request) => {
      requireAdmin(request);
      const page = pageRequest(request.query);
      return { ...(await gisp.listImports(page.pageSize, offset(page))), page: page.page, pageSize: page.pageSize };
    },
  );

  app.get(
    '/api/registry/imports/:id',
    { schema: { tags, summary: 'One import with its rejected rows (administrators)', params: IdParams, response: { 200: ImportSchema } } },
    async (request) => {
      requireAdmin(request);
      return gisp.getImport(request.params.id);
    },
  );

  app.get(
    '/api/registry/export/gisp.csv',
    {
      schema: {
        tags,
        summary: 'Registry records in the ПП 719 open-data layout (27 columns): reestr’s own included records, or all with ?all=true',
        querystring: ExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', `attachment; filename="reestr-pp719${request.query.all ? '-all' : ''}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(Readable.from(gisp.exportLines({ all: request.query.all })));
    },
  );
}
