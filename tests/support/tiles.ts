/** Decoding real vector tiles (the @mapbox/vector-tile decoder MapLibre itself uses) and tile arithmetic. */
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, unknown>;
  /** Rings/lines/points in tile units. */
  geometry: { x: number; y: number }[][];
  bbox: [number, number, number, number];
}

export function decodeTile(bytes: ArrayBuffer | Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new Pbf(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
  const out: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    out[name] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      out[name]!.push({ id: f.id, type: f.type, properties: { ...f.properties }, geometry: f.loadGeometry(), bbox: f.bbox() as DecodedFeature['bbox'] });
    }
  }
  return out;
}

export function lonLatToTile(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** Every tile at zoom z covering a WGS84 bbox. */
export function tilesCovering(bbox: [number, number, number, number], z: number) {
  const a = lonLatToTile(bbox[0], bbox[3], z);
  const b = lonLatToTile(bbox[2], bbox[1], z);
  const out = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ z, x, y });
  return out;
}
