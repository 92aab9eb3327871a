/**
 * Webhook deliveries: each attempt carries `X-Reestr-Timestamp: <unix seconds>` and
 * `X-Reestr-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the organization's secret>`, so
 * that a receiver can refuse both a changed body and an old delivery replayed later (check the timestamp is
 * recent, then the signature). Failures are retried after 1 min, 5 min, 30 min, 2 h and 12 h, then the
 * delivery is marked failed. Targets on loopback, private, link-local and other non-public addresses are
 * refused unless the server allows them (WEBHOOK_ALLOW_PRIVATE).
 */
import crypto from 'node:crypto';
import net from 'node:net';

export const SIGNATURE_HEADER = 'x-reestr-signature';
export const TIMESTAMP_HEADER = 'x-reestr-timestamp';
export const EVENT_HEADER = 'x-reestr-event';
export const DELIVERY_HEADER = 'x-reestr-delivery';

const MINUTE = 60_000;
/** Waits after the 1st, 2nd, … failed attempt. */
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** `sha256=<hex>` HMAC-SHA256 of a text under a secret. */
export function hmacHex(secret: string, text: string): string {
  return 'sha256=' + crypto.createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** The signature of a delivery: over `<timestamp>.<body>`, the timestamp in unix seconds as sent in its header. */
export function signDelivery(secret: string, timestamp: number | string, body: string): string {
  return hmacHex(secret, `${timestamp}.${body}`);
}

/** Receivers refuse deliveries whose timestamp is further than this from their clock. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/**
 * What a receiver does: the timestamp header is a number within `toleranceSeconds` of `now`, and the signature
 * header matches `<timestamp>.<body>` (compared in constant time).
 */
export function verifyDelivery(
  secret: string,
  headers: { timestamp: string | undefined | null; signature: string | undefined | null },
  body: string,
  now: Date = new Date(),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signDelivery(secret, timestamp, body));
  const got = Buffer.from(signature);
  return expected.length === got.length && crypto.timingSafeEqual(expected, got);
}

/** When to try again after `attempts` failed attempts, or null when the delivery has failed for good. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts < 1 || attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]);
}

/** A webhook target: an absolute http(s) URL without credentials. */
export function webhookUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not an absolute URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the webhook URL must start with https:// or http://';
  if (url.username || url.password) return 'put no user name or password in the webhook URL; the signature authenticates reestr';
  return null;
}

export const newSecret = () => 'whsec_' + crypto.randomBytes(24).toString('base64url');

const NON_PUBLIC = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/**
 * An IP address a webhook must not reach unless allowed: loopback, private, link-local, carrier-grade NAT,
 * multicast, documentation and reserved ranges, also written as IPv4-mapped or IPv4-compatible IPv6.
 * Anything that is not an IP address counts as non-public too.
 */
export function isNonPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = net.isIP(ip);
  if (kind === 4) return NON_PUBLIC.check(ip, 'ipv4');
  if (kind !== 6) return true;
  const embedded = /^(?:0{0,4}:){0,5}(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip) ?? /^::(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (embedded && net.isIP(embedded[1]) === 4) return NON_PUBLIC.check(embedded[1], 'ipv4');
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (mappedHex) {
    const [hi, lo] = [parseInt(mappedHex[1], 16), parseInt(mappedHex[2], 16)];
    return NON_PUBLIC.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return NON_PUBLIC.check(ip, 'ipv6');
}
