/**
 * Seed step: administrative areas and grid cells, with geometry that tiles exactly.
 *
 * The outermost generated area gets an irregular outline; below it, each level is grown inside its parent from
 * one seed point per child: the parent's points → ST_VoronoiPolygons (extended to the parent's envelope) → each
 * cell clipped to the parent. Voronoi cells cover the envelope without overlap, so the clipped cells tile the
 * parent exactly. One set-based statement per chunk of parents; only the seed points are chosen in JS
 * (deterministic across PostGIS versions, unlike ST_GeneratePoints).
 */
import type { Queryable } from 'api/src/db/database.js';
import type { SeedStep } from './context.js';
import { chunkByKey } from './bulk.js';
import { buildHierarchy, type AreaNode, type GridNode, type Hierarchy } from './hierarchy.js';
import { outlineRing, seedPoints, type Area, type XY } from './shapes.js';
import { FIRST_CITY_CENTRE, regionSize } from './sizes.js';

interface ChildRow {
  code: string;
  parent_code: string;
  level?: string;
  name: string;
  kind?: string | null;
  population: number;
  households?: number;
  x: number;
  y: number;
}

/** Voronoi cells of a chunk of parents' seed points, each matched to its point and clipped to its parent. */
const CELLS = `
  pts AS (
    SELECT r.*, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326) AS pt
    FROM jsonb_to_recordset($1::jsonb) AS r(code text, parent_code text, level text, name text, kind text,
                                            population integer, households integer, x float8, y float8)
  ),
  parents AS (
    SELECT code, geom FROM admin_area WHERE valid_to IS NULL AND code IN (SELECT DISTINCT parent_code FROM pts)
  ),
  cells AS (
    SELECT pa.code AS parent_code,
      (ST_Dump(CASE WHEN count(*) = 1 THEN ST_Envelope(pa.geom)
                    ELSE ST_VoronoiPolygons(ST_Collect(p.pt), 0, ST_Envelope(pa.geom)) END)).geom AS cell
    FROM pts p JOIN parents pa ON pa.code = p.parent_code
    GROUP BY pa.code, pa.geom
  ),
  clipped AS (
    SELECT DISTINCT ON (p.code) p.*,
      ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(c.cell, pa.geom)), 3)) AS geom
    FROM pts p
    JOIN parents pa ON pa.code = p.parent_code
    JOIN cells c ON c.parent_code = p.parent_code AND ST_Intersects(c.cell, p.pt)
    ORDER BY p.code
  )`;

const INSERT_AREAS = `WITH ${CELLS}
  INSERT INTO admin_area (code, level, parent_code, name, kind, population, geom)
  SELECT code, level, parent_code, name, kind, population, geom FROM clipped ORDER BY code`;

const INSERT_GRIDS = `WITH ${CELLS}
  INSERT INTO grid_cell (code, village_code, name, households, population, geom)
  SELECT code, parent_code, name, households, population, geom FROM clipped ORDER BY code`;

const INSERT_ROOT = `
  INSERT INTO admin_area (code, level, parent_code, name, kind, population, geom)
  SELECT r.code, r.level, r.parent_code, r.name, r.kind, r.population, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))
  FROM jsonb_to_recordset($1::jsonb) AS r(code text, level text, parent_code text, name text, kind text, population integer)`;

/** Current shapes of a level as GeoJSON (9 decimals: rounding stays far below a millimetre). */
export async function areaShapes(db: Queryable, level: string): Promise<Map<string, Area>> {
  const rows = await db.query<{ code: string; g: string }>(
    'SELECT code, ST_AsGeoJSON(geom, 9) AS g FROM admin_area WHERE level = $1 AND valid_to IS NULL', [level]);
  return new Map(rows.map((r) => [r.code, JSON.parse(r.g) as Area]));
}

const CHUNK = 4000;

