import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacHex, isNonPublicAddress, MAX_ATTEMPTS, nextAttemptAt, newSecret, signDelivery, verifyDelivery, webhookUrlProblem } from './webhook';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" under the secret', () => {
    // RFC 4231 test case 2
    expect(hmacHex('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const body = JSON.stringify({ event: 'demand.matched', data: { партномер: 'NE555P' } });
    expect(signDelivery('s3cret', 1767225600, body)).toBe('sha256=' + crypto.createHmac('sha256', 's3cret').update(`1767225600.${body}`).digest('hex'));
  });
  it('is checked in constant time and fails on any change of body, timestamp or secret, and when too old', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const ts = String(now.getTime() / 1000);
    const headers = { timestamp: ts, signature: signDelivery('k', ts, '{"a":1}') };
    expect(verifyDelivery('k', headers, '{"a":1}', now)).toBe(true);
    expect(verifyDelivery('k', headers, '{"a":2}', now)).toBe(false);
    expect(verifyDelivery('other', headers, '{"a":1}', now)).toBe(false);
    expect(verifyDelivery('k', { ...headers, timestamp: String(Number(ts) + 1) }, '{"a":1}', now)).toBe(false);
    expect(verifyDelivery('k', { ...headers, signature: undefined }, '{"a":1}', now)).toBe(false);
    expect(verifyDelivery('k', { ...headers, signature: 'sha256=00' }, '{"a":1}', now)).toBe(false);
    expect(verifyDelivery('k', { ...headers, timestamp: 'yesterday' }, '{"a":1}', now)).toBe(false);
    // a replay ten minutes later is refused; within the tolerance it passes
    expect(verifyDelivery('k', headers, '{"a":1}', new Date(now.getTime() + 600_000))).toBe(false);
    expect(verifyDelivery('k', headers, '{"a":1}', new Date(now.getTime() + 240_000))).toBe(true);
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
    ['http://127.0.0.1:8081/x', null], // syntax only; the address is checked by the server
    ['ftp://example.com/', 'https://'],
    ['example.com/hook', 'absolute URL'],
    ['https://user:pw@example.com/', 'no user name'],
  ])('%s', (url, problem) => {
    const p = webhookUrlProblem(url);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});

describe('non-public addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.0.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['[::1]', true],
    ['::', true],
    ['fe80::1%eth0', true],
    ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:808:808', false],
    ['2a00:1450:4010::1', false],
    ['example.com', true],
  ])('%s → %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});
