/**
 * Writes a small PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a 127-byte
 * header, an uncompressed root directory, empty JSON metadata, then the tiles. Enough to test the basemap's PMTiles
 * source end to end; real archives come from tools such as `pmtiles convert`.
 */
import { writeFileSync } from 'node:fs';
import { zxyToTileId } from 'pmtiles';

function varint(n: number, out: number[]) {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

export function writePmtiles(path: string, tiles: { z: number; x: number; y: number; data: Uint8Array }[], tileType = 2 /* png */) {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => ({ ...e, offset: (offset += e.data.length) - e.data.length }));
  const dir: number[] = [];
  varint(placed.length, dir);
  let last = 0;
  for (const e of placed) varint(e.id - last, dir), (last = e.id);
  for (const _ of placed) varint(1, dir); // run lengths
  for (const e of placed) varint(e.data.length, dir);
  placed.forEach((e, i) => varint(i > 0 && e.offset === placed[i - 1]!.offset + placed[i - 1]!.data.length ? 0 : e.offset + 1, dir));
  const metadata = Buffer.from('{}');
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metaOffset = rootOffset + dir.length;
  const dataOffset = metaOffset + metadata.length;
  const u64 = (v: number, at: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(rootOffset, 8);
  u64(dir.length, 16);
  u64(metaOffset, 24);
  u64(metadata.length, 32);
  u64(dataOffset, 40); // no leaf directories
  u64(0, 48);
  u64(dataOffset, 56);
  u64(offset, 64);
  u64(placed.length, 72);
  u64(placed.length, 80);
  u64(placed.length, 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(tileType, 99);
  header.writeUInt8(Math.min(...tiles.map((t) => t.z)), 100);
  header.writeUInt8(Math.max(...tiles.map((t) => t.z)), 101);
  header.writeInt32LE(-1800000000, 102);
  header.writeInt32LE(-850000000, 106);
  header.writeInt32LE(1800000000, 110);
  header.writeInt32LE(850000000, 114);
  writeFileSync(path, Buffer.concat([header, Buffer.from(dir), metadata, ...placed.map((e) => Buffer.from(e.data))]));
}