export const seedPlaces: SeedStep = async (ctx) => {
  const size = regionSize(ctx.size);
  const h = buildHierarchy(size, ctx.seed);
  const total = 1 + h.cities.length + h.counties.length + h.townships.length + h.villages.length + h.grids.length;
  let done = 0;
  const tick = (n: number) => ctx.progress({ step: 'places', done: (done += n), total });

  // The outer boundary belongs to the root level; its ancestors (one chain of single parents) share it.
  const rootNodes: AreaNode[] = size.root === 'province' ? [h.province] : size.root === 'city' ? [h.province, h.cities[0]!] : [h.province, h.cities[0]!, h.counties[0]!];
  const outline = { type: 'Polygon', coordinates: [outlineRing(ctx.rng('outline'), size.bbox, size.outlineVertices)] };
  await ctx.db.query(INSERT_ROOT, [JSON.stringify(rootNodes.map(areaRow)), JSON.stringify(outline)]);
  tick(rootNodes.length);

  // The centre of every area is the seed point it grew from: children's urban cores cluster around it.
  const root = rootNodes[rootNodes.length - 1]!;
  const centres = new Map<string, XY>([[root.code, size.root === 'province' ? [(size.bbox[0] + size.bbox[2]) / 2, (size.bbox[1] + size.bbox[3]) / 2] : FIRST_CITY_CENTRE]]);
  const levels: AreaNode[][] = [h.cities, h.counties, h.townships, h.villages];
  const below = levels.slice(['province', 'city', 'county'].indexOf(size.root));
  const rng = ctx.rng('seed-points');

  for (const level of below) {
    const parents = uniqueParents(level, h);
    const shapes = await areaShapes(ctx.db, parents[0]!.level);
    const rows: ChildRow[] = [];
    for (const parent of parents) {
      const pts = seedPoints(rng, shapes.get(parent.code)!, centres.get(parent.code)!, parent.children);
      // The first city sits where Hengyang is, whatever the sampling would have chosen.
      if (parent.level === 'province' && parent.children[0]?.code === '438000000000') pts[0] = FIRST_CITY_CENTRE;
      parent.children.forEach((c, i) => {
        centres.set(c.code, pts[i]!);
        rows.push({ ...areaRow(c), parent_code: parent.code, x: pts[i]![0], y: pts[i]![1] });
      });
    }
    for (const chunk of chunkByKey(rows, (r) => r.parent_code, CHUNK)) {
      await ctx.db.query(INSERT_AREAS, [JSON.stringify(chunk)]);
      tick(chunk.length);
    }
  }

  // Grid cells tile their village the same way.
  const shapes = await areaShapes(ctx.db, 'village');
  const rows: ChildRow[] = [];
  for (const v of h.villages) {
    const pts = seedPoints(rng, shapes.get(v.code)!, centres.get(v.code)!, v.grids.map(() => ({ core: false })));
    v.grids.forEach((g, i) => rows.push(gridRow(g, pts[i]!)));
  }
  for (const chunk of chunkByKey(rows, (r) => r.parent_code, CHUNK)) {
    await ctx.db.query(INSERT_GRIDS, [JSON.stringify(chunk)]);
    tick(chunk.length);
  }
};

function areaRow(a: AreaNode) {
  return { code: a.code, level: a.level, parent_code: a.parentCode, name: a.name, kind: a.kind, population: a.population };
}

function gridRow(g: GridNode, p: XY): ChildRow {
  return { code: g.code, parent_code: g.villageCode, name: g.name, population: g.population, households: g.households, x: p[0], y: p[1] };
}

/** The parents of a level's nodes, in code order. */
function uniqueParents(level: AreaNode[], h: Hierarchy): AreaNode[] {
  const all = new Map([h.province, ...h.cities, ...h.counties, ...h.townships].map((a) => [a.code, a]));
  const seen = new Set<string>();
  const out: AreaNode[] = [];
  for (const n of level) if (!seen.has(n.parentCode!)) {
    seen.add(n.parentCode!);
    out.push(all.get(n.parentCode!)!);
  }
  return out;
}
