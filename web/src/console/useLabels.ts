/**
 * Area name points for the current view (every tier labelled at this zoom, see map/labels.ts), refetched when the
 * view settles; the previous requests are cancelled. MapLibre places them without overlap.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CatalogueLayer } from '../api/types';
import { labelTiersFor, NO_LABELS } from '../map/labels';
import { bboxParam, boundsAt, fetchLabels, takeEarlyLabels } from '../map/labelRequest';

/**
 * `camera` lets the first request go out with the style and tiles, before the map exists; once it does, the map's
 * own bounds are used.
 */
export function useLabels(map: MapLibreMap | null, viewKey: string, zoom: number, visible: Set<string>, catalogue: CatalogueLayer[], camera?: { center: [number, number]; zoom: number }) {
  const [labels, setLabels] = useState(NO_LABELS);
  const tiers = labelTiersFor(zoom, visible, catalogue).join(',');
  // The request in flight and what it was for: the map appearing at the same view does not ask again.
  const inFlight = useRef<{ key: string; ctrl: AbortController } | null>(null);
  useEffect(() => () => inFlight.current?.ctrl.abort(), []);
  useEffect(() => {
    if ((!map && !camera) || !tiers) {
      setLabels(NO_LABELS);
      return;
    }
    const key = `${tiers}|${viewKey}`;
    if (inFlight.current?.key === key) return;
    inFlight.current?.ctrl.abort();
    const ctrl = new AbortController();
    inFlight.current = { key, ctrl };
    const b = map?.getBounds();
    const bbox = bboxParam(b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : boundsAt(camera!.center, camera!.zoom));
    // The first view's names may have been asked for already, with the style (map/earlyMap.ts).
    (takeEarlyLabels(tiers, bbox) ?? fetchLabels(tiers, bbox, ctrl.signal))
      .then((fc) => {
        if (!ctrl.signal.aborted) setLabels(fc);
      })
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') setLabels(NO_LABELS);
      });
    // camera: only its first value matters (before the map); viewKey carries later moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, tiers, viewKey]);
  return useMemo(() => labels, [labels]);
}
