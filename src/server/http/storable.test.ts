import { describe, expect, it } from 'vitest';
import { unstorableAt } from './storable';

describe('unstorableAt', () => {
  it('names the first non-finite number or NUL character with its path', () => {
    expect(unstorableAt({ page: Infinity }, 'querystring')).toBe('querystring.page must be a finite number');
    expect(unstorableAt({ lines: [{ quantity: 1 }, { quantity: -Infinity }] }, 'body')).toBe('body.lines.1.quantity must be a finite number');
    expect(unstorableAt({ q: 'a\u0000b' }, 'querystring')).toBe('querystring.q must not contain the NUL character');
    expect(unstorableAt({ ['k\u0000']: 1 }, 'body')).toBe('body (a field name) must not contain the NUL character');
    expect(unstorableAt(NaN, 'body')).toBe('body must be a finite number');
  });

  it('lets ordinary values through, Unicode included', () => {
    expect(unstorableAt({ q: 'К155ЛА3 😀', n: 1e308, m: -0, list: [null, true, 'x'] }, 'body')).toBeNull();
    expect(unstorableAt(undefined, 'body')).toBeNull();
  });
});
