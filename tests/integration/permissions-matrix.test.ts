/**
 * Permissions matrix: every mutating operation of the OpenAPI description × every role, with the expected
 * answer written down as data. Each cell acts on a target made fresh for it (so an allowed cell changes
 * nothing the next cell relies on). Allowed cells must succeed (2xx); the others must be refused — 401 for
 * anonymous visitors, 403 for signed-in users, or 404 where the rule is to hide that the target exists.
 * The owning organization is a Russian maker; "operator" is the registry operator of its country (RU), and
 * "otherOperator" of Belarus; "otherMember" is a manager of another (Belarusian) organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

const ROLES = ['anonymous', 'otherMember', 'member', 'manager', 'otherOperator', 'operator', 'admin'] as const;
type Role = (typeof ROLES)[number];
const SIGNED_IN: Role[] = ROLES.filter((r) => r !== 'anonymous');

interface Request {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Row {
  op: string;
  allowed: readonly Role[];
  /** refused signed-in users get 404 rather than 403: the target is hidden from them */
  hidden?: readonly Role[];
  /** a fresh target for one cell, made by the roles that may make it */
  target: () => Promise<Request>;
}

let t: TestApp;
let admin: Client;
const clients = {} as Record<Exclude<Role, 'anonymous'>, Client>;
const ids = { owner: 0, other: 0, ptOther: 0, ruDraftRuleSet: 0 };
let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++seq}`;

async function as(role: Role, r: Request): Promise<LightMyRequestResponse> {
  if (role === 'anonymous') return t.app.inject({ method: r.method as 'GET', url: r.url, payload: r.body as object, headers: r.headers });
  return clients[role].request(r.method, r.url, r.body, r.headers);
}

async function ok(client: Client, method: string, url: string, body?: unknown, headers?: Record<string, string>) {
  const res = await client.request(method, url, body, headers);
  if (res.statusCode >= 300) throw new Error(`setup ${method} ${url} failed: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : null;
}

// --- fresh targets ------------------------------------------------------------------------------------------
const productType = async (makerId = ids.owner) => (await ok(admin, 'POST', '/api/product-types', { designation: unique('К1533ЛА'), makerId })).id as number;
const foreignPart = async () => (await ok(admin, 'POST', '/api/foreign-parts', { partNumber: unique('SN74HC'), manufacturer: 'TI' })).id as number;
const analog = async () =>
  (await ok(admin, 'POST', '/api/analogs', { productTypeId: await productType(), foreignPartId: await foreignPart(), type: 'full', source: 'datasheet' }))
    .id as number;
/** One bystander user for the user and membership rows (creating one per cell would hash a password each time). */
let bystander: { id: number; email: string };
const user = async () => bystander;
const application = async () =>
  (
    await ok(clients.member, 'POST', '/api/registry/records', {
      organizationId: ids.owner,
      productTypeIds: [await productType()],
      makerTaxResidentEaeu: true,
      designRightsYears: 10,
      usesForeignReadyMadeSolutions: false,
      operations: ['design', 'software', 'wafer', 'assembly', 'testing'].map((code) => ({ code, country: 'RU' })),
      contentShares: [],
    })
  ).id as number;
const submitted = async () => {
  const id = await application();
  await ok(clients.member, 'POST', `/api/registry/records/${id}/submit`);
  return id;
};
const analysis = async () =>
  (await ok(clients.member, 'POST', '/api/bom/analyses', { name: 'matrix', lines: [{ partNumber: unique('NOSUCHPART'), quantity: 2 }] })).id as string;
const demand = async (poster: Client, buyerOrganizationId: number) =>
  (await ok(poster, 'POST', '/api/demands', { buyerOrganizationId, partNumber: 'SN74HC00N', quantityPerYear: 1000 })).id as number;
