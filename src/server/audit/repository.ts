/** Audit trail rows: appended, never changed; listed newest first with filters. */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventsTable, Database } from '../db/types';

export type AuditRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Omit<AuditRow, 'id'>;

export interface AuditFilter {
  actorUserId?: number;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  refused?: boolean;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(event: NewAuditEvent): Promise<number> {
    const row = await this.db.insertInto('audit_events').values(event).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async list(filter: AuditFilter, limit: number, offset: number): Promise<{ items: AuditRow[]; total: number }> {
    let q = this.db.selectFrom('audit_events');
    if (filter.actorUserId !== undefined) q = q.where('actor_user_id', '=', filter.actorUserId);
    if (filter.entity) q = q.where('entity', '=', filter.entity);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.from) q = q.where('at', '>=', filter.from);
    // a bare date as the end of a range includes that whole day
    if (filter.to) q = q.where('at', '<', filter.to.length === 10 ? `${filter.to}T99` : filter.to);
    if (filter.refused !== undefined) q = q.where('status_code', filter.refused ? '>=' : '<', 400);
    const [items, total] = await Promise.all([
      q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { items, total: Number(total?.n ?? 0) };
  }

  get(id: number): Promise<AuditRow | undefined> {
    return this.db.selectFrom('audit_events').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The entities and actors that occur, for the filters of the trail's page. */
  async facets(): Promise<{ entities: string[]; actors: { id: number; email: string }[] }> {
    const [entities, actors] = await Promise.all([
      this.db.selectFrom('audit_events').select('entity').distinct().orderBy('entity').execute(),
      this.db
        .selectFrom('audit_events')
        .select(['actor_user_id', 'actor_email'])
        .where('actor_user_id', 'is not', null)
        .distinct()
        .orderBy('actor_email')
        .execute(),
    ]);
    return {
      entities: entities.map((e) => e.entity),
      actors: actors.map((a) => ({ id: a.actor_user_id!, email: a.actor_email ?? '' })),
    };
  }
}
