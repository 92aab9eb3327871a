/**
 * Records every write of an administrator or an operator in the audit trail before the answer leaves: who,
 * what, when, the request (secrets removed), the answer's status, and the subject as its GET showed it before
 * and after. A client that got an answer can rely on the trail holding the action.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actionOf, entityOf, isAudited, subjectUrl } from '../../domain/audit';
import type { AuditService } from './service';

declare module 'fastify' {
  interface FastifyRequest {
    auditBefore: unknown;
  }
}

const MAX_ANSWER_CHARS = 256 * 1024;

export const auditPlugin = fp(async (app: FastifyInstance, opts: { audit: AuditService }) => {
  app.decorateRequest('auditBefore', undefined);

  /** The subject as the actor may see it (GET with the same credentials); undefined when it has no GET. */
  async function read(request: FastifyRequest, url: string): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (request.headers.authorization) headers.authorization = request.headers.authorization;
    if (request.headers.cookie) headers.cookie = request.headers.cookie;
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode === 404) return null;
    if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').includes('json')) return undefined;
    return res.body.length > MAX_ANSWER_CHARS ? { note: `${res.body.length} characters, not kept` } : (JSON.parse(res.body) as unknown);
  }

  const subjectOf = (request: FastifyRequest) => (request.routeOptions.url ? subjectUrl(request.method, request.routeOptions.url, request.url) : null);
  const audited = (request: FastifyRequest) => isAudited(request.method, request.principal?.actor.role);

  app.addHook('preHandler', async (request) => {
    if (!audited(request)) return;
    const subject = subjectOf(request);
    if (subject) request.auditBefore = await read(request, subject);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!audited(request)) return payload;
    const principal = request.principal!;
    const route = request.routeOptions.url ?? request.url.split('?')[0]!;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const ok = reply.statusCode < 400;
    const subject = subjectOf(request);
    let after: unknown;
    if (ok && subject) after = await read(request, subject);
    else if (typeof payload === 'string' && payload.length <= MAX_ANSWER_CHARS && String(reply.getHeader('content-type') ?? '').includes('json'))
      after = JSON.parse(payload) as unknown;
    try {
      await opts.audit.record({
        actor: {
          userId: principal.user.id,
          email: principal.user.email,
          role: principal.actor.role,
          country: principal.actor.operatorCountry,
          via: principal.via,
        },
        action: actionOf(request.method, route),
        entity: entityOf(route),
        entityId: Object.values(params)[0] !== undefined ? String(Object.values(params)[0]) : ((after as { id?: unknown })?.id?.toString() ?? null),
        url: request.url,
        statusCode: reply.statusCode,
        request: request.isMultipart?.() ? { upload: 'multipart/form-data' } : request.body,
        before: request.auditBefore,
        after,
        ip: request.ip,
      });
    } catch (error) {
      // the action itself is done and stays done; a lost trail entry is reported where operators look
      request.log.error({ err: error }, 'audit trail write failed');
      console.error(`audit trail write failed for ${request.method} ${request.url}: ${(error as Error).message}`);
    }
    return payload;
  });
});
