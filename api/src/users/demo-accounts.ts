/**
 * The demo accounts: one per kind of user, password 'demo', full-access bearer token 'demo-<username>'. They exist
 * only while the demo is on (SEED_DEMO, on by default only for the embedded database): start-up creates them on a
 * database holding a region, and a start without the demo deactivates them and revokes their tokens, so a server
 * that once ran the demo does not keep an admin whose password everyone knows.
 *
 * Jurisdictions: admin, city_office and wall → the first city; county_office and inspector → its first county;
 * the grid's three parties (网格员, 社区民警, 禁毒社工) → the first two grids of the first village of that county.
 * Salts derive from the demo seed, so the same seed gives the same rows.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from 'db';
import { apiToken, appSession, appUser, gridAssignment } from 'db/schema';
import type { Role } from '../http/env.js';
import { hashPassword, sha256Hex } from '../auth/password.js';
import { chinaToday } from 'domain/time';

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: 'city' | 'county' | 'village';
  duty?: 'grid_officer' | 'community_police' | 'social_worker';
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', scope: 'city' },
  { username: 'city_office', displayName: '市禁毒办', role: 'office', scope: 'city' },
  { username: 'county_office', displayName: '县禁毒办', role: 'office', scope: 'county' },
  { username: 'inspector', displayName: '禁毒检查员', role: 'inspector', scope: 'county' },
  { username: 'wall', displayName: '指挥中心大屏', role: 'wall', scope: 'city' },
  { username: 'grid_officer', displayName: '网格员', role: 'grid_officer', scope: 'village', duty: 'grid_officer' },
  { username: 'community_police', displayName: '社区民警', role: 'grid_officer', scope: 'village', duty: 'community_police' },
  { username: 'social_worker', displayName: '禁毒社工', role: 'grid_officer', scope: 'village', duty: 'social_worker' },
];

export const DEMO_PASSWORD = 'demo';
export const demoToken = (username: string) => `demo-${username}`;

/** Where the demo accounts answer: the region's first city, its first county, and two grids of one village. */
async function demoJurisdictions(db: Queryable) {
  const [city] = await db.query<{ code: string }>(`SELECT code FROM admin_area WHERE level = 'city' AND valid_to IS NULL ORDER BY code LIMIT 1`);
  if (!city) return null;
  const [county] = await db.query<{ code: string }>(
    `SELECT code FROM admin_area WHERE level = 'county' AND parent_code = $1 AND valid_to IS NULL ORDER BY code LIMIT 1`,
    [city.code],
  );
  if (!county) return null;
  const grids = await db.query<{ code: string; village_code: string }>(
    `SELECT g.code, g.village_code FROM grid_cell g
      WHERE g.village_code = (SELECT min(village_code) FROM grid_cell WHERE village_code LIKE $1 || '%')
      ORDER BY g.code LIMIT 2`,
    [county.code.slice(0, 6)],
  );
  if (!grids.length) return null;
  return { city: city.code, county: county.code, village: grids[0]!.village_code, grids: grids.map((g) => g.code) };
}

/**
 * Make the demo accounts exist and work: create the missing ones (a database seeded before they moved here, or
 * just seeded), reactivate ones a start without the demo switched off, and give each its demo token again.
 * A real user who happens to have a demo account's name is left alone. Returns the number created.
 */
export async function ensureDemoAccounts(db: Database, opts: { seed: number; asOf?: string }): Promise<number> {
  const where = await demoJurisdictions(db);
  if (!where) return 0; // no region to attach them to
  const rows = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => ({
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      duty: a.duty ?? null,
      jurisdictionCode: a.scope === 'city' ? where.city : a.scope === 'county' ? where.county : where.village,
      passwordHash: await hashPassword(DEMO_PASSWORD, createHash('sha256').update(`${opts.seed}/demo-salt/${a.username}`).digest().subarray(0, 16)),
    })),
  );
  const [info] = await db.query<{ as_of: string | null }>(`SELECT value->>'asOf' AS as_of FROM dataset_info WHERE key = 'region'`);
  const asOf = opts.asOf ?? info?.as_of ?? chinaToday();
  return db.transaction(async (tx) => {
    const created = await tx.orm
      .insert(appUser)
      .values(rows.map((r) => ({ ...r, demo: true })))
      .onConflictDoNothing({ target: appUser.username })
      .returning({ id: appUser.id, role: appUser.role });
    const officers = created.filter((u) => u.role === 'grid_officer');
    if (officers.length && where.grids.length) {
      // Assigned 400 days before the region's date, so their grids' history is theirs.
      const since = sql`(${asOf}::date - 400)`;
      await tx.orm
        .insert(gridAssignment)
        .values(officers.flatMap((u) => where.grids.map((gridCode) => ({ gridCode, userId: u.id, since }))))
        .onConflictDoNothing();
    }
    await tx.orm
      .update(appUser)
      .set({ active: true, updatedAt: sql`now()` })
      .where(and(eq(appUser.demo, true), eq(appUser.active, false)));
    const demoUsers = await tx.orm.select({ id: appUser.id, username: appUser.username }).from(appUser).where(eq(appUser.demo, true));
    const tokens = demoUsers
      .filter((u) => DEMO_ACCOUNTS.some((a) => a.username === u.username))
      .map((u) => ({ userId: u.id, tokenSha256: sha256Hex(demoToken(u.username)), label: 'demo', readOnly: false }));
    if (tokens.length) {
      await tx.orm
        .insert(apiToken)
        .values(tokens)
        .onConflictDoUpdate({ target: apiToken.tokenSha256, set: { revokedAt: null } });
    }
    return created.length;
  });
}

/** The demo accounts still active, for one-click sign-in on the login screen. */
export function activeDemoAccounts(db: Queryable): Promise<{ username: string; displayName: string; role: string }[]> {
  return db.orm
    .select({ username: appUser.username, displayName: appUser.displayName, role: appUser.role })
    .from(appUser)
    .where(and(eq(appUser.active, true), eq(appUser.demo, true)))
    .orderBy(asc(appUser.id));
}

/** The demo is off: deactivate the demo accounts, end their sessions and revoke their tokens. Returns how many. */
export async function disableDemoAccounts(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const off = await tx.orm
      .update(appUser)
      .set({ active: false, updatedAt: sql`now()` })
      .where(and(eq(appUser.demo, true), eq(appUser.active, true)))
      .returning({ id: appUser.id });
    const demoUserIds = tx.orm.select({ id: appUser.id }).from(appUser).where(eq(appUser.demo, true));
    await tx.orm.delete(appSession).where(inArray(appSession.userId, demoUserIds));
    await tx.orm
      .update(apiToken)
      .set({ revokedAt: sql`now()` })
      .where(and(inArray(apiToken.userId, demoUserIds), isNull(apiToken.revokedAt)));
    return off.length;
  });
}
