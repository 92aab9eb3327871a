/**
 * Fuzzing every operation of the OpenAPI description with generated hostile requests (tests/fuzz/openapi.ts):
 * wrong types, boundary numbers, odd Unicode and NUL bytes, very long strings, missing and extra fields, raw
 * JSON oddities, wrong content types, oversized bodies, hostile ids and query values. The seed and the number
 * of cases are fixed, so a failure repeats. Every answer must be below 500, every 4xx the JSON error body
 * `{ error, message }`, and the server must still answer afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type TestApp } from '../support/app';
import fc from 'fast-check';
import { casesFor, endpoints, type FuzzCase, type OpenApi } from '../fuzz/openapi';

const SEED = 20261203;
/** hostile values per body field, and cases per operation (a seeded choice among all generated) */
const SIGNED_IN = { perField: 4, perOperation: 20 };
const ANONYMOUS = { perField: 1, perOperation: 6 };
/** operations that hash a password on every well-formed request (≈0.5 s each by design) get fewer cases */
const HASHING = new Set(['POST /api/auth/login', 'POST /api/auth/password', 'POST /api/users']);
/** file uploads get more: their form fields and file names are fuzzed besides the body */
const perOperation = (e: { method: string; path: string; multipart: boolean }, count: number) =>
  HASHING.has(`${e.method} ${e.path}`) ? 4 : e.multipart ? count * 2 : count;

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  // one row of each kind, so that id 1 exists and the generated values reach the services and the database
  const org = await admin.request('POST', '/api/organizations', { name: 'ОАО «Фазз»', country: 'BY' });
  const type = await admin.request('POST', '/api/product-types', { designation: 'К155ЛА3', makerId: org.json().id });
  const part = await admin.request('POST', '/api/foreign-parts', { partNumber: 'SN7400N', manufacturer: 'Texas Instruments' });
  const link = await admin.request('POST', '/api/analogs', { productTypeId: type.json().id, foreignPartId: part.json().id, type: 'full', source: 'fuzz' });
  expect([org, type, part, link].map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
  // the fuzzing administrator is not user 1 and its token not token 1, so that the generated requests that
  // disable user 1 or revoke token 1 do not end the run's own access
  await admin.request('POST', '/api/auth/tokens', { name: 'decoy', scope: 'read' });
  const fuzzer = await userClient(t, admin, { email: 'fuzzer@test.reestr', role: 'admin' });
  const created = await fuzzer.request('POST', '/api/auth/tokens', { name: 'fuzz', scope: 'write' });
  token = created.json().token;
}, 120_000);
afterAll(() => t?.close());

/** `count` of the generated cases for one operation, the same for the same seed. */
function choose(cases: FuzzCase[], count: number, seed: number): FuzzCase[] {
  if (cases.length <= count) return cases;
  return fc.sample(fc.shuffledSubarray(cases, { minLength: count, maxLength: count }), { seed, numRuns: 1 })[0];
}

async function judge(c: FuzzCase, headers: Record<string, string>): Promise<string | null> {
  const res = await t.app.inject({ method: c.method as 'GET', url: c.url, payload: c.payload, headers: { ...c.headers, ...headers } });
  if (res.statusCode >= 500) return `${c.label} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode >= 400) {
    let body: { error?: unknown; message?: unknown } = {};
    try {
      body = res.json();
    } catch {
      return `${c.label} → ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 100)}`;
    }
    if (typeof body.error !== 'string' || typeof body.message !== 'string' || body.message.length < 5)
      return `${c.label} → ${res.statusCode} without { error, message }: ${res.body.slice(0, 100)}`;
  }
  return null;
}

describe('generated hostile requests to every operation', () => {
  it('get a clear 4xx or a success, never a 5xx, and leave the server answering', async () => {
    const all = endpoints(t.app.swagger() as OpenApi);
    expect(all.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let sent = 0;
    for (const [i, e] of all.entries()) {
      const seed = SEED + i * 1000;
      for (const c of choose(casesFor(e, { seed, perField: SIGNED_IN.perField, id: '1' }), perOperation(e, SIGNED_IN.perOperation), seed)) {
        const failure = await judge(c, { authorization: `Bearer ${token}` });
        if (failure) failures.push(failure);
        sent++;
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.email).toBe('fuzzer@test.reestr');
  }, 240_000);

  it('get the same clear answers without signing in', async () => {
    const failures: string[] = [];
    for (const [i, e] of endpoints(t.app.swagger() as OpenApi).entries()) {
      const seed = SEED + i * 1000 + 500;
      for (const c of choose(casesFor(e, { seed, perField: ANONYMOUS.perField, id: '1' }), perOperation(e, ANONYMOUS.perOperation), seed)) {
        const failure = await judge(c, {});
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 240_000);
});
