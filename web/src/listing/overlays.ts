/**
 * Outline layers drawn over the listing colours, so that two states read without colour too (colour-blind users,
 * black-and-white prints): overdue areas (past their term) get a thick black dashed outline, areas delisted within
 * a year a dotted blue one. They read the same tile sources and properties as the area fills.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { AREA_SOURCES } from './asOf';
import { GRADE_COLORS } from './api';

export const OVERLAY_PREFIX = 'listing-flag-';

export function ensureOverlays(map: MapLibreMap): void {
  const layers = map.getStyle()?.layers ?? [];
  for (const source of AREA_SOURCES) {
    const base = layers.find((l) => 'source' in l && l.source === source && 'source-layer' in l) as
      | { id: string; 'source-layer': string; minzoom?: number; maxzoom?: number }
      | undefined;
    if (!base) continue;
    const common = { source, 'source-layer': base['source-layer'], minzoom: base.minzoom ?? 0, maxzoom: base.maxzoom ?? 24 };
    const overdue = `${OVERLAY_PREFIX}overdue-${source}`;
    if (!map.getLayer(overdue))
      map.addLayer({
        id: overdue,
        type: 'line',
        ...common,
        filter: ['==', ['get', 'listing_overdue'], true],
        paint: { 'line-color': '#000000', 'line-width': 3, 'line-dasharray': [2, 1.5] },
        metadata: { 'listing:flag': 'overdue' },
      });
    const delisted = `${OVERLAY_PREFIX}delisted-${source}`;
    if (!map.getLayer(delisted))
      map.addLayer({
        id: delisted,
        type: 'line',
        ...common,
        filter: ['==', ['get', 'listing_recently_delisted'], true],
        paint: { 'line-color': GRADE_COLORS.recently_delisted, 'line-width': 2.5, 'line-dasharray': [0.5, 1.5] },
        metadata: { 'listing:flag': 'recently_delisted' },
      });
  }
}
