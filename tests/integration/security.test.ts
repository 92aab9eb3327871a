/**
 * Sessions, tokens and browser defences: sign-in throttling, session expiry and revocation (sign-out, password
 * change, an admin disabling the user), API token scopes, revocation and expiry, CSRF refusal of cookie writes
 * without the session's token, and security headers on API and HTML responses. SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';
import { buildApp } from '../../src/server/app';

let t: TestApp;
let admin: Client;
let orgId: number;
const PASSWORD = 'correct-horse-battery';

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  orgId = (await admin.request('POST', '/api/organizations', { name: 'ОАО «Безопасность»', country: 'BY' })).json().id;
}, 60_000);
afterAll(() => t?.close());

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
const addPart = (headers: Record<string, string>, partNumber: string) =>
  t.app.inject({ method: 'POST', url: '/api/foreign-parts', payload: { partNumber }, headers });
const cookieOf = (c: Client) => ({ cookie: c.cookie, 'x-csrf-token': c.csrf });

describe('sign-in', () => {
  it('is throttled after the allowed attempts, even with the right password then', async () => {
    const throttled = await createTestApp({ loginAttemptsPerMinute: 2 });
    try {
      const attempt = (password: string) => throttled.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password } });
      expect((await attempt('wrong-password-1')).statusCode).toBe(401);
      expect((await attempt('wrong-password-2')).statusCode).toBe(401);
      const blocked = await attempt(throttled.adminPassword);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error).toBe('too_many_requests');
      expect(blocked.cookies).toHaveLength(0);
    } finally {
      await throttled.close();
    }
  });

  it('answers an unknown user and a wrong password alike, and sets an httpOnly SameSite cookie', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@test.reestr', password: 'whatever-1' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: 'whatever-1' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: t.adminPassword } });
    expect(ok.cookies[0]).toMatchObject({ name: 'reestr_session', httpOnly: true, sameSite: 'Lax', path: '/' });
  });
});

describe('sessions', () => {
  it('end at expiry', async () => {
    const u = await userClient(t, admin, { email: 'expiring@test.reestr' });
    expect((await me(cookieOf(u))).json().user.email).toBe('expiring@test.reestr');
    const user = await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'expiring@test.reestr').executeTakeFirstOrThrow();
    await t.db.kysely.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('user_id', '=', user.id).execute();
    expect((await me(cookieOf(u))).json().user).toBeNull();
    expect((await addPart(cookieOf(u), 'EXPIRED1')).statusCode).toBe(401);
  });

  it('end at sign-out, for that session only', async () => {
    const first = await userClient(t, admin, { email: 'signout@test.reestr' });
    const second = await signIn(t.app, 'signout@test.reestr', PASSWORD);
    expect((await first.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await me(cookieOf(first))).json().user).toBeNull();
    expect((await addPart(cookieOf(first), 'SIGNEDOUT1')).statusCode).toBe(401);
    expect((await me(cookieOf(second))).json().user.email).toBe('signout@test.reestr');
  });

  it('all end when the password changes, and the old password no longer signs in', async () => {
    const first = await userClient(t, admin, { email: 'changer@test.reestr' });
    const second = await signIn(t.app, 'changer@test.reestr', PASSWORD);
    const wrong = await first.request('POST', '/api/auth/password', { currentPassword: 'not-the-password', newPassword: 'a-new-long-password' });
    expect(wrong.statusCode).toBe(401);
    expect((await me(cookieOf(second))).json().user).not.toBeNull();
    const changed = await first.request('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a-new-long-password' });
    expect(changed.statusCode).toBe(204);
    expect((await me(cookieOf(first))).json().user).toBeNull();
    expect((await me(cookieOf(second))).json().user).toBeNull();
    await expect(signIn(t.app, 'changer@test.reestr', PASSWORD)).rejects.toThrow(/401/);
    expect((await signIn(t.app, 'changer@test.reestr', 'a-new-long-password')).csrf).toBeTruthy();
  });

  it('and API tokens stop working when an admin disables the user, who cannot sign in again', async () => {
    const u = await userClient(t, admin, { email: 'disabled@test.reestr', organizationId: orgId });
    const token = (await u.request('POST', '/api/auth/tokens', { name: 'ci', scope: 'write' })).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(bearer)).json().user.email).toBe('disabled@test.reestr');
    const id = (await me(cookieOf(u))).json().user.id;
    expect((await admin.request('PATCH', `/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await me(cookieOf(u))).json().user).toBeNull();
    expect((await me(bearer)).statusCode).toBe(401);
    expect((await addPart(bearer, 'DISABLED1')).statusCode).toBe(401);
    await expect(signIn(t.app, 'disabled@test.reestr', PASSWORD)).rejects.toThrow(/401/);
    expect((await admin.request('PATCH', `/api/users/${id}`, { disabled: false })).statusCode).toBe(200);
    expect((await me(bearer)).json().user.email).toBe('disabled@test.reestr');
  });
});

describe('API tokens', () => {
  let u: Client;
  beforeAll(async () => {
    u = await userClient(t, admin, { email: 'tokens@test.reestr', organizationId: orgId });
  });
  const create = async (body: Record<string, unknown>) => {
    const res = await u.request('POST', '/api/auth/tokens', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; item: { id: number; scope: string; prefix: string } };
  };

  it('with read scope read but change nothing', async () => {
    const { token, item } = await create({ name: 'read only', scope: 'read' });
    expect(item.scope).toBe('read');
    expect(token.startsWith(item.prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: bearer })).statusCode).toBe(200);
    const refused = await addPart(bearer, 'READONLY1');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('token_read_only');
    const edit = await t.app.inject({ method: 'POST', url: '/api/product-types', payload: { designation: 'К155ЛА3', makerId: orgId }, headers: bearer });
    expect(edit.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${item.id}`, headers: bearer })).statusCode).toBe(403);
  });

  it('with write scope change data without a CSRF token, but cannot create tokens', async () => {
    const { token } = await create({ name: 'read-write', scope: 'write' });
    const bearer = { authorization: `Bearer ${token}` };
    expect((await addPart(bearer, 'WRITE1')).statusCode).toBe(201);
    const more = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x', scope: 'write' }, headers: bearer });
    expect(more.statusCode).toBe(403);
  });

  it('stop working when revoked or expired; unknown and malformed tokens get 401', async () => {
    const revoked = await create({ name: 'to revoke', scope: 'write' });
    expect((await u.request('DELETE', `/api/auth/tokens/${revoked.item.id}`)).statusCode).toBe(204);
    expect((await me({ authorization: `Bearer ${revoked.token}` })).statusCode).toBe(401);
    const expiring = await create({ name: 'to expire', scope: 'write', expiresInDays: 1 });
    await t.db.kysely.updateTable('api_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', expiring.item.id).execute();
    expect((await me({ authorization: `Bearer ${expiring.token}` })).statusCode).toBe(401);
    for (const header of ['Bearer rst_notatoken', 'Bearer ', `Bearer ${revoked.token}x`, 'Bearer ' + 'x'.repeat(5000)]) {
      const res = await me({ authorization: header });
      expect(res.statusCode, header.slice(0, 30)).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
  });

  it('of another user cannot be revoked (not found)', async () => {
    const other = await userClient(t, admin, { email: 'other-tokens@test.reestr' });
    const { item } = await create({ name: 'mine', scope: 'read' });
    expect((await other.request('DELETE', `/api/auth/tokens/${item.id}`)).statusCode).toBe(404);
    expect((await u.request('GET', '/api/auth/tokens')).json().items.map((i: { id: number }) => i.id)).toContain(item.id);
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the session’s token, with another session’s token or a wrong one', async () => {
    const u = await userClient(t, admin, { email: 'csrf@test.reestr' });
    const other = await userClient(t, admin, { email: 'csrf-other@test.reestr' });
    for (const csrf of [undefined, '', 'wrong', other.csrf, u.csrf + 'x']) {
      const headers: Record<string, string> = { cookie: u.cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) };
      for (const [method, url, payload] of [
        ['POST', '/api/foreign-parts', { partNumber: 'CSRF1' }],
        ['POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'hijacked-password' }],
        ['POST', '/api/auth/logout', undefined],
      ] as const) {
        const res = await t.app.inject({ method, url, payload, headers });
        expect(res.statusCode, `${url} with ${String(csrf)}`).toBe(403);
        expect(res.json().error).toBe('csrf');
      }
    }
    expect((await addPart(cookieOf(u), 'CSRF1')).statusCode).toBe(201);
    expect((await me(cookieOf(u))).json().user.email).toBe('csrf@test.reestr');
    // reads need no token
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie: u.cookie } })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  let web: FastifyInstance;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>reestr</title><div id="root"></div>');
    web = await buildApp(
      {
        demo: false,
        secureCookies: true,
        bodyLimitBytes: 64 * 1024,
        loginAttemptsPerMinute: 100,
        bomMaxBytes: 128 * 1024,
        registryVerifyPerMinute: 100,
        logLevel: 'silent',
        webRoot,
      },
      t.services,
    );
    await web.ready();
  });
  afterAll(async () => {
    await web?.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('are sent on API answers, errors and the HTML of the web app', async () => {
    for (const url of ['/api/health', '/api/nothing-here', '/api/product-types/987654', '/', '/search?q=x', '/registry/records/1']) {
      const res = await web.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toMatch(/DENY|SAMEORIGIN/);
      expect(res.headers['referrer-policy'], url).toBeTruthy();
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
    expect((await web.inject({ method: 'GET', url: '/' })).headers['content-type']).toContain('text/html');
    expect((await web.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeTruthy();
  });

  it('mark the session cookie Secure when the server says so', async () => {
    const res = await web.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: t.adminPassword } });
    expect(res.cookies[0]).toMatchObject({ secure: true, httpOnly: true });
  });
});