const offer = async (buyer: Client, buyerId: number, producer: Client, productTypeId: number) => {
  const d = await demand(buyer, buyerId);
  return (await ok(producer, 'POST', `/api/demands/${d}/offers`, { productTypeId, price: 10, currency: 'RUB', leadTimeDays: 30, volume: 1000 })).id as number;
};
const notification = async () => {
  await demand(clients.otherMember, ids.other); // matched to the owner's analog of SN74HC00N: one notification for the owner
  const inbox = await ok(clients.member, 'GET', '/api/inbox?unread=true&pageSize=1');
  return inbox.items[0].id as number;
};
const partner = async () => (await ok(admin, 'POST', '/api/organizations', { name: unique('ООО «Партнёр» '), country: 'RU' })).id as number;
const programmeBody = () => ({ name: unique('Программа '), state: 'RU', ownerBody: 'Минпромторг России', yearFrom: 2025, yearTo: 2030 });
const programme = async () => (await ok(admin, 'POST', '/api/programmes', programmeBody())).id as number;
let rateDay = 0;
const rateBody = () => ({
  currency: 'BYN',
  toCurrency: 'RUB',
  rate: 28.5,
  date: new Date(Date.UTC(2024, 0, 1 + ++rateDay)).toISOString().slice(0, 10),
  source: 'НБРБ',
});
const RULE_SET_POINTS = {
  design: 20,
  software: 10,
  wafer: 40,
  photomasks: 5,
  assembly: 15,
  testing: 10,
  refinement: 5,
  photoresists: 2,
  packages: 3,
  eda: 5,
  branding: 1,
};
const multipart = (fields: Record<string, string>, file: { name: string; type: string; text: string }) => {
  const b = 'matrix-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const body = `${parts.join('')}--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.text}\r\n--${b}--\r\n`;
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
};
const GISP_HEADER =
  'Nameoforg,OGRN,INN,Orgaddr,Productmanufaddress,Regnumber,Ektrudp,Docdate,Docvalidtill,Enddate,Registernumber,Productname,OKPD2,TNVED,Nameofregulations,Score,Percentage,Scoredesc,Iselectronicproduct,Isai,ElectronicProductLevel,Docname,Docdatebasis,Docnum,Docvalidtilltpp,Mptdep,Resdocnum';

const ADMIN: Role[] = ['admin'];
const MAKER: Role[] = ['member', 'manager', 'admin'];
const MANAGERS: Role[] = ['manager', 'admin'];
const MEMBERS_ONLY: Role[] = ['member', 'manager'];
const EVERYONE: Role[] = [...ROLES];

/** Sign-in, sign-out, own password and own tokens act on the caller only; they are tested further below. */
const SELF_SERVICE = ['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/tokens', 'DELETE /api/auth/tokens/{id}'];

