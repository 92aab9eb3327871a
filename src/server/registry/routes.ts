/**
 * Registry API: rule sets and the calculator, applications and decisions, the review queue, records with
 * their history, basis documents, and public verification (single and bulk, rate-limited).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/plugin';
import { invalid } from '../http/errors';
import { IdParams, pageRequest, PageQuery } from '../http/pagination';
import type { RegistryService, Who } from './service';
import type { RegistryVerification } from './verification';
import {
  ApplicationBody,
  DecisionBody,
  DocumentUploadBody,
  EvaluateBody,
  RecordListQuery,
  RecordQuery,
  RuleSetVersionBody,
  VerifyBulkBody,
  VerifyQuery,
} from './schema';

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const DOCUMENT_KINDS = new Set(['act', 'conclusion', 'st1', 'certificate', 'other']);

function who(request: FastifyRequest): Who {
  const p = requireUser(request);
  return { actor: p.actor, userId: p.user.id, name: p.user.name };
}

export async function registryRoutes(
  fastify: FastifyInstance,
  opts: { registry: RegistryService; verification: RegistryVerification; verifyPerMinute: number },
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { registry, verification } = opts;
  const tags = ['registry'];
  const actorOf = (request: FastifyRequest) => request.principal?.actor ?? null;

  app.get('/api/registry/rule-sets', { schema: { tags, summary: 'Rule sets, every version, with their sources and definitions' } }, () => registry.ruleSets());

  app.post(
    '/api/registry/rule-sets/:id/versions',
    {
      schema: {
        tags,
        summary: 'New version of a rule set: fill the draft’s open point values, or change status, dates, source (operators of its country, admins)',
        params: IdParams,
        body: RuleSetVersionBody,
      },
    },
    async (request, reply) => reply.status(201).send(await registry.newRuleSetVersion(who(request), request.params.id, request.body)),
  );

  app.post(
    '/api/registry/evaluate',
    { schema: { tags, summary: 'Self-assessment calculator: judge operations and content shares under every rule set in force', body: EvaluateBody } },
    (request) => {
      const { includeDrafts, date, ...input } = request.body;
      return registry.evaluate({ ...input, date: date ?? new Date().toISOString().slice(0, 10) }, { includeDrafts });
    },
  );

  app.get(
    '/api/registry/records',
    { schema: { tags, summary: 'Registry records with filters (status on a date, country, level, rule set, category…)', querystring: RecordListQuery } },
    (request) => {
      const { page, pageSize, order, ...filters } = request.query;
      return registry.list(actorOf(request), filters, pageRequest({ page, pageSize, order: order ?? 'desc' }));
    },
  );

  app.get(
    '/api/registry/records/:id',
    {
      schema: {
        tags,
        summary: 'One record with products, operations, shares, periods, documents and history; status on a date',
        params: IdParams,
        querystring: RecordQuery,
      },
    },
    (request) => registry.get(actorOf(request), request.params.id, request.query.date),
  );

  app.post(
    '/api/registry/records',
    { schema: { tags, summary: 'Apply: a draft application for product types of the maker (its members)', body: ApplicationBody } },
    async (request, reply) => reply.status(201).send(await registry.apply(who(request), request.body)),
  );

  app.put(
    '/api/registry/records/:id',
    { schema: { tags, summary: 'Change a draft or returned application (the maker’s members)', params: IdParams, body: ApplicationBody } },
    (request) => registry.update(who(request), request.params.id, request.body),
  );

  app.post('/api/registry/records/:id/submit', { schema: { tags, summary: 'Submit an application for review', params: IdParams } }, (request) =>
    registry.submit(who(request), request.params.id),
  );

  app.post(
    '/api/registry/records/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Decision of a registry operator of the maker’s country: return, reject, include, renew, suspend, resume, exclude',
        params: IdParams,
        body: DecisionBody,
      },
    },
    (request) => registry.decide(who(request), request.params.id, request.body),
  );

  app.get(
    '/api/registry/queue',
    { schema: { tags, summary: 'Applications awaiting a decision (operators: their country)', querystring: Type.Object(PageQuery) } },
    (request) => registry.queue(who(request).actor, pageRequest(request.query)),
  );

  app.post(
    '/api/registry/records/:id/documents',
    {
      schema: {
        tags,
        summary: 'Attach a basis document (act, conclusion, СТ-1, certificate) to a draft or returned application',
        params: IdParams,
        body: { content: { 'multipart/form-data': { schema: DocumentUploadBody } } } as never,
      },
    },
    async (request, reply) => {
      const w = who(request);
      if (!request.isMultipart()) throw invalid('send the document as multipart/form-data in a field named "file"');
      let file: { fileName: string; mediaType: string; bytes: Buffer } | null = null;
      let kind = 'other';
      for await (const part of request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES } })) {
        if (part.type === 'file') {
          if (file) throw invalid('attach one document at a time');
          const bytes = await part.toBuffer();
          if (part.file.truncated) throw invalid(`a document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
          file = { fileName: part.filename || 'document', mediaType: part.mimetype || 'application/octet-stream', bytes };
        } else if (part.fieldname === 'kind') kind = String(part.value);
      }
      if (!DOCUMENT_KINDS.has(kind)) throw invalid(`kind must be one of ${[...DOCUMENT_KINDS].join(', ')}`);
      if (!file) throw invalid('no file in the upload: send it in a form field named "file"');
      return reply.status(201).send(await registry.addDocument(w, request.params.id, { ...file, kind }));
    },
  );

  app.get(
    '/api/registry/documents/:id',
    { schema: { tags, summary: 'Download a basis document (the maker’s members, operators of its country, admins)', params: IdParams } },
    async (request, reply) => {
      const doc = await registry.document(actorOf(request), request.params.id);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`);
      reply.header('x-content-sha256', doc.sha256);
      return reply.type(doc.media_type).send(Buffer.from(doc.content));
    },
  );

  const limited = { rateLimit: { max: opts.verifyPerMinute, timeWindow: '1 minute' } };
  app.get(
    '/api/registry/verify',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Verify a registry number (with or without prefix) or a product designation on a date (public, rate-limited)',
        querystring: VerifyQuery,
      },
    },
    (request) => verification.verify(request.query),
  );

  app.post(
    '/api/registry/verify/bulk',
    {
      config: { rateLimit: { max: Math.max(1, Math.floor(opts.verifyPerMinute / 20)), timeWindow: '1 minute' } },
      schema: { tags, summary: 'Verify up to 1,000 numbers or designations at once (items, or text with one per line)', body: VerifyBulkBody },
    },
    (request) => verification.bulk(request.body),
  );
}
