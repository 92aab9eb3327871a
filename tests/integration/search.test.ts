/** /api/search and /api/search/suggest on the demo dataset plus a few products with parameters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, type Client, type TestApp } from '../support/app';
import { foreignPartColumns } from '../../src/server/search/columns';

let t: TestApp;
let admin: Client;
let orgId: number;

interface Hit {
  tier: string;
  score: number;
  notes: { code: string; params: Record<string, string> }[];
}
interface ProductHit extends Hit {
  designation: string;
}
interface ForeignHit extends Hit {
  partNumber: string;
  analogs: { type: string; productType: { designation: string } }[];
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  const org = (await admin.request('POST', '/api/organizations', { name: 'ОАО «Интеграл»', country: 'BY', inn: null, unp: '100386629' })).json();
  orgId = org.id;
  const create = (body: object) => admin.request('POST', '/api/product-types', { makerId: org.id, ...body });
  expect(
    (
      await create({
        designation: 'ИН5533ЛА3',
        packages: ['SOIC-14'],
        qualityLevel: 'industrial',
        parameters: [{ name: 'U_cc', min: 4500, max: 5500, unit: 'mV' }],
      })
    ).statusCode,
  ).toBe(201);
  expect((await create({ designation: 'ИН5533ЛА4', packages: ['DIP-14'], parameters: [{ name: 'U_cc', min: 2, max: 3.6, unit: 'V' }] })).statusCode).toBe(201);
});
afterAll(() => t?.close());

async function search(query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    productTypes: { total: number; items: ProductHit[] };
    foreignParts: { total: number; items: ForeignHit[] };
    facets: Record<string, { value: unknown; count: number }[]>;
  };
}
const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);

describe('part numbers as engineers type them', () => {
  it('a foreign number with a package suffix finds the base part and its domestic analog, never as exact', async () => {
    const r = await q('SN74HC00N');
    const top = r.foreignParts.items[0];
    expect(top.tier).toBe('base');
    expect(top.partNumber).toBe('74HC00');
    expect(top.notes).toContainEqual({ code: 'suffix_stripped', params: { suffix: 'N' } });
    expect(top.analogs.map((a) => a.productType.designation)).toContain('КР1554ЛА3');
    expect(r.foreignParts.items.every((h) => h.tier !== 'exact')).toBe(true);
  });

  it('the same function in another logic family is a family candidate with the difference stated', async () => {
    const r = await q('74HC00');
    const ttl = r.foreignParts.items.find((h) => h.partNumber === '7400')!;
    expect(ttl.tier).toBe('family');
    expect(ttl.notes).toContainEqual({ code: 'logic_family', params: { query: 'HC', found: 'TTL' } });
    const exact = r.foreignParts.items.find((h) => h.partNumber === '74HC00')!;
    expect(exact.tier).toBe('exact');
    expect(r.foreignParts.items.indexOf(exact)).toBeLessThan(r.foreignParts.items.indexOf(ttl));
  });

  it('finds a domestic designation typed on the wrong keyboard, in lower case and in the official Latin form', async () => {
    const mixed = await q('KP1533ЛA3');
    expect(mixed.productTypes.items[0]).toMatchObject({ designation: 'КР1533ЛА3', tier: 'normalised' });
    expect(mixed.productTypes.items[0].notes.map((n) => n.code)).toContain('lookalike_letters');
    const latin = await q('kr1533la3');
    expect(latin.productTypes.items[0]).toMatchObject({ designation: 'КР1533ЛА3', tier: 'normalised' });
    expect(latin.productTypes.items[0].notes.map((n) => n.code)).toContain('latin_form');
    const exact = await q('КР1533ЛА3');
    expect(exact.productTypes.items[0]).toMatchObject({ designation: 'КР1533ЛА3', tier: 'exact', score: 1 });
  });

  it('other packages and acceptances of the same die are family candidates', async () => {
    const r = await q('КР1533ЛА3');
    const family = r.productTypes.items.filter((h) => h.tier === 'family').map((h) => h.designation);
    expect(family).toContain('1533ЛА3');
    const variant = r.productTypes.items.find((h) => h.designation === '1533ЛА3')!;
    expect(variant.notes).toContainEqual({ code: 'variant', params: { query: 'КР', found: '' } });
  });

  it('ranks stronger tiers first and reports a score per hit', async () => {
    const r = await q('К155ЛА');
    const scores = r.productTypes.items.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.productTypes.items.map((h) => h.tier)).toContain('prefix');
  });

  it('keeps distinct parts that only look alike apart', async () => {
    const r = await q('74HC02');
    expect(r.foreignParts.items.find((h) => h.partNumber === '74HC00')?.tier ?? 'fuzzy').toBe('fuzzy');
  });

  it('does not take a Soviet series number written without its prefix for a foreign linear type', async () => {
    // 555ЛА3 is a NAND gate of the 555 (LS TTL) series; NE555 is a timer, found for its own number
    expect((await q('555ЛА3')).foreignParts.items.map((h) => h.partNumber)).not.toContain('NE555');
    expect((await q('NE555P')).foreignParts.items.find((h) => h.partNumber === 'NE555')?.tier).toBe('base');
  });

  it('tolerates a typo with a fuzzy candidate', async () => {
    const r = await q('KP1533LA33');
    expect(r.productTypes.items.some((h) => h.designation === 'КР1533ЛА3' && ['fuzzy', 'prefix'].includes(h.tier))).toBe(true);
  });
});

describe('typo candidates among many that share half of the key', () => {
  it('finds a part whose number holds the whole typed key when each half is in more numbers than a candidate list takes', async () => {
    const now = new Date().toISOString();
    const parts = [
      // listed first (lower ids): 2 × 120 numbers with one half of the typed key each
      ...Array.from({ length: 120 }, (_, i) => `QWERTY${i}AA`),
      ...Array.from({ length: 120 }, (_, i) => `BB${i}ZXCVBN`),
      'XQWERTYZXCVBNQ',
    ];
    await t.db.kysely
      .insertInto('foreign_parts')
      .values(parts.map((p) => ({ ...foreignPartColumns(p, null), created_at: now, updated_at: now })))
      .execute();
    const r = await q('QWERTYZXCVBN');
    expect(r.foreignParts.items[0]).toMatchObject({ partNumber: 'XQWERTYZXCVBNQ', tier: 'fuzzy' });
  });
});

describe('exact match among many of the same key', () => {
  it('finds the designation typed as stored when more rows share its key than a tier returns', async () => {
    // 60 makers' product types whose designations differ from the one typed only in punctuation (one key); that one is created last
    for (let i = 0; i < 60; i++) {
      const maker = await admin.request('POST', '/api/organizations', { name: `Завод № ${i}`, country: 'RU', inn: null });
      expect(maker.statusCode, maker.body).toBe(201);
      const r = await admin.request('POST', '/api/product-types', { designation: 'ИН8801', makerId: maker.json().id });
      expect(r.statusCode, r.body).toBe(201);
    }
    const typed = await admin.request('POST', '/api/product-types', { designation: 'ИН88-01', makerId: orgId });
    const r = await q('ИН88-01');
    expect(r.productTypes.items[0]).toMatchObject({ id: typed.json().id, designation: 'ИН88-01', tier: 'exact' });
  });
});

describe('analogs of a foreign part', () => {
  it('shows the best 10 (full before functional, verified first) and says how many there are', async () => {
    const types = ['functional', 'functional', 'partial', 'full', 'functional', 'partial', 'functional', 'full', 'partial', 'functional', 'functional', 'full'];
    const ids: number[] = [];
    for (const [i, type] of types.entries()) {
      const product = await admin.request('POST', '/api/product-types', { designation: `ИН77${String(i).padStart(2, '0')}`, makerId: orgId });
      ids.push(product.json().id);
      const link = await admin.request('POST', '/api/analogs', { productTypeId: product.json().id, foreignPartNumber: 'QZX7700', type, source: 'test' });
      expect(link.statusCode, link.body).toBe(201);
    }
    const r = await q('QZX7700');
    const hit = r.foreignParts.items[0] as ForeignHit & { analogCount: number };
    expect(hit.partNumber).toBe('QZX7700');
    expect(hit.analogCount).toBe(12);
    expect(hit.analogs).toHaveLength(10);
    expect(hit.analogs.map((a) => a.type)).toEqual(['full', 'full', 'full', ...Array(6).fill('functional'), 'partial']);
    // two of the three partial analogs are left out, never a full one
    expect(hit.analogs.map((a) => a.productType.designation)).toEqual(expect.arrayContaining(['ИН7703', 'ИН7707', 'ИН7711']));

    // a part with more analogs than are shown and one with fewer, in one result
    for (const [i, type] of ['partial', 'full'].entries()) {
      const link = await admin.request('POST', '/api/analogs', { productTypeId: ids[i], foreignPartNumber: 'QZX7701', type, source: 'test' });
      expect(link.statusCode, link.body).toBe(201);
    }
    const both = await q('QZX770');
    const byNumber = new Map((both.foreignParts.items as (ForeignHit & { analogCount: number })[]).map((h) => [h.partNumber, h]));
    expect(byNumber.get('QZX7700')?.analogCount).toBe(12);
    expect(byNumber.get('QZX7700')?.analogs).toHaveLength(10);
    expect(byNumber.get('QZX7701')?.analogCount).toBe(2);
    expect(byNumber.get('QZX7701')?.analogs.map((a) => [a.type, a.productType.designation])).toEqual([
      ['full', 'ИН7701'],
      ['partial', 'ИН7700'],
    ]);
  });
});

describe('full text with Russian morphology', () => {
  it('«операционные усилители» finds «операционный усилитель»', async () => {
    const r = await q('операционные усилители');
    expect(r.productTypes.total).toBeGreaterThan(20);
    expect(r.productTypes.items.every((h) => h.tier === 'fulltext')).toBe(true);
    const detail = await t.app.inject({ method: 'GET', url: `/api/product-types?q=${encodeURIComponent(r.productTypes.items[0].designation)}` });
    expect(detail.json().items[0].category.code).toBe('op-amps');
  });

  it("applies filters before the tier cap: a maker's one match is found among many earlier ones", async () => {
    // more than the per-tier cap of op-amps come before it in id order; only the filter can bring it in
    const created = await admin.request('POST', '/api/product-types', { makerId: orgId, designation: 'ИН140УД99', functionRu: 'операционный усилитель' });
    expect(created.statusCode, created.body).toBe(201);
    const all = await q('операционные усилители');
    expect(all.productTypes.total).toBeGreaterThanOrEqual(50);
    const mine = await q('операционные усилители', `&maker=${orgId}`);
    expect(mine.productTypes.items.map((h) => [h.designation, h.tier])).toEqual([['ИН140УД99', 'fulltext']]);
    await admin.request('DELETE', `/api/product-types/${created.json().id}`);
  });

  it('«счётчики» (with ё) finds counters', async () => {
    const r = await q('счётчики');
    expect(r.productTypes.total).toBeGreaterThan(10);
  });
});

describe('parametric filters and facets', () => {
  it('U_cc ≥ 4.5 V matches a parameter stored from 4500 mV, and not one up to 3.6 V', async () => {
    const r = await search(`param=${encodeURIComponent('U_cc >= 4.5 V')}`);
    expect(r.productTypes.items.map((h) => h.designation)).toEqual(['ИН5533ЛА3']);
    expect(r.productTypes.items[0].tier).toBe('parametric');
    const low = await search(`param=${encodeURIComponent('Ucc<=3.3V')}`);
    expect(low.productTypes.items.map((h) => h.designation)).toEqual(['ИН5533ЛА4']);
    const mv = await search(`param=${encodeURIComponent('U_cc>=5000mV')}&q=${encodeURIComponent('ИН5533')}`);
    expect(mv.productTypes.items.map((h) => h.designation)).toEqual(['ИН5533ЛА3']);
  });

  it('rejects an unreadable parameter filter with a clear 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/search?param=${encodeURIComponent('U_cc about 5')}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('U_cc about 5');
  });

  it('returns facets and narrows by them', async () => {
    const r = await q('ЛА3');
    const categories = r.facets.category.map((f) => f.value);
    expect(categories).toContain('logic-nand');
    const byPackage = await q('ИН5533', '&package=DIP-14');
    expect(byPackage.productTypes.items.map((h) => h.designation)).toEqual(['ИН5533ЛА4']);
    const byCountry = await q('ИН5533', '&country=RU');
    expect(byCountry.productTypes.total).toBe(0);
    const byQuality = await q('ИН5533', '&qualityLevel=industrial');
    expect(byQuality.productTypes.items.map((h) => h.designation)).toEqual(['ИН5533ЛА3']);
    expect((await q('ИН5533')).facets.package).toEqual(
      expect.arrayContaining([
        { value: 'SOIC-14', count: 1 },
        { value: 'DIP-14', count: 1 },
      ]),
    );
  });
});

describe('organizations and suggestions', () => {
  it('finds an organization by УНП exactly and by part of its name', async () => {
    const byUnp = (await t.app.inject({ method: 'GET', url: '/api/search?q=100386629&kind=organizations' })).json();
    expect(byUnp.organizations.items[0]).toMatchObject({ name: 'ОАО «Интеграл»', tier: 'exact' });
    const byName = (await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('интеграл')}&kind=organizations` })).json();
    expect(byName.organizations.total).toBeGreaterThanOrEqual(1);
  });

  it('suggests product types and foreign parts while typing, best first', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent('NE555')}&limit=5` });
    const items = res.json().items as { kind: string; label: string; tier: string }[];
    expect(items[0]).toMatchObject({ kind: 'foreignPart', label: 'NE555', tier: 'exact' });
    expect(items.length).toBeLessThanOrEqual(5);
  });
});