const MATRIX: Row[] = [
  {
    op: 'POST /api/users',
    allowed: ADMIN,
    target: async () => ({ method: 'POST', url: '/api/users', body: { email: `${unique('n')}@test.reestr`, name: 'N', role: 'user' } }),
  },
  { op: 'PATCH /api/users/{id}', allowed: ADMIN, target: async () => ({ method: 'PATCH', url: `/api/users/${(await user()).id}`, body: { name: 'Renamed' } }) },
  {
    op: 'POST /api/organizations',
    allowed: ADMIN,
    target: async () => ({ method: 'POST', url: '/api/organizations', body: { name: unique('ООО «Новое» '), country: 'RU' } }),
  },
  {
    op: 'PATCH /api/organizations/{id}',
    allowed: MANAGERS,
    target: async () => ({ method: 'PATCH', url: `/api/organizations/${ids.owner}`, body: { shortName: unique('M') } }),
  },
  {
    op: 'POST /api/organizations/{id}/members',
    allowed: MANAGERS,
    target: async () => ({ method: 'POST', url: `/api/organizations/${ids.owner}/members`, body: { email: (await user()).email, role: 'member' } }),
  },
  {
    op: 'DELETE /api/organizations/{id}/members/{userId}',
    allowed: MANAGERS,
    target: async () => {
      const u = await user();
      await ok(admin, 'POST', `/api/organizations/${ids.owner}/members`, { email: u.email, role: 'member' });
      return { method: 'DELETE', url: `/api/organizations/${ids.owner}/members/${u.id}` };
    },
  },
  {
    op: 'PUT /api/organizations/{id}/webhook',
    allowed: MANAGERS,
    target: async () => ({ method: 'PUT', url: `/api/organizations/${ids.owner}/webhook`, body: { url: 'https://93.184.216.34/hooks/reestr' } }),
  },
  {
    op: 'POST /api/categories',
    allowed: ADMIN,
    target: async () => ({ method: 'POST', url: '/api/categories', body: { code: unique('cat-'), nameRu: 'Кат', nameBe: 'Кат', nameEn: 'Cat' } }),
  },
  {
    op: 'POST /api/product-types',
    allowed: MAKER,
    target: async () => ({ method: 'POST', url: '/api/product-types', body: { designation: unique('К561ЛА'), makerId: ids.owner } }),
  },
  {
    op: 'PATCH /api/product-types/{id}',
    allowed: MAKER,
    target: async () => ({ method: 'PATCH', url: `/api/product-types/${await productType()}`, body: { functionRu: 'Логика' } }),
  },
  { op: 'DELETE /api/product-types/{id}', allowed: MAKER, target: async () => ({ method: 'DELETE', url: `/api/product-types/${await productType()}` }) },
  {
    op: 'POST /api/foreign-parts',
    allowed: SIGNED_IN,
    target: async () => ({ method: 'POST', url: '/api/foreign-parts', body: { partNumber: unique('LM358') } }),
  },
  {
    op: 'PATCH /api/foreign-parts/{id}',
    allowed: ADMIN,
    target: async () => ({ method: 'PATCH', url: `/api/foreign-parts/${await foreignPart()}`, body: { manufacturer: 'ST' } }),
  },
  { op: 'DELETE /api/foreign-parts/{id}', allowed: ADMIN, target: async () => ({ method: 'DELETE', url: `/api/foreign-parts/${await foreignPart()}` }) },
  {
    op: 'POST /api/analogs',
    allowed: MAKER,
    target: async () => ({
      method: 'POST',
      url: '/api/analogs',
      body: { productTypeId: await productType(), foreignPartNumber: unique('NE555'), type: 'functional', source: 'catalogue' },
    }),
  },
  // verifying a link: the maker's members, operators of the maker's country and admins
  {
    op: 'PATCH /api/analogs/{id}',
    allowed: [...MAKER, 'operator'],
    target: async () => ({ method: 'PATCH', url: `/api/analogs/${await analog()}`, body: { verified: true } }),
  },
  { op: 'DELETE /api/analogs/{id}', allowed: MAKER, target: async () => ({ method: 'DELETE', url: `/api/analogs/${await analog()}` }) },
  // a BOM can be analysed without an account; an analysis with an owner is changed by its owner and admins
  {
    op: 'POST /api/bom/preview',
    allowed: EVERYONE,
    target: async () => ({ method: 'POST', url: '/api/bom/preview', body: { text: 'Part Number,Qty\nSN74HC00N,2\n' } }),
  },
  {
    op: 'POST /api/bom/analyses',
    allowed: EVERYONE,
    target: async () => ({ method: 'POST', url: '/api/bom/analyses', body: { lines: [{ partNumber: 'SN74HC00N', quantity: 1 }] } }),
  },
  {
    op: 'DELETE /api/bom/analyses/{id}',
    allowed: ['member', 'admin'],
    target: async () => ({ method: 'DELETE', url: `/api/bom/analyses/${await analysis()}` }),
  },
  {
    op: 'POST /api/bom/analyses/{id}/rerun',
    allowed: ['member', 'admin'],
    target: async () => ({ method: 'POST', url: `/api/bom/analyses/${await analysis()}/rerun` }),
  },
  {
    op: 'POST /api/bom/analyses/{id}/demands',
    allowed: ['member'],
    target: async () => ({ method: 'POST', url: `/api/bom/analyses/${await analysis()}/demands`, body: { buyerOrganizationId: ids.owner } }),
  },
  // registry: rule sets by operators of their country (RU) and admins; applications by the maker's members;
  // decisions by operators of the maker's country only. Drafts are hidden from everyone but the maker.
  {
    op: 'POST /api/registry/rule-sets/{id}/versions',
    allowed: ['operator', 'admin'],
    target: async () => ({ method: 'POST', url: `/api/registry/rule-sets/${ids.ruDraftRuleSet}/versions`, body: { points: RULE_SET_POINTS } }),
  },
  {
    op: 'POST /api/registry/evaluate',
    allowed: EVERYONE,
    target: async () => ({
      method: 'POST',
      url: '/api/registry/evaluate',
      body: { makerCountry: 'RU', makerTaxResidentEaeu: true, designRightsYears: 10, usesForeignReadyMadeSolutions: false, operations: [], contentShares: [] },
    }),
  },
  {
    op: 'POST /api/registry/records',
    allowed: MEMBERS_ONLY,
    target: async () => ({
      method: 'POST',
      url: '/api/registry/records',
      body: {
        organizationId: ids.owner,
        productTypeIds: [await productType()],
        makerTaxResidentEaeu: true,
        designRightsYears: 10,
        usesForeignReadyMadeSolutions: false,
        operations: [],
        contentShares: [],
      },
    }),
  },
  {
    op: 'PUT /api/registry/records/{id}',
    allowed: MEMBERS_ONLY,
    hidden: ['otherMember', 'otherOperator'],
    target: async () => ({
      method: 'PUT',
      url: `/api/registry/records/${await application()}`,
      body: {
        organizationId: ids.owner,
        productTypeIds: [await productType()],
        makerTaxResidentEaeu: true,
        designRightsYears: 12,
        usesForeignReadyMadeSolutions: false,
        operations: [],
        contentShares: [],
      },
    }),
  },
  {
    op: 'POST /api/registry/records/{id}/submit',
    allowed: MEMBERS_ONLY,
    hidden: ['otherMember', 'otherOperator'],
    target: async () => ({ method: 'POST', url: `/api/registry/records/${await application()}/submit` }),
  },
  {
    op: 'POST /api/registry/records/{id}/decisions',
    allowed: ['operator'],
    hidden: ['otherMember', 'otherOperator'],
    target: async () => ({ method: 'POST', url: `/api/registry/records/${await submitted()}/decisions`, body: { kind: 'return', remarks: 'Нет акта' } }),
  },
  {
    op: 'POST /api/registry/records/{id}/documents',
    allowed: MEMBERS_ONLY,
    hidden: ['otherMember', 'otherOperator'],
    target: async () => ({
      method: 'POST',
      url: `/api/registry/records/${await application()}/documents`,
      ...multipart({ kind: 'act' }, { name: 'act.pdf', type: 'application/pdf', text: '%PDF-1.4 act' }),
    }),
  },
  {
    op: 'POST /api/registry/verify/bulk',
    allowed: EVERYONE,
    target: async () => ({ method: 'POST', url: '/api/registry/verify/bulk', body: { items: [{ number: 'РПП-1' }] } }),
  },
  {
    op: 'POST /api/registry/imports/gisp',
    allowed: ADMIN,
    target: async () => ({
      method: 'POST',
      url: '/api/registry/imports/gisp',
      ...multipart({}, { name: 'pp719.csv', type: 'text/csv', text: `${GISP_HEADER}\r\n` }),
    }),
  },
  // exchange: commercial acts by members of the organization that makes them; admins do not act for one
  {
    op: 'POST /api/demands',
    allowed: MEMBERS_ONLY,
    target: async () => ({ method: 'POST', url: '/api/demands', body: { buyerOrganizationId: ids.owner, description: 'Реле', quantityPerYear: 10 } }),
  },
  {
    op: 'PUT /api/demands/{id}',
    allowed: MEMBERS_ONLY,
    target: async () => ({
      method: 'PUT',
      url: `/api/demands/${await demand(clients.member, ids.owner)}`,
      body: { partNumber: 'SN74HC00N', quantityPerYear: 20 },
    }),
  },
  {
    op: 'POST /api/demands/{id}/close',
    allowed: MEMBERS_ONLY,
    target: async () => ({ method: 'POST', url: `/api/demands/${await demand(clients.member, ids.owner)}/close` }),
  },
  {
    op: 'POST /api/demands/{id}/offers',
    allowed: MEMBERS_ONLY,
    target: async () => ({
      method: 'POST',
      url: `/api/demands/${await demand(clients.otherMember, ids.other)}/offers`,
      body: { productTypeId: await productType(), price: 12.5, currency: 'RUB', leadTimeDays: 20, volume: 500 },
    }),
  },
  {
    op: 'POST /api/offers/{id}/accept',
    allowed: MEMBERS_ONLY,
    target: async () => ({ method: 'POST', url: `/api/offers/${await offer(clients.member, ids.owner, clients.otherMember, ids.ptOther)}/accept`, body: {} }),
  },
  {
    op: 'POST /api/offers/{id}/decline',
    allowed: MEMBERS_ONLY,
    target: async () => ({
      method: 'POST',
      url: `/api/offers/${await offer(clients.member, ids.owner, clients.otherMember, ids.ptOther)}/decline`,
      body: { reason: 'дорого' },
    }),
  },
  {
    op: 'POST /api/offers/{id}/withdraw',
    allowed: MEMBERS_ONLY,
    target: async () => ({ method: 'POST', url: `/api/offers/${await offer(clients.otherMember, ids.other, clients.member, await productType())}/withdraw` }),
  },
  {
    op: 'POST /api/inbox/{id}/read',
    allowed: MEMBERS_ONLY,
    hidden: SIGNED_IN,
    target: async () => ({ method: 'POST', url: `/api/inbox/${await notification()}/read` }),
  },
  // cooperation ties by hand: members of either organization and admins
  {
    op: 'POST /api/ties',
    allowed: MAKER,
    target: async () => ({ method: 'POST', url: '/api/ties', body: { organizationId: ids.owner, partnerOrganizationId: await partner(), kind: 'supplier' } }),
  },
  {
    op: 'DELETE /api/ties/{id}',
    allowed: MAKER,
    target: async () => {
      const tie = await ok(admin, 'POST', '/api/ties', { organizationId: ids.owner, partnerOrganizationId: await partner(), kind: 'co-development' });
      return { method: 'DELETE', url: `/api/ties/${tie.id}` };
    },
  },
  // state-support programmes: operators of the programme's state (RU here) and admins
  { op: 'POST /api/programmes', allowed: ['operator', 'admin'], target: async () => ({ method: 'POST', url: '/api/programmes', body: programmeBody() }) },
  {
    op: 'PUT /api/programmes/{id}',
    allowed: ['operator', 'admin'],
    target: async () => ({ method: 'PUT', url: `/api/programmes/${await programme()}`, body: { ...programmeBody(), yearTo: 2031 } }),
  },
  {
    op: 'DELETE /api/programmes/{id}',
    allowed: ['operator', 'admin'],
    target: async () => ({ method: 'DELETE', url: `/api/programmes/${await programme()}` }),
  },
  // currency rates: registry operators (of any country) and admins
  { op: 'POST /api/rates', allowed: ['otherOperator', 'operator', 'admin'], target: async () => ({ method: 'POST', url: '/api/rates', body: rateBody() }) },
  {
    op: 'DELETE /api/rates/{id}',
    allowed: ['otherOperator', 'operator', 'admin'],
    target: async () => ({ method: 'DELETE', url: `/api/rates/${(await ok(admin, 'POST', '/api/rates', rateBody())).id}` }),
  },
  { op: 'POST /api/inbox/read-all', allowed: SIGNED_IN, target: async () => ({ method: 'POST', url: '/api/inbox/read-all' }) },
];

