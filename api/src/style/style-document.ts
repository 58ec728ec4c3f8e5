/**
 * The offline basemap and overlay style: a MapLibre style whose every source is this API's own vector tiles.
 * No sprites, and no text of the console's layers here: the console adds its labels in the page as MapLibre symbol
 * layers with glyphs it serves itself (web/src/map/labelLayers.ts, web/build/glyphs.ts), so nothing is ever fetched
 * from outside. A real basemap (BASEMAP: a tile service or a PMTiles archive, raster or vector) goes underneath,
 * served by this API (basemap/); a vector one brings its own labels, with the same glyphs. See README "Basemaps
 * and datums".
 */
import { GLYPHS_PATH } from 'domain/glyphs';
import { DARK, INK } from 'domain/palette';
import type { BasemapPlan } from '../basemap/plan.js';
import { basemapStylePart } from '../basemap/style.js';
import type { Lang } from '../basemap/vector-style.js';
import { LAYERS } from '../layers/registry.js';
import { styleLayersOf, type Scheme } from './paint.js';

export function styleDocument(origin: string, opts: { asOf?: string; name?: string; basemap?: BasemapPlan; scheme?: Scheme; lang?: Lang } = {}) {
  const scheme = opts.scheme ?? 'light';
  const query = opts.asOf ? `?as_of=${opts.asOf}` : '';
  const sources = Object.fromEntries(
    LAYERS.map((l) => [l.id, { type: 'vector', tiles: [`${origin}/api/tiles/${l.id}/{z}/{x}/{y}.mvt${query}`], minzoom: 0, maxzoom: l.maxzoom, promoteId: undefined }]),
  );
  const basemap = opts.basemap ? basemapStylePart(opts.basemap, origin, { scheme, lang: opts.lang ?? 'zh-CN' }) : null;
  return {
    version: 8,
    name: opts.name ?? 'grid-console',
    metadata: {
      // Everything on this map is WGS84: a GCJ-02 basemap is re-aligned by the API (basemap/realign.ts).
      'gc:datum': 'WGS84',
      'gc:basemapSourceDatum': opts.basemap?.datum ?? null,
      'gc:basemapKind': opts.basemap?.kind ?? null,
      'gc:scheme': scheme,
      'gc:generated': 'api/src/style from api/src/layers; do not edit by hand',
    },
    ...(opts.basemap?.kind === 'vector' ? { glyphs: `${origin}${GLYPHS_PATH}` } : {}),
    sources: basemap ? { basemap: basemap.source, ...sources } : sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': scheme === 'dark' ? DARK.background : INK.land } },
      ...(basemap ? basemap.layers : []),
      ...LAYERS.flatMap((l) => styleLayersOf(l, scheme)),
    ],
  };
}
