import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, newSecret, signBody, verifySignature, webhookUrlProblem } from './webhook';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of the body under the secret', () => {
    // RFC 4231 test case 2
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const body = JSON.stringify({ event: 'demand.matched', data: { партномер: 'NE555P' } });
    expect(signBody('s3cret', body)).toBe('sha256=' + crypto.createHmac('sha256', 's3cret').update(body).digest('hex'));
  });

  it('is checked in constant time and fails on any change', () => {
    const sig = signBody('k', '{"a":1}');
    expect(verifySignature('k', '{"a":1}', sig)).toBe(true);
    expect(verifySignature('k', '{"a":2}', sig)).toBe(false);
    expect(verifySignature('other', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('k', '{"a":1}', undefined)).toBe(false);
    expect(verifySignature('k', '{"a":1}', 'sha256=00')).toBe(false);
  });

  it('makes unguessable secrets', () => {
    expect(newSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(newSecret()).not.toBe(newSecret());
  });
});

describe('back-off', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up', () => {
    const waits = [1, 2, 3, 4, 5].map((n) => (nextAttemptAt(n, now)!.getTime() - now.getTime()) / 60_000);
    expect(waits).toEqual([1, 5, 30, 120, 720]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAt(6, now)).toBeNull();
    expect(nextAttemptAt(0, now)).toBeNull();
  });
});

describe('webhook URL', () => {
  it.each([
    ['https://erp.example.by/hooks/reestr', null],
    ['http://127.0.0.1:8081/x', null],
    ['ftp://example.com/', 'https://'],
    ['example.com/hook', 'absolute URL'],
    ['https://user:pw@example.com/', 'no user name'],
  ])('%s', (url, problem) => {
    const p = webhookUrlProblem(url);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
