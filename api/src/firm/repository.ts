/** Precursor-chemical firms and key venues share the inspection schedule: next due = last inspection + interval. */
import type { Queryable } from '../db/database.js';

export type InspectedKind = 'firm' | 'venue';

export async function inspectionsOf(db: Queryable, kind: InspectedKind, id: number, limit = 10) {
  return db.query<{ id: number; inspectedOn: string; inspector: string; outcome: string; findings: string }>(
    `SELECT id, inspected_on AS "inspectedOn", inspector, outcome, findings FROM inspection
     WHERE ${kind === 'firm' ? 'firm_id' : 'venue_id'} = $1 ORDER BY inspected_on DESC LIMIT $2`,
    [id, limit],
  );
}

export async function findFirm(db: Queryable, id: number, prefix: string) {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT f.id, f.credit_code AS "creditCode", f.name, f.address, f.category, f.business, f.chemicals,
            f.licence_no AS "licenceNo", f.licence_expiry AS "licenceExpiry", f.inspection_every_days AS "inspectionEveryDays",
            f.township_code AS "townshipCode", a.name AS "townshipName", ST_X(f.geom) AS lon, ST_Y(f.geom) AS lat
     FROM firm f LEFT JOIN admin_area a ON a.code = f.township_code AND a.valid_to IS NULL
     WHERE f.id = $1 AND left(f.township_code, length($2)) = $2`,
    [id, prefix],
  );
  return row ?? null;
}

export async function findVenue(db: Queryable, id: number, prefix: string) {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT v.id, v.code, v.name, v.kind, v.address, v.risk, v.inspection_every_days AS "inspectionEveryDays",
            v.township_code AS "townshipCode", a.name AS "townshipName", ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat
     FROM venue v LEFT JOIN admin_area a ON a.code = v.township_code AND a.valid_to IS NULL
     WHERE v.id = $1 AND left(v.township_code, length($2)) = $2`,
    [id, prefix],
  );
  return row ?? null;
}

export function nextDue(lastInspected: string | null, everyDays: number): string {
  const from = lastInspected ? new Date(lastInspected + 'T00:00:00Z') : new Date('2000-01-01T00:00:00Z');
  return new Date(from.getTime() + everyDays * 86_400_000).toISOString().slice(0, 10);
}
