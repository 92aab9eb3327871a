/**
 * The audit trail of administrative and operator actions: which requests are recorded, what of their bodies
 * is kept (secrets never), and where the state before and after an action is read from.
 */

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every write by an administrator or a registry operator is recorded, refused ones included. */
export function isAudited(method: string, role: string | null | undefined): boolean {
  return WRITE_METHODS.has(method.toUpperCase()) && (role === 'admin' || role === 'operator');
}

const SECRET_KEY = /password|passphrase|^pass$|secret|token|csrf|authorization|cookie|api[-_]?key/i;
export const REDACTED = '[скрыто]';
const MAX_TEXT = 2_000;
const MAX_ITEMS = 200;
const MAX_DEPTH = 6;

/**
 * A copy fit for the trail: values under secret-looking keys replaced, long texts cut, long lists shortened
 * (with a note of how many items were left out), deep nesting summarised.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}… (${value.length} characters)` : value;
  if (typeof value !== 'object') return value === undefined ? null : String(value);
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `[${value.length} items]` : '{…}';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((v) => redact(v, depth + 1));
    return value.length > MAX_ITEMS ? [...kept, `… ${value.length - MAX_ITEMS} more`] : kept;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>))
    out[key] = SECRET_KEY.test(key) && v !== null && v !== undefined && typeof v !== 'boolean' ? REDACTED : redact(v, depth + 1);
  return out;
}

/**
 * The URL whose GET shows the thing an action changes: the action's own URL for PUT, PATCH and DELETE
 * (`/api/product-types/7`), the resource before the verb for POST actions (`/api/registry/records/7/include` →
 * `/api/registry/records/7`); none for creations in a collection (`POST /api/product-types`).
 */
export function subjectUrl(method: string, routePattern: string, url: string): string | null {
  const path = url.split('?')[0]!;
  const m = method.toUpperCase();
  if (m === 'PUT' || m === 'PATCH' || m === 'DELETE') return routePattern.includes(':') ? path : null;
  if (m !== 'POST') return null;
  const parts = routePattern.split('/');
  const lastParam = parts.findLastIndex((p) => p.startsWith(':'));
  if (lastParam < 0 || lastParam === parts.length - 1) return null;
  return path
    .split('/')
    .slice(0, lastParam + 1)
    .join('/');
}

/** The kind of thing acted on, from the route: `/api/registry/records/:id/include` → `registry/records`. */
export function entityOf(routePattern: string): string {
  const parts = routePattern.replace(/^\/api\//, '').split('/');
  const firstParam = parts.findIndex((p) => p.startsWith(':'));
  return (firstParam < 0 ? parts : parts.slice(0, firstParam)).join('/') || routePattern;
}

/** The action's name for people: the route with its verb, `POST registry/records/:id/include`. */
export function actionOf(method: string, routePattern: string): string {
  return `${method.toUpperCase()} ${routePattern.replace(/^\/api\//, '')}`;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * What an action changed, field by field (nested objects as dotted paths, lists compared whole): the
 * fields whose value differs, were added or were removed. A creation (before null) or deletion (after null)
 * lists every field of the side that exists.
 */
export function changedFields(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    if (prefix === '' && (isObject(before) || isObject(after))) {
      const side = (isObject(before) ? before : after) as Record<string, unknown>;
      return Object.keys(side).map((field) => ({ field, before: isObject(before) ? before[field] : null, after: isObject(after) ? after[field] : null }));
    }
    return [{ field: prefix || '(value)', before, after }];
  }
  const out: FieldChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const path = prefix ? `${prefix}.${key}` : key;
    const b = before[key];
    const a = after[key];
    if (isObject(b) && isObject(a)) out.push(...changedFields(b, a, path));
    else if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field: path, before: b ?? null, after: a ?? null });
  }
  return out;
}
