/**
 * Webhook deliveries: the body is signed with HMAC-SHA256 under the organization's secret and sent as
 * `X-Reestr-Signature: sha256=<hex>`; failures are retried after 1 min, 5 min, 30 min, 2 h and 12 h, then
 * the delivery is marked failed.
 */
import crypto from 'node:crypto';

export const SIGNATURE_HEADER = 'x-reestr-signature';
export const TIMESTAMP_HEADER = 'x-reestr-timestamp';
export const EVENT_HEADER = 'x-reestr-event';
export const DELIVERY_HEADER = 'x-reestr-delivery';

const MINUTE = 60_000;
/** Waits after the 1st, 2nd, … failed attempt. */
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export function signBody(secret: string, body: string): string {
  return 'sha256=' + crypto.createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** Constant-time check of a signature header against a body (what a receiver does). */
export function verifySignature(secret: string, body: string, header: string | undefined | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const got = Buffer.from(header);
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
