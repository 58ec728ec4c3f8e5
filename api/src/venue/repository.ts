/** Key venues (重点场所: hotels, bars, KTV, bathhouses, internet cafés, private clubs). Inspections: see inspection/. */
import type { Queryable } from 'db';
import type { VenueRow } from '../inspection/schemas.js';
import { inScopeSql } from '../users/scope.js';

export async function findVenue(db: Queryable, id: number, prefix: string) {
  const [row] = await db.query<VenueRow>(
    `SELECT v.id, v.code, v.name, v.kind, v.address, v.risk, v.inspection_every_days AS "inspectionEveryDays",
            v.township_code AS "townshipCode", a.name AS "townshipName", ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat, v.opening_hours AS "openingHours"
     FROM venue v LEFT JOIN admin_area a ON a.code = v.township_code AND a.valid_to IS NULL
     WHERE v.id = $1 AND ${inScopeSql('v.township_code', '$2')}`,
    [id, prefix],
  );
  return row ?? null;
}
