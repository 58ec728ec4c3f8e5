/**
 * Seed step: national (G) and provincial (S) roads crossing the region, checkpoints where they cross county and
 * city borders (plus a few inside), and two years of daily checkpoint figures ending at asOf.
 *
 * Roads are drawn in JS as jittered polylines from outside one edge of the region to outside another, then
 * clipped to the outer boundary in SQL. Border crossings are found in SQL (road ∩ county boundary), so a border
 * checkpoint lies exactly on the border.
 */
import type { SeedContext, SeedStep } from './context.js';
import { insertChunks } from './bulk.js';
import { between, chance, gauss, pickWeighted, poisson, randInt, type Rng } from './rng.js';
import { regionSize, type RegionSize } from './sizes.js';
import type { XY } from './shapes.js';
import { addDays, dayList } from './dates.js';

interface RoadSpec {
  ref: string;
  name: string;
  road_class: 'expressway' | 'national' | 'provincial';
  /** 'ns' runs north–south, 'ew' east–west. */
  axis: 'ns' | 'ew';
}

const EXPRESSWAYS: RoadSpec[] = [
  { ref: 'G4', name: '京港澳高速', road_class: 'expressway', axis: 'ns' },
  { ref: 'G72', name: '泉南高速', road_class: 'expressway', axis: 'ew' },
  { ref: 'G55', name: '二广高速', road_class: 'expressway', axis: 'ns' },
  { ref: 'G60', name: '沪昆高速', road_class: 'expressway', axis: 'ew' },
  { ref: 'G65', name: '包茂高速', road_class: 'expressway', axis: 'ns' },
  { ref: 'G56', name: '杭瑞高速', road_class: 'expressway', axis: 'ew' },
];
const NATIONAL: RoadSpec[] = [
  { ref: 'G107', name: '107国道', road_class: 'national', axis: 'ns' },
  { ref: 'G322', name: '322国道', road_class: 'national', axis: 'ew' },
  { ref: 'G207', name: '207国道', road_class: 'national', axis: 'ns' },
  { ref: 'G320', name: '320国道', road_class: 'national', axis: 'ew' },
  { ref: 'G319', name: '319国道', road_class: 'national', axis: 'ns' },
  { ref: 'G209', name: '209国道', road_class: 'national', axis: 'ns' },
  { ref: 'G240', name: '240国道', road_class: 'national', axis: 'ew' },
  { ref: 'G234', name: '234国道', road_class: 'national', axis: 'ew' },
];
const PROVINCIAL: RoadSpec[] = ['S315', 'S214', 'S320', 'S208', 'S316', 'S210', 'S317', 'S211', 'S312', 'S219', 'S322', 'S206']
  .map((ref, i) => ({ ref, name: `${ref.slice(1)}省道`, road_class: 'provincial' as const, axis: i % 2 ? ('ns' as const) : ('ew' as const) }));

function roadsFor(size: RegionSize): RoadSpec[] {
  const n = { tiny: [0, 1, 1], county: [1, 2, 2], demo: [1, 2, 3], city: [2, 3, 4], province: [6, 8, 12] }[size.name] ?? [1, 2, 3];
  return [...EXPRESSWAYS.slice(0, n[0]), ...NATIONAL.slice(0, n[1]), ...PROVINCIAL.slice(0, n[2])];
}

/** A road from beyond one edge of the box to beyond the opposite one, bending gently (a random walk sideways). */
function roadLine(r: Rng, bbox: [number, number, number, number], axis: 'ns' | 'ew', via: XY | null): XY[] {
  const [x0, y0, x1, y1] = bbox;
  const w = x1 - x0, hgt = y1 - y0;
  const steps = 24;
  // Cross position: through the city centre for trunk roads (`via`), elsewhere anywhere in the middle 80 %.
  const cross = via ? (axis === 'ns' ? (via[0] - x0) / w : (via[1] - y0) / hgt) : between(r, 0.1, 0.9);
  const pts: XY[] = [];
  let drift = 0;
  for (let i = 0; i <= steps; i++) {
    const t = -0.05 + (1.1 * i) / steps;
    drift += gauss(r) * 0.012;
    drift *= 0.9;
    const side = cross + drift;
    pts.push(axis === 'ns' ? [x0 + side * w, y0 + t * hgt] : [x0 + t * w, y0 + side * hgt]);
  }
  return pts.map(([x, y]) => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7]);
}

