/**
 * Authentication on every request: a Bearer API token or the session cookie becomes `request.principal`.
 * Cookie-authenticated writes must carry the session's CSRF token in `x-csrf-token`. After validation, no
 * request with a value the database cannot store (Infinity, NUL) reaches a handler.
 */
import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, forbidden } from '../http/errors';
import { rejectUnstorableValues } from '../http/storable';
import { isAdmin } from '../../domain/permissions';
import type { AccountsService, Principal } from './service';

export const SESSION_COOKIE = 'reestr_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

function sameSecret(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { accounts: AccountsService }) => {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.principal = await opts.accounts.fromApiToken(header.slice(7).trim());
      if (!request.principal) throw new AppError(401, 'unauthenticated');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const principal = await opts.accounts.fromSession(cookie);
    if (!principal) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !sameSecret(sent, principal.csrfToken)) throw new AppError(403, 'csrf');
    }
    request.principal = principal;
  });
  app.addHook('preHandler', rejectUnstorableValues);
});

/** The signed-in principal, or a 401. Writes also need a token scope that allows them. */
export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(401, 'unauthenticated');
  if (!SAFE_METHODS.has(request.method) && !request.principal.actor.canWrite) throw new AppError(403, 'token_read_only');
  return request.principal;
}

export function requireAdmin(request: FastifyRequest): Principal {
  const principal = requireUser(request);
  if (!isAdmin(principal.actor)) throw forbidden('administrators only');
  return principal;
}
