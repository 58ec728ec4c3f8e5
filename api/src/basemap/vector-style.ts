/**
 * A readable default style for a vector basemap, generated from the archive's own description (metadata
 * vector_layers, and tilestats' geometry when present): a fill for polygons, a line for lines, a label for each
 * layer with a name field. Each layer is classed by its name (water, vegetation, buildings, roads, boundaries,
 * anything else) for its ink, and every ink is muted (domain/palette BASEMAP_INK) so that the console's layers drawn
 * above stay the ones that read. The labels use the console's own glyphs, and, sitting below the console's layers,
 * they are placed after the console's labels and give way to them (MapLibre places symbols top-down).
 */
import { BASEMAP_INK } from 'domain/palette';
import { FONTSTACK_REGULAR } from 'domain/glyphs';
import type { Scheme } from '../style/paint.js';
import type { VectorLayerInfo } from './archive.js';

/** The console's languages, as /api/style.json?lang= names them. */
export type Lang = 'zh-CN' | 'en';
type Json = Record<string, unknown>;
type Role = 'water' | 'green' | 'building' | 'road' | 'boundary' | 'other';

/** The id of the basemap's one source in the console's style. */
export const BASEMAP_SOURCE = 'basemap';
const META = { 'gc:group': 'basemap' };

/** Layer names as the common schemas (OpenMapTiles, Protomaps, Shortbread, OSM exports, our own export) spell them. */
const ROLES: [Role, RegExp][] = [
  ['water', /water|ocean|sea|lake|river|stream|canal|reservoir|水/i],
  ['boundary', /boundar|admin|countr|province|count(y|ies)|district|township|village|town|边界|行政/i],
  ['road', /road|transport|highway|street|railway|rail|path|track|bridge|tunnel|道路|公路/i],
  ['building', /building|建筑/i],
  ['green', /park|landcover|landuse|wood|forest|grass|green|natural|farm|绿/i],
];

export function roleOf(layerId: string): Role {
  return ROLES.find(([, re]) => re.test(layerId))?.[0] ?? 'other';
}

/** Name attributes in order of preference per language; the first the layer has is drawn, falling back down the list. */
const NAME_FIELDS: Record<Lang, string[]> = {
  'zh-CN': ['name:zh', 'name_zh', 'name:zh-Hans', 'name', 'NAME', 'Name', '名称', 'name:en', 'name_en'],
  en: ['name:en', 'name_en', 'name_int', 'name:latin', 'name', 'NAME', 'Name', '名称'],
};

export function nameExpression(fields: Record<string, string>, lang: Lang): unknown[] | null {
  const present = NAME_FIELDS[lang].filter((f) => f in fields);
  if (!present.length) return null;
  return present.length === 1 ? ['get', present[0]] : ['coalesce', ...present.map((f) => ['get', f])];
}

const isGeometry = (...types: string[]) => ['match', ['geometry-type'], types, true, false];
const POLYGON = isGeometry('Polygon', 'MultiPolygon');
const LINE = isGeometry('LineString', 'MultiLineString');
const NOT_LINE = ['!', LINE];

// No maxzoom on a layer: past the archive's last zoom MapLibre over-zooms its tiles, and the basemap should stay.

const ROAD_CORE_MINZOOM = 12;

/** Line width by zoom: hairlines on a county overview, a few pixels in a street view (phone and wall alike). */
const width = (z8: number, z16: number) => ['interpolate', ['exponential', 1.5], ['zoom'], 8, z8, 16, z16];

function base(l: VectorLayerInfo, suffix: string, type: string, filter: unknown): Json {
  return { id: `basemap-${l.id}-${suffix}`, type, source: BASEMAP_SOURCE, 'source-layer': l.id, ...(l.minzoom !== undefined ? { minzoom: l.minzoom } : {}), filter, metadata: META };
}

const has = (l: VectorLayerInfo, g: NonNullable<VectorLayerInfo['geometry']>) => !l.geometry || l.geometry === g;

