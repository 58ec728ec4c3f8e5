/**
 * What the import page draws on the map: the converted features of the last dry run (by status) and the places of
 * its problems. Module state, so the plug-in's deck layers and the page share it; `refreshPlugins` redraws.
 */
import type { FeatureCollection } from 'geojson';
import { refreshPlugins } from '../plugins/registry';

let preview: FeatureCollection | null = null;

export const getPreview = () => preview;

export function setPreview(fc: FeatureCollection | null): void {
  if (fc === preview) return;
  preview = fc;
  refreshPlugins();
}

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
export function reloadSource(map: import('maplibre-gl').Map, id: string): void {
  const src = map.getSource(id) as unknown as TileSourceLike | undefined;
  if (!src || typeof src.setTiles !== 'function') return;
  const v = `v=${Date.now()}`;
  src.setTiles((src.serialize().tiles ?? []).map((t) => (/[?&]v=\d+/.test(t) ? t.replace(/v=\d+/, v) : t + (t.includes('?') ? '&' : '?') + v)));
}
