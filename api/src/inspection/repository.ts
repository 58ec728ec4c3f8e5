/**
 * Inspections of precursor-chemical firms and key venues. Both are inspected on a schedule:
 * next due = last inspection + the target's interval (never inspected → long overdue).
 */
import type { Queryable } from '../db/database.js';

export type InspectedKind = 'firm' | 'venue';

export async function inspectionsOf(db: Queryable, kind: InspectedKind, id: number, limit = 10) {
  return db.query<{ id: number; inspectedOn: string; inspector: string; outcome: string; findings: string }>(
    `SELECT id, inspected_on AS "inspectedOn", inspector, outcome, findings FROM inspection
     WHERE ${kind === 'firm' ? 'firm_id' : 'venue_id'} = $1 ORDER BY inspected_on DESC LIMIT $2`,
    [id, limit],
  );
}

export function nextDue(lastInspected: string | null, everyDays: number): string {
  const from = lastInspected ? new Date(lastInspected + 'T00:00:00Z') : new Date('2000-01-01T00:00:00Z');
  return new Date(from.getTime() + everyDays * 86_400_000).toISOString().slice(0, 10);
}
