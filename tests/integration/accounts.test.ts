import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
});
afterAll(() => t?.close());

describe('first start', () => {
  it('creates one administrator with a generated password and no other account', async () => {
    expect(t.adminPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    const res = await admin.request('GET', '/api/users');
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
  });
});

describe('sign-in and sessions', () => {
  it('rejects a wrong password and an unknown user with the same message', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@x.y', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('sets an HttpOnly SameSite session cookie and stores only a hash of it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: t.adminPassword } });
    const cookie = res.cookies.find((c) => c.name === 'reestr_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const stored = await t.db.kysely.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it('answers /me with the user and a CSRF token', async () => {
    const me = await admin.request('GET', '/api/auth/me');
    expect(me.json().user.email).toBe(ADMIN_EMAIL);
    expect(me.json().csrfToken).toBe(admin.csrf);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.json()).toEqual({ user: null, csrfToken: null });
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/organizations', payload: { name: 'X', country: 'BY' }, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('csrf');
    const wrong = await admin.request('POST', '/api/organizations', { name: 'X', country: 'BY' }, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
  });

  it('ends the session on logout', async () => {
    const c = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
    expect((await c.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    const me = await c.request('GET', '/api/auth/me');
    expect(me.json().user).toBeNull();
  });

  it('treats an expired session as signed out', async () => {
    const c = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
    await t.db.kysely.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('csrf_token', '=', c.csrf).execute();
    expect((await c.request('GET', '/api/auth/me')).json().user).toBeNull();
  });

  it('changing the password ends all sessions of the user', async () => {
    const user = await userClient(t, admin, { email: 'pw@test.reestr' });
    const res = await user.request('POST', '/api/auth/password', { currentPassword: 'correct-horse-battery', newPassword: 'another-long-password' });
    expect(res.statusCode).toBe(204);
    expect((await user.request('GET', '/api/auth/me')).json().user).toBeNull();
    await expect(signIn(t.app, 'pw@test.reestr', 'another-long-password')).resolves.toBeTruthy();
  });

  it('a disabled user cannot sign in and loses open sessions', async () => {
    const user = await userClient(t, admin, { email: 'disabled@test.reestr' });
    const me = (await user.request('GET', '/api/auth/me')).json().user;
    expect((await admin.request('PATCH', `/api/users/${me.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await user.request('GET', '/api/auth/me')).json().user).toBeNull();
    await expect(signIn(t.app, 'disabled@test.reestr', 'correct-horse-battery')).rejects.toThrow(/401/);
  });
});

describe('personal API tokens', () => {
  it('are shown once, authenticate machine clients, and can be revoked', async () => {
    const created = await admin.request('POST', '/api/auth/tokens', { name: 'ci', scope: 'write' });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^rst_/);
    const list = (await admin.request('GET', '/api/auth/tokens')).json().items;
    expect(JSON.stringify(list)).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json().user.email).toBe(ADMIN_EMAIL);
    // bearer writes need no CSRF token
    const org = await t.app.inject({ method: 'POST', url: '/api/organizations', payload: { name: 'Token Org', country: 'RU' }, headers: bearer });
    expect(org.statusCode).toBe(201);
    expect((await admin.request('DELETE', `/api/auth/tokens/${item.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
  });

  it('a read-only token reads but cannot write', async () => {
    const { token } = (await admin.request('POST', '/api/auth/tokens', { name: 'reader', scope: 'read' })).json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: '/api/organizations', payload: { name: 'Nope', country: 'RU' }, headers });
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toBe('token_read_only');
  });

  it('an expired or unknown token is refused with 401', async () => {
    const { token, item } = (await admin.request('POST', '/api/auth/tokens', { name: 'old', scope: 'read', expiresInDays: 1 })).json();
    await t.db.kysely.updateTable('api_tokens').set({ expires_at: '2001-01-01T00:00:00.000Z' }).where('id', '=', item.id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/product-types', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/product-types', headers: { authorization: 'Bearer rst_made_up' } })).statusCode).toBe(401);
  });
});

describe('user administration', () => {
  it('only admins create users; an operator needs a country', async () => {
    const user = await userClient(t, admin, { email: 'plain@test.reestr' });
    const denied = await user.request('POST', '/api/users', { email: 'x@test.reestr', name: 'X', role: 'admin' });
    expect(denied.statusCode).toBe(403);
    const noCountry = await admin.request('POST', '/api/users', { email: 'op@test.reestr', name: 'Op', role: 'operator' });
    expect(noCountry.statusCode).toBe(400);
    const op = await admin.request('POST', '/api/users', { email: 'op@test.reestr', name: 'Op', role: 'operator', operatorCountry: 'BY' });
    expect(op.statusCode).toBe(201);
    expect(op.json().password).toMatch(/-/);
    expect(op.json().user.operatorCountry).toBe('BY');
    const duplicate = await admin.request('POST', '/api/users', { email: 'OP@test.reestr', name: 'Op', role: 'user' });
    expect(duplicate.statusCode).toBe(409);
  });

  it('anonymous visitors cannot list users', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});
