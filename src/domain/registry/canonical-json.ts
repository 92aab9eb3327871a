/**
 * Canonical JSON for log entries (the JSON Canonicalization Scheme of RFC 8785, for the values entries hold):
 * object keys sorted by UTF-16 code units, no insignificant whitespace, numbers in ECMAScript's shortest
 * round-trip form (1, 0.5, 1e+21; -0 as 0), strings escaped as JSON.stringify does (well-formed). The same
 * value always gives the same bytes, whatever order its keys were built in.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  try {
    return fast(value);
  } catch {
    // again with the path of each value, to name where the value cannot be written
    return write(value, '$');
  }
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `write` without building the path of every value (the common case: nothing to complain about). */
function fast(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError();
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined ? 'null' : fast(value[i]));
        return out + ']';
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError();
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object).sort(byCodeUnits);
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = object[k];
        if (v === undefined) continue;
        out += (first ? '' : ',') + JSON.stringify(k) + ':' + fast(v);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new TypeError();
  }
}

function write(value: unknown, where: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${String(value)} (at ${where})`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => (v === undefined ? 'null' : write(v, `${where}[${i}]`))).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`canonical JSON takes plain objects only (at ${where})`);
      const keys = Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${where}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no ${typeof value} (at ${where})`);
  }
}
