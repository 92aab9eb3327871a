/** The audit trail for administrators: list with filters, one event, the entities and actors that occur. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, Nullable, offset, Page, PageQuery, pageRequest } from '../http/pagination';
import { requireAdmin } from '../accounts/plugin';
import type { AuditService } from './service';

const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.Object({
    userId: Nullable(Type.Integer()),
    email: Nullable(Type.String()),
    role: Nullable(Type.String()),
    country: Nullable(Type.String()),
    via: Nullable(Type.String()),
  }),
  action: Type.String({ description: 'method and route, e.g. "POST registry/records/:id/include"' }),
  entity: Type.String({ description: 'what was acted on, e.g. "registry/records"' }),
  entityId: Nullable(Type.String()),
  url: Nullable(Type.String()),
  statusCode: Nullable(Type.Integer()),
  request: Type.Unknown({ description: 'the request body, secrets removed' }),
  before: Type.Unknown({ description: 'the subject as its GET showed it before the action (null: did not exist)' }),
  after: Type.Unknown({ description: 'the subject after the action (null: deleted), or the answer to a creation' }),
  ip: Nullable(Type.String()),
});

const AuditQuery = Type.Object({
  ...PageQuery,
  actorUserId: Type.Optional(Type.Integer({ minimum: 1 })),
  entity: Type.Optional(Type.String({ maxLength: 200 })),
  entityId: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 300 })),
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40, description: 'date or ISO time, inclusive' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40, description: 'date (whole day included) or ISO time' })),
  refused: Type.Optional(Type.Boolean({ description: 'true: only refused actions (4xx/5xx); false: only done ones' })),
});

export async function auditRoutes(fastify: FastifyInstance, opts: { audit: AuditService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audit'];
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Audit trail of administrative and operator actions, newest first (administrators)',
        querystring: AuditQuery,
        response: { 200: Page(AuditEvent) },
      },
    },
    async (request) => {
      requireAdmin(request);
      const { page: _p, pageSize: _s, order: _o, ...filter } = request.query;
      const page = pageRequest(request.query);
      return { ...(await opts.audit.list(filter, page.pageSize, offset(page))), page: page.page, pageSize: page.pageSize };
    },
  );
  app.get(
    '/api/audit/facets',
    {
      schema: {
        tags,
        summary: 'Entities and actors present in the audit trail (administrators)',
        response: { 200: Type.Object({ entities: Type.Array(Type.String()), actors: Type.Array(Type.Object({ id: Type.Integer(), email: Type.String() })) }) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return opts.audit.facets();
    },
  );
  app.get(
    '/api/audit/:id',
    { schema: { tags, summary: 'One audit event (administrators)', params: IdParams, response: { 200: AuditEvent } } },
    async (request) => {
      requireAdmin(request);
      return opts.audit.get(request.params.id);
    },
  );
}
