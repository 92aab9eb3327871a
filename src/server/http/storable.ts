/**
 * Values that validation lets through but a database cannot store. JSON and query strings may spell `1e400`,
 * which JavaScript reads as Infinity (and Ajv's type coercion accepts as an integer even beyond a `maximum`);
 * PostgreSQL text cannot hold the NUL character U+0000. Checked once for every request after validation, so
 * no handler ever sees either and the answer is the same 400 on SQLite and PostgreSQL.
 */
import type { FastifyRequest } from 'fastify';
import { invalid } from './errors';

const MAX_DEPTH = 64;

/** Where the first unstorable value in a parsed request part is ("body.lines.0.quantity …"), or null. */
export function unstorableAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} must be a finite number`;
  if (typeof value === 'string') return value.includes('\u0000') ? `${path} must not contain the NUL character` : null;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorableAt(key, `${path} (a field name)`, depth + 1) ?? unstorableAt(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export async function rejectUnstorableValues(request: FastifyRequest) {
  for (const [name, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const problem = unstorableAt(value, name);
    if (problem) throw invalid(problem);
  }
}
