/** An in-process reestr app on a fresh test database, plus helpers to sign in and call the API. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { createServices, type Services } from '../../src/server/services';
import { bootstrap } from '../../src/server/bootstrap';
import type { Db } from '../../src/server/db/client';
import { createTestDatabase, type TestDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  services: Services;
  adminPassword: string;
  close(): Promise<void>;
}

export const ADMIN_EMAIL = 'admin@test.reestr';

export async function createTestApp(
  options: { seed?: boolean; loginAttemptsPerMinute?: number; bomMaxBytes?: number; bomMaxLines?: number; webhookAllowPrivate?: boolean } = {},
): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const db = database.open();
  const services = createServices(db, {
    sessionTtlHours: 1,
    bomMaxBytes: options.bomMaxBytes ?? 128 * 1024,
    bomMaxLines: options.bomMaxLines ?? 5000,
    webhookAllowPrivate: options.webhookAllowPrivate,
  });
  const result = await bootstrap(db, services, { demo: false, seedOnFirstStart: options.seed ?? false, adminEmail: ADMIN_EMAIL });
  const app = await buildApp(
    {
      demo: false,
      secureCookies: false,
      bodyLimitBytes: 64 * 1024,
      loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
      bomMaxBytes: options.bomMaxBytes ?? 128 * 1024,
      registryVerifyPerMinute: 1000,
      logLevel: 'silent',
      webRoot: '/nonexistent',
    },
    services,
  );
  await app.ready();
  return {
    app,
    db,
    services,
    adminPassword: result.admin!.password,
    async close() {
      await app.close();
      await db.close();
      await database.drop();
    },
  };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export interface Client {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({ method: method as 'GET', url, payload: body as object, headers: { cookie, 'x-csrf-token': csrf, ...headers } }),
  };
}

/** Creates a user through the admin API and returns a signed-in client for them. */
export async function userClient(
  t: TestApp,
  admin: Client,
  user: { email: string; role?: 'admin' | 'operator' | 'user'; operatorCountry?: string; organizationId?: number; membership?: 'member' | 'manager' },
) {
  const password = 'correct-horse-battery';
  const res = await admin.request('POST', '/api/users', {
    email: user.email,
    name: user.email,
    role: user.role ?? 'user',
    operatorCountry: user.operatorCountry,
    password,
  });
  if (res.statusCode !== 201) throw new Error(`creating ${user.email} failed: ${res.body}`);
  if (user.organizationId) {
    const m = await admin.request('POST', `/api/organizations/${user.organizationId}/members`, { email: user.email, role: user.membership ?? 'member' });
    if (m.statusCode !== 204) throw new Error(`membership failed: ${m.body}`);
  }
  return signIn(t.app, user.email, password);
}
