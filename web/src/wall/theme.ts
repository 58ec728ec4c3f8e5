/**
 * The paint of each wall view, all of it from the server's layer definitions: the map is the dark scheme of the
 * server's style (/api/style.json?scheme=dark: dark background, unlisted areas and outlines, the class colours
 * unchanged), and the drug-signal view draws the area layers' `signals` theme exactly as the console's wastewater
 * mode does. The wall only sizes checkpoints up for the back of the room.
 */
import type { CatalogueLayer } from '../api/types';
import { themeOverrides } from '../map/themes';
import type { StyleOverride } from '../plugins/registry';
import type { WallViewId } from './views';

/** The style scheme the wall asks the server for. */
export const WALL_SCHEME = 'dark';

/** Checkpoints drawn large with a thick ring, readable from the back of the room (colours stay the definition's). */
export const CHECKPOINT_EMPHASIS: StyleOverride = {
  layer: 'checkpoints',
  paint: { 'circle-radius': ['case', ['has', 'point_count'], 18, 13], 'circle-stroke-width': 3 },
};

export function viewOverrides(view: WallViewId, catalogue: readonly CatalogueLayer[]): StyleOverride[] {
  if (view === 'signals') return themeOverrides(catalogue, 'signals');
  if (view === 'checkpoints') return [CHECKPOINT_EMPHASIS];
  return [];
}
