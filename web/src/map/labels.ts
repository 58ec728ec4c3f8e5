/**
 * Which area tiers get name labels at a zoom, and how they rank. MapLibre places every label through its collision
 * index (web/src/map/labelLayers.ts), so several tiers can be on at once: a county name wins over a township's,
 * a township's over a village's, and within a tier the more populous area wins (the API returns them biggest
 * first). Pure and tested.
 */
import type { CatalogueLayer, LabelPoint } from '../api/types';
import type { Feature, FeatureCollection, Point } from 'geojson';

/** Zoom range in which each area tier is labelled; tier order is the label priority (0 = first placed). */
export const LABEL_TIERS: { layer: string; from: number; to: number; size: number; bold: boolean }[] = [
  { layer: 'counties', from: 0, to: 11, size: 16, bold: true },
  { layer: 'townships', from: 8.5, to: 16, size: 14, bold: false },
  { layer: 'villages', from: 11.5, to: 24, size: 12, bold: false },
];

/** The tiers to fetch at this zoom: known to the catalogue, switched on, and in their zoom range. */
export function labelTiersFor(zoom: number, visible: Set<string>, catalogue: CatalogueLayer[]): string[] {
  const known = new Set(catalogue.map((l) => l.id));
  return LABEL_TIERS.filter((t) => zoom >= t.from && zoom < t.to && known.has(t.layer) && visible.has(t.layer)).map((t) => t.layer);
}

export interface LabelProps {
  name: string;
  code: string;
  layer: string;
  tier: number;
  /** Placement order: lower is placed first (MapLibre symbol-sort-key). */
  rank: number;
  size: number;
  bold: boolean;
}

/** Label points of several tiers as one GeoJSON source, ranked by tier, then by the order the API gave. */
export function labelFeatures(byTier: Record<string, LabelPoint[]>): FeatureCollection<Point, LabelProps> {
  const features: Feature<Point, LabelProps>[] = [];
  LABEL_TIERS.forEach((tier, t) => {
    (byTier[tier.layer] ?? []).forEach((p, i) =>
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { name: p.name, code: p.code, layer: tier.layer, tier: t, rank: t * 100_000 + i, size: tier.size, bold: tier.bold },
      }),
    );
  });
  return { type: 'FeatureCollection', features };
}

/** No names (yet): one shared value, so that a map created with it and the console's state compare equal. */
export const NO_LABELS: FeatureCollection<Point, LabelProps> = { type: 'FeatureCollection', features: [] };
