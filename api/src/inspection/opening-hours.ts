/**
 * Office staff keep the opening hours of firms and venues: parsed by domain/patrol/hours.ts (so the plan reads what
 * is stored), stored in the canonical spelling, audited with the value before and after, in one transaction.
 */
import type { Queryable } from 'db';
import { recordAudit } from '../audit/audit.js';
import type { SessionUser } from '../http/env.js';
import type { InspectedKind } from './repository.js';
import { inScopeSql } from '../users/scope.js';

// One statement per table (the table name is not a parameter); the scope check is in the WHERE.
const UPDATE_HOURS: Record<InspectedKind, string> = {
  firm: `UPDATE firm t SET opening_hours = $3 FROM (SELECT opening_hours FROM firm WHERE id = $1 FOR UPDATE) old
         WHERE t.id = $1 AND ${inScopeSql('t.township_code', '$2')} RETURNING old.opening_hours AS before`,
  venue: `UPDATE venue t SET opening_hours = $3 FROM (SELECT opening_hours FROM venue WHERE id = $1 FOR UPDATE) old
          WHERE t.id = $1 AND ${inScopeSql('t.township_code', '$2')} RETURNING old.opening_hours AS before`,
};

/** Sets (or clears, with null) the canonical hours; false when the target is not in the user's jurisdiction. */
export async function setOpeningHours(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  user: SessionUser,
  kind: InspectedKind,
  id: number,
  canonical: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ before: string | null }>(UPDATE_HOURS[kind], [id, user.scopePrefix, canonical]);
    if (!row) return false;
    await recordAudit(tx, user, { action: 'opening_hours.set', entity: kind, entityId: id, detail: { before: row.before, after: canonical } });
    return true;
  });
}
