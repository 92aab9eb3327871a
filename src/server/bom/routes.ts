/**
 * BOM analyses. Anyone may analyse (an anonymous analysis is reachable by its unguessable link only);
 * a signed-in user's analyses are listed for them and changed only by them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { invalid } from '../http/errors';
import { Page, PageQuery, offset, pageRequest } from '../http/pagination';
import { requireUser } from '../accounts/plugin';
import type { BomService, RunOptions, Upload } from './service';
import { AnalysisIdParams, BomJsonBody, BomMultipartBody, ExportQuery } from './schema';
import { bomCsv, bomXlsx } from './export';

const Mapping = BomJsonBody.properties.mapping;

async function readRequest(request: FastifyRequest): Promise<{ upload: Upload; options: RunOptions }> {
  if (request.isMultipart()) {
    let file: { filename: string; bytes: Buffer } | null = null;
    const fields: Record<string, string> = {};
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (file) throw invalid('upload one file at a time');
        file = { filename: part.filename || 'upload', bytes: await part.toBuffer() };
      } else fields[part.fieldname] = String(part.value);
    }
    const options = multipartOptions(fields);
    if (file) return { upload: { kind: 'file', ...file }, options };
    if (fields.text !== undefined) return { upload: { kind: 'text', text: fields.text, name: fields.name }, options };
    throw invalid('no file in the upload: send it in a form field named "file"');
  }
  const body = (request.body ?? {}) as Static<typeof BomJsonBody>;
  const options: RunOptions = { name: body.name, sheet: body.sheet, headerRow: body.headerRow, roles: rolesOf(body.mapping) };
  if (body.lines) return { upload: { kind: 'lines', lines: body.lines, name: body.name }, options };
  if (body.text !== undefined) return { upload: { kind: 'text', text: body.text, name: body.name }, options };
  throw invalid('send a file (multipart/form-data), the table as "text", or "lines"');
}

function multipartOptions(fields: Record<string, string>): RunOptions {
  let mapping: unknown;
  if (fields.mapping) {
    try {
      mapping = JSON.parse(fields.mapping);
    } catch {
      throw invalid('the mapping field must be JSON: {"0": "designators", "3": "partNumber", …}');
    }
    if (!Value.Check(Type.Unsafe(Mapping), mapping))
      throw invalid('the mapping must map column numbers to roles (partNumber, value, manufacturer, designators, quantity, …)');
  }
  const headerRow = fields.headerRow === undefined ? undefined : Number(fields.headerRow);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 0)) throw invalid('headerRow must be a non-negative integer');
  return { name: fields.name, sheet: fields.sheet, headerRow, roles: rolesOf(mapping as Static<typeof Mapping>) };
}

function rolesOf(mapping: Static<typeof Mapping> | undefined): RunOptions['roles'] {
  if (!mapping) return undefined;
  return Object.fromEntries(Object.entries(mapping).map(([k, v]) => [Number(k), v])) as RunOptions['roles'];
}

const body = { content: { 'application/json': { schema: BomJsonBody }, 'multipart/form-data': { schema: BomMultipartBody } } };

export async function bomRoutes(fastify: FastifyInstance, opts: { bom: BomService; maxBytes: number }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { bom } = opts;
  const tags = ['bom'];

  app.post(
    '/api/bom/preview',
    { bodyLimit: opts.maxBytes, schema: { tags, summary: 'Read a BOM and propose the column mapping (nothing is stored)', body } },
    async (request) => {
      const { upload, options } = await readRequest(request);
      return bom.preview(upload, options);
    },
  );

  app.post(
    '/api/bom/analyses',
    {
      bodyLimit: opts.maxBytes,
      schema: { tags, summary: 'Analyse a BOM (multipart file, pasted text or JSON lines); returns id, mapping, lines and summary', body },
    },
    async (request, reply) => {
      const { upload, options } = await readRequest(request);
      if (request.principal && !request.principal.actor.canWrite) requireUser(request);
      return reply.status(201).send(await bom.create(request.principal?.user.id ?? null, upload, options));
    },
  );

  app.get(
    '/api/bom/analyses',
    { schema: { tags, summary: 'Own analyses', querystring: Type.Object(PageQuery), response: { 200: Page(Type.Any()) } } },
    async (request) => {
      const { user } = requireUser(request);
      const page = pageRequest(request.query);
      return { ...(await bom.list(user.id, page.pageSize, offset(page))), page: page.page, pageSize: page.pageSize };
    },
  );

  app.get('/api/bom/analyses/:id', { schema: { tags, summary: 'One analysis with all its lines', params: AnalysisIdParams } }, (request) =>
    bom.get(request.params.id),
  );

  app.post(
    '/api/bom/analyses/:id/rerun',
    { schema: { tags, summary: 'Match again against the current catalogue and show what changed', params: AnalysisIdParams } },
    (request) => bom.rerun(request.principal?.actor ?? null, request.params.id),
  );

  app.delete('/api/bom/analyses/:id', { schema: { tags, summary: 'Delete an analysis (its owner)', params: AnalysisIdParams } }, async (request, reply) => {
    await bom.delete(request.principal?.actor ?? null, request.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/api/bom/analyses/:id/export',
    { schema: { tags, summary: 'Download as XLSX (summary + lines) or CSV', params: AnalysisIdParams, querystring: ExportQuery } },
    async (request, reply) => {
      const analysis = await bom.get(request.params.id);
      const base = analysis.name.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'bom';
      if (request.query.format === 'csv') {
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(base)}-reestr.csv`);
        return reply.type('text/csv; charset=utf-8').send(bomCsv(analysis));
      }
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(base)}-reestr.xlsx`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await bomXlsx(analysis));
    },
  );
}
