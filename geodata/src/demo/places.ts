/**
 * Seed step: administrative areas and grid cells, with geometry that tiles exactly.
 *
 * The outermost generated area gets an irregular outline; below it, each level is grown inside its parent from
 * points: the parent's points → ST_VoronoiPolygons (extended to the parent's envelope) → each cell clipped to the
 * parent. Voronoi cells cover the envelope without overlap, so the clipped cells tile the parent exactly.
 * Administrative areas are unions of many such cells ("atoms", see shapes.ts atomPartition), which lets urban
 * areas be small and borders irregular; grid cells are one cell each. One set-based statement per chunk of
 * parents; only the points are chosen in JS (deterministic across PostGIS versions, unlike ST_GeneratePoints).
 */
import type { Queryable } from 'db';
import type { SeedStep } from './context.js';
import { chunkByKey } from './bulk.js';
import { buildHierarchy, type AreaNode, type GridNode, type Hierarchy } from './hierarchy.js';
import { atomPartition, outlineRing, seedPoints, type Area, type XY } from './shapes.js';
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

/** Areas from atoms: the Voronoi cells of a child's atoms, unioned and clipped to the parent. */
const INSERT_AREAS = `
  WITH atoms AS (
    SELECT a.*, ST_SetSRID(ST_MakePoint(a.x, a.y), 4326) AS pt
    FROM jsonb_to_recordset($1::jsonb) AS a(i integer, code text, parent_code text, x float8, y float8)
  ),
  kids AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS k(code text, parent_code text, level text, name text, kind text, population integer)
  ),
  parents AS (
    SELECT code, geom FROM admin_area WHERE valid_to IS NULL AND code IN (SELECT DISTINCT parent_code FROM atoms)
  ),
  cells AS (
    SELECT pa.code AS parent_code,
      (ST_Dump(CASE WHEN count(*) = 1 THEN ST_Envelope(pa.geom)
                    ELSE ST_VoronoiPolygons(ST_Collect(a.pt), 0, ST_Envelope(pa.geom)) END)).geom AS cell
    FROM atoms a JOIN parents pa ON pa.code = a.parent_code
    GROUP BY pa.code, pa.geom
  ),
  owned AS (
    SELECT DISTINCT ON (a.i) a.code, a.parent_code, c.cell
    FROM atoms a JOIN cells c ON c.parent_code = a.parent_code AND ST_Intersects(c.cell, a.pt)
    ORDER BY a.i
  ),
  -- Union first (cells of one diagram share their edges exactly), then clip once per child.
  merged AS (
    SELECT o.code, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(ST_Union(o.cell), pa.geom)), 3)) AS geom
    FROM owned o JOIN parents pa ON pa.code = o.parent_code
    GROUP BY o.code, pa.geom
  )
  INSERT INTO admin_area (code, level, parent_code, name, kind, population, geom)
  SELECT k.code, k.level, k.parent_code, k.name, k.kind, k.population, m.geom
  FROM kids k JOIN merged m ON m.code = k.code
  ORDER BY k.code`;

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
  const centres_ = new Map<string, XY>([[root.code, size.root === 'province' ? [(size.bbox[0] + size.bbox[2]) / 2, (size.bbox[1] + size.bbox[3]) / 2] : FIRST_CITY_CENTRE]]);
  const levels: AreaNode[][] = [h.cities, h.counties, h.townships, h.villages];
  const below = levels.slice(['province', 'city', 'county'].indexOf(size.root));
  const rng = ctx.rng('seed-points');

  for (const level of below) {
    const parents = uniqueParents(level, h);
    const shapes = await areaShapes(ctx.db, parents[0]!.level);
    const atoms: { i: number; code: string; parent_code: string; x: number; y: number }[] = [];
    const kids = new Map<string, ReturnType<typeof areaRow>>();
    for (const parent of parents) {
      const fixed = parent.level === 'province' && parent.children[0]?.code === '438000000000';
      const { centres, atoms: own } = atomPartition(rng, shapes.get(parent.code)!, centres_.get(parent.code)!, parent.children);
      // The first city sits where Hengyang is, whatever the sampling would have chosen.
      if (fixed) {
        centres[0] = FIRST_CITY_CENTRE;
        own[0] = { x: FIRST_CITY_CENTRE[0], y: FIRST_CITY_CENTRE[1], child: 0 };
      }
      parent.children.forEach((c, i) => {
        centres_.set(c.code, centres[i]!);
        kids.set(c.code, areaRow(c));
      });
      for (const a of own) atoms.push({ i: atoms.length, code: parent.children[a.child]!.code, parent_code: parent.code, x: a.x, y: a.y });
    }
    for (const chunk of chunkByKey(atoms, (a) => a.parent_code, CHUNK * 4)) {
      const codes = [...new Set(chunk.map((a) => a.code))];
      await ctx.db.query(INSERT_AREAS, [JSON.stringify(chunk), JSON.stringify(codes.map((c) => kids.get(c)))]);
      tick(codes.length);
    }
  }

  // Grid cells tile their village the same way.
  const shapes = await areaShapes(ctx.db, 'village');
  const rows: ChildRow[] = [];
  for (const v of h.villages) {
    const pts = seedPoints(rng, shapes.get(v.code)!, centres_.get(v.code)!, v.grids.map(() => ({ core: false })));
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