const INSERT_ROADS = `
  INSERT INTO road (ref, name, road_class, geom)
  SELECT r.ref, r.name, r.road_class, ST_Multi(ST_CollectionExtract(ST_Intersection(ST_SetSRID(ST_GeomFromGeoJSON(r.line), 4326), a.geom), 2))
  FROM jsonb_to_recordset($1::jsonb) AS r(ref text, name text, road_class text, line text)
  JOIN admin_area a ON a.code = $2
  WHERE ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON(r.line), 4326), a.geom)`;

/** Every point where a road crosses a county boundary, with the counties (and cities) that meet there. */
const CROSSINGS = `
  WITH pts AS (
    SELECT r.ref, r.road_class, c.code AS county_code, c.parent_code AS city_code,
           (ST_Dump(ST_CollectionExtract(ST_Intersection(r.geom, ST_Boundary(c.geom)), 1))).geom AS pt
    FROM road r JOIN admin_area c ON c.level = 'county' AND c.valid_to IS NULL AND ST_Intersects(r.geom, c.geom)
  ),
  outline AS (SELECT ST_Boundary(geom) AS b FROM admin_area WHERE code = $1)
  SELECT ref, road_class, min(ST_X(pt)) AS x, min(ST_Y(pt)) AS y,
         array_agg(DISTINCT county_code ORDER BY county_code) AS counties, count(DISTINCT city_code)::int AS cities,
         bool_or(ST_DWithin(pt, outline.b, 1e-7)) AS is_outer
  FROM pts, outline
  GROUP BY ref, road_class, round(ST_X(pt)::numeric, 6), round(ST_Y(pt)::numeric, 6)
  ORDER BY ref, x, y`;

/** Points inside the region along a road, at a fraction of its longest piece, with the county they lie in. */
const INNER_POINTS = `
  SELECT q.ref, ST_X(p.pt) AS x, ST_Y(p.pt) AS y, c.code AS county_code
  FROM jsonb_to_recordset($1::jsonb) AS q(ref text, f float8)
  JOIN road r ON r.ref = q.ref
  CROSS JOIN LATERAL (
    SELECT ST_LineInterpolatePoint(d.geom, q.f) AS pt FROM ST_Dump(r.geom) d ORDER BY ST_Length(d.geom) DESC LIMIT 1
  ) p
  JOIN admin_area c ON c.level = 'county' AND c.valid_to IS NULL AND ST_Contains(c.geom, p.pt)
  ORDER BY q.ref, q.f`;

const INSERT_CHECKPOINTS = `
  INSERT INTO checkpoint (code, name, kind, road_ref, on_border, border_of, county_code, opened_on, geom)
  SELECT r.code, r.name, r.kind, r.road_ref, r.border_of IS NOT NULL, r.border_of, r.county_code, r.opened_on,
         ST_SetSRID(ST_MakePoint(r.x, r.y), 4326)
  FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, kind text, road_ref text, border_of text,
                                          county_code text, opened_on date, x float8, y float8)
  ORDER BY r.code
  RETURNING id, code`;

const INSERT_DAYS = `
  INSERT INTO checkpoint_day (checkpoint_id, day, vehicles, people, cases, precursors_kg)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(checkpoint_id bigint, day date, vehicles int, people int, cases int, precursors_kg numeric)`;

const INSERT_SEIZURES = `
  INSERT INTO checkpoint_seizure (checkpoint_id, day, drug, kg)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(checkpoint_id bigint, day date, drug text, kg numeric)`;

