/**
 * Finds a feature's geometry and properties in the tiles MapLibre has loaded (for a selection restored from a link
 * or chosen in search), and its exact geometry from the OGC API for the selection outline (tile pieces are clipped
 * at tile edges, which would draw seams).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import { catalogueLayerOf, type StyleLayerLike } from './styleControl';
import { CODE_KEYED } from './pick';

interface SourceRef {
  source: string;
  sourceLayer?: string;
}

function sourcesOf(map: MapLibreMap, layer: string): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const l of map.getStyle().layers as (StyleLayerLike & { source?: string; 'source-layer'?: string })[]) {
    if (catalogueLayerOf(l) !== layer || !l.source) continue;
    const key = `${l.source}/${l['source-layer'] ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ source: l.source, sourceLayer: l['source-layer'] });
  }
  return out;
}

/** Tile pieces of one feature (by code or id) among the loaded tiles. */
export function loadedFeatureParts(map: MapLibreMap, layer: string, id: string): Feature<Geometry>[] {
  const out: Feature<Geometry>[] = [];
  for (const ref of sourcesOf(map, layer)) {
    const parts = map.querySourceFeatures(ref.source, {
      sourceLayer: ref.sourceLayer,
      filter: CODE_KEYED.has(layer) ? ['==', ['to-string', ['get', 'code']], id] : ['==', ['to-string', ['id']], id],
    });
    for (const p of parts) out.push({ type: 'Feature', id: p.id, geometry: p.geometry as Geometry, properties: p.properties ?? {} });
  }
  return out;
}
