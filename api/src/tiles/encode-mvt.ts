/**
 * Encodes features whose geometry is already in tile space (GeoJSON, integers 0..4096, y down) into a Mapbox
 * Vector Tile with vt-pbf. Used with the embedded database, whose PostGIS has no ST_AsMVT.
 * Polygon rings are rewound to the MVT rule: exterior rings have positive area (surveyor's formula in tile
 * coordinates), holes negative.
 */
import vtpbf from 'vt-pbf';
import { EXTENT } from './tile-sql.js';

type Pos = [number, number];
type Geo =
  | { type: 'Point'; coordinates: Pos }
  | { type: 'MultiPoint'; coordinates: Pos[] }
  | { type: 'LineString'; coordinates: Pos[] }
  | { type: 'MultiLineString'; coordinates: Pos[][] }
  | { type: 'Polygon'; coordinates: Pos[][] }
  | { type: 'MultiPolygon'; coordinates: Pos[][][] }
  | { type: 'GeometryCollection'; geometries: Geo[] };

export interface TileSpaceFeature {
  id: number;
  geometry: Geo;
  properties: Record<string, unknown>;
}

interface VtFeature {
  id: number;
  type: 1 | 2 | 3;
  geometry: Pos[] | Pos[][];
  tags: Record<string, string | number | boolean>;
}

const signedArea = (ring: Pos[]) => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return s / 2;
};

function orient(ring: Pos[], positive: boolean): Pos[] {
  return signedArea(ring) > 0 === positive ? ring : [...ring].reverse();
}

function flatten(g: Geo): { type: 1 | 2 | 3; parts: Pos[] | Pos[][] } | null {
  switch (g.type) {
    case 'Point':
      return { type: 1, parts: [g.coordinates] };
    case 'MultiPoint':
      return { type: 1, parts: g.coordinates };
    case 'LineString':
      return g.coordinates.length > 1 ? { type: 2, parts: [g.coordinates] } : null;
    case 'MultiLineString':
      return { type: 2, parts: g.coordinates.filter((l) => l.length > 1) };
    case 'Polygon':
      return { type: 3, parts: g.coordinates.map((r, i) => orient(r, i === 0)).filter((r) => r.length >= 4) };
    case 'MultiPolygon':
      return { type: 3, parts: g.coordinates.flatMap((p) => p.map((r, i) => orient(r, i === 0))).filter((r) => r.length >= 4) };
    case 'GeometryCollection': {
      const parts = g.geometries.map(flatten).filter((p): p is NonNullable<typeof p> => !!p);
      if (!parts.length) return null;
      const type = Math.max(...parts.map((p) => p.type)) as 1 | 2 | 3;
      return { type, parts: parts.filter((p) => p.type === type).flatMap((p) => p.parts as Pos[][]) as Pos[][] };
    }
  }
}

export function encodeTile(layerName: string, features: TileSpaceFeature[]): Uint8Array | null {
  const vt: VtFeature[] = [];
  for (const f of features) {
    const flat = flatten(f.geometry);
    if (!flat || flat.parts.length === 0) continue;
    const tags: VtFeature['tags'] = {};
    for (const [k, v] of Object.entries(f.properties)) {
      // ST_AsMVT leaves out NULL values; so do we.
      if (v !== null && v !== undefined) tags[k] = v as string | number | boolean;
    }
    vt.push({ id: f.id, type: flat.type, geometry: flat.parts, tags });
  }
  if (!vt.length) return null;
  return vtpbf.fromGeojsonVt({ [layerName]: { features: vt } } as never, { version: 2, extent: EXTENT });
}
