/** Precursor-chemical firms (易制毒化学品企业): registry details. Inspections: see inspection/. */
import type { Queryable } from 'db';
import type { FirmRow } from '../inspection/schemas.js';
import { inScopeSql } from '../users/scope.js';

export async function findFirm(db: Queryable, id: number, prefix: string) {
  const [row] = await db.query<FirmRow>(
    `SELECT f.id, f.credit_code AS "creditCode", f.name, f.address, f.category, f.business, f.chemicals,
            f.licence_no AS "licenceNo", f.licence_expiry AS "licenceExpiry", f.inspection_every_days AS "inspectionEveryDays",
            f.township_code AS "townshipCode", a.name AS "townshipName", ST_X(f.geom) AS lon, ST_Y(f.geom) AS lat, f.opening_hours AS "openingHours"
     FROM firm f LEFT JOIN admin_area a ON a.code = f.township_code AND a.valid_to IS NULL
     WHERE f.id = $1 AND ${inScopeSql('f.township_code', '$2')}`,
    [id, prefix],
  );
  return row ?? null;
}
