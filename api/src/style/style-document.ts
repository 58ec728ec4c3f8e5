/**
 * The offline basemap and overlay style: a MapLibre style whose every source is this API's own vector tiles.
 * No glyphs or sprites are referenced (no text layers): the console draws labels with deck.gl from the browser's
 * own CJK font, so nothing is ever fetched from outside. A real basemap (tile service or PMTiles) can be put
 * underneath by the web app's basemap setting; see README "Basemaps and datums".
 */
import { LAYERS } from '../layers/registry.js';
import { INK } from '../layers/palette.js';
import { styleLayersOf } from './paint.js';

export function styleDocument(origin: string, opts: { asOf?: string; name?: string } = {}) {
  const query = opts.asOf ? `?as_of=${opts.asOf}` : '';
  const sources = Object.fromEntries(
    LAYERS.map((l) => [l.id, { type: 'vector', tiles: [`${origin}/api/tiles/${l.id}/{z}/{x}/{y}.mvt${query}`], minzoom: 0, maxzoom: l.maxzoom, promoteId: undefined }]),
  );
  return {
    version: 8,
    name: opts.name ?? 'grid-console',
    metadata: { 'gc:datum': 'WGS84', 'gc:generated': 'api/src/style from api/src/layers; do not edit by hand' },
    sources,
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': INK.land } }, ...LAYERS.flatMap(styleLayersOf)],
  };
}
