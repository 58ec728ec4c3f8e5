/** Every layer, in drawing order (bottom first). Add a layer here and tiles, OGC, catalogue and style follow. */
import { counties, townships, villages } from './admin-area.js';
import { grids, roads } from './grid-road.js';
import { catchments, checkpoints, firms, venues, wastewaterSites } from './sites.js';
import type { LayerDefinition } from './types.js';

export const LAYERS: readonly LayerDefinition[] = [counties, townships, villages, grids, catchments, roads, checkpoints, wastewaterSites, firms, venues];

const byId = new Map(LAYERS.map((l) => [l.id, l]));

export function findLayer(id: string): LayerDefinition | undefined {
  return byId.get(id);
}
