import { describe, expect, it } from 'vitest';
import { actionOf, changedFields, entityOf, isAudited, redact, REDACTED, subjectUrl } from './audit';

describe('audit', () => {
  it('records writes of administrators and operators only', () => {
    expect(isAudited('POST', 'admin')).toBe(true);
    expect(isAudited('delete', 'operator')).toBe(true);
    expect(isAudited('GET', 'admin')).toBe(false);
    expect(isAudited('POST', 'user')).toBe(false);
    expect(isAudited('POST', null)).toBe(false);
  });

  it('never keeps secrets, at any depth, and keeps the rest', () => {
    const kept = redact({ email: 'a@b.by', password: 'hunter2', nested: { apiKey: 'k', secret: null, list: [{ token: 't', name: 'x' }] }, csrfToken: 'c' });
    expect(kept).toEqual({
      email: 'a@b.by',
      password: REDACTED,
      nested: { apiKey: REDACTED, secret: null, list: [{ token: REDACTED, name: 'x' }] },
      csrfToken: REDACTED,
    });
    expect(JSON.stringify(kept)).not.toMatch(/hunter2|"k"|"t"|"c"/);
  });

  it('cuts long texts and lists and deep nesting, saying how much was left out', () => {
    const long = redact('я'.repeat(5000)) as string;
    expect(long.length).toBeLessThan(2100);
    expect(long).toContain('5000 characters');
    const list = redact(Array.from({ length: 250 }, (_, i) => i)) as unknown[];
    expect(list).toHaveLength(201);
    expect(list.at(-1)).toBe('… 50 more');
    let deep: unknown = 1;
    for (let i = 0; i < 10; i++) deep = { d: deep };
    expect(JSON.stringify(redact(deep))).toContain('{…}');
  });

  it('finds the resource an action changes', () => {
    expect(subjectUrl('PUT', '/api/product-types/:id', '/api/product-types/7?x=1')).toBe('/api/product-types/7');
    expect(subjectUrl('DELETE', '/api/analogs/:id', '/api/analogs/3')).toBe('/api/analogs/3');
    expect(subjectUrl('POST', '/api/registry/records/:id/include', '/api/registry/records/12/include')).toBe('/api/registry/records/12');
    expect(subjectUrl('POST', '/api/product-types', '/api/product-types')).toBeNull();
    expect(subjectUrl('POST', '/api/registry/rule-sets/:code/versions', '/api/registry/rule-sets/ru-pp764-ic/versions')).toBe(
      '/api/registry/rule-sets/ru-pp764-ic',
    );
    expect(subjectUrl('POST', '/api/demands/:id', '/api/demands/4')).toBeNull();
  });

  it('names the entity and the action by the route', () => {
    expect(entityOf('/api/registry/records/:id/include')).toBe('registry/records');
    expect(entityOf('/api/users')).toBe('users');
    expect(actionOf('post', '/api/registry/records/:id/include')).toBe('POST registry/records/:id/include');
  });
});

describe('changed fields', () => {
  it('lists what differs, nested fields by path, lists whole', () => {
    expect(
      changedFields(
        { name: 'A', status: 'draft', maker: { id: 1, name: 'X' }, packages: ['DIP14'], same: 1 },
        { name: 'A', status: 'included', maker: { id: 1, name: 'Y' }, packages: ['DIP14', 'SO14'], same: 1, number: 'РПП-1' },
      ),
    ).toEqual([
      { field: 'status', before: 'draft', after: 'included' },
      { field: 'maker.name', before: 'X', after: 'Y' },
      { field: 'packages', before: ['DIP14'], after: ['DIP14', 'SO14'] },
      { field: 'number', before: null, after: 'РПП-1' },
    ]);
  });

  it('lists every field of a creation or a deletion, and nothing when nothing changed', () => {
    expect(changedFields(null, { id: 3, name: 'B' })).toEqual([
      { field: 'id', before: null, after: 3 },
      { field: 'name', before: null, after: 'B' },
    ]);
    expect(changedFields({ id: 3 }, null)).toEqual([{ field: 'id', before: 3, after: null }]);
    expect(changedFields({ a: [1] }, { a: [1] })).toEqual([]);
    expect(changedFields(null, null)).toEqual([]);
  });
});
