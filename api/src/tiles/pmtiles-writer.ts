/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) — one file a wall
 * display or a phone opens with no server: 127-byte header, root directory, JSON metadata, leaf directories,
 * tile data. Tiles are ordered by tile id (clustered); directories are gzip-compressed, and split into leaf
 * directories when the root would not fit in the first 16 KiB as the spec requires.
 */
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface PmtilesOptions {
  /** 1 mvt, 2 png, 3 jpeg, 4 webp. */
  tileType: 1 | 2 | 3 | 4;
  /** How `data` is compressed: 1 none, 2 gzip. */
  tileCompression: 1 | 2;
  metadata: Record<string, unknown>;
  /** [w, s, e, n] in degrees; defaults to the whole world. */
  bounds?: [number, number, number, number];
  /** Directories gzip-compressed (the default) or not: readers handle both. */
  compressDirectories?: boolean;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER = 127;
const ROOT_MAX = 16_384 - HEADER;

function varint(n: number, out: number[]) {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

function serialize(entries: Entry[], compress: boolean): Buffer {
  const b: number[] = [];
  varint(entries.length, b);
  let last = 0;
  for (const e of entries) (varint(e.tileId - last, b), (last = e.tileId));
  for (const e of entries) varint(e.runLength, b);
  for (const e of entries) varint(e.length, b);
  entries.forEach((e, i) => varint(i > 0 && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1, b));
  return compress ? gzipSync(Buffer.from(b)) : Buffer.from(b);
}

/** Root and leaf directories: all entries in the root if it fits, else leaves of `leafSize` entries. */
function directories(entries: Entry[], compress: boolean): { root: Buffer; leaves: Buffer } {
  const whole = serialize(entries, compress);
  if (whole.length <= ROOT_MAX) return { root: whole, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const leafBufs: Buffer[] = [];
    const rootEntries: Entry[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const buf = serialize(chunk, compress);
      rootEntries.push({ tileId: chunk[0]!.tileId, offset, length: buf.length, runLength: 0 });
      leafBufs.push(buf);
      offset += buf.length;
    }
    const root = serialize(rootEntries, compress);
    if (root.length <= ROOT_MAX) return { root, leaves: Buffer.concat(leafBufs) };
  }
}

export function writePmtilesArchive(tiles: PmtilesTile[], opts: PmtilesOptions): Buffer {
  if (!tiles.length) throw new Error('a PMTiles archive needs at least one tile');
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of sorted) {
    entries.push({ tileId: t.tileId, offset, length: t.data.byteLength, runLength: 1 });
    offset += t.data.byteLength;
  }
  const compress = opts.compressDirectories ?? true;
  const { root, leaves } = directories(entries, compress);
  const metadata = compress ? gzipSync(Buffer.from(JSON.stringify(opts.metadata))) : Buffer.from(JSON.stringify(opts.metadata));
  const [w, s, e, n] = opts.bounds ?? [-180, -85, 180, 85];
  const minZoom = Math.min(...tiles.map((t) => t.z));
  const maxZoom = Math.max(...tiles.map((t) => t.z));

  const header = Buffer.alloc(HEADER);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (v: number, at: number) => header.writeBigUInt64LE(BigInt(v), at);
  const metaOffset = HEADER + root.length;
  const leafOffset = metaOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  u64(HEADER, 8);
  u64(root.length, 16);
  u64(metaOffset, 24);
  u64(metadata.length, 32);
  u64(leafOffset, 40);
  u64(leaves.length, 48);
  u64(dataOffset, 56);
  u64(offset, 64);
  u64(entries.length, 72); // addressed tiles
  u64(entries.length, 80); // tile entries
  u64(entries.length, 88); // tile contents
  header.writeUInt8(1, 96); // clustered: data in tile-id order
  header.writeUInt8(compress ? 2 : 1, 97);
  header.writeUInt8(opts.tileCompression, 98);
  header.writeUInt8(opts.tileType, 99);
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  const e7 = (v: number) => Math.round(v * 1e7);
  header.writeInt32LE(e7(w), 102);
  header.writeInt32LE(e7(s), 106);
  header.writeInt32LE(e7(e), 110);
  header.writeInt32LE(e7(n), 114);
  header.writeUInt8(Math.min(maxZoom, Math.max(minZoom, Math.round((minZoom + maxZoom) / 2))), 118);
  header.writeInt32LE(e7((w + e) / 2), 119);
  header.writeInt32LE(e7((s + n) / 2), 123);
  return Buffer.concat([header, root, metadata, leaves, ...sorted.map((t) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength))]);
}
