/**
 * Sessions and bearer tokens → SessionUser. Only SHA-256 digests of tokens are stored.
 * Two kinds of token resolve to a user: browser sessions (app_session, set as a cookie at sign-in, expiring) and
 * API tokens (api_token, issued by an administrator, revocable, read-only unless issued otherwise).
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from 'db';
import { scopePrefix } from 'domain/codes';
import type { Role, SessionUser } from '../http/env.js';
import { sha256Hex } from './password.js';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  jurisdiction_code: string;
  grid_codes: string[] | null;
  read_only?: boolean;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.jurisdiction_code,
  (SELECT array_agg(a.grid_code ORDER BY a.grid_code) FROM grid_assignment a WHERE a.user_id = u.id) AS grid_codes`;

function toSessionUser(r: UserRow): SessionUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    jurisdictionCode: r.jurisdiction_code,
    scopePrefix: scopePrefix(r.jurisdiction_code),
    gridCodes: r.grid_codes ?? [],
    ...(r.read_only ? { readOnly: true } : {}),
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

/** The user of a token resolved within USER_CACHE_MS, without a database round trip (the tiles' fast path). */
export function cachedUserByToken(token: string): SessionUser | null {
  const hit = userCache.get(sha256Hex(token));
  return hit && Date.now() < hit.until ? hit.user : null;
}

async function lookUpUserByDigest(db: Queryable, digest: string): Promise<{ user: SessionUser; expiresAt: Date | null } | null> {
  const rows = await db.query<UserRow & { token_expires_at: string | Date | null }>(
    `SELECT ${USER_COLUMNS}, s.read_only, s.expires_at AS token_expires_at
       FROM app_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_sha256 = $1 AND s.expires_at > now() AND u.active
     UNION ALL
     SELECT ${USER_COLUMNS}, t.read_only, t.expires_at
       FROM api_token t JOIN app_user u ON u.id = t.user_id
      WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active
     LIMIT 1`,
    [digest],
  );
  const r = rows[0];
  return r ? { user: toSessionUser(r), expiresAt: r.token_expires_at ? new Date(r.token_expires_at) : null } : null;
}

/** The user signing in by name (active users only), with the password hash to check. */
export async function findUserForLogin(db: Queryable, username: string) {
  const rows = await db.query<UserRow & { password_hash: string | null }>(
    `SELECT ${USER_COLUMNS}, u.password_hash FROM app_user u WHERE u.active AND u.username = $1`,
    [username],
  );
  return rows[0] ? { user: toSessionUser(rows[0]), passwordHash: rows[0].password_hash } : null;
}

/**
 * A browser session for a user: as long as their role's SESSION_HOURS, never longer than `until` (the API token it
 * was opened with), read-only when the user is (a read-only token's holder).
 */
export async function createSession(db: Queryable, user: SessionUser, until?: Date | null): Promise<{ token: string; expiresAt: Date }> {
  const { token, digest } = newToken();
  const byRole = Date.now() + SESSION_HOURS[user.role] * 3600_000;
  const expiresAt = new Date(until ? Math.min(byRole, until.getTime()) : byRole);
  await db.query('INSERT INTO app_session (token_sha256, user_id, expires_at, read_only) VALUES ($1, $2, $3, $4)', [
    digest,
    user.id,
    expiresAt.toISOString(),
    !!user.readOnly,
  ]);
  return { token, expiresAt };
}

/** A valid API token: its user (read-only when the token is), its id and its end, for opening a browser session. */
export async function findApiToken(db: Queryable, token: string): Promise<{ user: SessionUser; tokenId: number; expiresAt: Date | null } | null> {
  const rows = await db.query<UserRow & { token_id: number; expires_at: string | null }>(
    `SELECT ${USER_COLUMNS}, t.read_only, t.id AS token_id, t.expires_at
       FROM api_token t JOIN app_user u ON u.id = t.user_id
      WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active`,
    [sha256Hex(token)],
  );
  const r = rows[0];
  return r ? { user: toSessionUser(r), tokenId: r.token_id, expiresAt: r.expires_at ? new Date(r.expires_at) : null } : null;
}

/**
 * Sign-out: the token stops working at once, whichever kind it is (a browser session is deleted, an API token is
 * revoked). Returns what it ended, for the audit log.
 */
export async function endToken(db: Queryable, token: string): Promise<'session' | 'api_token' | null> {
  const digest = sha256Hex(token);
  userCache.delete(digest);
  const sessions = await db.query('DELETE FROM app_session WHERE token_sha256 = $1 RETURNING user_id', [digest]);
  if (sessions.length) return 'session';
  const tokens = await db.query('UPDATE api_token SET revoked_at = now() WHERE token_sha256 = $1 AND revoked_at IS NULL RETURNING id', [digest]);
  return tokens.length ? 'api_token' : null;
}

/** End every browser session of a user (password reset, deactivation). */
export async function endSessionsOf(db: Queryable, userId: number): Promise<void> {
  forgetUser(userId);
  await db.query('DELETE FROM app_session WHERE user_id = $1', [userId]);
}

/** Delete expired sessions; returns how many. The server runs this at start and every hour. */
export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('DELETE FROM app_session WHERE expires_at <= now() RETURNING 1');
  return rows.length;
}

/** A new random bearer token and its digest (the digest is stored; the token is shown once). */
export function newToken(): { token: string; digest: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, digest: sha256Hex(token) };
}