function fill(l: VectorLayerInfo, scheme: Scheme): Json | null {
  if (!has(l, 'Polygon')) return null;
  const ink = BASEMAP_INK[scheme];
  const role = roleOf(l.id);
  // Areas that only frame others (administrative polygons) get an outline, not a fill: stacked fills would darken.
  if (role === 'boundary' || role === 'road') return null;
  const colour = role === 'water' ? ink.water : role === 'green' ? ink.green : role === 'building' ? ink.building : ink.land;
  return { ...base(l, 'fill', 'fill', POLYGON), paint: { 'fill-color': colour, 'fill-opacity': role === 'other' ? 0.6 : 1 } };
}

function lines(l: VectorLayerInfo, scheme: Scheme): Json[] {
  const ink = BASEMAP_INK[scheme];
  const role = roleOf(l.id);
  const round = { 'line-cap': 'round', 'line-join': 'round' };
  if (role === 'boundary') {
    // Lines and the outlines of administrative polygons alike.
    if (!has(l, 'Polygon') && !has(l, 'LineString')) return [];
    return [{ ...base(l, 'boundary', 'line', ['!', isGeometry('Point', 'MultiPoint')]), layout: round, paint: { 'line-color': ink.boundary, 'line-width': width(0.6, 1.4), 'line-dasharray': [3, 2] } }];
  }
  if (!has(l, 'LineString')) return [];
  if (role === 'road') {
    // A plain line while roads are thin (a white core would leave only hairline edges), a cased road from zoom 12.
    const core = { ...base(l, 'line', 'line', LINE), minzoom: Math.max(l.minzoom ?? 0, ROAD_CORE_MINZOOM) };
    return [
      { ...base(l, 'casing', 'line', LINE), layout: round, paint: { 'line-color': ink.roadCasing, 'line-width': width(1, 10) } },
      { ...core, layout: round, paint: { 'line-color': ink.road, 'line-width': width(0.3, 7.5) } },
    ];
  }
  return [{ ...base(l, 'line', 'line', LINE), layout: round, paint: { 'line-color': role === 'water' ? ink.water : ink.line, 'line-width': width(0.5, 2.5) } }];
}

function labels(l: VectorLayerInfo, scheme: Scheme, lang: Lang): Json[] {
  const name = nameExpression(l.fields, lang);
  if (!name) return [];
  const ink = BASEMAP_INK[scheme];
  const text = { 'text-field': name, 'text-font': [FONTSTACK_REGULAR], 'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 16, 14] };
  const paint = { 'text-color': ink.text, 'text-halo-color': ink.halo, 'text-halo-width': 1.4 };
  const out: Json[] = [];
  if (has(l, 'LineString')) {
    out.push({ ...base(l, 'line-label', 'symbol', LINE), layout: { ...text, 'symbol-placement': 'line', 'text-padding': 2 }, paint });
  }
  if (has(l, 'Point') || has(l, 'Polygon')) {
    out.push({ ...base(l, 'label', 'symbol', NOT_LINE), layout: { ...text, 'text-max-width': 8, 'text-padding': 3 }, paint });
  }
  return out;
}

/**
 * The style layers drawing a vector basemap, in order: fills of every layer, then lines (roads above water and
 * other lines, boundaries on top), then labels. All read source BASEMAP_SOURCE.
 */
export function generatedBasemapLayers(layers: readonly VectorLayerInfo[], scheme: Scheme, lang: Lang): Json[] {
  const fills = layers.map((l) => fill(l, scheme)).filter((x): x is Json => !!x);
  const byRole = (r: (role: Role) => boolean) => layers.filter((l) => r(roleOf(l.id))).flatMap((l) => lines(l, scheme));
  const drawnLines = [...byRole((r) => r !== 'road' && r !== 'boundary'), ...byRole((r) => r === 'road'), ...byRole((r) => r === 'boundary')];
  return [...fills, ...drawnLines, ...layers.flatMap((l) => labels(l, scheme, lang))];
}
