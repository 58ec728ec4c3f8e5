/**
 * A bounded in-process cache of encoded tiles. Keys include the jurisdiction prefix and the as-of date, so one
 * user's tile is never served to another. Writes (listings, imports) call invalidate(); entries also expire after
 * a TTL, which bounds staleness for writes made by another process on the same database.
 */
export interface CachedTile {
  bytes: Uint8Array | null;
  etag: string;
  at: number;
}

export class TileCache {
  private map = new Map<string, CachedTile>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 256 * 1024 * 1024,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  get(key: string): CachedTile | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.delete(key);
      return undefined;
    }
    // Refresh recency: Map keeps insertion order, so re-inserting makes it the newest.
    this.map.delete(key);
    this.map.set(key, hit);
    return hit;
  }

  set(key: string, tile: CachedTile): void {
    this.delete(key);
    this.map.set(key, tile);
    this.bytes += tile.bytes?.byteLength ?? 0;
    for (const [k] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  invalidate(): void {
    this.map.clear();
    this.bytes = 0;
  }

  get size() {
    return this.map.size;
  }

  private delete(key: string) {
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.bytes?.byteLength ?? 0;
      this.map.delete(key);
    }
  }
}
