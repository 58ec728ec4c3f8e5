/**
 * Where basemap tiles come from: an XYZ tile service (`https://tiles.example/{z}/{x}/{y}.png`, e.g. an intranet
 * server; raster) or a local PMTiles archive (`pmtiles:/path/to/basemap.pmtiles`; raster or vector, its tiles
 * handed out decompressed). Which one, and whether it can be served, is settled at start-up (plan.ts). Recently
 * used tiles are kept in memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { decompress } from './archive.js';
import type { BasemapPlan } from './plan.js';

export interface BasemapSource {
  /** The tile's bytes, or null where the basemap has none. */
  getTile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  readonly description: string;
  /** Let go of what the source holds open (a local archive's file handle). */
  close(): Promise<void>;
}

class XyzSource implements BasemapSource {
  constructor(private readonly template: string) {}
  async close() {}
  get description() {
    return this.template;
  }
  async getTile(z: number, x: number, y: number) {
    const url = this.template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (res.status === 404 || res.status === 204) return null;
    if (!res.ok) throw new Error(`basemap tile ${url}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

/** pmtiles reads byte ranges through a Source; this one reads them from a local file. */
class NodeFileSource implements Source {
  private handle: Promise<FileHandle>;
  constructor(private readonly path: string) {
    this.handle = open(path, 'r');
  }
  getKey() {
    return this.path;
  }
  async close() {
    await (await this.handle).close();
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await (await this.handle).read(buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) as ArrayBuffer };
  }
}

class PmtilesSource implements BasemapSource {
  private readonly archive: PMTiles;
  private readonly file: NodeFileSource;
  constructor(private readonly path: string) {
    this.file = new NodeFileSource(path);
    this.archive = new PMTiles(this.file, undefined, decompress);
  }
  close() {
    return this.file.close();
  }
  get description() {
    return `pmtiles:${this.path}`;
  }
  async getTile(z: number, x: number, y: number) {
    const r = await this.archive.getZxy(z, x, y);
    return r ? new Uint8Array(r.data) : null;
  }
}

/**
 * Recently used tiles in memory, in front of any source: panning asks for the same neighbours again and again (GCJ
 * re-alignment too). Bounded in entries and in bytes; a tile asked for twice while it is being read is read once;
 * a failed read is not kept. "No tile here" is kept too (as bytes null).
 */
export class CachedSource implements BasemapSource {
  private readonly cache: LRUCache<string, { bytes: Uint8Array | null }>;
  constructor(
    private readonly inner: BasemapSource,
    bounds: { maxEntries: number; maxBytes: number } = { maxEntries: 2000, maxBytes: 64 * 1024 * 1024 },
  ) {
    this.cache = new LRUCache({
      max: bounds.maxEntries,
      maxSize: bounds.maxBytes,
      sizeCalculation: (v) => (v.bytes?.byteLength ?? 0) + 64,
      fetchMethod: async (key) => {
        const [z, x, y] = key.split('/').map(Number) as [number, number, number];
        return { bytes: await this.inner.getTile(z, x, y) };
      },
    });
  }
  get description() {
    return this.inner.description;
  }
  close() {
    this.cache.clear();
    return this.inner.close();
  }
  async getTile(z: number, x: number, y: number) {
    return (await this.cache.fetch(`${z}/${x}/${y}`))?.bytes ?? null;
  }
}

export function openBasemapSource(plan: Pick<BasemapPlan, 'source'>): BasemapSource {
  const spec = plan.source;
  return new CachedSource(spec.startsWith('pmtiles:') ? new PmtilesSource(spec.slice('pmtiles:'.length)) : new XyzSource(spec));
}
