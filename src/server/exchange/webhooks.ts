/**
 * Webhooks per organization and the worker that delivers them. Notifications queue a delivery in the same
 * transaction (repository `notify`); the worker claims due deliveries, POSTs the stored body signed with the
 * organization's current secret (`X-Reestr-Timestamp: <unix seconds>`, `X-Reestr-Signature: sha256=<hex HMAC of
 * "<timestamp>.<body>">`), and on failure schedules the next attempt after 1 min, 5 min, 30 min, 2 h and 12 h, then marks it failed.
 * The loop runs inside the server process (started when the server listens); tests call `runOnce()`.
 */
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Actor } from '../../domain/permissions';
import { canManageWebhook } from '../../domain/exchange/permissions';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  MAX_ATTEMPTS,
  newSecret,
  isNonPublicAddress,
  nextAttemptAt,
  signDelivery,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  webhookUrlProblem,
} from '../../domain/exchange/webhook';
import { forbidden, invalid, notFound } from '../http/errors';
import type { PageRequest } from '../http/pagination';
import type { DeliveryRow, ExchangeRepository } from './repository';
import type { DemandMatcher } from './matching';
import type { WebhookInput } from './schema';

const CLAIM_BATCH = 20;
/** A claimed delivery is in flight this long; a worker that dies mid-delivery leaves it to be retried after. */
const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;

/** The addresses a host name resolves to (DNS by default; tests give a resolver of their own). */
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;
const resolveByDns: Resolve = (host) => dns.lookup(host, { all: true, verbatim: true });

const blockedMessage = (host: string, address: string) =>
  `the webhook host "${host}" is ${address === host ? 'a' : `at ${address}, a`} loopback, private, link-local or reserved address; webhooks go to public addresses`;

/**
 * Why a webhook URL may not be used, or null: its host (an IP address, or every address its name resolves to)
 * must be public unless `allowPrivate` (WEBHOOK_ALLOW_PRIVATE) — reestr must not be a way into the server's
 * own network. Checked when the URL is set, and at every delivery on the addresses the connection is made to.
 */
export async function webhookTargetProblem(url: string, allowPrivate: boolean, resolve: Resolve = resolveByDns): Promise<string | null> {
  const syntax = webhookUrlProblem(url);
  if (syntax || allowPrivate) return syntax;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await resolve(host)).map((a) => a.address);
  } catch {
    return `the webhook host "${host}" cannot be resolved`;
  }
  const blocked = addresses.find(isNonPublicAddress);
  return blocked ? blockedMessage(host, blocked) : null;
}

/**
 * The connection's own name lookup, refusing non-public addresses unless `allowPrivate`: the name is resolved
 * again when connecting, and a name that resolved to a public address for the check could resolve to a private
 * one by then (DNS rebinding).
 */
function guardedLookup(resolve: Resolve, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const blocked = allowPrivate ? undefined : addresses.find((a) => isNonPublicAddress(a.address));
        if (blocked || !addresses.length) {
          const error = Object.assign(new Error(blocked ? blockedMessage(hostname, blocked.address) : `the webhook host "${hostname}" cannot be resolved`), {
            code: 'ENOTFOUND',
          });
          return options.all ? callback(error, []) : callback(error, '', 0);
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => (options.all ? callback(error, []) : callback(error, '', 0)),
    );
  };
}

