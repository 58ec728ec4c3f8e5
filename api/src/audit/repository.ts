/**
 * Reading the audit log (the administrators' audit page): newest first, filtered by user, action and a range of
 * China-time dates, paged by id. An administrator sees what users inside their jurisdiction did, and entries with
 * no user behind them (the system; sign-in attempts with unknown names).
 */
import type { Queryable } from 'db';

export interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  username: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

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

const AUDIT_PAGE = `
  SELECT a.id, a.at, a.user_id AS "userId", a.username, a.action, a.entity, a.entity_id AS "entityId", a.detail
    FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id
   WHERE (a.user_id IS NULL OR left(u.jurisdiction_code, length($1::text)) = $1::text)
     AND ($2::text IS NULL OR a.username = $2)
     AND ($3::text IS NULL OR a.action = $3)
     AND ($4::date IS NULL OR a.at >= ($4::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
     AND ($5::date IS NULL OR a.at < ($5::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
     AND ($6::bigint IS NULL OR a.id < $6)
   ORDER BY a.id DESC
   LIMIT $7`;

export function auditPage(db: Queryable, scope: string, f: AuditFilter): Promise<AuditRow[]> {
  return db.query<AuditRow>(AUDIT_PAGE, [scope, f.username ?? null, f.action ?? null, f.from ?? null, f.to ?? null, f.beforeId ?? null, f.limit]);
}

/** The actions the log holds, for the page's filter. */
export async function auditActions(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ action: string }>('SELECT action FROM audit_log GROUP BY action ORDER BY action');
  return rows.map((r) => r.action);
}
