/**
 * Area name points for the current view (every tier labelled at this zoom, see map/labels.ts), refetched when the
 * view settles; the previous requests are cancelled. MapLibre places them without overlap.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { api } from '../api/client';
import type { CatalogueLayer, LabelPoint } from '../api/types';
import { labelFeatures, labelTiersFor, type LabelProps } from '../map/labels';

const EMPTY: FeatureCollection<Point, LabelProps> = { type: 'FeatureCollection', features: [] };

/** The bounds the map will show at this camera, before the map exists (Web Mercator, the window's size). */
function boundsAt(center: [number, number], zoom: number): [number, number, number, number] {
  const scale = 512 * 2 ** zoom; // MapLibre's 512-px world at this zoom
  const x = ((center[0] + 180) / 360) * scale;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + (center[1] * Math.PI) / 360)) / Math.PI) / 2) * scale;
  const lon = (px: number) => (px / scale) * 360 - 180;
  const lat = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / scale))) * 180) / Math.PI;
  const w = window.innerWidth / 2;
  const h = window.innerHeight / 2;
  return [lon(x - w), lat(y + h), lon(x + w), lat(y - h)];
}

/**
 * `camera` lets the first request go out with the style and tiles, before the map exists; once it does, the map's
 * own bounds are used.
 */
export function useLabels(map: MapLibreMap | null, viewKey: string, zoom: number, visible: Set<string>, catalogue: CatalogueLayer[], camera?: { center: [number, number]; zoom: number }) {
  const [labels, setLabels] = useState(EMPTY);
  const tiers = labelTiersFor(zoom, visible, catalogue).join(',');
  // The request in flight and what it was for: the map appearing at the same view does not ask again.
  const inFlight = useRef<{ key: string; ctrl: AbortController } | null>(null);
  useEffect(() => () => inFlight.current?.ctrl.abort(), []);
  useEffect(() => {
    if ((!map && !camera) || !tiers) {
      setLabels(EMPTY);
      return;
    }
    const key = `${tiers}|${viewKey}`;
    if (inFlight.current?.key === key) return;
    inFlight.current?.ctrl.abort();
    const ctrl = new AbortController();
    inFlight.current = { key, ctrl };
    const b = map?.getBounds();
    const box = b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : boundsAt(camera!.center, camera!.zoom);
    const bbox = box.map((v) => v.toFixed(4)).join(',');
    Promise.all(tiers.split(',').map((layer) => api.get<LabelPoint[]>(`/api/labels/${layer}?bbox=${bbox}&limit=400`, ctrl.signal).then((p) => [layer, Array.isArray(p) ? p : []] as const)))
      .then((entries) => setLabels(labelFeatures(Object.fromEntries(entries))))
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') setLabels(EMPTY);
      });
    // camera: only its first value matters (before the map); viewKey carries later moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, tiers, viewKey]);
  return useMemo(() => labels, [labels]);
}
