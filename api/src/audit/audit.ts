/** The audit log: every write records who did what to which row, inside the write's own transaction. */
import type { Queryable } from 'db';
import type { SessionUser } from '../http/env.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(tx: Queryable, user: Pick<SessionUser, 'id' | 'username'> | null, e: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit_log (user_id, username, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    user?.id ?? null,
    user?.username ?? 'system',
    e.action,
    e.entity,
    e.entityId == null ? null : String(e.entityId),
    JSON.stringify(e.detail ?? {}),
  ]);
}
