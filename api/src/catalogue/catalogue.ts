/** The layer catalogue (/api/layers): definitions plus live counts and bounds within the user's jurisdiction. */
import type { Queryable } from 'db';
import { LAYERS } from '../layers/registry.js';
import type { LayerDefinition } from '../layers/types.js';
import { legendOf, themeLegendOf, themeOverlayPaintOf, themePaintOf } from '../style/paint.js';
import { inScopeSql } from '../users/scope.js';

export interface LayerStats {
  count: number;
  bounds: [number, number, number, number] | null;
}

export async function layerStats(db: Queryable, def: LayerDefinition, prefix: string): Promise<LayerStats> {
  const scope = def.scopeColumn ? inScopeSql(def.scopeColumn, '$1') : '$1::text IS NOT NULL';
  const [row] = await db.query<{ n: number; w: number | null; s: number | null; e: number | null; n2: number | null }>(
    `SELECT n, ST_XMin(ext) AS w, ST_YMin(ext) AS s, ST_XMax(ext) AS e, ST_YMax(ext) AS n2
     FROM (SELECT count(*)::int AS n, ST_Extent(${def.geometry}) AS ext FROM ${def.table} t WHERE ${def.where ?? 'true'} AND ${scope}) q`,
    [prefix],
  );
  if (!row) return { count: 0, bounds: null };
  return { count: row.n, bounds: row.w === null ? null : [row.w, row.s!, row.e!, row.n2!].map((v) => Math.round(v * 1e6) / 1e6) as LayerStats['bounds'] };
}

export function describeLayer(def: LayerDefinition, stats: LayerStats, origin: string) {
  return {
    id: def.id,
    title: def.title,
    group: def.group,
    geometryType: def.geometryType,
    minzoom: def.minzoom,
    maxzoom: def.maxzoom,
    visible: def.visible,
    clusterBelowZoom: def.clusterBelowZoom ?? null,
    labels: def.labels ?? false,
    count: stats.count,
    bounds: stats.bounds,
    fields: def.fields.map((f) => ({ name: f.name, type: f.type, title: f.title })),
    filters: def.filters ?? [],
    legend: legendOf(def),
    // How the layer is drawn while a mode is on: the console applies `paint` over the style's and shows `legend`.
    themes: (def.themes ?? []).map((th) => ({ id: th.id, legend: themeLegendOf(th), paint: themePaintOf(th), styleLayers: themeOverlayPaintOf(def, th) })),
    tiles: `${origin}/api/tiles/${def.id}/{z}/{x}/{y}.mvt`,
    ogc: `${origin}/api/ogc/collections/${def.id}`,
  };
}

export async function catalogue(db: Queryable, prefix: string, origin: string) {
  const out = [];
  for (const def of LAYERS) out.push(describeLayer(def, await layerStats(db, def, prefix), origin));
  return out;
}
