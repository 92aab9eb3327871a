/**
 * Bad input to every endpoint of the OpenAPI description: wrong types, unknown ids, malformed JSON and
 * oversized bodies each get a clear 4xx JSON answer — never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let routes: { method: string; path: string; hasBody: boolean; hasId: boolean }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  const spec = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, hasBody: Boolean(op.requestBody), hasId: path.includes('{id}') })),
  );
});
afterAll(() => t?.close());

const fill = (path: string, id: string) => path.replace('{id}', id).replace('{userId}', id);

function expectClear4xx(res: { statusCode: number; json(): { error?: string; message?: string } }, label: string) {
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  expect(typeof res.json().message, label).toBe('string');
  expect(res.json().message?.length, label).toBeGreaterThan(5);
}

describe('every endpoint', () => {
  it('is described in OpenAPI (at least the catalogue and account routes)', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    for (const p of [
      'GET /api/product-types',
      'POST /api/product-types',
      'GET /api/foreign-parts/{id}',
      'POST /api/analogs',
      'POST /api/auth/login',
      'GET /api/health',
    ])
      expect(paths).toContain(p);
  });

  it('answers a non-numeric id with 400', async () => {
    for (const r of routes.filter((r) => r.hasId)) {
      const res = await admin.request(r.method, fill(r.path, 'abc'), r.hasBody ? {} : undefined);
      expectClear4xx(res, `${r.method} ${r.path}`);
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(400);
    }
  });

  it('answers an unknown id with 404', async () => {
    // (POST and PUT validate a whole body before they look the id up: their 400 comes first)
    for (const r of routes.filter((r) => r.hasId && r.method !== 'POST' && r.method !== 'PUT')) {
      const body = r.method === 'PATCH' ? {} : undefined;
      const res = await admin.request(r.method, fill(r.path, '98765432'), body);
      expectClear4xx(res, `${r.method} ${r.path}`);
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(404);
    }
  });

  it('answers wrong body types with 400', async () => {
    const wrongBodies = [[1, 2, 3], { designation: 42, name: [], email: 7, partNumber: {}, productTypeId: 'x', code: 5 }, 'text'];
    for (const r of routes.filter((r) => r.hasBody)) {
      for (const body of wrongBodies) {
        const res = await admin.request(r.method, fill(r.path, '1'), body, { 'content-type': 'application/json' });
        expectClear4xx(res, `${r.method} ${r.path} ${JSON.stringify(body)}`);
      }
    }
  });

  it('answers malformed JSON with 400', async () => {
    for (const r of routes.filter((r) => r.hasBody)) {
      const res = await admin.request(r.method, fill(r.path, '1'), '{"designation": ', { 'content-type': 'application/json' });
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(400);
      expectClear4xx(res, r.path);
    }
  });

  it('answers an oversized body with 413', async () => {
    const huge = JSON.stringify({ description: 'x'.repeat(200 * 1024) });
    for (const r of routes.filter((r) => r.hasBody)) {
      const res = await admin.request(r.method, fill(r.path, '1'), huge, { 'content-type': 'application/json' });
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(413);
      expectClear4xx(res, r.path);
    }
  });

  it('answers out-of-range paging and unknown filter values with 400', async () => {
    for (const url of [
      '/api/product-types?page=0',
      '/api/product-types?pageSize=100000',
      '/api/product-types?status=sold',
      '/api/foreign-parts?sort=price',
      '/api/organizations?country=Belarus',
      '/api/analogs?type=exact',
    ])
      expectClear4xx(await t.app.inject({ method: 'GET', url }), url);
  });

  it('answers an unknown API route with a JSON 404 and unknown fields with 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('route_not_found');
    const extra = await admin.request('POST', '/api/organizations', { name: 'A', country: 'BY', isAdmin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().message).toContain('isAdmin');
  });

  it('speaks the request language in error messages', async () => {
    const ru = await t.app.inject({ method: 'GET', url: '/api/product-types/987654', headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(ru.json().message).toMatch(/^Не найдено/);
    const be = await t.app.inject({ method: 'GET', url: '/api/product-types/987654', headers: { 'accept-language': 'be' } });
    expect(be.json().message).toMatch(/^Не знойдзена/);
    const en = await t.app.inject({ method: 'GET', url: '/api/product-types/987654' });
    expect(en.json().message).toMatch(/^Not found/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('throttles repeated sign-in attempts with 429', async () => {
    const throttled = await createTestApp({ loginAttemptsPerMinute: 3 });
    try {
      const attempt = () => throttled.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: 'guess-guess' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expectClear4xx(blocked, 'throttled login');
    } finally {
      await throttled.close();
    }
  });
});