interface CheckpointPlan {
  code: string;
  name: string;
  kind: string;
  road_ref: string;
  road_class: string;
  border_of: string | null;
  county_code: string;
  opened_on: string;
  x: number;
  y: number;
}

export const seedRoads: SeedStep = async (ctx) => {
  const size = regionSize(ctx.size);
  const r = ctx.rng('roads');
  const [root] = await ctx.db.query<{ code: string; x: number; y: number }>(
    `SELECT code, ST_X(label_point) AS x, ST_Y(label_point) AS y FROM admin_area WHERE level = $1 AND valid_to IS NULL ORDER BY code LIMIT 1`, [size.root]);
  const [city] = await ctx.db.query<{ x: number; y: number }>(
    `SELECT ST_X(ST_Centroid(geom)) AS x, ST_Y(ST_Centroid(geom)) AS y FROM admin_area WHERE code = '438000000000'`);
  const specs = roadsFor(size);
  const roads = specs.map((s, i) => ({
    ...s,
    // The first trunk roads meet in the first city, as G107 and G322 meet in Hengyang.
    line: JSON.stringify({ type: 'LineString', coordinates: roadLine(r, size.bbox, s.axis, i < 3 ? [city!.x, city!.y] : null) }),
  }));
  await ctx.db.query(INSERT_ROADS, [JSON.stringify(roads), root!.code]);
  ctx.progress({ step: 'roads', done: 1, total: 4 });

  const plans = await planCheckpoints(ctx, r, size, root!.code);
  const inserted = await ctx.db.query<{ id: number; code: string }>(INSERT_CHECKPOINTS, [JSON.stringify(plans)]);
  ctx.progress({ step: 'roads', done: 2, total: 4 });

  const ids = new Map(inserted.map((c) => [c.code, c.id]));
  const { days, seizures } = checkpointDays(ctx.rng('checkpoint-days'), plans, ids, ctx.asOf);
  await insertChunks(ctx.db, INSERT_DAYS, days, { chunk: 20000 });
  await insertChunks(ctx.db, INSERT_SEIZURES, seizures, { chunk: 20000 });
  ctx.progress({ step: 'roads', done: 4, total: 4 });
};

async function planCheckpoints(ctx: SeedContext, r: Rng, size: RegionSize, rootCode: string): Promise<CheckpointPlan[]> {
  const crossings = await ctx.db.query<{ ref: string; road_class: string; x: number; y: number; counties: string[]; cities: number; is_outer: boolean }>(CROSSINGS, [rootCode]);
  const names = new Map((await ctx.db.query<{ code: string; name: string }>(`SELECT code, name FROM admin_area WHERE level = 'county'`)).map((c) => [c.code, c.name]));
  const outerBorder = size.root; // the region's outer boundary is a border of its root level
  const plans: Omit<CheckpointPlan, 'code'>[] = [];
  for (const c of crossings) {
    const borderOf = c.is_outer ? outerBorder : c.cities > 1 ? 'city' : 'county';
    // Every way in is covered ("four gates locked"); inner county borders only on some roads.
    const keep = borderOf === outerBorder ? true : borderOf === 'city' ? chance(r, 0.7) : chance(r, c.road_class === 'provincial' ? 0.3 : 0.5);
    if (!keep) continue;
    const county = c.counties[0]!;
    const kind = c.road_class === 'expressway' ? 'toll_station' : borderOf !== 'county' && c.road_class === 'national' ? 'drug_inspection' : 'public_security';
    plans.push({
      name: `${c.ref}${names.get(county)}${KIND_NAME[kind]}`, kind, road_ref: c.ref, road_class: c.road_class,
      border_of: borderOf, county_code: county, opened_on: openedOn(r), x: c.x, y: c.y,
    });
  }
  // A few inside: county-seat checkpoints and temporary posts along the roads.
  const refs = [...new Set(crossings.map((c) => c.ref))];
  const inner = refs.flatMap((ref) => Array.from({ length: randInt(r, 0, 2) }, () => ({ ref, f: Math.round(between(r, 0.15, 0.85) * 1e6) / 1e6 })));
  const roadClass = new Map(crossings.map((c) => [c.ref, c.road_class]));
  for (const p of await ctx.db.query<{ ref: string; x: number; y: number; county_code: string }>(INNER_POINTS, [JSON.stringify(inner)])) {
    const kind = chance(r, 0.4) ? 'temporary' : 'public_security';
    plans.push({
      name: `${p.ref}${names.get(p.county_code)}${KIND_NAME[kind]}`, kind, road_ref: p.ref, road_class: roadClass.get(p.ref)!,
      border_of: null, county_code: p.county_code, opened_on: openedOn(r), x: p.x, y: p.y,
    });
  }
  // Codes per county in plan order: CP-438021-01 …
  const seq = new Map<string, number>();
  const seenName = new Map<string, number>();
  return plans.map((p) => {
    const n = (seq.get(p.county_code) ?? 0) + 1;
    seq.set(p.county_code, n);
    const dup = (seenName.get(p.name) ?? 0) + 1;
    seenName.set(p.name, dup);
    return { ...p, code: `CP-${p.county_code.slice(0, 6)}-${String(n).padStart(2, '0')}`, name: dup > 1 ? `${p.name}${dup}` : p.name };
  });
}

