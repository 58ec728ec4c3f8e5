/**
 * Inspections of precursor-chemical firms and key venues; their schedule is in schedule.ts.
 */
import type { Queryable } from 'db';
import type { InspectionRow } from './schemas.js';

export type InspectedKind = 'firm' | 'venue';

export async function inspectionsOf(db: Queryable, kind: InspectedKind, id: number, limit = 10) {
  return db.query<InspectionRow>(
    `SELECT id, inspected_on AS "inspectedOn", inspector, outcome, findings FROM inspection
     WHERE ${kind === 'firm' ? 'firm_id' : 'venue_id'} = $1 ORDER BY inspected_on DESC LIMIT $2`,
    [id, limit],
  );
}
