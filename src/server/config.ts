/** Configuration from the environment (12-factor). Every variable is documented in README.md. */
import path from 'node:path';
import { defaultLogKeyFile } from './registry/log/signing';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Explicit demo mode: demo accounts with published passwords and a banner in the UI. */
  demo: boolean;
  /** Load the demo catalogue (reference analogs, unverified) into an empty database on start. */
  seedOnFirstStart: boolean;
  sessionTtlHours: number;
  secureCookies: boolean;
  bodyLimitBytes: number;
  loginAttemptsPerMinute: number;
  /** Largest BOM upload and most BOM lines accepted. */
  bomMaxBytes: number;
  bomMaxLines: number;
  /** Megabytes of serialized /api/search answers kept in memory on SQLite (0: no cache). */
  searchCacheMb: number;
  /** Public registry verifications per client and minute (bulk: a twentieth of it). */
  registryVerifyPerMinute: number;
  /** Largest ПП 719 open-data CSV accepted by the admin upload. */
  gispMaxBytes: number;
  /** Ed25519 key signing the registry log's checkpoints: PEM text (shared by several processes), else this PEM file (created, mode 0600, when missing). */
  logKey: string | undefined;
  logKeyFile: string;
  /** Let webhooks reach loopback, private and link-local addresses (tests, closed networks); default false. */
  webhookAllowPrivate: boolean;
  /** Where rate-limit counters live: `database` (shared by every process on the database; default on PostgreSQL) or `memory` (this process; default on SQLite). */
  rateLimitStore: 'database' | 'memory';
  adminEmail: string;
  logLevel: string;
  webRoot: string;
}

const truthy = (v: string | undefined) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer (got "${raw}")`);
  return n;
}

function rateLimitStore(env: NodeJS.ProcessEnv): Config['rateLimitStore'] {
  const value = env.RATE_LIMIT_STORE;
  if (value === 'database' || value === 'memory') return value;
  if (value) throw new Error(`RATE_LIMIT_STORE must be "database" or "memory" (got "${value}")`);
  return (env.DATABASE_URL ?? '').startsWith('postgres') ? 'database' : 'memory';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 8080),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || `sqlite:${path.join('data', 'reestr.sqlite')}`,
    demo: truthy(env.REESTR_DEMO),
    seedOnFirstStart: env.REESTR_SEED === undefined ? true : truthy(env.REESTR_SEED),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12),
    secureCookies: truthy(env.COOKIE_SECURE),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    loginAttemptsPerMinute: int(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10),
    bomMaxBytes: int(env, 'BOM_MAX_BYTES', 20 * 1024 * 1024),
    bomMaxLines: int(env, 'BOM_MAX_LINES', 50_000),
    searchCacheMb: int(env, 'SEARCH_CACHE_MB', 64),
    registryVerifyPerMinute: int(env, 'REGISTRY_VERIFY_PER_MINUTE', 120),
    gispMaxBytes: int(env, 'GISP_MAX_BYTES', 512 * 1024 * 1024),
    logKey: env.REESTR_LOG_KEY || undefined,
    logKeyFile: env.REESTR_LOG_KEY_FILE || defaultLogKeyFile(env.DATABASE_URL || `sqlite:${path.join('data', 'reestr.sqlite')}`),
    webhookAllowPrivate: truthy(env.WEBHOOK_ALLOW_PRIVATE),
    rateLimitStore: rateLimitStore(env),
    adminEmail: env.REESTR_ADMIN_EMAIL || 'admin@reestr.local',
    logLevel: env.LOG_LEVEL || 'info',
    webRoot: env.REESTR_WEB_ROOT || path.resolve('dist', 'web'),
  };
}
