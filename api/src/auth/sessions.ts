/**
 * Sessions and bearer tokens → SessionUser. Only SHA-256 digests of tokens are stored.
 * Two kinds of token resolve to a user: browser sessions (app_session, set as a cookie at sign-in, expiring) and
 * API tokens (api_token, issued by an administrator, revocable, read-only unless issued otherwise).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { timestampToIso, type Queryable } from 'db';
import { apiToken, appSession, appUser, gridAssignment } from 'db/schema';
import { scopePrefix } from 'domain/codes';
import type { Role, SessionUser } from '../http/env.js';
import { sha256Hex } from './password.js';

/** The user columns a session needs, with their grids (a grid officer's scope). */
const userColumns = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  role: sql<Role>`${appUser.role}`,
  jurisdictionCode: appUser.jurisdictionCode,
  gridCodes: sql<string[] | null>`(SELECT array_agg(a.grid_code ORDER BY a.grid_code) FROM ${gridAssignment} a WHERE a.user_id = ${appUser.id})`,
};
type UserRow = { id: number; username: string; displayName: string; role: Role; jurisdictionCode: string; gridCodes: string[] | null; readOnly?: boolean };

/** An API token that still works: not revoked, not expired. */
const tokenValid = () => and(isNull(apiToken.revokedAt), or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, sql`now()`)));

function toSessionUser(r: UserRow): SessionUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    jurisdictionCode: r.jurisdictionCode,
    scopePrefix: scopePrefix(r.jurisdictionCode),
    gridCodes: r.gridCodes ?? [],
    ...(r.readOnly ? { readOnly: true } : {}),
  };
}

/** Session lengths by role: the wall display stays signed in for weeks, people for a working day. */
export const SESSION_HOURS: Record<Role, number> = { wall: 24 * 30, admin: 12, office: 12, inspector: 12, grid_officer: 24 * 7, viewer: 12 };

/**
 * Resolved tokens are kept for a short while: every tile request authenticates, and a database round trip per
 * tile would dominate the tile's own cost. Never beyond the session's or token's own end. Sign-out, revocation
 * and changes to a user evict at once in this process, and in every other API process through the change feed
 * (migrations/091 → tiles/change-feed.ts → forgetUsers) before the write that made them answers.
 */
export const USER_CACHE_MS = 30_000;
const userCache = new Map<string, { user: SessionUser; until: number }>();

/** Drop every cached token of these users (after their role, jurisdiction, grids, password, tokens or status changed). */
export function forgetUsers(ids: readonly number[] | 'all'): void {
  if (ids === 'all') return userCache.clear();
  const gone = new Set(ids);
  for (const [digest, hit] of userCache) if (gone.has(hit.user.id)) userCache.delete(digest);
}

export function forgetUser(userId: number): void {
  forgetUsers([userId]);
}

export async function findUserByToken(db: Queryable, token: string): Promise<SessionUser | null> {
  const digest = sha256Hex(token);
  const hit = userCache.get(digest);
  if (hit && Date.now() < hit.until) return hit.user;
  const found = await lookUpUserByDigest(db, digest);
  if (found) {
    if (userCache.size > 10_000) userCache.clear();
    const until = Math.min(Date.now() + USER_CACHE_MS, found.expiresAt?.getTime() ?? Infinity);
    userCache.set(digest, { user: found.user, until });
  } else userCache.delete(digest);
  return found?.user ?? null;
}

/**
 * The user of a token resolved within USER_CACHE_MS, without a database round trip (the tiles' fast path), by the
 * token's digest (sha256Hex), which the fast path keeps per connection rather than hashing every request.
 */
export function cachedUserByDigest(digest: string): SessionUser | null {
  const hit = userCache.get(digest);
  return hit && Date.now() < hit.until ? hit.user : null;
}

