/**
 * Area name points for the current view (every tier labelled at this zoom, see map/labels.ts), refetched when the
 * view settles; the previous requests are cancelled. MapLibre places them without overlap.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { api } from '../api/client';
import type { CatalogueLayer, LabelPoint } from '../api/types';
import { labelFeatures, labelTiersFor, type LabelProps } from '../map/labels';

const EMPTY: FeatureCollection<Point, LabelProps> = { type: 'FeatureCollection', features: [] };

export function useLabels(map: MapLibreMap | null, viewKey: string, zoom: number, visible: Set<string>, catalogue: CatalogueLayer[]) {
  const [labels, setLabels] = useState(EMPTY);
  const tiers = labelTiersFor(zoom, visible, catalogue).join(',');
  useEffect(() => {
    if (!map || !tiers) {
      setLabels(EMPTY);
      return;
    }
    const ctrl = new AbortController();
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(4)).join(',');
    Promise.all(tiers.split(',').map((layer) => api.get<LabelPoint[]>(`/api/labels/${layer}?bbox=${bbox}&limit=400`, ctrl.signal).then((p) => [layer, Array.isArray(p) ? p : []] as const)))
      .then((entries) => setLabels(labelFeatures(Object.fromEntries(entries))))
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') setLabels(EMPTY);
      });
    return () => ctrl.abort();
  }, [map, tiers, viewKey]);
  return useMemo(() => labels, [labels]);
}
