/**
 * Whether the map has drawn its first full view (MapLibre's first 'idle' once loaded), for parts of the page that
 * are not needed to read the map and are kept out of its way while it loads: their code, their requests and their
 * React renders. In software WebGL (the command centre's wall PCs, the bench) the map's frames wait for every task
 * the page runs, so the first view is drawn sooner without them. Also true after SETTLE_WAIT_MS, so that a map that
 * never settles (its tiles failing offline) does not keep them hidden.
 */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

export const SETTLE_WAIT_MS = 4000;

let settledOnce = false;

export function useMapSettled(map: MapLibreMap | null): boolean {
  const [settled, setSettled] = useState(settledOnce);
  useEffect(() => {
    if (settled) return;
    const done = () => {
      settledOnce = true;
      setSettled(true);
    };
    const timer = setTimeout(done, SETTLE_WAIT_MS);
    if (map && map.loaded() && map.areTilesLoaded()) done();
    else map?.once('idle', done);
    return () => {
      clearTimeout(timer);
      map?.off('idle', done);
    };
  }, [map, settled]);
  return settled;
}
