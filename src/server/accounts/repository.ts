/** SQL for users, memberships, sessions and API tokens. */
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/types';
import type { MembershipRole, Role } from '../../domain/permissions';
import { nowIso } from '../clock';

export interface MembershipView {
  organizationId: number;
  organizationName: string;
  role: MembershipRole;
}

export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  findUser(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listUsers(limit: number, offset: number) {
    const [items, total] = await Promise.all([
      this.db.selectFrom('users').selectAll().orderBy('email').limit(limit).offset(offset).execute(),
      this.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  async createUser(user: { email: string; name: string; passwordHash: string; role: Role; operatorCountry: string | null }): Promise<UserRow> {
    const now = nowIso();
    return this.db
      .insertInto('users')
      .values({
        email: user.email.trim().toLowerCase(),
        name: user.name,
        password_hash: user.passwordHash,
        role: user.role,
        operator_country: user.operatorCountry,
        disabled: 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async updateUser(id: number, patch: Partial<{ name: string; role: Role; operator_country: string | null; disabled: number; password_hash: string }>) {
    return this.db
      .updateTable('users')
      .set({ ...patch, updated_at: nowIso() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  membershipsOf(userId: number): Promise<MembershipView[]> {
    return this.db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['m.organization_id as organizationId', 'o.name as organizationName', 'm.role as role'])
      .where('m.user_id', '=', userId)
      .orderBy('o.name')
      .execute();
  }

  membersOf(organizationId: number) {
    return this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id as userId', 'u.email as email', 'u.name as name', 'm.role as role', 'm.created_at as since'])
      .where('m.organization_id', '=', organizationId)
      .orderBy('u.email')
      .execute();
  }

  async upsertMembership(userId: number, organizationId: number, role: MembershipRole) {
    await this.db
      .insertInto('memberships')
      .values({ user_id: userId, organization_id: organizationId, role, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doUpdateSet({ role }))
      .execute();
  }

  async removeMembership(userId: number, organizationId: number): Promise<boolean> {
    const r = await this.db.deleteFrom('memberships').where('user_id', '=', userId).where('organization_id', '=', organizationId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // sessions
  async createSession(s: { tokenHash: string; csrfToken: string; userId: number; expiresAt: string; ip: string | null; userAgent: string | null }) {
    const now = nowIso();
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: s.tokenHash,
        csrf_token: s.csrfToken,
        user_id: s.userId,
        created_at: now,
        expires_at: s.expiresAt,
        last_seen_at: now,
        ip: s.ip,
        user_agent: s.userAgent,
      })
      .execute();
  }

  findSession(tokenHash: string) {
    return this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async touchSession(id: number, lastSeenAt: string) {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  }

  async deleteSession(tokenHash: string) {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOf(userId: number) {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(now: string) {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }

  // API tokens
  createToken(t: { userId: number; name: string; prefix: string; tokenHash: string; scope: 'read' | 'write'; expiresAt: string | null }) {
    return this.db
      .insertInto('api_tokens')
      .values({
        user_id: t.userId,
        name: t.name,
        prefix: t.prefix,
        token_hash: t.tokenHash,
        scope: t.scope,
        created_at: nowIso(),
        expires_at: t.expiresAt,
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findToken(tokenHash: string) {
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  listTokens(userId: number) {
    return this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
  }

  async touchToken(id: number, at: string) {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revokeToken(userId: number, id: number): Promise<boolean> {
    const r = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