async function lookUpUserByDigest(db: Queryable, digest: string): Promise<{ user: SessionUser; expiresAt: Date | null } | null> {
  const bySession = db.orm
    .select({ ...userColumns, readOnly: appSession.readOnly, tokenExpiresAt: sql`${appSession.expiresAt}`.mapWith((v: string) => timestampToIso(v)) })
    .from(appSession)
    .innerJoin(appUser, eq(appUser.id, appSession.userId))
    .where(and(eq(appSession.tokenSha256, digest), gt(appSession.expiresAt, sql`now()`), eq(appUser.active, true)));
  const byToken = db.orm
    .select({ ...userColumns, readOnly: apiToken.readOnly, tokenExpiresAt: apiToken.expiresAt })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(and(eq(apiToken.tokenSha256, digest), tokenValid(), eq(appUser.active, true)));
  const [r] = await bySession.unionAll(byToken).limit(1);
  return r ? { user: toSessionUser(r), expiresAt: r.tokenExpiresAt ? new Date(r.tokenExpiresAt) : null } : null;
}

/** The user signing in by name (active users only), with the password hash to check. */
export async function findUserForLogin(db: Queryable, username: string) {
  const [row] = await db.orm
    .select({ ...userColumns, passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(and(eq(appUser.active, true), eq(appUser.username, username)));
  return row ? { user: toSessionUser(row), passwordHash: row.passwordHash } : null;
}

/**
 * A browser session for a user: as long as their role's SESSION_HOURS, never longer than `until` (the API token it
 * was opened with), read-only when the user is (a read-only token's holder).
 */
export async function createSession(db: Queryable, user: SessionUser, until?: Date | null): Promise<{ token: string; expiresAt: Date }> {
  const { token, digest } = newToken();
  const byRole = Date.now() + SESSION_HOURS[user.role] * 3600_000;
  const expiresAt = new Date(until ? Math.min(byRole, until.getTime()) : byRole);
  await db.orm.insert(appSession).values({ tokenSha256: digest, userId: user.id, expiresAt: expiresAt.toISOString(), readOnly: !!user.readOnly });
  return { token, expiresAt };
}

/** A valid API token: its user (read-only when the token is), its id and its end, for opening a browser session. */
export async function findApiToken(db: Queryable, token: string): Promise<{ user: SessionUser; tokenId: number; expiresAt: Date | null } | null> {
  const [r] = await db.orm
    .select({ ...userColumns, readOnly: apiToken.readOnly, tokenId: apiToken.id, expiresAt: apiToken.expiresAt })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(and(eq(apiToken.tokenSha256, sha256Hex(token)), tokenValid(), eq(appUser.active, true)));
  return r ? { user: toSessionUser(r), tokenId: r.tokenId, expiresAt: r.expiresAt ? new Date(r.expiresAt) : null } : null;
}

/**
 * Sign-out: the token stops working at once, whichever kind it is (a browser session is deleted, an API token is
 * revoked). Returns what it ended, for the audit log.
 */
export async function endToken(db: Queryable, token: string): Promise<'session' | 'api_token' | null> {
  const digest = sha256Hex(token);
  userCache.delete(digest);
  const sessions = await db.orm.delete(appSession).where(eq(appSession.tokenSha256, digest)).returning({ userId: appSession.userId });
  if (sessions.length) return 'session';
  const tokens = await db.orm
    .update(apiToken)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiToken.tokenSha256, digest), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id });
  return tokens.length ? 'api_token' : null;
}

/** End every browser session of a user (password reset, deactivation). */
export async function endSessionsOf(db: Queryable, userId: number): Promise<void> {
  forgetUser(userId);
  await db.orm.delete(appSession).where(eq(appSession.userId, userId));
}

/** Delete expired sessions; returns how many. The server runs this at start and every hour. */
export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.orm.delete(appSession).where(lte(appSession.expiresAt, sql`now()`)).returning({ userId: appSession.userId });
  return rows.length;
}

/** A new random bearer token and its digest (the digest is stored; the token is shown once). */
export function newToken(): { token: string; digest: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, digest: sha256Hex(token) };
}
