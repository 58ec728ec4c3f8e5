/**
 * Where basemap tiles come from: an XYZ tile service (`https://tiles.example/{z}/{x}/{y}.png`, e.g. an intranet
 * server) or a local PMTiles archive (`pmtiles:/path/to/basemap.pmtiles`), both raster. Recently used tiles are
 * kept in memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';

export interface BasemapSource {
  /** The tile's bytes, or null where the basemap has none. */
  getTile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  readonly description: string;
}

class XyzSource implements BasemapSource {
  constructor(private readonly template: string) {}
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
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await (await this.handle).read(buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) as ArrayBuffer };
  }
}

class PmtilesSource implements BasemapSource {
  private readonly archive: PMTiles;
  constructor(private readonly path: string) {
    this.archive = new PMTiles(new NodeFileSource(path));
  }
  get description() {
    return `pmtiles:${this.path}`;
  }
  async getTile(z: number, x: number, y: number) {
    const r = await this.archive.getZxy(z, x, y);
    return r ? new Uint8Array(r.data) : null;
  }
}

/** A small LRU in front of any source: panning asks for the same neighbours again and again (GCJ re-alignment too). */
export class CachedSource implements BasemapSource {
  private readonly cache = new Map<string, Promise<Uint8Array | null>>();
  constructor(
    private readonly inner: BasemapSource,
    private readonly max = 2000,
  ) {}
  get description() {
    return this.inner.description;
  }
  getTile(z: number, x: number, y: number) {
    const key = `${z}/${x}/${y}`;
    let hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
    } else {
      hit = this.inner.getTile(z, x, y);
      hit.catch(() => this.cache.delete(key));
    }
    this.cache.set(key, hit);
    if (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value!);
    return hit;
  }
}

export function openBasemapSource(spec: string): BasemapSource {
  if (spec.startsWith('pmtiles:')) return new CachedSource(new PmtilesSource(spec.slice('pmtiles:'.length)));
  if (/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(spec)) return new CachedSource(new XyzSource(spec));
  throw new Error(`BASEMAP must be an XYZ URL template with {z}/{x}/{y} or pmtiles:/path/to/file.pmtiles, got '${spec}'`);
}