/** POSTs the body; resolves to the answer's status code (redirects are answers too, not followed). */
function post(url: string, headers: Record<string, string>, body: string, options: { timeoutMs: number; lookup: LookupFunction }): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: options.lookup,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export class WebhookService {
  constructor(
    private readonly repo: ExchangeRepository,
    options: { resolve?: Resolve; timeoutMs?: number; allowPrivate?: boolean } = {},
  ) {
    this.resolve = options.resolve ?? resolveByDns;
    this.allowPrivate = options.allowPrivate ?? false;
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  }

  private readonly resolve: Resolve;
  private readonly allowPrivate: boolean;
  private readonly timeoutMs: number;

  private async checkManager(actor: Actor, organizationId: number) {
    if (!(await this.repo.organizationRef(organizationId))) throw notFound(`organization ${organizationId}`);
    if (!canManageWebhook(actor, organizationId)) throw forbidden('only managers of the organization and administrators manage its webhook');
  }

  async get(actor: Actor, organizationId: number) {
    await this.checkManager(actor, organizationId);
    const hook = await this.repo.getWebhook(organizationId);
    return hook
      ? { organizationId, configured: true, url: hook.url, active: Boolean(hook.active), secretHint: `…${hook.secret.slice(-4)}`, updatedAt: hook.updated_at }
      : { organizationId, configured: false, url: null, active: false, secretHint: null, updatedAt: null };
  }

  /** Sets the URL (and secret). A secret generated here is returned once, in this answer only. */
  async put(actor: Actor, organizationId: number, input: WebhookInput) {
    await this.checkManager(actor, organizationId);
    const problem = await webhookTargetProblem(input.url, this.allowPrivate, this.resolve);
    if (problem) throw invalid(problem);
    const existing = await this.repo.getWebhook(organizationId);
    const generated = !input.secret && !existing ? newSecret() : null;
    const now = new Date().toISOString();
    await this.repo.upsertWebhook({
      organization_id: organizationId,
      url: input.url,
      secret: input.secret ?? generated ?? existing!.secret,
      active: input.active === false ? 0 : 1,
      updated_by: actor.userId,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    });
    return { ...(await this.get(actor, organizationId)), ...(generated ? { secret: generated } : {}) };
  }

  async deliveries(actor: Actor, organizationId: number, status: DeliveryRow['status'] | undefined, page: PageRequest) {
    await this.checkManager(actor, organizationId);
    const { items, total } = await this.repo.deliveries(organizationId, status, page);
    return {
      items: items.map((d) => ({
        id: d.id,
        event: d.event,
        notificationId: d.notification_id,
        url: d.url,
        status: d.status,
        attempts: d.attempts,
        maxAttempts: MAX_ATTEMPTS,
        nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
        lastAttemptAt: d.last_attempt_at,
        lastStatusCode: d.last_status_code,
        lastError: d.last_error,
        createdAt: d.created_at,
        deliveredAt: d.delivered_at,
        body: JSON.parse(d.body),
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  /** Delivers every due delivery once; returns how many were delivered, retried later and failed for good. */
  async deliverDue(now: Date = new Date()) {
    const result = { delivered: 0, retrying: 0, failed: 0 };
    for (;;) {
      const claimed = await this.repo.claimDue(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), CLAIM_BATCH);
      if (!claimed.length) return result;
      for (const d of claimed) result[await this.deliver(d, now)]++;
    }
  }

  private async deliver(d: DeliveryRow, now: Date): Promise<'delivered' | 'retrying' | 'failed'> {
    const hook = await this.repo.getWebhook(d.organization_id);
    if (!hook || !hook.active) {
      await this.repo.finishDelivery(d.id, d.attempts, { status: 'failed', next_attempt_at: null, last_error: 'the webhook was removed or switched off' });
      return 'failed';
    }
    let statusCode: number | null = null;
    let error: string | null = await webhookTargetProblem(hook.url, this.allowPrivate, this.resolve);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    if (!error)
      try {
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'reestr-webhooks/1',
          [SIGNATURE_HEADER]: signDelivery(hook.secret, timestamp, d.body),
          [TIMESTAMP_HEADER]: timestamp,
          [EVENT_HEADER]: d.event,
          [DELIVERY_HEADER]: String(d.id),
        };
        statusCode = await post(hook.url, headers, d.body, { timeoutMs: this.timeoutMs, lookup: guardedLookup(this.resolve, this.allowPrivate) });
        if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
      } catch (e) {
        error =
          (e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError'
            ? `no answer within ${this.timeoutMs / 1000} s`
            : String((e as Error).message);
      }
    if (!error) {
      await this.repo.finishDelivery(d.id, d.attempts, {
        status: 'delivered',
        next_attempt_at: null,
        last_status_code: statusCode,
        last_error: null,
        delivered_at: now.toISOString(),
      });
      return 'delivered';
    }
    const next = nextAttemptAt(d.attempts, now);
    await this.repo.finishDelivery(d.id, d.attempts, {
      status: next ? 'pending' : 'failed',
      next_attempt_at: next?.toISOString() ?? null,
      last_status_code: statusCode,
      last_error: error.slice(0, 500),
    });
    return next ? 'retrying' : 'failed';
  }
}

/** The exchange's background work: re-match demand after catalogue changes, deliver due webhooks. */
export class ExchangeWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly matcher: DemandMatcher,
    private readonly webhooks: WebhookService,
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
  ) {}

  async runOnce(now: Date = new Date()) {
    const rematched = await this.matcher.rematchIfCatalogueChanged();
    const deliveries = await this.webhooks.deliverDue(now);
    return { rematched, ...deliveries };
  }

  /** Runs `runOnce` every `intervalMs` (never two at a time) until `stop`. */
  start(intervalMs = 15_000) {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((e) => this.log('exchange worker failed', e))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
