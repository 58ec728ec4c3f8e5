/**
 * What the import pages do to the map besides the preview (state.ts): frame a dry run's features, and show the
 * data a write changed at once. With the pages' code, not the plug-in's: the first view needs neither.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The bounds of a collection, [w, s, e, n], or null when it is empty. */
export function boundsOf(fc: FeatureCollection): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
    } else c.forEach(walk);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

interface TileSourceLike {
  serialize(): { tiles?: string[] };
  setTiles(tiles: string[]): unknown;
}

/** After a write: point the layer's tile source at fresh URLs so the map shows the new data at once. */
export function reloadSource(map: MapLibreMap, id: string): void {
  const src = map.getSource(id) as unknown as TileSourceLike | undefined;
  if (!src || typeof src.setTiles !== 'function') return;
  const v = `v=${Date.now()}`;
  src.setTiles((src.serialize().tiles ?? []).map((t) => (/[?&]v=\d+/.test(t) ? t.replace(/v=\d+/, v) : t + (t.includes('?') ? '&' : '?') + v)));
}
