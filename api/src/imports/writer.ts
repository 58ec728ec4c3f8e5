/**
 * The write of an import, inside its transaction, from the staging rows that are new or changed:
 *  - administrative areas: the current version of a changed area is closed (valid_to = the import's date) and a
 *    new version inserted, so the boundary as of any date stays answerable; a version begun the same day is
 *    replaced in place;
 *  - grid cells: the current version is copied to grid_cell_version (valid_from..the import's date) and
 *    grid_cell updated, so grid_assignment and grid_month keep pointing at the cell;
 *  - sites: updated in place (the audit entry keeps the values before);
 *  - catchments: the site's catchment replaced (the audit entry keeps the shape before).
 * Fields the file does not carry keep their stored values; new rows get the table's defaults for them.
 */
import type { Queryable } from 'db';
import { quoteIdent } from 'db';
import { columnFields, columnOf, mapped, valueOf } from './columns.js';
import type { ImportField, ImportSpec } from './specs.js';

const WRITABLE = `NOT s.bad AND s.status IN ('new', 'changed')`;

/** The stored value after the write: the file's when it has one, else the stored one (or the default for new rows). */
const merged = (f: ImportField, old: string) => `coalesce(${valueOf(f)}, ${old}.${columnOf(f)}${f.default ? `, ${f.default}` : ''})`;
const fresh = (f: ImportField) => (f.default ? `coalesce(${valueOf(f)}, ${f.default})` : valueOf(f));

async function writeAreas(tx: Queryable, spec: ImportSpec, eff: string): Promise<void> {
  const fields = columnFields(spec).filter((f) => f.name !== 'parent_code');
  // Same-day re-import: the version begun today is replaced in place.
  await tx.query(
    `UPDATE admin_area a SET ${fields.map((f) => `${columnOf(f)} = ${merged(f, 'a')}`).join(', ')}, parent_code = s.parent, geom = s.geom
     FROM import_staging s
     WHERE s.status = 'changed' AND NOT s.bad AND a.code = s.code AND a.valid_to IS NULL AND a.level = $2 AND a.valid_from >= $1::date`,
    [eff, spec.level],
  );
  await tx.query(
    `UPDATE admin_area a SET valid_to = $1::date FROM import_staging s
     WHERE s.status = 'changed' AND NOT s.bad AND a.code = s.code AND a.valid_to IS NULL AND a.level = $2 AND a.valid_from < $1::date`,
    [eff, spec.level],
  );
  await tx.query(
    `INSERT INTO admin_area (code, level, parent_code, ${fields.map(columnOf).join(', ')}, geom, valid_from)
     SELECT s.code, $2, s.parent, ${fields.map((f) => merged(f, 'o')).join(', ')}, s.geom, $1::date
     FROM import_staging s
     LEFT JOIN LATERAL (SELECT * FROM admin_area x WHERE x.code = s.code AND x.valid_to = $1::date ORDER BY x.valid_from DESC LIMIT 1) o ON true
     WHERE NOT s.bad AND (s.status = 'new' OR (s.status = 'changed' AND o.code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM admin_area c WHERE c.code = s.code AND c.valid_to IS NULL AND c.level = $2)))
     ORDER BY s.n`,
    [eff, spec.level],
  );
}

async function writeGrids(tx: Queryable, spec: ImportSpec, eff: string, importId: number): Promise<void> {
  const fields = columnFields(spec);
  await tx.query(
    `INSERT INTO grid_cell_version (code, village_code, name, households, population, geom, geom_web, geom_web_lo, label_point, valid_from, valid_to, import_id)
     SELECT g.code, g.village_code, g.name, g.households, g.population, g.geom, g.geom_web, g.geom_web_lo, g.label_point, g.valid_from, $1::date, $2
     FROM grid_cell g JOIN import_staging s ON s.code = g.code
     WHERE s.status = 'changed' AND NOT s.bad AND g.valid_from < $1::date`,
    [eff, importId],
  );
  await tx.query(
    `UPDATE grid_cell g SET ${fields.map((f) => `${columnOf(f)} = ${merged(f, 'g')}`).join(', ')}, geom = s.geom, valid_from = $1::date
     FROM import_staging s WHERE s.status = 'changed' AND NOT s.bad AND g.code = s.code`,
    [eff],
  );
  await tx.query(
    `INSERT INTO grid_cell (code, village_code, ${fields.map(columnOf).join(', ')}, geom, valid_from)
     SELECT s.code, left(s.code, 12), ${fields.map(fresh).join(', ')}, s.geom, $1::date
     FROM import_staging s WHERE s.status = 'new' AND NOT s.bad ORDER BY s.n`,
    [eff],
  );
}

