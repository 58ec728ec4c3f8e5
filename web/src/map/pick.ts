/**
 * Which feature a click means. Pure, so the rule is tested without a map: points over lines over polygons (a site
 * inside a township is what the user aimed at), then the topmost style layer (MapLibre returns topmost first).
 */
import type { Selection } from '../url/viewHash';

export interface PickedFeature {
  id?: string | number;
  layerId: string;
  geometryType: string;
  properties: Record<string, unknown>;
}

export type Pick =
  | { kind: 'feature'; selection: Selection; properties: Record<string, unknown> }
  | { kind: 'cluster'; count: number };

const RANK: Record<string, number> = { Point: 0, MultiPoint: 0, LineString: 1, MultiLineString: 1, Polygon: 2, MultiPolygon: 2 };

/**
 * Layers keyed by their statistical code (stable across re-imports, meaningful in a URL); the sites are keyed by
 * their feature id, which is what their detail endpoints (/api/firms/{id}, ...) take; wastewater sites by code,
 * as the wastewater API (/api/wastewater/sites/{code}) takes.
 */
export const CODE_KEYED = new Set(['counties', 'townships', 'villages', 'grids', 'catchments', 'wastewater_sites']);

export function featureKey(f: PickedFeature): string | undefined {
  const p = f.properties;
  const key = CODE_KEYED.has(f.layerId) ? (p.code ?? f.id) : (f.id ?? p.id ?? p.code ?? p.ref);
  return key === undefined || key === null ? undefined : String(key);
}

export function choosePick(features: PickedFeature[]): Pick | null {
  const ranked = features
    .map((f, i) => ({ f, i, r: RANK[f.geometryType] ?? 3 }))
    .sort((a, b) => a.r - b.r || a.i - b.i);
  for (const { f } of ranked) {
    if (f.properties.point_count !== undefined || f.properties.cluster === true) {
      return { kind: 'cluster', count: Number(f.properties.point_count ?? 0) };
    }
    const id = featureKey(f);
    if (id !== undefined) return { kind: 'feature', selection: { layer: f.layerId, id }, properties: f.properties };
  }
  return null;
}
