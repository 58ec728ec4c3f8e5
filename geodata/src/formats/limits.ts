/** Default limits for readers: generous for a province's data, small enough that a hostile file stays harmless. */
import type { ReadLimits } from './types.js';

export const DEFAULT_LIMITS: ReadLimits = {
  maxZipEntries: 64,
  // A province's villages as a Shapefile are ~200 MB uncompressed; 2 GiB leaves room and stops a zip bomb.
  maxUncompressedBytes: 2 * 1024 ** 3,
  maxRecords: 500_000,
  maxVerticesPerGeometry: 1_000_000,
  maxCellChars: 10_000,
};

export function withLimits(over: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_LIMITS, ...over };
}

/** Count the positions of a GeoJSON geometry (cheap: no copying). */
export function vertexCount(g: { type: string; coordinates?: unknown; geometries?: unknown[] }): number {
  if (g.type === 'GeometryCollection') return (g.geometries as { type: string }[]).reduce((n, x) => n + vertexCount(x), 0);
  const walk = (c: unknown): number => (Array.isArray(c) ? (typeof c[0] === 'number' ? 1 : c.reduce((n: number, x) => n + walk(x), 0)) : 0);
  return walk(g.coordinates);
}
