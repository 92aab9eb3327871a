import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let maker: Client; // member of Integral (BY)
let outsider: Client; // member of another organization
let operatorBy: Client;
let operatorRu: Client;
let integralId: number;
let otherOrgId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  integralId = (await admin.request('POST', '/api/organizations', { name: 'ОАО «Интеграл»', country: 'BY', region: 'BY-HM', unp: '100386629' })).json().id;
  otherOrgId = (await admin.request('POST', '/api/organizations', { name: 'АО «Завод»', country: 'RU', region: 'RU-MOW', inn: '7701234567' })).json().id;
  maker = await userClient(t, admin, { email: 'engineer@integral.by', organizationId: integralId });
  outsider = await userClient(t, admin, { email: 'engineer@zavod.ru', organizationId: otherOrgId });
  operatorBy = await userClient(t, admin, { email: 'op@gov.by', role: 'operator', operatorCountry: 'BY' });
  operatorRu = await userClient(t, admin, { email: 'op@gov.ru', role: 'operator', operatorCountry: 'RU' });
});
afterAll(() => t?.close());

describe('product types', () => {
  let id: number;

  it('a member adds a product type of their organization; Latin form, key and category are derived', async () => {
    const res = await maker.request('POST', '/api/product-types', {
      designation: 'КР1533ЛА3',
      makerId: integralId,
      packages: ['DIP-14'],
      qualityLevel: 'commercial',
      standards: ['АЕЯР.431200.424ТУ'],
      okpd2: '26.11.30',
      tnved: '8542 39 900 0',
      status: 'in_production',
      parameters: [{ name: 'U_cc', min: 4500, max: 5500, unit: 'mV', text: '4,5…5,5 В' }],
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({
      designation: 'КР1533ЛА3',
      designationLatin: 'KR1533LA3',
      designationKey: 'KP1533ЛA3',
      functionRu: 'Логические элементы И-НЕ',
      functionDerived: true,
      category: { code: 'logic-nand' },
      maker: { id: integralId, country: 'BY' },
      packages: ['DIP-14'],
      standards: ['АЕЯР.431200.424ТУ'],
    });
    expect(p.parameters).toEqual([{ name: 'U_cc', min: 4.5, typ: null, max: 5.5, unit: 'V', text: '4,5…5,5 В' }]);
  });

  it('refuses the same designation twice for one maker with 409', async () => {
    const res = await maker.request('POST', '/api/product-types', { designation: 'КР1533ЛА3', makerId: integralId });
    expect(res.statusCode).toBe(409);
  });

  it('a member of another organization can neither add for nor edit this maker', async () => {
    expect((await outsider.request('POST', '/api/product-types', { designation: 'КР1533ЛА4', makerId: integralId })).statusCode).toBe(403);
    expect((await outsider.request('PATCH', `/api/product-types/${id}`, { status: 'discontinued' })).statusCode).toBe(403);
    expect((await outsider.request('DELETE', `/api/product-types/${id}`)).statusCode).toBe(403);
    expect((await operatorBy.request('PATCH', `/api/product-types/${id}`, { status: 'discontinued' })).statusCode).toBe(403);
  });

  it('anonymous visitors read but cannot write', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/product-types/${id}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/product-types', payload: { designation: 'X1' } })).statusCode).toBe(401);
  });

  it('only admins add product types without a maker', async () => {
    expect((await maker.request('POST', '/api/product-types', { designation: 'К155ЛА3' })).statusCode).toBe(403);
    const res = await admin.request('POST', '/api/product-types', { designation: 'К155ЛА3', functionRu: 'Четыре элемента 2И-НЕ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ functionRu: 'Четыре элемента 2И-НЕ', functionDerived: false, category: { code: 'logic-nand' }, maker: null });
  });

  it('the maker edits its product: explicit text replaces the derived one, parameters are replaced', async () => {
    const res = await maker.request('PATCH', `/api/product-types/${id}`, {
      functionRu: '4 элемента 2И-НЕ',
      status: 'discontinued',
      parameters: [{ name: 't_pd', max: 11, unit: 'ns' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ functionRu: '4 элемента 2И-НЕ', functionDerived: false, status: 'discontinued', designationLatin: 'KR1533LA3' });
    expect(res.json().parameters).toEqual([{ name: 't_pd', min: null, typ: null, max: 1.1e-8, unit: 's', text: null }]);
  });

  it('rejects unknown units, unknown categories and unknown makers with 400', async () => {
    const unit = await maker.request('POST', '/api/product-types', {
      designation: 'КР1533ЛА9',
      makerId: integralId,
      parameters: [{ name: 'x', max: 1, unit: 'furlong' }],
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().message).toContain('furlong');
    expect((await maker.request('POST', '/api/product-types', { designation: 'КР1533ЛА9', makerId: integralId, categoryCode: 'nope' })).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/product-types', { designation: 'КР1533ЛА9', makerId: 999999 })).statusCode).toBe(400);
  });

  it('lists with filters, sorting and pages', async () => {
    for (const d of ['КР1533ЛЕ1', 'КР1533ТМ2', 'КР1533ИЕ7'])
      expect((await maker.request('POST', '/api/product-types', { designation: d, makerId: integralId })).statusCode).toBe(201);
    const all = (await t.app.inject({ method: 'GET', url: `/api/product-types?maker=${integralId}&pageSize=2&sort=designation&order=asc` })).json();
    expect(all.total).toBe(4);
    expect(all.items.map((p: { designation: string }) => p.designation)).toEqual(['КР1533ИЕ7', 'КР1533ЛА3']);
    const page2 = (await t.app.inject({ method: 'GET', url: `/api/product-types?maker=${integralId}&pageSize=2&page=2&sort=designation` })).json();
    expect(page2.items.map((p: { designation: string }) => p.designation)).toEqual(['КР1533ЛЕ1', 'КР1533ТМ2']);
    const flipFlops = (await t.app.inject({ method: 'GET', url: '/api/product-types?category=flip-flops' })).json();
    expect(flipFlops.items.map((p: { designation: string }) => p.designation)).toEqual(['КР1533ТМ2']);
    const byCountry = (await t.app.inject({ method: 'GET', url: '/api/product-types?country=RU' })).json();
    expect(byCountry.total).toBe(0);
    const discontinued = (await t.app.inject({ method: 'GET', url: '/api/product-types?status=discontinued' })).json();
    expect(discontinued.items.map((p: { id: number }) => p.id)).toEqual([id]);
  });

  it('finds a product by wrong-keyboard and Latin typing of its designation', async () => {
    for (const q of ['KP1533ЛA3', 'kr1533la3', 'кр1533ла3']) {
      const res = (await t.app.inject({ method: 'GET', url: `/api/product-types?q=${encodeURIComponent(q)}` })).json();
      expect(
        res.items.map((p: { designation: string }) => p.designation),
        q,
      ).toContain('КР1533ЛА3');
    }
  });
});

describe('foreign parts and analog links', () => {
  let productId: number;
  let linkId: number;

  beforeAll(async () => {
    productId = (await maker.request('POST', '/api/product-types', { designation: 'КР1564ИР8', makerId: integralId })).json().id;
  });

  it('the maker claims an analog by part number; the foreign part is created and the link starts unverified', async () => {
    const res = await maker.request('POST', '/api/analogs', {
      productTypeId: productId,
      foreignPartNumber: '74HC164',
      foreignManufacturer: 'NXP',
      type: 'full',
      source: 'datasheet comparison',
    });
    expect(res.statusCode).toBe(201);
    linkId = res.json().id;
    expect(res.json()).toMatchObject({ type: 'full', verified: false, verifiedAt: null, foreignPart: { partNumber: '74HC164', manufacturer: 'NXP' } });
    expect(
      (
        await maker.request('POST', '/api/analogs', {
          productTypeId: productId,
          foreignPartNumber: '74HC164',
          foreignManufacturer: 'NXP',
          type: 'full',
          source: 'again',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('the foreign part page lists its domestic analogs with maker and category', async () => {
    const parts = (await t.app.inject({ method: 'GET', url: '/api/foreign-parts?q=74hc164' })).json();
    expect(parts.total).toBe(1);
    const part = (await t.app.inject({ method: 'GET', url: `/api/foreign-parts/${parts.items[0].id}` })).json();
    expect(part.analogs).toHaveLength(1);
    expect(part.analogs[0].productType).toMatchObject({
      designation: 'КР1564ИР8',
      maker: { name: 'ОАО «Интеграл»', country: 'BY' },
      category: { code: 'registers' },
    });
  });

  it('an operator of another country cannot verify; an operator of the maker country can, with who and when', async () => {
    expect((await operatorRu.request('PATCH', `/api/analogs/${linkId}`, { verified: true })).statusCode).toBe(403);
    expect((await outsider.request('PATCH', `/api/analogs/${linkId}`, { verified: true })).statusCode).toBe(403);
    const res = await operatorBy.request('PATCH', `/api/analogs/${linkId}`, { verified: true });
    expect(res.statusCode).toBe(200);
    const opId = (await operatorBy.request('GET', '/api/auth/me')).json().user.id;
    expect(res.json()).toMatchObject({ verified: true, verifiedBy: opId });
    expect(res.json().verifiedAt).toMatch(/^\d{4}-/);
    // an operator may verify but not rewrite the claim
    expect((await operatorBy.request('PATCH', `/api/analogs/${linkId}`, { type: 'partial' })).statusCode).toBe(403);
  });

  it('changing the claim clears its verification', async () => {
    const res = await maker.request('PATCH', `/api/analogs/${linkId}`, { type: 'functional' });
    expect(res.json()).toMatchObject({ type: 'functional', verified: false, verifiedBy: null, verifiedAt: null });
  });

  it('lists analogs with filters and the product page shows them', async () => {
    const list = (await t.app.inject({ method: 'GET', url: `/api/analogs?productTypeId=${productId}` })).json();
    expect(list.total).toBe(1);
    const product = (await t.app.inject({ method: 'GET', url: `/api/product-types/${productId}` })).json();
    expect(product.analogs.map((a: { foreignPart: { partNumber: string } }) => a.foreignPart.partNumber)).toEqual(['74HC164']);
    expect(product.analogCount).toBe(1);
    const withAnalogs = (await t.app.inject({ method: 'GET', url: `/api/product-types?hasAnalogs=true&maker=${integralId}` })).json();
    expect(withAnalogs.items.map((p: { id: number }) => p.id)).toEqual([productId]);
  });

  it('signed-in users add foreign parts; only admins change or delete them', async () => {
    const created = await outsider.request('POST', '/api/foreign-parts', { partNumber: 'NE555P', manufacturer: 'Texas Instruments' });
    expect(created.statusCode).toBe(201);
    expect(created.json().partNumberKey).toBe('NE555P');
    expect((await outsider.request('POST', '/api/foreign-parts', { partNumber: 'NE555P', manufacturer: 'TEXAS INSTRUMENTS' })).statusCode).toBe(409);
    expect((await outsider.request('PATCH', `/api/foreign-parts/${created.json().id}`, { description: 'timer' })).statusCode).toBe(403);
    expect((await admin.request('PATCH', `/api/foreign-parts/${created.json().id}`, { description: 'timer' })).json().description).toBe('timer');
    expect((await admin.request('DELETE', `/api/foreign-parts/${created.json().id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/foreign-parts/${created.json().id}` })).statusCode).toBe(404);
  });

  it('only the maker or an admin removes a link', async () => {
    expect((await outsider.request('DELETE', `/api/analogs/${linkId}`)).statusCode).toBe(403);
    expect((await maker.request('DELETE', `/api/analogs/${linkId}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/analogs/${linkId}` })).statusCode).toBe(404);
  });
});

describe('organizations and members', () => {
  it('lists, filters by country and searches Cyrillic names case-insensitively', async () => {
    const by = (await t.app.inject({ method: 'GET', url: '/api/organizations?country=BY' })).json();
    expect(by.items.map((o: { name: string }) => o.name)).toEqual(['ОАО «Интеграл»']);
    const q = (await t.app.inject({ method: 'GET', url: `/api/organizations?q=${encodeURIComponent('интеграл')}` })).json();
    expect(q.total).toBe(1);
    expect(q.items[0].productCount).toBeGreaterThan(0);
  });

  it('only admins create; managers and admins edit; members are visible to members', async () => {
    expect((await maker.request('POST', '/api/organizations', { name: 'X', country: 'BY' })).statusCode).toBe(403);
    expect((await maker.request('PATCH', `/api/organizations/${integralId}`, { website: 'https://integral.by' })).statusCode).toBe(403);
    const manager = await userClient(t, admin, { email: 'manager@integral.by', organizationId: integralId, membership: 'manager' });
    const res = await manager.request('PATCH', `/api/organizations/${integralId}`, { website: 'https://integral.by' });
    expect(res.statusCode).toBe(200);
    expect(res.json().website).toBe('https://integral.by');
    const members = (await maker.request('GET', `/api/organizations/${integralId}/members`)).json().items;
    expect(members.map((m: { email: string }) => m.email).sort()).toEqual(['engineer@integral.by', 'manager@integral.by']);
    expect((await outsider.request('GET', `/api/organizations/${integralId}/members`)).statusCode).toBe(403);
    expect((await manager.request('POST', `/api/organizations/${integralId}/members`, { email: 'engineer@zavod.ru', role: 'member' })).statusCode).toBe(204);
    expect((await outsider.request('PATCH', `/api/product-types?maker=${integralId}`, {})).statusCode).toBe(404);
  });

  it('validates identifiers: УНП 9 digits, ИНН 10 or 12, region ISO 3166-2', async () => {
    expect((await admin.request('POST', '/api/organizations', { name: 'Bad', country: 'BY', unp: '12' })).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/organizations', { name: 'Bad', country: 'RU', inn: '123' })).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/organizations', { name: 'Bad', country: 'RU', region: 'Moscow' })).statusCode).toBe(400);
  });
});

describe('categories', () => {
  it('returns the tree with product counts and lets admins add a category', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/categories' })).json().items;
    const nand = items.find((c: { code: string }) => c.code === 'logic-nand');
    const logic = items.find((c: { code: string }) => c.code === 'logic');
    expect(nand.parentId).toBe(logic.id);
    expect(nand.productCount).toBeGreaterThanOrEqual(2);
    expect((await maker.request('POST', '/api/categories', { code: 'sensors', nameRu: 'Датчики', nameBe: 'Датчыкі', nameEn: 'Sensors' })).statusCode).toBe(403);
    const created = await admin.request('POST', '/api/categories', {
      code: 'sensors',
      parentCode: 'microelectronics',
      nameRu: 'Датчики',
      nameBe: 'Датчыкі',
      nameEn: 'Sensors',
    });
    expect(created.statusCode).toBe(201);
    expect((await admin.request('POST', '/api/categories', { code: 'sensors', nameRu: 'Д', nameBe: 'Д', nameEn: 'S' })).statusCode).toBe(409);
  });
});
