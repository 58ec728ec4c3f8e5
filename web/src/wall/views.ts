/**
 * The wall's four views (three maps and the shift change over a faint map) and the rotation between them. Every view keeps the same layers drawn (so rotating
 * never fetches a tile and an outage cannot blank a view that was not shown yet); views differ only in opacity and
 * paint overrides, applied through the console's MapView like a plug-in's.
 */
import type { LayerState } from '../map/styleControl';

export const VIEW_IDS = ['listing', 'signals', 'checkpoints', 'shift'] as const;
export type WallViewId = (typeof VIEW_IDS)[number];

/** Layers the wall draws, in every view. */
export const WALL_LAYERS = ['counties', 'townships', 'roads', 'checkpoints', 'wastewater_sites'] as const;

/** Opacity per layer and view: the emphasised theme full, the others faint or off (0 keeps their tiles loaded). */
const OPACITY: Record<WallViewId, Record<(typeof WALL_LAYERS)[number], number>> = {
  listing: { counties: 1, townships: 1, roads: 0.6, checkpoints: 0.35, wastewater_sites: 0 },
  signals: { counties: 1, townships: 1, roads: 0.5, checkpoints: 0, wastewater_sites: 1 },
  checkpoints: { counties: 0.35, townships: 0.25, roads: 1, checkpoints: 1, wastewater_sites: 0 },
  // The shift-change list covers most of the map; the listing grades stay beneath it, faint.
  shift: { counties: 0.5, townships: 0.5, roads: 0.3, checkpoints: 0.35, wastewater_sites: 0 },
};

/** `views=shift,listing` in the hash: the views to rotate through, in that order (unknown ids dropped; none: all). */
export function parseViews(value: string | null): WallViewId[] {
  const ids = (value ?? '').split(',').filter((v): v is WallViewId => (VIEW_IDS as readonly string[]).includes(v));
  return ids.length ? [...new Set(ids)] : [...VIEW_IDS];
}

/** Layers whose labels name exact sites: not labelled in visitor mode. */
export const SITE_LAYERS: readonly string[] = ['checkpoints', 'wastewater_sites'];

export function layerStatesFor(view: WallViewId, available: Set<string>): Record<string, LayerState> {
  const out: Record<string, LayerState> = {};
  for (const id of available) {
    const opacity = (OPACITY[view] as Record<string, number>)[id];
    out[id] = { visible: opacity !== undefined, opacity: opacity ?? 0, filters: {} };
  }
  return out;
}

/** Which view is on `elapsedMs` after the wall started, and how long until the next one. */
export function viewAt(
  elapsedMs: number,
  rotateSeconds: number,
  views: readonly WallViewId[] = VIEW_IDS,
): { index: number; id: WallViewId; next: WallViewId; remainingMs: number } {
  const period = rotateSeconds * 1000;
  const step = Math.floor(Math.max(0, elapsedMs) / period);
  const index = step % views.length;
  return { index, id: views[index]!, next: views[(index + 1) % views.length]!, remainingMs: period - (Math.max(0, elapsedMs) % period) };
}
