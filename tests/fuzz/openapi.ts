/**
 * Hostile requests generated from the OpenAPI description: for every operation, a plausible valid request
 * and bounded, seeded mutations of it — wrong types, boundary numbers, odd Unicode, NUL bytes, very long
 * strings, missing and extra fields, raw JSON that JavaScript reads oddly, wrong content types, oversized
 * bodies, hostile path ids and query values. Pure data: the test sends them and judges the answers.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
}

interface Parameter {
  in: 'query' | 'path' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

export interface Endpoint {
  method: string;
  path: string;
  query: Parameter[];
  pathParams: Parameter[];
  json: JsonSchema | null;
  multipart: boolean;
}

export interface FuzzCase {
  label: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

export function endpoints(spec: OpenApi): Endpoint[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const params = op.parameters ?? [];
      return {
        method: method.toUpperCase(),
        path,
        query: params.filter((p) => p.in === 'query'),
        pathParams: params.filter((p) => p.in === 'path'),
        json: content['application/json']?.schema ?? null,
        multipart: Boolean(content['multipart/form-data']),
      };
    }),
  );
}

/** A value the schema accepts (the first branch of a union, the smallest allowed number, a short string). */
export function validValue(schema: JsonSchema): unknown {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return validValue(branches.find((b) => !(b.enum?.length === 1 && b.enum[0] === null)) ?? branches[0]);
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return Math.max(schema.minimum ?? 1, Math.ceil((schema.exclusiveMinimum ?? 0) + 1e-9), 1);
    case 'number':
      return Math.max(schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1, 1);
    case 'boolean':
      return false;
    case 'array':
      return schema.items ? Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => validValue(schema.items!)) : [];
    case 'object':
    default:
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, validValue(s)]));
  }
}

function validString(s: JsonSchema): string {
  if (s.format === 'email') return 'fuzz@test.reestr';
  if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-01-15';
  if (s.pattern === '^[A-Z]{2}$') return 'BY';
  if (s.pattern?.startsWith('^[a-z0-9]')) return 'fuzz-category';
  if (s.pattern && !new RegExp(s.pattern).test('fuzz')) return '';
  const text = 'fuzz value';
  const min = s.minLength ?? 0;
  const value = text.length >= min ? text : text + 'x'.repeat(min - text.length);
  return s.maxLength !== undefined ? value.slice(0, Math.max(s.maxLength, min)) : value;
}

/** Values that break naive code: boundaries, wrong types and strings that are hard to store or print. */
const HOSTILE_CONSTANTS: unknown[] = [
  null,
  true,
  0,
  -1,
  -0.5,
  1.5,
  2147483647,
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
  '',
  ' ',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e999',
  'a\u0000b',
  '\u0000',
  '\uD800',
  '\uFEFF\u200B\u202E',
  'A\u0301\u0308\u0323',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👍🏽',
  'К155ЛА3 ＫＭ５５５',
  "'; DROP TABLE users; --",
  '%00%ff',
  '../../../etc/passwd',
  '=HYPERLINK("http://x.test","x")',
  '<script>alert(1)</script>',
  'x'.repeat(10_000),
  'я'.repeat(5_000),
  [],
  [null],
  {},
  { $gt: '' },
  ['a', 1, null],
];

/** `count` hostile JSON values for one field, the same for the same seed. */
export function hostileValues(seed: number, count: number): unknown[] {
  const arbitrary = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: -(2 ** 53), max: 2 ** 53 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
  return fc.sample(arbitrary, { seed, numRuns: count });
}

