/**
 * The offline basemap and overlay style: a MapLibre style whose every source is this API's own vector tiles.
 * No glyphs, sprites or text layers here: the console adds its labels in the page as MapLibre symbol layers with
 * glyphs it serves itself (web/src/map/labelLayers.ts, web/build/glyphs.ts), so nothing is ever fetched from
 * outside. A real basemap (tile service or PMTiles) can be put underneath by the web app's basemap setting; see
 * README "Basemaps and datums".
 */
import { DARK, INK } from 'domain/palette';
import { LAYERS } from '../layers/registry.js';
import { styleLayersOf, type Scheme } from './paint.js';

export interface StyleBasemap {
  /** Where the basemap came from and its datum; the tiles we serve from it are always WGS84-aligned. */
  sourceDatum: 'wgs84' | 'gcj02';
  attribution: string;
  maxzoom: number;
}

export function styleDocument(origin: string, opts: { asOf?: string; name?: string; basemap?: StyleBasemap; scheme?: Scheme } = {}) {
  const scheme = opts.scheme ?? 'light';
  const query = opts.asOf ? `?as_of=${opts.asOf}` : '';
  const sources = Object.fromEntries(
    LAYERS.map((l) => [l.id, { type: 'vector', tiles: [`${origin}/api/tiles/${l.id}/{z}/{x}/{y}.mvt${query}`], minzoom: 0, maxzoom: l.maxzoom, promoteId: undefined }]),
  );
  const basemap = opts.basemap
    ? {
        source: { type: 'raster', tiles: [`${origin}/api/basemap/{z}/{x}/{y}.png`], tileSize: 256, maxzoom: opts.basemap.maxzoom, attribution: opts.basemap.attribution },
        layer: { id: 'basemap', type: 'raster', source: 'basemap', metadata: { 'gc:group': 'basemap' }, paint: { 'raster-saturation': -0.4 } },
      }
    : null;
  return {
    version: 8,
    name: opts.name ?? 'grid-console',
    metadata: {
      // Everything on this map is WGS84: a GCJ-02 basemap is re-aligned by the API (basemap/realign.ts).
      'gc:datum': 'WGS84',
      'gc:basemapSourceDatum': opts.basemap?.sourceDatum ?? null,
      'gc:scheme': scheme,
      'gc:generated': 'api/src/style from api/src/layers; do not edit by hand',
    },
    sources: basemap ? { basemap: basemap.source, ...sources } : sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': scheme === 'dark' ? DARK.background : INK.land } },
      ...(basemap ? [basemap.layer] : []),
      ...LAYERS.flatMap((l) => styleLayersOf(l, scheme)),
    ],
  };
}
