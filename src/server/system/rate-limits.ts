/**
 * Rate-limit counters kept in the database, so that several server processes on one database throttle
 * together (a second process must not double the sign-in attempts allowed). Plugs into @fastify/rate-limit
 * as its store. Fixed windows: the first hit of a key starts a window of `timeWindow` ms.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/types';

export class RateLimitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Counts one hit of `key` in its current window (a new window when the last one is over) in one statement. */
  async hit(key: string, nowMs: number, windowMs: number): Promise<{ count: number; windowStart: number }> {
    const expired = sql<boolean>`rate_limits.window_start + ${windowMs} <= ${nowMs}`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: nowMs, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
          window_start: sql<number>`case when ${expired} then ${nowMs} else rate_limits.window_start end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), windowStart: Number(row.window_start) };
  }

  /** Forgets windows that ended before `beforeMs`. */
  async prune(beforeMs: number): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('window_start', '<', beforeMs).execute();
  }
}

const PRUNE_EVERY_MS = 10 * 60_000;
const KEEP_MS = 24 * 60 * 60_000;

/** A store class for @fastify/rate-limit over the repository; each route counts under its own prefix. */
export function databaseRateLimitStore(repo: RateLimitRepository, now: () => number = Date.now): FastifyRateLimitStoreCtor {
  let lastPrune = 0;
  class DatabaseStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      const at = now();
      repo
        .hit(`${this.prefix}|${key}`, at, timeWindow)
        .then(({ count, windowStart }) => callback(null, { current: count, ttl: Math.max(0, windowStart + timeWindow - at) }), callback);
      if (at - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = at;
        repo.prune(at - KEEP_MS).catch(() => undefined);
      }
    }

    /** The plugin passes the route's limit settings with the route itself as `routeInfo` (its typings say otherwise). */
    child(options: { routeInfo?: { method?: string | string[]; url?: string } }) {
      const route = options.routeInfo;
      return new DatabaseStore(undefined, `${String(route?.method ?? '')} ${route?.url ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