/**
 * Reads of what is not public: only the roles listed may see it. Public reads (catalogue, registry records
 * once included, verification, open data) are not listed; lists that show each caller only their own are
 * not refusals and are tested with their capability. BOM analyses are read by whoever holds their
 * unguessable link, owned or not, so they have no row here.
 */
interface ReadRow {
  op: string;
  allowed: readonly Role[];
  hidden?: readonly Role[];
  url: () => Promise<string>;
}

const contract = async () => {
  const id = await offer(clients.member, ids.owner, clients.otherMember, ids.ptOther);
  return (await ok(clients.member, 'POST', `/api/offers/${id}/accept`, {})).id as number;
};
const document = async () => {
  const record = await application();
  const { body, headers } = multipart({ kind: 'act' }, { name: 'act.pdf', type: 'application/pdf', text: '%PDF-1.4 act' });
  return (await ok(clients.member, 'POST', `/api/registry/records/${record}/documents`, body, headers)).documents[0].id as number;
};

const READS: ReadRow[] = [
  { op: 'GET /api/users', allowed: ADMIN, url: async () => '/api/users' },
  { op: 'GET /api/audit', allowed: ADMIN, url: async () => '/api/audit' },
  { op: 'GET /api/organizations/{id}/members', allowed: MAKER, url: async () => `/api/organizations/${ids.owner}/members` },
  { op: 'GET /api/organizations/{id}/webhook', allowed: MANAGERS, url: async () => `/api/organizations/${ids.owner}/webhook` },
  { op: 'GET /api/organizations/{id}/webhook/deliveries', allowed: MANAGERS, url: async () => `/api/organizations/${ids.owner}/webhook/deliveries` },
  // a draft application: the maker's members, operators of the maker's country and admins; hidden from others
  {
    op: 'GET /api/registry/records/{id}',
    allowed: [...MAKER, 'operator'],
    hidden: ['anonymous', 'otherMember', 'otherOperator'],
    url: async () => `/api/registry/records/${await application()}`,
  },
  {
    op: 'GET /api/registry/documents/{id}',
    allowed: [...MAKER, 'operator'],
    hidden: ['anonymous', 'otherMember', 'otherOperator'],
    url: async () => `/api/registry/documents/${await document()}`,
  },
  { op: 'GET /api/registry/queue', allowed: ['otherOperator', 'operator', 'admin'], url: async () => '/api/registry/queue' },
  { op: 'GET /api/registry/imports', allowed: ADMIN, url: async () => '/api/registry/imports' },
  {
    op: 'GET /api/offers/{id}',
    allowed: [...MEMBERS_ONLY, 'otherMember', 'otherOperator', 'operator', 'admin'],
    url: async () => `/api/offers/${await offer(clients.member, ids.owner, clients.otherMember, ids.ptOther)}`,
  },
  {
    op: 'GET /api/contracts/{id}',
    allowed: [...MEMBERS_ONLY, 'otherMember', 'otherOperator', 'operator', 'admin'],
    url: async () => `/api/contracts/${await contract()}`,
  },
  { op: 'GET /api/auth/tokens', allowed: SIGNED_IN, url: async () => '/api/auth/tokens' },
  { op: 'GET /api/inbox', allowed: SIGNED_IN, url: async () => '/api/inbox' },
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  ids.owner = (await ok(admin, 'POST', '/api/organizations', { name: 'АО «Владелец»', country: 'RU' })).id;
  ids.other = (await ok(admin, 'POST', '/api/organizations', { name: 'ОАО «Другое»', country: 'BY' })).id;
  clients.admin = admin;
  clients.member = await userClient(t, admin, { email: 'member@owner.test', organizationId: ids.owner });
  clients.manager = await userClient(t, admin, { email: 'manager@owner.test', organizationId: ids.owner, membership: 'manager' });
  clients.otherMember = await userClient(t, admin, { email: 'manager@other.test', organizationId: ids.other, membership: 'manager' });
  clients.operator = await userClient(t, admin, { email: 'operator@ru.test', role: 'operator', operatorCountry: 'RU' });
  clients.otherOperator = await userClient(t, admin, { email: 'operator@by.test', role: 'operator', operatorCountry: 'BY' });
  ids.ptOther = await productType(ids.other);
  bystander = (await ok(admin, 'POST', '/api/users', { email: 'bystander@test.reestr', name: 'B', role: 'user' })).user;
  // the owner makes an analog of SN74HC00N, so that demand for it notifies the owner
  await ok(admin, 'POST', '/api/analogs', { productTypeId: await productType(), foreignPartNumber: 'SN74HC00N', type: 'full', source: 'datasheet' });
  const sets = (await t.app.inject({ method: 'GET', url: '/api/registry/rule-sets' })).json() as { id: number; country: string; status: string }[];
  ids.ruDraftRuleSet = sets.find((s) => s.country === 'RU' && s.status === 'draft')!.id;
}, 120_000);
afterAll(() => t?.close());

