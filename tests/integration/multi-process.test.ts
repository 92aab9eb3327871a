/**
 * Several reestr processes on one database: started at the same moment (one migrates and creates the first
 * administrator, the other finds it done), a session from one process works on the other, sign-out on one
 * ends it on both, sign-in throttling counts attempts on both together, and two operators deciding the same
 * application on different processes get one decision and one refusal. Runs on PostgreSQL (server mode) and
 * on one SQLite file shared by two processes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { sessionOver, signInOver, type HttpClient } from '../support/http';
import { startServerProcess, type ServerProcess } from '../support/process';

const ADMIN = { email: 'admin@multi.reestr', password: 'multi-process-admin-password' };
const PASSWORD = 'multi-process-password';
const LOGIN_LIMIT = 8;
let database: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;
let adminA: HttpClient;
let logins = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-multi-'));

async function signIn(url: string, email: string, password = PASSWORD) {
  logins++;
  return signInOver(url, email, password);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const env = {
    DATABASE_URL: database.url,
    REESTR_ADMIN_EMAIL: ADMIN.email,
    REESTR_ADMIN_PASSWORD: ADMIN.password,
    REESTR_LOG_KEY_FILE: path.join(dir, 'log-key.pem'),
    RATE_LIMIT_STORE: 'database',
    LOGIN_ATTEMPTS_PER_MINUTE: String(LOGIN_LIMIT),
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  adminA = await signIn(a.url, ADMIN.email, ADMIN.password);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two server processes on one database', () => {
  it('start together: one first administrator, printed by exactly one of them', async () => {
    const printed = [a, b].filter((p) => p.output().includes('First administrator created'));
    expect(printed).toHaveLength(1);
    const users = (await adminA.request('GET', '/api/users?pageSize=100')).json();
    expect(users.items.filter((u: { role: string }) => u.role === 'admin')).toHaveLength(1);
    for (const p of [a, b]) expect((await fetch(new URL('/api/health', p.url))).status).toBe(200);
  });

  it('share sessions: signed in on one, writing on the other, signed out on one, out on both', async () => {
    const onB = sessionOver(b.url, adminA.cookie, adminA.csrf);
    expect((await onB.request('GET', '/api/auth/me')).json()).toMatchObject({ user: { email: ADMIN.email } });
    const created = await onB.request('POST', '/api/organizations', { name: 'ОАО «Интеграл»', country: 'BY' });
    expect(created.status, created.text).toBe(201);
    expect((await adminA.request('GET', `/api/organizations/${created.json().id}`)).json()).toMatchObject({ name: 'ОАО «Интеграл»' });

    const second = await signIn(b.url, ADMIN.email, ADMIN.password);
    expect((await sessionOver(a.url, second.cookie, second.csrf).request('POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect((await second.request('GET', '/api/auth/me')).json()).toMatchObject({ user: null });
  });

  it('let two operators decide one application on different processes: one decision, one refusal', async () => {
    const org = (await adminA.request('POST', '/api/organizations', { name: 'АО «Микрон»', country: 'RU' })).json();
    const product = (await adminA.request('POST', '/api/product-types', { designation: '1554ЛА3', makerId: org.id })).json();
    for (const user of [
      { email: 'maker@micron.test', role: 'user' },
      { email: 'op1@ru.test', role: 'operator', operatorCountry: 'RU' },
      { email: 'op2@ru.test', role: 'operator', operatorCountry: 'RU' },
    ])
      expect((await adminA.request('POST', '/api/users', { ...user, name: user.email, password: PASSWORD })).status).toBe(201);
    expect((await adminA.request('POST', `/api/organizations/${org.id}/members`, { email: 'maker@micron.test', role: 'manager' })).status).toBeLessThan(300);

    const maker = await signIn(b.url, 'maker@micron.test');
    const record = await maker.request('POST', '/api/registry/records', {
      organizationId: org.id,
      productTypeIds: [product.id],
      operations: ['design', 'software', 'wafer', 'assembly', 'testing'].map((code) => ({ code, country: 'RU' })),
      contentShares: [],
      makerTaxResidentEaeu: true,
      designRightsYears: 10,
      usesForeignReadyMadeSolutions: false,
    });
    expect(record.status, record.text).toBe(201);
    const id = record.json().id;
    expect((await maker.request('POST', `/api/registry/records/${id}/submit`)).status).toBe(200);

    const [op1, op2] = [await signIn(a.url, 'op1@ru.test'), await signIn(b.url, 'op2@ru.test')];
    const [include, reject] = await Promise.all([
      op1.request('POST', `/api/registry/records/${id}/decisions`, { kind: 'include' }),
      op2.request('POST', `/api/registry/records/${id}/decisions`, { kind: 'reject', remarks: 'одновременно' }),
    ]);
    const statuses = [include.status, reject.status].sort();
    expect(statuses, `${include.text} / ${reject.text}`).toEqual([200, 409]);
    const winner = include.status === 200 ? 'included' : 'rejected';
    for (const p of [a, b]) expect((await fetch(new URL(`/api/registry/records/${id}`, p.url))).status).toBeLessThan(500);
    expect((await maker.request('GET', `/api/registry/records/${id}`)).json()).toMatchObject({ state: winner });
    const history = (await sessionOver(a.url, maker.cookie, maker.csrf).request('GET', `/api/registry/records/${id}`)).json();
    expect(history.state).toBe(winner);
    // the log written by both processes verifies as one log
    const verified = (await fetch(new URL('/api/registry/log/verify', b.url))).status;
    expect(verified).toBe(200);
  });

  it('count sign-in attempts on both processes together', async () => {
    const statuses: number[] = [];
    // earlier sign-ins of this file count in the same window
    for (let i = logins; i <= LOGIN_LIMIT; i++) {
      const res = await fetch(new URL('/api/auth/login', (i % 2 ? a : b).url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@multi.reestr', password: 'wrong-password-123' }),
      });
      statuses.push(res.status);
    }
    // LOGIN_LIMIT attempts in all were allowed, the next one (on either process) is refused
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await fetch(new URL('/api/auth/login', a.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(429);
  });
});
