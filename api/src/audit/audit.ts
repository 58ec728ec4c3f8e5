/** The audit log: every write records who did what to which row, inside the write's own transaction. */
import type { Queryable } from 'db';
import { auditLog } from 'db/schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

/** Who acted: a user, or (failed sign-ins) a name nobody has (id null); null itself means the system. */
export type Actor = { id: number | null; username: string } | null;

export async function recordAudit(tx: Queryable, user: Actor, e: AuditEntry): Promise<void> {
  await tx.orm.insert(auditLog).values({
    userId: user?.id ?? null,
    username: user?.username ?? 'system',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    detail: e.detail ?? {},
  });
}
