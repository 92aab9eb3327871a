/**
 * The search answer cache (SQLite) never shows an answer older than the last write: a write through the API, and a
 * write by another connection to the same database file, are both visible in the very next search. On PostgreSQL
 * nothing is cached and the same must hold.
 */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteHandle } from '../../src/server/db/client';
import { ADMIN_EMAIL, createTestApp, signIn, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let makerId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  makerId = (await admin.request('POST', '/api/organizations', { name: 'ОАО «Интеграл»', country: 'BY' })).json().id;
});
afterAll(() => t?.close());

const search = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  return res.json();
};

describe('search answers after writes', () => {
  it('answers a repeated search the same, from the cache on SQLite', async () => {
    const first = await search('q=QZT4401');
    const before = t.services.searchCache?.hits ?? 0;
    const again = await search('q=QZT4401');
    expect({ ...again, tookMs: 0 }).toEqual({ ...first, tookMs: 0 });
    if (t.db.dialect === 'sqlite') expect(t.services.searchCache!.hits).toBe(before + 1);
    else expect(t.services.searchCache).toBeNull();
  });

  it('shows a link added through the API in the next search', async () => {
    expect((await search('q=QZT4401')).foreignParts.items).toEqual([]);
    const product = await admin.request('POST', '/api/product-types', { designation: 'ИН4401', makerId });
    const link = await admin.request('POST', '/api/analogs', { productTypeId: product.json().id, foreignPartNumber: 'QZT4401', type: 'full', source: 'test' });
    expect(link.statusCode).toBe(201);
    const after = await search('q=QZT4401');
    expect(after.foreignParts.items[0].analogs.map((a: { productType: { designation: string } }) => a.productType.designation)).toEqual(['ИН4401']);
    // and a change of it too
    expect((await admin.request('DELETE', `/api/analogs/${link.json().id}`)).statusCode).toBe(204);
    expect((await search('q=QZT4401')).foreignParts.items[0]?.analogs ?? []).toEqual([]);
  });

  it('shows a write by another connection (another process) in the next search', async () => {
    const query = `q=${encodeURIComponent('Квазар')}&kind=organizations`;
    expect((await search(query)).organizations.items).toEqual([]);
    if (t.db.dialect === 'sqlite') {
      const other = new SQLite(sqliteHandle(t.db.kysely)!.name);
      other.prepare('UPDATE organizations SET name = ? WHERE id = ?').run('ОАО «Квазар»', makerId);
      other.close();
    } else {
      await admin.request('PATCH', `/api/organizations/${makerId}`, { name: 'ОАО «Квазар»' });
    }
    expect((await search(query)).organizations.items.map((o: { id: number }) => o.id)).toEqual([makerId]);
  });
});
