/**
 * Reading the audit log (the administrators' audit page): newest first, filtered by user, action and a range of
 * China-time dates, paged by id. An administrator sees what users inside their jurisdiction did, and entries with
 * no user behind them (the system; sign-in attempts with unknown names).
 */
import { and, asc, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from 'db';
import { appUser, auditLog } from 'db/schema';
import type { AuditRow } from '../users/schemas.js';
import { inScope } from '../users/scope.js';

export type { AuditRow };

export interface AuditFilter {
  username?: string;
  action?: string;
  /** YYYY-MM-DD, China time, inclusive. */
  from?: string;
  to?: string;
  /** Entries older than this id (the next page). */
  beforeId?: number;
  limit: number;
}

/** The first instant of a China-time calendar day, as the database compares it with `at`. */
const chinaDayStart = (day: string, plusDays = 0): SQL => sql`((${day}::date + ${plusDays}::int)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

export function auditPage(db: Queryable, scope: string, f: AuditFilter): Promise<AuditRow[]> {
  return db.orm
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      username: auditLog.username,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(appUser, eq(appUser.id, auditLog.userId))
    .where(
      and(
        or(isNull(auditLog.userId), inScope(appUser.jurisdictionCode, scope)),
        f.username === undefined ? undefined : eq(auditLog.username, f.username),
        f.action === undefined ? undefined : eq(auditLog.action, f.action),
        f.from === undefined ? undefined : sql`${auditLog.at} >= ${chinaDayStart(f.from)}`,
        f.to === undefined ? undefined : sql`${auditLog.at} < ${chinaDayStart(f.to, 1)}`,
        f.beforeId === undefined ? undefined : lt(auditLog.id, f.beforeId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}

/** The actions the log holds, for the page's filter. */
export async function auditActions(db: Queryable): Promise<string[]> {
  const rows = await db.orm.select({ action: auditLog.action }).from(auditLog).groupBy(auditLog.action).orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}
