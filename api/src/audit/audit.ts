/** The audit log: every write records who did what to which row, inside the write's own transaction. */
import type { Queryable } from 'db';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

/** Who acted: a user, or (failed sign-ins) a name nobody has (id null); null itself means the system. */
export type Actor = { id: number | null; username: string } | null;

export async function recordAudit(tx: Queryable, user: Actor, e: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit_log (user_id, username, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    user?.id ?? null,
    user?.username ?? 'system',
    e.action,
    e.entity,
    e.entityId == null ? null : String(e.entityId),
    JSON.stringify(e.detail ?? {}),
  ]);
}
