/**
 * Users, their grids and their API tokens in SQL. Every read is limited to the acting administrator's scope (the
 * user's jurisdiction must lie inside it), so a user outside it is simply not found.
 */
import type { Queryable } from 'db';
import type { Role } from '../http/env.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  duty: string | null;
  gridCodes: string[];
  active: boolean;
  demo: boolean;
  hasPassword: boolean;
  activeTokens: number;
  createdAt: string;
  updatedAt: string;
}

export interface TokenView {
  id: number;
  label: string;
  readOnly: boolean;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

const USER_VIEW = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.jurisdiction_code AS "jurisdictionCode",
         (SELECT a.name FROM admin_area a WHERE a.code = u.jurisdiction_code AND a.valid_to IS NULL) AS "jurisdictionName",
         u.duty, coalesce((SELECT array_agg(g.grid_code ORDER BY g.grid_code) FROM grid_assignment g WHERE g.user_id = u.id), '{}') AS "gridCodes",
         u.active, u.demo, u.password_hash IS NOT NULL AS "hasPassword",
         (SELECT count(*)::int FROM api_token t WHERE t.user_id = u.id AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())) AS "activeTokens",
         u.created_at AS "createdAt", u.updated_at AS "updatedAt"
    FROM app_user u`;

const IN_SCOPE = `left(u.jurisdiction_code, length($1::text)) = $1::text`;

export interface UserFilter {
  q?: string;
  role?: Role;
  active?: boolean;
}

export function listUsers(db: Queryable, scope: string, f: UserFilter): Promise<UserView[]> {
  return db.query<UserView>(
    `${USER_VIEW}
     WHERE ${IN_SCOPE}
       AND ($2::text IS NULL OR u.username ILIKE '%' || $2 || '%' OR u.display_name ILIKE '%' || $2 || '%')
       AND ($3::text IS NULL OR u.role = $3)
       AND ($4::boolean IS NULL OR u.active = $4)
     ORDER BY u.active DESC, u.username
     LIMIT 1000`,
    [scope, f.q ?? null, f.role ?? null, f.active ?? null],
  );
}

export async function findUser(db: Queryable, scope: string, id: number): Promise<UserView | null> {
  const [row] = await db.query<UserView>(`${USER_VIEW} WHERE ${IN_SCOPE} AND u.id = $2`, [scope, id]);
  return row ?? null;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM app_user WHERE username = $1', [username])).length > 0;
}

/** Whether the current area with this code exists inside the scope. */
export async function areaInScope(db: Queryable, scope: string, code: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM admin_area WHERE code = $2 AND valid_to IS NULL AND left(code, length($1::text)) = $1::text`, [scope, code]);
  return rows.length > 0;
}

/** The grids among `codes` that do not exist inside the scope. */
export async function gridsMissing(db: Queryable, scope: string, codes: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `SELECT c AS code FROM unnest($2::text[]) AS c
      WHERE NOT EXISTS (SELECT 1 FROM grid_cell g WHERE g.code = c AND left(g.code, length($1::text)) = $1::text)
      ORDER BY c`,
    [scope, codes],
  );
  return rows.map((r) => r.code);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  duty: string | null;
  passwordHash: string;
}

export async function insertUser(tx: Queryable, u: NewUser): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, role, jurisdiction_code, duty, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [u.username, u.displayName, u.role, u.jurisdictionCode, u.duty, u.passwordHash],
  );
  return row!.id;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  jurisdictionCode?: string;
  duty?: string | null;
  active?: boolean;
}

/** Apply the given changes (absent fields stay as they are). */
export async function updateUser(tx: Queryable, id: number, ch: UserChanges): Promise<void> {
  await tx.query(
    `UPDATE app_user SET
       display_name = coalesce($2, display_name),
       role = coalesce($3, role),
       jurisdiction_code = coalesce($4, jurisdiction_code),
       duty = CASE WHEN $5::boolean THEN $6 ELSE duty END,
       active = coalesce($7, active),
       updated_at = now()
     WHERE id = $1`,
    [id, ch.displayName ?? null, ch.role ?? null, ch.jurisdictionCode ?? null, ch.duty !== undefined, ch.duty ?? null, ch.active ?? null],
  );
}

/** Replace a user's grids. */
export async function setGrids(tx: Queryable, userId: number, gridCodes: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM grid_assignment WHERE user_id = $1 AND NOT (grid_code = ANY($2::text[]))', [userId, gridCodes]);
  await tx.query(
    `INSERT INTO grid_assignment (grid_code, user_id) SELECT g, $1 FROM unnest($2::text[]) AS g ON CONFLICT DO NOTHING`,
    [userId, gridCodes],
  );
}

export async function setPasswordHash(tx: Queryable, userId: number, hash: string): Promise<void> {
  await tx.query('UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, hash]);
}

export function listTokens(db: Queryable, userId: number): Promise<TokenView[]> {
  return db.query<TokenView>(
    `SELECT t.id, t.label, t.read_only AS "readOnly", c.username AS "createdBy", t.created_at AS "createdAt",
            t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt"
       FROM api_token t LEFT JOIN app_user c ON c.id = t.created_by
      WHERE t.user_id = $1
      ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC`,
    [userId],
  );
}

export async function insertToken(
  tx: Queryable,
  t: { userId: number; digest: string; label: string; readOnly: boolean; createdBy: number; expiresAt: string | null },
): Promise<TokenView> {
  const [row] = await tx.query<TokenView>(
    `INSERT INTO api_token (user_id, token_sha256, label, read_only, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, label, read_only AS "readOnly", NULL::text AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"`,
    [t.userId, t.digest, t.label, t.readOnly, t.createdBy, t.expiresAt],
  );
  return row!;
}

/** Revoke a token of a user; returns its digest (to drop it from the token cache), or null when there is none. */
export async function revokeToken(tx: Queryable, userId: number, tokenId: number): Promise<string | null> {
  const [row] = await tx.query<{ token_sha256: string }>(
    'UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2 RETURNING token_sha256',
    [tokenId, userId],
  );
  return row?.token_sha256 ?? null;
}
