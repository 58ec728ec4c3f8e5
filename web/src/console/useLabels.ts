/** Label points for the current view and tier, refetched when the view settles; the previous request is cancelled. */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { api } from '../api/client';
import type { CatalogueLayer, LabelPoint } from '../api/types';
import { labelLayerFor } from '../map/labels';

export function useLabels(map: MapLibreMap | null, viewKey: string, zoom: number, visible: Set<string>, catalogue: CatalogueLayer[]) {
  const [labels, setLabels] = useState<{ layer: string | null; points: LabelPoint[] }>({ layer: null, points: [] });
  const layer = labelLayerFor(zoom, visible, catalogue);
  useEffect(() => {
    if (!map || !layer) {
      setLabels({ layer: null, points: [] });
      return;
    }
    const ctrl = new AbortController();
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(4)).join(',');
    api
      .get<LabelPoint[]>(`/api/labels/${layer}?bbox=${bbox}&limit=400`, ctrl.signal)
      .then((points) => setLabels({ layer, points: Array.isArray(points) ? points : [] }))
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') setLabels({ layer: null, points: [] });
      });
    return () => ctrl.abort();
  }, [map, layer, viewKey]);
  return labels;
}