/** The mutating operations the app describes (rows for operations it does not serve are left out). */
function operations(): string[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => m !== 'get' && m !== 'head')
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe('permissions matrix', () => {
  it('has a row for every mutating operation of the OpenAPI description', () => {
    const mutating = operations();
    const covered = new Set([...MATRIX.map((r) => r.op), ...SELF_SERVICE]);
    expect(
      mutating.filter((op) => !covered.has(op)),
      'add a row to MATRIX for each of these operations',
    ).toEqual([]);
  });

  it('lets only the allowed roles act, and refuses the others with 401, 403 or (hidden) 404', async () => {
    const wrong: string[] = [];
    for (const row of MATRIX.filter((r) => operations().includes(r.op))) {
      for (const role of ROLES) {
        const request = await row.target();
        const res = await as(role, request);
        const allowed = row.allowed.includes(role);
        const expected = allowed ? '2xx' : role === 'anonymous' ? '401' : row.hidden?.includes(role) ? '404' : '403';
        const got = res.statusCode < 300 ? '2xx' : String(res.statusCode);
        if (got !== expected) wrong.push(`${row.op} as ${role}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('shows what is not public only to the roles allowed to see it', async () => {
    const served = new Set(
      Object.entries((t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const wrong: string[] = [];
    for (const row of READS.filter((r) => served.has(r.op))) {
      for (const role of ROLES) {
        const res = await as(role, { method: 'GET', url: await row.url() });
        const allowed = row.allowed.includes(role);
        const expected = allowed ? '2xx' : row.hidden?.includes(role) ? '404' : role === 'anonymous' ? '401' : '403';
        // an anonymous reader refused with 403 instead of 401 is still refused
        const got = res.statusCode < 300 ? '2xx' : role === 'anonymous' && res.statusCode === 403 && expected === '401' ? '401' : String(res.statusCode);
        if (got !== expected) wrong.push(`${row.op} as ${role}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
