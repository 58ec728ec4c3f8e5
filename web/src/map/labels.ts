/**
 * Which areas get name labels at a zoom. MapLibre cannot draw text without glyph PBFs (which we do not ship), so
 * labels are drawn by deck.gl's TextLayer from /api/labels; one tier at a time keeps them legible:
 * counties when zoomed out, then townships, then villages. Pure and tested.
 */
import type { CatalogueLayer } from '../api/types';

/** Zoom at which each area tier's labels take over from the coarser one. */
export const LABEL_TIERS: { layer: string; from: number }[] = [
  { layer: 'counties', from: 0 },
  { layer: 'townships', from: 9.5 },
  { layer: 'villages', from: 12.5 },
];

export function labelLayerFor(zoom: number, visible: Set<string>, catalogue: CatalogueLayer[]): string | null {
  const known = new Set(catalogue.map((l) => l.id));
  let chosen: string | null = null;
  for (const tier of LABEL_TIERS) {
    if (zoom >= tier.from && known.has(tier.layer) && visible.has(tier.layer)) chosen = tier.layer;
  }
  // A finer tier that is switched off leaves the coarser one labelled, which is what a user expects.
  return chosen;
}
