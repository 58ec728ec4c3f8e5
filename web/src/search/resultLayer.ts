/** Which catalogue layer a search result belongs to (the API names it in `layer`; older kinds map by name). */
import type { SearchResult } from '../api/types';

/** Search result kinds → catalogue layers. */
const KIND_LAYER: Record<string, string> = {
  county: 'counties',
  township: 'townships',
  village: 'villages',
  grid: 'grids',
  checkpoint: 'checkpoints',
  firm: 'firms',
  venue: 'venues',
  wastewater_site: 'wastewater_sites',
  site: 'wastewater_sites',
  road: 'roads',
};

export function layerForResult(r: SearchResult & { layer?: string; level?: string }, ids: Set<string>): string {
  const candidates = [r.layer, KIND_LAYER[r.kind], r.level && KIND_LAYER[r.level], `${r.kind}s`, r.kind];
  return candidates.find((c): c is string => !!c && ids.has(c)) ?? r.kind;
}
