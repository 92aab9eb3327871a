/** Sign-in, sessions, personal API tokens and (for admins) users. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, Page, PageQuery, pageRequest, offset } from '../http/pagination';
import { forbidden } from '../http/errors';
import { requireAdmin, requireUser, SESSION_COOKIE } from './plugin';
import type { AccountsService } from './service';
import { CreateTokenBody, CreateUserBody, LoginBody, MeResponse, PasswordBody, TokenSchema, UpdateUserBody, UserSchema } from './schema';

export interface AccountsRouteOptions {
  accounts: AccountsService;
  secureCookies: boolean;
  loginAttemptsPerMinute: number;
}

export async function accountsRoutes(fastify: FastifyInstance, opts: AccountsRouteOptions) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { accounts } = opts;
  const tags = ['accounts'];

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Sign in with email and password; sets the session cookie', body: LoginBody, response: { 200: MeResponse } },
      config: { rateLimit: { max: opts.loginAttemptsPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await accounts.login(request.body.email, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        expires: new Date(result.expiresAt),
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'End the current session' } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie && request.principal?.via === 'session') await accounts.logout(cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user, or null', response: { 200: MeResponse } } }, async (request) => ({
    user: request.principal?.user ?? null,
    csrfToken: request.principal?.csrfToken ?? null,
  }));

  app.post('/api/auth/password', { schema: { tags, summary: 'Change own password (ends all sessions)', body: PasswordBody } }, async (request, reply) => {
    const { user } = requireUser(request);
    await accounts.changePassword(user.id, request.body.currentPassword, request.body.newPassword);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/tokens',
    { schema: { tags, summary: 'Own personal API tokens', response: { 200: Type.Object({ items: Type.Array(TokenSchema) }) } } },
    async (request) => {
      const { user } = requireUser(request);
      return { items: await accounts.listApiTokens(user.id) };
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token; the secret is shown once',
        body: CreateTokenBody,
        response: { 201: Type.Object({ token: Type.String(), item: TokenSchema }) },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      if (principal.via === 'token') throw forbidden('API tokens are created in a signed-in session');
      return reply.status(201).send(await accounts.createApiToken(principal.user.id, request.body));
    },
  );

  app.delete('/api/auth/tokens/:id', { schema: { tags, summary: 'Revoke a personal API token', params: IdParams } }, async (request, reply) => {
    const { user } = requireUser(request);
    await accounts.revokeApiToken(user.id, request.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/api/users',
    { schema: { tags, summary: 'Users (admins)', querystring: Type.Object(PageQuery), response: { 200: Page(UserSchema) } } },
    async (request) => {
      requireAdmin(request);
      const p = pageRequest(request.query);
      return { ...(await accounts.listUsers(p.pageSize, offset(p))), page: p.page, pageSize: p.pageSize };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admins); returns a generated password once when none is given',
        body: CreateUserBody,
        response: { 201: Type.Object({ user: UserSchema, password: Type.Optional(Type.String()) }) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      return reply.status(201).send(await accounts.createUser(request.body));
    },
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: 'Change a user (admins)', params: IdParams, body: UpdateUserBody, response: { 200: UserSchema } } },
    async (request) => {
      requireAdmin(request);
      return accounts.updateUser(request.params.id, request.body);
    },
  );
}
