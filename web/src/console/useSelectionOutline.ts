/**
 * The selected feature's outline and properties: tile pieces as soon as the tiles are there (retried on every idle
 * until found), then the exact geometry from the OGC API by the feature's numeric id (no seams at tile edges).
 */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import { api } from '../api/client';
import { loadedFeatureParts } from '../map/featureLookup';
import type { Selection } from '../url/viewHash';

export function useSelectionOutline(selection: Selection | null, map: MapLibreMap | null) {
  const [highlight, setHighlight] = useState<Feature<Geometry>[]>([]);
  const [selectedProps, setSelectedProps] = useState<Record<string, unknown> | null>(null);

  useEffect(() => {
    if (!selection || !map) {
      setHighlight([]);
      return;
    }
    setHighlight([]);
    const ctrl = new AbortController();
    let found = false;
    const fromTiles = () => {
      if (found) return;
      const parts = loadedFeatureParts(map, selection.layer, selection.id);
      if (!parts.length) return;
      found = true;
      map.off('idle', fromTiles);
      setSelectedProps((p) => p ?? (parts[0].properties as Record<string, unknown>));
      setHighlight(parts);
      const numericId = parts.find((p) => typeof p.id === 'number')?.id;
      if (numericId === undefined) return;
      api
        .get<Feature<Geometry>>(`/api/ogc/collections/${encodeURIComponent(selection.layer)}/items/${numericId}`, ctrl.signal)
        .then((f) => {
          if (f?.geometry) setHighlight([f]);
        })
        .catch(() => undefined);
    };
    fromTiles();
    if (!found) map.on('idle', fromTiles);
    return () => {
      ctrl.abort();
      map.off('idle', fromTiles);
    };
  }, [selection, map]);

  return { highlight, selectedProps, setSelectedProps };
}
