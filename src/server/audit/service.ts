/** The audit trail: records administrative and operator actions (HTTP and command line) and shows them to admins. */
import { redact } from '../../domain/audit';
import { notFound } from '../http/errors';
import type { AuditFilter, AuditRepository, AuditRow } from './repository';

export interface AuditActor {
  userId: number | null;
  email: string | null;
  role: string | null;
  country: string | null;
  via: 'session' | 'token' | 'cli';
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId?: string | null;
  url?: string | null;
  statusCode?: number | null;
  request?: unknown;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(redact(value)));
/** PostgreSQL text cannot hold NUL; what a client sent with one is kept with U+FFFD in its place. */
const text = <T extends string | null | undefined>(value: T): T => (typeof value === 'string' ? (value.replace(/\0/g, '\uFFFD') as T) : value);
const parsed = (stored: string | null) => (stored === null ? null : (JSON.parse(stored) as unknown));

export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(entry: AuditEntry): Promise<number> {
    return this.repo.append({
      at: this.now().toISOString(),
      actor_user_id: entry.actor.userId,
      actor_email: text(entry.actor.email),
      actor_role: entry.actor.role,
      actor_country: entry.actor.country,
      via: entry.actor.via,
      action: text(entry.action),
      entity: text(entry.entity),
      entity_id: text(entry.entityId ?? null),
      url: text(entry.url ?? null),
      status_code: entry.statusCode ?? null,
      request: json(entry.request),
      before: json(entry.before),
      after: json(entry.after),
      ip: entry.ip ?? null,
    });
  }

  async list(filter: AuditFilter, limit: number, offset: number) {
    const { items, total } = await this.repo.list(filter, limit, offset);
    return { items: items.map(present), total };
  }

  async get(id: number) {
    const row = await this.repo.get(id);
    if (!row) throw notFound('audit event');
    return present(row);
  }

  facets() {
    return this.repo.facets();
  }
}

function present(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    actor: { userId: row.actor_user_id, email: row.actor_email, role: row.actor_role, country: row.actor_country, via: row.via },
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    url: row.url,
    statusCode: row.status_code,
    request: parsed(row.request),
    before: parsed(row.before),
    after: parsed(row.after),
    ip: row.ip,
  };
}

/** The command line acts as the operating-system user that runs it. */
export const cliActor = (): AuditActor => ({ userId: null, email: process.env.USER ?? process.env.LOGNAME ?? null, role: 'cli', country: null, via: 'cli' });