/** Site columns computed from others: a checkpoint is on a border when it says which; a tracing point's plant. */
function derivedColumns(spec: ImportSpec): { column: string; value: string; when?: string }[] {
  if (spec.table === 'checkpoint') return [{ column: 'on_border', value: `(s.attrs->>'border_of') IS NOT NULL`, when: mapped({ name: 'border_of' } as ImportField) }];
  if (spec.table === 'wastewater_site') {
    return [{
      column: 'parent_site_id',
      value: `(SELECT p.id FROM wastewater_site p WHERE p.code = s.attrs->>'parent_site_code')`,
      when: mapped({ name: 'parent_site_code' } as ImportField),
    }];
  }
  return [];
}

/** Sites: the values before go into the audit entry (returned here). */
async function writeSites(tx: Queryable, spec: ImportSpec): Promise<Record<string, unknown>[]> {
  const table = quoteIdent(spec.table);
  const key = quoteIdent(spec.key);
  const fields = columnFields(spec);
  const derived = derivedColumns(spec);
  const before = await tx.query<Record<string, unknown>>(
    `SELECT to_jsonb(t) - 'geom_web' - 'catchment' - 'catchment_web' - 'geom' || jsonb_build_object('geom', ST_AsText(t.geom)) AS before
     FROM ${table} t JOIN import_staging s ON s.code = t.${key} WHERE s.status = 'changed' AND NOT s.bad ORDER BY s.n LIMIT 1000`,
  );
  await tx.query(
    `UPDATE ${table} t SET ${[
      ...fields.map((f) => `${columnOf(f)} = ${merged(f, 't')}`),
      ...derived.map((d) => `${quoteIdent(d.column)} = CASE WHEN ${d.when} THEN ${d.value} ELSE t.${quoteIdent(d.column)} END`),
    ].join(', ')}, geom = s.geom
     FROM import_staging s WHERE s.status = 'changed' AND NOT s.bad AND t.${key} = s.code`,
  );
  const insert = (where: string) =>
    tx.query(
      `INSERT INTO ${table} (${key}, ${[...fields.map(columnOf), ...derived.map((d) => quoteIdent(d.column))].join(', ')}, geom)
       SELECT s.code, ${[...fields.map(fresh), ...derived.map((d) => d.value)].join(', ')}, s.geom
       FROM import_staging s WHERE s.status = 'new' AND NOT s.bad AND ${where} ORDER BY s.n`,
    );
  // Plants before the tracing points that drain to them.
  if (spec.table === 'wastewater_site') {
    await insert(`s.attrs->>'kind' = 'plant_inlet'`);
    await insert(`s.attrs->>'kind' <> 'plant_inlet'`);
  } else await insert('true');
  return before.map((b) => b.before as Record<string, unknown>);
}

async function writeCatchments(tx: Queryable): Promise<Record<string, unknown>[]> {
  const before = await tx.query<{ code: string; catchment: string | null }>(
    `SELECT w.code, ST_AsGeoJSON(w.catchment, 7) AS catchment FROM wastewater_site w JOIN import_staging s ON s.code = w.code
     WHERE ${WRITABLE} AND w.catchment IS NOT NULL ORDER BY s.n LIMIT 1000`,
  );
  await tx.query(`UPDATE wastewater_site w SET catchment = s.geom FROM import_staging s WHERE ${WRITABLE} AND w.code = s.code`);
  return before;
}

/** Write every new and changed staging row; returns the values before of changed sites/catchments (for the audit). */
export async function writeStaged(tx: Queryable, spec: ImportSpec, eff: string, importId: number): Promise<Record<string, unknown>[]> {
  switch (spec.store) {
    case 'admin_area':
      await writeAreas(tx, spec, eff);
      return [];
    case 'grid_cell':
      await writeGrids(tx, spec, eff, importId);
      return [];
    case 'point':
      return writeSites(tx, spec);
    case 'catchment':
      return writeCatchments(tx);
  }
}
