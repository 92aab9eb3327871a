/** Accounts: sign-in, server-side sessions, personal API tokens, users and memberships. */
import type { Actor, MembershipRole, Role } from '../../domain/permissions';
import { AppError, conflict, invalid, notFound } from '../http/errors';
import { nowIso } from '../clock';
import { AccountsRepository, type MembershipView } from './repository';
import { DUMMY_PASSWORD_HASH, generatePassword, hashPassword, MIN_PASSWORD_LENGTH, randomSecret, sha256, verifyPassword } from './secrets';
import type { UserRow } from '../db/types';

export interface PublicUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  operatorCountry: string | null;
  memberships: MembershipView[];
}

export interface Principal {
  user: PublicUser;
  actor: Actor;
  via: 'session' | 'token';
  /** Present for cookie sessions: cookie-authenticated writes must echo it in x-csrf-token. */
  csrfToken: string | null;
}

export const TOKEN_PREFIX = 'rst_';
const SESSION_TOUCH_INTERVAL_MS = 60_000;

export class AccountsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly sessionTtlHours: number,
  ) {}

  private async publicUser(user: UserRow): Promise<PublicUser> {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      operatorCountry: user.operator_country,
      memberships: await this.repo.membershipsOf(user.id),
    };
  }

  private principal(user: PublicUser, via: Principal['via'], csrfToken: string | null, canWrite: boolean): Principal {
    const memberships = new Map<number, MembershipRole>(user.memberships.map((m) => [m.organizationId, m.role]));
    return { user, via, csrfToken, actor: { userId: user.id, role: user.role, operatorCountry: user.operatorCountry, memberships, canWrite } };
  }

  /** Checks the password; returns the session token for the cookie. Same answer and timing for unknown users. */
  async login(email: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
    const user = await this.repo.findUserByEmail(email);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || user.disabled) throw new AppError(401, 'bad_credentials');
    const token = randomSecret();
    const csrfToken = randomSecret(24);
    const expiresAt = new Date(Date.now() + this.sessionTtlHours * 3600_000).toISOString();
    await this.repo.deleteExpiredSessions(nowIso());
    await this.repo.createSession({ tokenHash: sha256(token), csrfToken, userId: user.id, expiresAt, ...meta });
    return { token, csrfToken, expiresAt, user: await this.publicUser(user) };
  }

  async logout(sessionToken: string) {
    await this.repo.deleteSession(sha256(sessionToken));
  }

  async fromSession(sessionToken: string): Promise<Principal | null> {
    const session = await this.repo.findSession(sha256(sessionToken));
    if (!session) return null;
    const now = new Date();
    if (session.expires_at < now.toISOString()) {
      await this.repo.deleteSession(session.token_hash);
      return null;
    }
    const user = await this.repo.findUser(session.user_id);
    if (!user || user.disabled) return null;
    if (now.getTime() - Date.parse(session.last_seen_at) > SESSION_TOUCH_INTERVAL_MS) await this.repo.touchSession(session.id, now.toISOString());
    return this.principal(await this.publicUser(user), 'session', session.csrf_token, true);
  }

  async fromApiToken(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const token = await this.repo.findToken(sha256(secret));
    const now = nowIso();
    if (!token || token.revoked_at || (token.expires_at && token.expires_at < now)) return null;
    const user = await this.repo.findUser(token.user_id);
    if (!user || user.disabled) return null;
    if (!token.last_used_at || Date.parse(now) - Date.parse(token.last_used_at) > SESSION_TOUCH_INTERVAL_MS) await this.repo.touchToken(token.id, now);
    return this.principal(await this.publicUser(user), 'token', null, token.scope === 'write');
  }

  async createApiToken(userId: number, input: { name: string; scope: 'read' | 'write'; expiresInDays?: number }) {
    const secret = TOKEN_PREFIX + randomSecret(30);
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000).toISOString() : null;
    const row = await this.repo.createToken({
      userId,
      name: input.name.trim(),
      prefix: secret.slice(0, 10),
      tokenHash: sha256(secret),
      scope: input.scope,
      expiresAt,
    });
    return { token: secret, item: tokenView(row) };
  }

  async listApiTokens(userId: number) {
    return (await this.repo.listTokens(userId)).map(tokenView);
  }

  async revokeApiToken(userId: number, id: number) {
    if (!(await this.repo.revokeToken(userId, id))) throw notFound(`API token ${id}`);
  }

  async changePassword(userId: number, current: string, next: string) {
    const user = await this.repo.findUser(userId);
    if (!user || !(await verifyPassword(current, user.password_hash))) throw new AppError(401, 'bad_credentials');
    await this.repo.updateUser(userId, { password_hash: await hashPassword(checkPassword(next)) });
    await this.repo.deleteSessionsOf(userId);
  }

  /** Creates a user; without a password one is generated and returned once. */
  async createUser(input: { email: string; name: string; role: Role; operatorCountry?: string | null; password?: string }) {
    if (input.role === 'operator' && !input.operatorCountry) throw invalid('a registry operator needs operatorCountry');
    if (await this.repo.findUserByEmail(input.email)) throw conflict(`user ${input.email} already exists`);
    const password = input.password ?? generatePassword();
    const user = await this.repo.createUser({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(checkPassword(password)),
      role: input.role,
      operatorCountry: input.role === 'operator' ? (input.operatorCountry ?? null) : null,
    });
    return { user: await this.publicUser(user), password: input.password ? undefined : password };
  }

  async updateUser(id: number, patch: { name?: string; role?: Role; operatorCountry?: string | null; disabled?: boolean }) {
    const existing = await this.repo.findUser(id);
    if (!existing) throw notFound(`user ${id}`);
    const role = patch.role ?? existing.role;
    const operatorCountry = role === 'operator' ? (patch.operatorCountry ?? existing.operator_country) : null;
    if (role === 'operator' && !operatorCountry) throw invalid('a registry operator needs operatorCountry');
    const row = await this.repo.updateUser(id, {
      name: patch.name ?? existing.name,
      role,
      operator_country: operatorCountry,
      disabled: patch.disabled === undefined ? existing.disabled : Number(patch.disabled),
    });
    if (patch.disabled) await this.repo.deleteSessionsOf(id);
    return this.publicUser(row!);
  }

  async getUser(id: number) {
    const user = await this.repo.findUser(id);
    if (!user) throw notFound(`user ${id}`);
    return this.publicUser(user);
  }

  async listUsers(limit: number, offset: number) {
    const { items, total } = await this.repo.listUsers(limit, offset);
    return { items: await Promise.all(items.map((u) => this.publicUser(u))), total };
  }

  countUsers() {
    return this.repo.countUsers();
  }

  /** A principal for work the server does on a user's behalf (demo data), as if they had signed in. */
  async principalOf(email: string): Promise<Principal | null> {
    const row = await this.repo.findUserByEmail(email);
    return row ? this.principal(await this.publicUser(row), 'session', null, true) : null;
  }

  findUserByEmail(email: string) {
    return this.repo.findUserByEmail(email);
  }

  members(organizationId: number) {
    return this.repo.membersOf(organizationId);
  }

  async addMember(organizationId: number, email: string, role: MembershipRole) {
    const user = await this.repo.findUserByEmail(email);
    if (!user) throw notFound(`user ${email}`);
    await this.repo.upsertMembership(user.id, organizationId, role);
  }

  async removeMember(organizationId: number, userId: number) {
    if (!(await this.repo.removeMembership(userId, organizationId))) throw notFound(`membership of user ${userId}`);
  }
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

function tokenView(row: {
  id: number;
  name: string;
  scope: 'read' | 'write';
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}