/** Raw JSON texts whose meaning differs between parsers, or that are legal JSON but absurd. */
function rawBodies(base: unknown): [string, string][] {
  const json = JSON.stringify(base);
  const firstKey = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base)[0] : undefined;
  const bodies: [string, string][] = [
    ['deeply nested arrays', '['.repeat(5000) + ']'.repeat(5000)],
    ['deeply nested objects', '{"a":'.repeat(3000) + '1' + '}'.repeat(3000)],
    ['JSON null', 'null'],
    ['JSON number', '1e400'],
    ['JSON string', '"fuzz"'],
    ['byte order mark', '\uFEFF' + json],
    ['__proto__ key', json.replace(/^\{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},').replace(/,\}$/, '}')],
    ['trailing garbage', json + 'garbage'],
    ['100,000-element array', JSON.stringify(Array.from({ length: 20_000 }, () => 1))],
  ];
  if (firstKey) {
    bodies.push(['1e400 in a field', json.replace(`"${firstKey}":${JSON.stringify((base as Record<string, unknown>)[firstKey])}`, `"${firstKey}":1e400`)]);
    bodies.push(['-0 in a field', json.replace(`"${firstKey}":${JSON.stringify((base as Record<string, unknown>)[firstKey])}`, `"${firstKey}":-0`)]);
    bodies.push(['duplicate key', json.replace(/^\{/, `{"${firstKey}":[1,2],`)]);
  }
  return bodies;
}

const HOSTILE_IDS = [
  '0',
  '-1',
  '2147483648',
  '9007199254740993',
  '1e3',
  '0x10',
  '1.5',
  '%00',
  '%20%201',
  'x'.repeat(3000),
  '%F0%9F%98%80',
  '..%2F..%2Fapi%2Fusers',
];
const HOSTILE_QUERY = [
  '',
  '-1',
  '0',
  '99999999999999999999',
  '1e400',
  'NaN',
  '%00',
  '%FF%FE',
  encodeURIComponent('я'.repeat(3000)),
  encodeURIComponent("' OR 1=1 --"),
  'true&x[y]=1',
];

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Form fields that the upload endpoints read (BOM: name, sheet, headerRow, mapping; documents: kind; open data: asOf). */
const MULTIPART_FIELDS = ['name', 'sheet', 'headerRow', 'mapping', 'kind', 'asOf'];
const HOSTILE_FILE_NAMES = [
  '../../../etc/passwd',
  'a\u0000b.csv',
  'я'.repeat(300) + '.csv',
  '',
  '.csv',
  'CON.csv',
  'bom.csv.exe',
  '"quoted".csv',
  'x\r\nX-Injected: 1.csv',
];

function formText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** A multipart/form-data body with text fields and any number of files. */
function form(fields: Record<string, string>, ...files: { name: string; type: string; text: string }[]): { payload: Buffer; headers: Record<string, string> } {
  const b = 'fuzz-boundary-7f3a';
  const parts = Object.entries(fields).map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  for (const f of files)
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name.replace(/"/g, '%22').replace(/[\r\n]/g, ' ')}"\r\nContent-Type: ${f.type}\r\n\r\n${f.text}\r\n`,
    );
  return { payload: Buffer.from(`${parts.join('')}--${b}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

export interface FuzzOptions {
  seed: number;
  /** hostile values per body field */
  perField: number;
  /** the id used where a path needs one that is meant to exist */
  id: string;
  /** path ids never to use (the fuzzing user's own) */
  avoidIds?: string[];
}

/** Every case for one endpoint, deterministic for a seed. */
export function casesFor(e: Endpoint, options: FuzzOptions): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const fill = (id: string) => e.path.replace(/\{[^}]+\}/g, id);
  const url = fill(options.id);
  const name = `${e.method} ${e.path}`;
  let seed = options.seed;

  for (const raw of HOSTILE_IDS) {
    if (!e.pathParams.length || options.avoidIds?.includes(raw)) continue;
    const body = e.json ? JSON.stringify(validValue(e.json)) : undefined;
    cases.push({ label: `${name} id=${raw.slice(0, 20)}`, method: e.method, url: fill(raw), payload: body, headers: body ? JSON_HEADERS : {} });
  }

  for (const q of e.query) {
    for (const raw of HOSTILE_QUERY)
      cases.push({ label: `${name} ?${q.name}=${raw.slice(0, 20)}`, method: e.method, url: `${url}?${q.name}=${raw}`, headers: {} });
    cases.push({ label: `${name} ?${q.name} twice`, method: e.method, url: `${url}?${q.name}=1&${q.name}=2`, headers: {} });
  }
  if (e.query.length) {
    const all = e.query.map((q) => `${q.name}=${encodeURIComponent(String(validValue(q.schema)))}`).join('&');
    cases.push({ label: `${name} every query parameter`, method: e.method, url: `${url}?${all}`, headers: {} });
  }

  if (e.json) {
    const schema = objectBranch(e.json);
    const base = validValue(e.json) as Record<string, unknown>;
    const send = (label: string, body: unknown) =>
      cases.push({ label: `${name} ${label}`, method: e.method, url, payload: JSON.stringify(body), headers: JSON_HEADERS });
    send('valid-looking body', base);
    for (const field of Object.keys(schema.properties ?? {})) {
      for (const value of hostileValues(seed++, options.perField)) send(`${field}=${short(value)}`, { ...base, [field]: value });
      const items = schema.properties![field].items;
      if (items?.properties)
        for (const [inner, value] of Object.keys(items.properties).flatMap((k) => hostileValues(seed++, 2).map((v) => [k, v] as const)))
          send(`${field}[0].${inner}=${short(value)}`, { ...base, [field]: [{ ...(validValue(items) as object), [inner]: value }] });
    }
    for (const field of schema.required ?? []) {
      const without = { ...base };
      delete without[field];
      send(`without ${field}`, without);
    }
    send('extra field', { ...base, isAdmin: true, role: 'admin', id: 1 });
    send('array body', [base]);
    for (const [label, text] of rawBodies(base)) cases.push({ label: `${name} ${label}`, method: e.method, url, payload: text, headers: JSON_HEADERS });
  }

  if (e.multipart) {
    // the form fields of file uploads are described in words only: every known one gets hostile values
    const file = { name: 'bom.csv', type: 'text/csv', text: 'Part Number,Qty,Designator\r\nSN74HC00N,2,"U1, U2"\r\n' };
    for (const field of MULTIPART_FIELDS)
      for (const value of hostileValues(seed++, 2))
        cases.push({ label: `${name} form ${field}=${short(value)}`, method: e.method, url, ...form({ [field]: formText(value) }, file) });
    for (const fileName of HOSTILE_FILE_NAMES)
      cases.push({ label: `${name} file named ${short(fileName)}`, method: e.method, url, ...form({}, { ...file, name: fileName }) });
    cases.push({ label: `${name} two files`, method: e.method, url, ...form({}, file, file) });
    cases.push({ label: `${name} a form without a file`, method: e.method, url, ...form({ name: 'x' }) });
  }

  if (e.json || e.multipart || e.method !== 'GET') {
    const body = e.json ? JSON.stringify(validValue(e.json)) : 'a,b\n1,2\n';
    for (const contentType of [
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=zzz',
      'application/json; charset=utf-16',
      'image/png',
    ])
      cases.push({ label: `${name} as ${contentType}`, method: e.method, url, payload: body, headers: { 'content-type': contentType } });
    cases.push({
      label: `${name} truncated multipart`,
      method: e.method,
      url,
      payload: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nPart,Qty\r\nR1,',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
    });
    cases.push({
      label: `${name} invalid UTF-8`,
      method: e.method,
      url,
      payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc0, 0x7d]),
      headers: JSON_HEADERS,
    });
    cases.push({ label: `${name} 2 MB body`, method: e.method, url, payload: JSON.stringify({ x: 'x'.repeat(2 * 1024 * 1024) }), headers: JSON_HEADERS });
  }
  return cases;
}

function objectBranch(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  return branches ? (branches.find((b) => b.type === 'object') ?? branches[0]) : schema;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 24 ? `${text.slice(0, 24)}…(${text.length})` : text;
}
