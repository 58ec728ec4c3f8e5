/** Checkpoints and their daily figures (vehicles, people, cases, seizures by drug in kg, precursors). */
import type { Queryable } from 'db';
import type { CheckpointDay, CheckpointRow } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export async function findCheckpoint(db: Queryable, id: number, prefix: string) {
  const [row] = await db.query<CheckpointRow>(
    `SELECT c.id, c.code, c.name, c.kind, c.road_ref AS "roadRef", c.on_border AS "onBorder", c.border_of AS "borderOf",
            c.county_code AS "countyCode", a.name AS "countyName", c.opened_on AS "openedOn",
            ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat
     FROM checkpoint c LEFT JOIN admin_area a ON a.code = c.county_code AND a.valid_to IS NULL
     WHERE c.id = $1 AND ${inScopeSql('c.county_code', '$2')}`,
    [id, prefix],
  );
  return row ?? null;
}

/** The last `days` days that have figures, newest last, with seizures per drug. */
export async function checkpointDays(db: Queryable, id: number, days: number) {
  return db.query<CheckpointDay>(
    `SELECT d.day, d.vehicles, d.people, d.cases, d.precursors_kg AS "precursorsKg",
            coalesce((SELECT jsonb_object_agg(s.drug, s.kg) FROM checkpoint_seizure s WHERE s.checkpoint_id = d.checkpoint_id AND s.day = d.day), '{}'::jsonb) AS seizures
     FROM checkpoint_day d
     WHERE d.checkpoint_id = $1 AND d.day > (SELECT max(day) FROM checkpoint_day WHERE checkpoint_id = $1) - $2::int
     ORDER BY d.day`,
    [id, days],
  );
}
