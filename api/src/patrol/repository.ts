/**
 * What the patrol needs from the database: the firms and venues in a jurisdiction with their last inspection,
 * the county seat the day starts from. Scoring and routing are in domain/patrol; recording an inspection is in
 * checkin.ts; this file only reads rows.
 */
import type { Queryable } from 'db';
import type { LonLat, Outcome, PatrolTarget, Risk, TargetKind } from 'domain/patrol';
import { inScopeSql } from '../users/scope.js';

export interface PatrolRow extends PatrolTarget {
  address: string;
  townshipCode: string;
  townshipName: string | null;
  /** Venues: hotel, ktv, …; firms: producer, trader, user. */
  subKind: string;
  /** Canonical opening hours (domain/patrol/hours.ts), null when not known. */
  openingHours: string | null;
}

// The latest inspection per target (ties on the same day: the later row), as in the firms/venues tile layers.
const LAST = (col: 'firm_id' | 'venue_id', alias: string) => `
  LEFT JOIN LATERAL (SELECT i.inspected_on, i.outcome FROM inspection i WHERE i.${col} = ${alias}.id
                     ORDER BY i.inspected_on DESC, i.id DESC LIMIT 1) li ON true
  LEFT JOIN admin_area a ON a.code = ${alias}.township_code AND a.valid_to IS NULL`;

const TARGETS_SQL = `
  SELECT 'firm' AS kind, f.id, f.name, f.address, f.township_code AS "townshipCode", a.name AS "townshipName",
         f.business AS "subKind", f.category::int AS category, f.licence_expiry AS "licenceExpiry", NULL AS risk,
         f.inspection_every_days AS "everyDays", li.inspected_on AS "lastInspectedOn", li.outcome AS "lastOutcome",
         ST_X(f.geom) AS lon, ST_Y(f.geom) AS lat, f.opening_hours AS "openingHours"
  FROM firm f ${LAST('firm_id', 'f')}
  WHERE ${inScopeSql('f.township_code', '$1')}
  UNION ALL
  SELECT 'venue', v.id, v.name, v.address, v.township_code, a.name, v.kind, NULL, NULL, v.risk,
         v.inspection_every_days, li.inspected_on, li.outcome, ST_X(v.geom), ST_Y(v.geom), v.opening_hours
  FROM venue v ${LAST('venue_id', 'v')}
  WHERE ${inScopeSql('v.township_code', '$1')}`;

type RawRow = Omit<PatrolRow, 'category' | 'risk' | 'lastOutcome'> & { category: number | null; risk: string | null; lastOutcome: string | null };

/** Firms and venues whose township lies under the scope prefix, with their latest inspection. */
export async function patrolTargets(db: Queryable, scopePrefix: string): Promise<PatrolRow[]> {
  const rows = await db.query<RawRow>(TARGETS_SQL, [scopePrefix]);
  return rows.map((r) => ({
    ...r,
    category: (r.category as 1 | 2 | 3 | null) ?? null,
    risk: (r.risk as Risk | null) ?? null,
    lastOutcome: (r.lastOutcome as Outcome | null) ?? null,
  }));
}

/** One target, only if it lies in the scope; null otherwise (the caller answers 404 without saying why). */
export async function patrolTarget(db: Queryable, kind: TargetKind, id: number, scopePrefix: string): Promise<PatrolRow | null> {
  const rows = await db.query<RawRow>(`SELECT * FROM (${TARGETS_SQL}) t WHERE t.kind = $2 AND t.id = $3`, [scopePrefix, kind, id]);
  const r = rows[0];
  return r ? { ...r, category: (r.category as 1 | 2 | 3 | null) ?? null, risk: (r.risk as Risk | null) ?? null, lastOutcome: (r.lastOutcome as Outcome | null) ?? null } : null;
}

/**
 * The county seat a day's patrol starts from: the label point of the user's county (for a township or village
 * user, the county above; for a city or province user, their own area's label point).
 */
export async function countySeat(db: Queryable, jurisdictionCode: string): Promise<{ code: string; name: string; lonLat: LonLat } | null> {
  const county = /^\d{6}0{6}$/.test(jurisdictionCode) || /^\d{4}0{8}$/.test(jurisdictionCode) ? jurisdictionCode : jurisdictionCode.slice(0, 6) + '000000';
  const [row] = await db.query<{ code: string; name: string; lon: number; lat: number }>(
    `SELECT code, name, ST_X(p) AS lon, ST_Y(p) AS lat
     FROM (SELECT code, name, coalesce(label_point, ST_PointOnSurface(geom)) AS p FROM admin_area
           WHERE code = $1 AND valid_to IS NULL) s`,
    [county],
  );
  return row ? { code: row.code, name: row.name, lonLat: [row.lon, row.lat] } : null;
}
