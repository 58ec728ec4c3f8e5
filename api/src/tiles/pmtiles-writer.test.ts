import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { writePmtilesArchive } from './pmtiles-writer.js';

/** The pmtiles reader (the same package the console's MapLibre protocol uses) over bytes in memory. */
class BufferSource implements Source {
  constructor(private readonly buf: Buffer) {}
  getKey = () => 'memory';
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const s = this.buf.subarray(offset, offset + length);
    return { data: s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength) as ArrayBuffer };
  }
}

describe('PMTiles writer', () => {
  it('writes an archive the pmtiles reader reads back tile by tile, with its metadata', async () => {
    const tiles = [
      { z: 5, x: 26, y: 13, data: new Uint8Array([1, 2, 3]) },
      { z: 0, x: 0, y: 0, data: new Uint8Array([9]) },
      { z: 5, x: 27, y: 13, data: new Uint8Array([4, 5]) },
    ];
    const buf = writePmtilesArchive(tiles, { tileType: 1, tileCompression: 1, metadata: { name: 'test', vector_layers: [] }, bounds: [111, 26, 114, 28] });
    const p = new PMTiles(new BufferSource(buf));
    const h = await p.getHeader();
    expect([h.minZoom, h.maxZoom, h.tileType, h.numAddressedTiles]).toEqual([0, 5, 1, 3]);
    expect(h.minLon).toBeCloseTo(111);
    expect(h.maxLat).toBeCloseTo(28);
    for (const t of tiles) expect(new Uint8Array((await p.getZxy(t.z, t.x, t.y))!.data)).toEqual(t.data);
    expect(await p.getZxy(5, 28, 13)).toBeUndefined();
    expect(await p.getMetadata()).toEqual({ name: 'test', vector_layers: [] });
  });

  it('splits a large directory into leaves and still finds every tile', async () => {
    const tiles = [];
    for (let x = 0; x < 256; x++) for (let y = 0; y < 160; y++) tiles.push({ z: 8, x, y, data: new Uint8Array([x, y, (x * y) & 255]) });
    const buf = writePmtilesArchive(tiles, { tileType: 1, tileCompression: 1, metadata: {}, compressDirectories: false });
    const p = new PMTiles(new BufferSource(buf));
    const h = await p.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(16384 - 127);
    for (const [x, y] of [[0, 0], [255, 159], [100, 42], [17, 150]] as const) expect(new Uint8Array((await p.getZxy(8, x, y))!.data)).toEqual(new Uint8Array([x, y, (x * y) & 255]));
  });
});
