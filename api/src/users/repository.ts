/**
 * Users, their grids and their API tokens in SQL. Every read is limited to the acting administrator's scope (the
 * user's jurisdiction must lie inside it), so a user outside it is simply not found.
 */
import { and, asc, desc, eq, ilike, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from 'db';
import { apiToken, appUser, gridAssignment } from 'db/schema';
import { inScope, inScopeSql } from './scope.js';
import type { Role } from '../http/env.js';
import type { TokenView, UserView } from './schemas.js';

export type { TokenView, UserView };

/**
 * A user as the administration shows them. The area name comes from admin_area, a spatial table left to SQL
 * (see db/src/schema/index.ts), hence the one `sql` subquery.
 */
const userView = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  role: sql<Role>`${appUser.role}`,
  jurisdictionCode: appUser.jurisdictionCode,
  jurisdictionName: sql<string | null>`(SELECT a.name FROM admin_area a WHERE a.code = ${appUser.jurisdictionCode} AND a.valid_to IS NULL)`,
  duty: appUser.duty,
  gridCodes: sql<string[]>`coalesce((SELECT array_agg(g.grid_code ORDER BY g.grid_code) FROM ${gridAssignment} g WHERE g.user_id = ${appUser.id}), '{}')`,
  active: appUser.active,
  demo: appUser.demo,
  hasPassword: sql<boolean>`${appUser.passwordHash} IS NOT NULL`,
  activeTokens: sql<number>`(SELECT count(*)::int FROM ${apiToken} t WHERE t.user_id = ${appUser.id} AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()))`,
  createdAt: appUser.createdAt,
  updatedAt: appUser.updatedAt,
};

export interface UserFilter {
  q?: string;
  role?: Role;
  active?: boolean;
}

export function listUsers(db: Queryable, scope: string, f: UserFilter): Promise<UserView[]> {
  const pattern = f.q === undefined ? undefined : `%${f.q.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;
  return db.orm
    .select(userView)
    .from(appUser)
    .where(
      and(
        inScope(appUser.jurisdictionCode, scope),
        pattern === undefined ? undefined : or(ilike(appUser.username, pattern), ilike(appUser.displayName, pattern)),
        f.role === undefined ? undefined : eq(appUser.role, f.role),
        f.active === undefined ? undefined : eq(appUser.active, f.active),
      ),
    )
    .orderBy(desc(appUser.active), asc(appUser.username))
    .limit(1000);
}

export async function findUser(db: Queryable, scope: string, id: number): Promise<UserView | null> {
  const [row] = await db.orm.select(userView).from(appUser).where(and(inScope(appUser.jurisdictionCode, scope), eq(appUser.id, id)));
  return row ?? null;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  return (await db.orm.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username))).length > 0;
}

// admin_area and grid_cell are spatial tables, left to SQL (db/src/schema/index.ts).

/** Whether the current area with this code exists inside the scope. */
export async function areaInScope(db: Queryable, scope: string, code: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM admin_area WHERE code = $2 AND valid_to IS NULL AND ${inScopeSql('code', '$1')}`, [scope, code]);
  return rows.length > 0;
}

/** The grids among `codes` that do not exist inside the scope. */
export async function gridsMissing(db: Queryable, scope: string, codes: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `SELECT c AS code FROM unnest($2::text[]) AS c
      WHERE NOT EXISTS (SELECT 1 FROM grid_cell g WHERE g.code = c AND ${inScopeSql('g.code', '$1')})
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
  const [row] = await tx.orm.insert(appUser).values(u).returning({ id: appUser.id });
  return row!.id;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  jurisdictionCode?: string;
  duty?: string | null;
  active?: boolean;
}

/** Apply the given changes (absent fields stay as they are; drizzle leaves undefined fields out of the SET). */
export async function updateUser(tx: Queryable, id: number, ch: UserChanges): Promise<void> {
  await tx.orm
    .update(appUser)
    .set({ ...ch, updatedAt: sql`now()` })
    .where(eq(appUser.id, id));
}

/** Replace a user's grids. */
export async function setGrids(tx: Queryable, userId: number, gridCodes: readonly string[]): Promise<void> {
  await tx.orm
    .delete(gridAssignment)
    .where(and(eq(gridAssignment.userId, userId), gridCodes.length ? notInArray(gridAssignment.gridCode, [...gridCodes]) : undefined));
  if (gridCodes.length) {
    await tx.orm
      .insert(gridAssignment)
      .values(gridCodes.map((gridCode) => ({ gridCode, userId })))
      .onConflictDoNothing();
  }
}

export async function setPasswordHash(tx: Queryable, userId: number, hash: string): Promise<void> {
  await tx.orm.update(appUser).set({ passwordHash: hash, updatedAt: sql`now()` }).where(eq(appUser.id, userId));
}

const creator = alias(appUser, 'creator');
const tokenView = {
  id: apiToken.id,
  label: apiToken.label,
  readOnly: apiToken.readOnly,
  createdBy: creator.username,
  createdAt: apiToken.createdAt,
  expiresAt: apiToken.expiresAt,
  revokedAt: apiToken.revokedAt,
};

export function listTokens(db: Queryable, userId: number): Promise<TokenView[]> {
  return db.orm
    .select(tokenView)
    .from(apiToken)
    .leftJoin(creator, eq(creator.id, apiToken.createdBy))
    .where(eq(apiToken.userId, userId))
    .orderBy(sql`${apiToken.revokedAt} IS NOT NULL`, desc(apiToken.createdAt));
}

export async function insertToken(
  tx: Queryable,
  t: { userId: number; digest: string; label: string; readOnly: boolean; createdBy: number; expiresAt: string | null },
): Promise<TokenView> {
  const [row] = await tx.orm
    .insert(apiToken)
    .values({ userId: t.userId, tokenSha256: t.digest, label: t.label, readOnly: t.readOnly, createdBy: t.createdBy, expiresAt: t.expiresAt })
    .returning({ id: apiToken.id, label: apiToken.label, readOnly: apiToken.readOnly, createdAt: apiToken.createdAt, expiresAt: apiToken.expiresAt, revokedAt: apiToken.revokedAt });
  return { ...row!, createdBy: null };
}

/** Revoke a token of a user; returns its digest (to drop it from the token cache), or null when there is none. */
export async function revokeToken(tx: Queryable, userId: number, tokenId: number): Promise<string | null> {
  const [row] = await tx.orm
    .update(apiToken)
    .set({ revokedAt: sql`coalesce(${apiToken.revokedAt}, now())` })
    .where(and(eq(apiToken.id, tokenId), eq(apiToken.userId, userId)))
    .returning({ digest: apiToken.tokenSha256 });
  return row?.digest ?? null;
}
