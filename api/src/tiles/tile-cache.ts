/**
 * A bounded in-process cache of encoded tiles (lru-cache): bounded in entries and in bytes, where every entry
 * — an empty tile too — costs its bytes plus a fixed overhead for key and bookkeeping. Keys are built by
 * TileService from only what changes a tile. Invalidation is precise: `invalidate(layer, boxes)` drops the
 * cached tiles of one layer whose buffered extent meets one of the boxes (Web-Mercator metres), found through a
 * per-layer index rather than by scanning the whole cache.
 */
import { LRUCache } from 'lru-cache';
import { BUFFER, EXTENT } from './tile-sql.js';

export interface CachedTile {
  bytes: Uint8Array | null;
  etag: string;
  layer: string;
  z: number;
  x: number;
  y: number;
}

/** [minX, minY, maxX, maxY] in EPSG:3857 metres. */
export type Box = [number, number, number, number];

export interface TileCacheOptions {
  maxBytes?: number;
  maxEntries?: number;
  /** A safety net for changes no notification reported (e.g. triggers disabled for a bulk load). */
  ttlMs?: number;
}

/** Key, object and index bookkeeping per entry, so that a cache full of empty tiles is bounded too. */
export const ENTRY_OVERHEAD_BYTES = 256;
const HALF_WORLD = 20037508.342789244;

/** The tile's extent with the encoder's buffer, which is where features drawn in it may come from. */
export function bufferedTileBox(z: number, x: number, y: number): Box {
  const size = (2 * HALF_WORLD) / 2 ** z;
  const b = (size * BUFFER) / EXTENT;
  const minX = -HALF_WORLD + x * size;
  const maxY = HALF_WORLD - y * size;
  return [minX - b, maxY - size - b, minX + size + b, maxY + b];
}

const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export class TileCache {
  private readonly lru: LRUCache<string, CachedTile>;
  private readonly byLayer = new Map<string, Set<string>>();
  /**
   * Counts invalidations. A tile rendered while one happened may hold data from before the change it reports,
   * so TileService caches a render only if this did not move while it ran (read it before, compare after).
   */
  changes = 0;

  constructor(opts: TileCacheOptions = {}) {
    this.lru = new LRUCache<string, CachedTile>({
      max: opts.maxEntries ?? 200_000,
      maxSize: opts.maxBytes ?? 256 * 1024 * 1024,
      sizeCalculation: (t, key) => (t.bytes?.byteLength ?? 0) + key.length + ENTRY_OVERHEAD_BYTES,
      ttl: opts.ttlMs ?? 15 * 60_000,
      // TTL checked when read; no timers per entry.
      ttlAutopurge: false,
      updateAgeOnGet: false,
      dispose: (t, key) => this.byLayer.get(t.layer)?.delete(key),
    });
  }

  get(key: string): CachedTile | undefined {
    return this.lru.get(key);
  }

  set(key: string, tile: CachedTile): void {
    this.lru.set(key, tile);
    // After set: lru-cache disposes the entry it replaces (same key) during set, which unindexes the key.
    if (!this.lru.has(key)) return; // larger than the whole budget: not kept
    let keys = this.byLayer.get(tile.layer);
    if (!keys) this.byLayer.set(tile.layer, (keys = new Set()));
    keys.add(key);
  }

  /** Drop the layer's tiles that meet any box; `boxes` null → all of the layer's tiles. Returns how many. */
  invalidate(layer: string, boxes: Box[] | null): number {
    this.changes++;
    const keys = this.byLayer.get(layer);
    if (!keys) return 0;
    let dropped = 0;
    for (const key of [...keys]) {
      const t = this.lru.peek(key, { allowStale: true });
      if (t && boxes) {
        const tileBox = bufferedTileBox(t.z, t.x, t.y);
        if (!boxes.some((b) => meets(tileBox, b))) continue;
      }
      this.lru.delete(key);
      keys.delete(key);
      dropped++;
    }
    return dropped;
  }

  clear(): void {
    this.changes++;
    this.lru.clear();
    this.byLayer.clear();
  }

  get size(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }
}
