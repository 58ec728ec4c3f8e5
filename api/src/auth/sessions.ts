/** Sessions and bearer tokens → SessionUser. Only SHA-256 digests of tokens are stored. */
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
}

const USER_SELECT = `
  SELECT u.id, u.username, u.display_name, u.role, u.jurisdiction_code,
         (SELECT array_agg(a.grid_code ORDER BY a.grid_code) FROM grid_assignment a WHERE a.user_id = u.id) AS grid_codes
  FROM app_user u`;

function toSessionUser(r: UserRow): SessionUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    jurisdictionCode: r.jurisdiction_code,
    scopePrefix: scopePrefix(r.jurisdiction_code),
    gridCodes: r.grid_codes ?? [],
  };
}

/** Session lengths by role: the wall display stays signed in for weeks, people for a working day. */
export const SESSION_HOURS: Record<Role, number> = { wall: 24 * 30, admin: 12, office: 12, inspector: 12, grid_officer: 24 * 7, viewer: 12 };

/**
 * Resolved tokens are kept for a short while: every tile request authenticates, and a database round trip per
 * tile would dominate the tile's own cost. Sign-out evicts at once; a deactivated user or a changed assignment
 * takes effect within USER_CACHE_MS.
 */
export const USER_CACHE_MS = 30_000;
const userCache = new Map<string, { user: SessionUser; at: number }>();

export async function findUserByToken(db: Queryable, token: string): Promise<SessionUser | null> {
  const digest = sha256Hex(token);
  const hit = userCache.get(digest);
  if (hit && Date.now() - hit.at < USER_CACHE_MS) return hit.user;
  const user = await lookUpUserByDigest(db, digest);
  if (user) {
    if (userCache.size > 10_000) userCache.clear();
    userCache.set(digest, { user, at: Date.now() });
  } else userCache.delete(digest);
  return user;
}

/** The user of a token resolved within USER_CACHE_MS, without a database round trip (the tiles' fast path). */
export function cachedUserByToken(token: string): SessionUser | null {
  const hit = userCache.get(sha256Hex(token));
  return hit && Date.now() - hit.at < USER_CACHE_MS ? hit.user : null;
}

async function lookUpUserByDigest(db: Queryable, digest: string): Promise<SessionUser | null> {
  const rows = await db.query<UserRow>(
    `${USER_SELECT} WHERE u.active AND (u.token_sha256 = $1 OR u.id = (
       SELECT s.user_id FROM app_session s WHERE s.token_sha256 = $1 AND s.expires_at > now()))`,
    [digest],
  );
  return rows[0] ? toSessionUser(rows[0]) : null;
}

export async function findUserForLogin(db: Queryable, username: string) {
  const rows = await db.query<UserRow & { password_hash: string | null }>(
    `${USER_SELECT.replace('u.jurisdiction_code,', 'u.jurisdiction_code, u.password_hash,')} WHERE u.active AND u.username = $1`,
    [username],
  );
  return rows[0] ? { user: toSessionUser(rows[0]), passwordHash: rows[0].password_hash } : null;
}

export async function createSession(db: Queryable, user: SessionUser): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS[user.role] * 3600_000);
  await db.query('INSERT INTO app_session (token_sha256, user_id, expires_at) VALUES ($1, $2, $3)', [sha256Hex(token), user.id, expiresAt.toISOString()]);
  return { token, expiresAt };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  userCache.delete(sha256Hex(token));
  await db.query('DELETE FROM app_session WHERE token_sha256 = $1', [sha256Hex(token)]);
}
