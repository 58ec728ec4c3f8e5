/**
 * Recording an inspection with its check-in: where and when it was recorded (the phone's position and accuracy,
 * the server's clock), the distance from the site computed by PostGIS on the spheroid, and a flag for the office
 * when that distance is beyond the configured limit (flagged, never refused). A form sent again with the same
 * client id returns the row of the first one: counted once, audited once.
 */
import type { Queryable } from 'db';
import type { Outcome, TargetKind } from 'domain/patrol';
import { recordAudit } from '../audit/audit.js';
import type { SessionUser } from '../http/env.js';
import { patrolTarget, type PatrolRow } from './repository.js';
import type { CheckIn, FlaggedCheckIn } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export type PositionStatus = 'fix' | 'no_fix' | 'not_given';

export interface InspectionInput {
  kind: TargetKind;
  id: number;
  inspectedOn: string;
  outcome: Outcome;
  findings: string;
  clientId: string | null;
  /** undefined: the client did not say (older forms); null: the phone had no fix. */
  position: { lon: number; lat: number; accuracyM: number } | null | undefined;
}

export type { CheckIn };

// Raw SQL, not drizzle on the declared table: the distance to the site and the far-from-site flag are computed by
// PostGIS from the site's geometry in the same statement that writes the row.
// $1 firm id, $2 venue id, … $9/$10 lon/lat (NULL: no position), $13 the far-from-site limit in metres.
// ON CONFLICT (client_id): a resent form inserts nothing and RETURNING is empty; the caller reads the first row.
const INSERT_INSPECTION = `
  WITH site AS (SELECT geom::geography AS g FROM firm WHERE id = $1 UNION ALL SELECT geom::geography FROM venue WHERE id = $2),
       pos AS (SELECT CASE WHEN $9::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($9::float8, $10::float8), 4326)::geography END AS g)
  INSERT INTO inspection (firm_id, venue_id, inspected_on, inspector, outcome, findings, client_id, recorded_by, recorded_at,
                          position, position_accuracy_m, position_status, distance_m, far_from_site)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, now(), pos.g, $11, $12, ST_Distance(pos.g, site.g),
         coalesce(NOT ST_DWithin(pos.g, site.g, $13::float8), false)
  FROM site, pos
  ON CONFLICT (client_id) DO NOTHING
  RETURNING id`;

const CHECKIN_OF = `
  SELECT id, firm_id AS "firmId", venue_id AS "venueId", recorded_at AS "recordedAt", position_status AS "positionStatus",
         position_accuracy_m AS "accuracyM", distance_m AS "distanceM", far_from_site AS "farFromSite"
  FROM inspection WHERE `;

interface CheckInRow extends CheckIn {
  id: number;
  firmId: number | null;
  venueId: number | null;
}

const toCheckIn = (r: CheckInRow): CheckIn => ({
  recordedAt: new Date(r.recordedAt).toISOString(),
  positionStatus: r.positionStatus,
  accuracyM: r.accuracyM,
  distanceM: r.distanceM === null ? null : Math.round(r.distanceM),
  farFromSite: r.farFromSite,
});

export type RecordResult =
  | { status: 'created' | 'duplicate'; id: number; target: PatrolRow; checkIn: CheckIn }
  | { status: 'not_found' }
  /** The client id was used before for another target: a client bug, refused rather than guessed. */
  | { status: 'client_id_reused' };

/** Records an inspection, its check-in and its audit entry in one transaction, or finds the one sent before. */
export async function recordInspection(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  user: SessionUser,
  input: InspectionInput,
  farFromSiteM: number,
): Promise<RecordResult> {
  return db.transaction(async (tx): Promise<RecordResult> => {
    const target = await patrolTarget(tx, input.kind, input.id, user.scopePrefix);
    if (!target) return { status: 'not_found' };
    const p = input.position;
    const status: PositionStatus = p ? 'fix' : p === null ? 'no_fix' : 'not_given';
    const [inserted] = await tx.query<{ id: number }>(INSERT_INSPECTION, [
      input.kind === 'firm' ? input.id : null, input.kind === 'venue' ? input.id : null, input.inspectedOn,
      user.displayName || user.username, input.outcome, input.findings, input.clientId, user.username,
      p?.lon ?? null, p?.lat ?? null, p?.accuracyM ?? null, status, farFromSiteM,
    ]);
    if (!inserted) {
      const [first] = await tx.query<CheckInRow>(`${CHECKIN_OF} client_id = $1`, [input.clientId]);
      const sameTarget = first && (input.kind === 'firm' ? first.firmId : first.venueId) === input.id;
      if (!first || !sameTarget) return { status: 'client_id_reused' };
      return { status: 'duplicate', id: first.id, target, checkIn: toCheckIn(first) };
    }
    const [row] = await tx.query<CheckInRow>(`${CHECKIN_OF} id = $1`, [inserted.id]);
    const checkIn = toCheckIn(row!);
    await recordAudit(tx, user, {
      action: 'inspection.record',
      entity: input.kind,
      entityId: input.id,
      detail: {
        inspection_id: inserted.id, inspected_on: input.inspectedOn, outcome: input.outcome, client_id: input.clientId,
        position_status: checkIn.positionStatus, distance_m: checkIn.distanceM, far_from_site: checkIn.farFromSite,
      },
    });
    const after = await patrolTarget(tx, input.kind, input.id, user.scopePrefix);
    return { status: 'created', id: inserted.id, target: after!, checkIn };
  });
}

export type { FlaggedCheckIn };

// Check-ins recorded farther than the limit from their site, in the jurisdiction, newest first.
const FLAGGED = `
  SELECT i.id, CASE WHEN i.firm_id IS NULL THEN 'venue' ELSE 'firm' END AS kind, coalesce(i.firm_id, i.venue_id) AS "targetId",
         coalesce(f.name, v.name) AS "targetName", a.name AS "townshipName", i.inspector, i.inspected_on::text AS "inspectedOn",
         i.recorded_at AS "recordedAt", round(i.distance_m)::int AS "distanceM", i.position_accuracy_m AS "accuracyM"
  FROM inspection i
  LEFT JOIN firm f ON f.id = i.firm_id
  LEFT JOIN venue v ON v.id = i.venue_id
  LEFT JOIN admin_area a ON a.code = coalesce(f.township_code, v.township_code) AND a.valid_to IS NULL
  WHERE i.far_from_site AND i.recorded_at >= $2 AND i.recorded_at < $3
    AND ${inScopeSql('coalesce(f.township_code, v.township_code)', '$1')}
  ORDER BY i.recorded_at DESC LIMIT $4`;

export async function flaggedCheckIns(db: Queryable, scopePrefix: string, since: Date, until: Date, limit: number): Promise<FlaggedCheckIn[]> {
  const rows = await db.query<FlaggedCheckIn>(FLAGGED, [scopePrefix, since.toISOString(), until.toISOString(), limit]);
  return rows.map((r) => ({ ...r, id: Number(r.id), targetId: Number(r.targetId), recordedAt: new Date(r.recordedAt).toISOString() }));
}