const KIND_NAME: Record<string, string> = {
  public_security: '公安检查站', drug_inspection: '毒品查缉站', toll_station: '收费站查缉点', temporary: '临时查缉点',
};

const openedOn = (r: Rng) => `${randInt(r, 2012, 2023)}-${String(randInt(r, 1, 12)).padStart(2, '0')}-${String(randInt(r, 1, 28)).padStart(2, '0')}`;

const DRUGS = ['methamphetamine', 'ketamine', 'heroin', 'mdma', 'cannabis', 'other'] as const;
const DRUG_WEIGHTS = [60, 15, 10, 5, 8, 2];

/** Daily traffic with a weekly rhythm and the Spring Festival travel peak; rare cases and seizures. */
function checkpointDays(r: Rng, plans: CheckpointPlan[], ids: Map<string, number>, asOf: string) {
  const days = dayList(addDays(asOf, -729), asOf);
  const outDays: object[] = [];
  const seizures: object[] = [];
  for (const p of plans) {
    const id = ids.get(p.code)!;
    const base = { expressway: 9000, national: 2600, provincial: 1100 }[p.road_class as 'national'] * between(r, 0.6, 1.4) * (p.kind === 'temporary' ? 0.4 : 1);
    const caseRate = (p.border_of === 'province' || p.border_of === 'city' ? 0.06 : 0.025) * between(r, 0.5, 1.8);
    for (const day of days) {
      const d = new Date(day + 'T00:00:00Z');
      const dow = d.getUTCDay();
      const md = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
      const festival = md >= 120 && md <= 225 ? 1.35 : md >= 1001 && md <= 1007 ? 1.25 : 1;
      const weekly = dow === 5 || dow === 0 ? 1.15 : dow === 6 ? 1.08 : 1;
      const vehicles = Math.max(0, Math.round(base * weekly * festival * (1 + 0.1 * gauss(r))));
      const people = Math.round(vehicles * between(r, 1.4, 1.9));
      const cases = poisson(r, caseRate);
      const precursors = chance(r, 0.004) ? Math.round(between(r, 5, 400) * 1000) / 1000 : 0;
      outDays.push({ checkpoint_id: id, day, vehicles, people, cases, precursors_kg: precursors });
      if (cases > 0 && chance(r, 0.5)) {
        const drug = pickWeighted(r, DRUGS, DRUG_WEIGHTS);
        const kg = chance(r, 0.05) ? between(r, 2, 20) : Math.exp(between(r, Math.log(0.005), Math.log(1.5)));
        seizures.push({ checkpoint_id: id, day, drug, kg: Math.max(0.001, Math.round(kg * 1000) / 1000) });
      }
    }
  }
  return { days: outDays, seizures };
}
