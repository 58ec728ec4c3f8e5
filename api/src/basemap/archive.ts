/**
 * What a local PMTiles archive holds, read once at start-up: the header (tile type, zooms, bounds) and the JSON
 * metadata (vector_layers, attribution). Read synchronously, so that the configuration check (config.ts) can refuse
 * an archive it cannot serve before the server listens, naming the variable.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bytesToHeader, Compression, TileType, type Header } from 'pmtiles';

/** One layer of a vector archive, as TileJSON's vector_layers describes it. */
export interface VectorLayerInfo {
  id: string;
  minzoom?: number;
  maxzoom?: number;
  /** Attribute name → type ("String", "Number", …). */
  fields: Record<string, string>;
  /** From the metadata's tilestats, when the archive has them: which geometries the layer holds. */
  geometry?: 'Point' | 'LineString' | 'Polygon';
}

export interface ArchiveInfo {
  header: Header;
  kind: 'vector' | 'raster';
  /** The file extension the API serves its tiles under. */
  extension: 'pbf' | 'png' | 'jpg' | 'webp';
  vectorLayers: VectorLayerInfo[];
  attribution?: string;
}

const HEADER_BYTES = 127;
/** Metadata is a few KiB in practice; a bound keeps a corrupt header from making us read gigabytes. */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;

const EXTENSIONS: Partial<Record<TileType, ArchiveInfo['extension']>> = { [TileType.Mvt]: 'pbf', [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp' };

/** Bytes as stored with a PMTiles compression code, decompressed (gzip and brotli: what node:zlib does in every Node we support). */
export function decompressSync(bytes: Uint8Array, compression: Compression): Uint8Array {
  switch (compression) {
    case Compression.None:
    case Compression.Unknown:
      return bytes;
    case Compression.Gzip:
      return gunzipSync(bytes);
    case Compression.Brotli:
      return brotliDecompressSync(bytes);
    default:
      throw new Error(unsupportedCompression(compression));
  }
}

const SUPPORTED = new Set([Compression.None, Compression.Unknown, Compression.Gzip, Compression.Brotli]);
const unsupportedCompression = (c: Compression) => `compression ${Compression[c] ?? c} is not supported (gzip, brotli or none)`;

/** pmtiles' DecompressFunc over decompressSync (its own handles gzip only). */
export async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  const out = decompressSync(new Uint8Array(buf), compression);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, offset);
  if (n < length) throw new Error(`the file ends at byte ${offset + n}, before the ${length} bytes at ${offset} that its header names`);
  return buf;
}

function geometryFromTilestats(meta: Record<string, unknown>): Map<string, VectorLayerInfo['geometry']> {
  const layers = (meta.tilestats as { layers?: { layer?: unknown; geometry?: unknown }[] } | undefined)?.layers;
  const out = new Map<string, VectorLayerInfo['geometry']>();
  for (const l of Array.isArray(layers) ? layers : []) {
    if (typeof l.layer === 'string' && (l.geometry === 'Point' || l.geometry === 'LineString' || l.geometry === 'Polygon')) out.set(l.layer, l.geometry);
  }
  return out;
}

function vectorLayersOf(meta: Record<string, unknown>): VectorLayerInfo[] {
  const raw = meta.vector_layers;
  if (!Array.isArray(raw)) return [];
  const geometry = geometryFromTilestats(meta);
  return raw
    .filter((l): l is Record<string, unknown> => !!l && typeof l === 'object' && typeof (l as { id?: unknown }).id === 'string')
    .map((l) => ({
      id: l.id as string,
      minzoom: typeof l.minzoom === 'number' ? l.minzoom : undefined,
      maxzoom: typeof l.maxzoom === 'number' ? l.maxzoom : undefined,
      fields: l.fields && typeof l.fields === 'object' ? Object.fromEntries(Object.entries(l.fields as object).map(([k, v]) => [k, String(v)])) : {},
      geometry: geometry.get(l.id as string),
    }));
}

/** The archive's header and metadata; throws with a plain message when the file is not a PMTiles v3 archive we can serve. */
export function readArchiveInfo(path: string): ArchiveInfo {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new Error(`cannot open ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const head = readAt(fd, 0, HEADER_BYTES);
    if (head.toString('ascii', 0, 7) !== 'PMTiles') throw new Error(`${path} is not a PMTiles archive (no PMTiles magic number)`);
    if (head[7] !== 3) throw new Error(`${path} is PMTiles version ${head[7]}; only version 3 is read (convert it with \`pmtiles convert\`)`);
    const header = bytesToHeader(head.buffer.slice(head.byteOffset, head.byteOffset + HEADER_BYTES) as ArrayBuffer);
    const extension = EXTENSIONS[header.tileType as TileType];
    if (!extension) throw new Error(`${path} holds ${TileType[header.tileType] ?? `type ${header.tileType}`} tiles; a basemap must be MVT (vector) or PNG, JPEG or WebP (raster)`);
    // A tile compression we cannot undo is refused now rather than on every tile.
    if (!SUPPORTED.has(header.tileCompression)) throw new Error(`${path}: tile ${unsupportedCompression(header.tileCompression)}`);
    if (header.jsonMetadataLength > MAX_METADATA_BYTES) throw new Error(`${path}: its metadata is ${header.jsonMetadataLength} bytes, more than ${MAX_METADATA_BYTES}`);
    const meta = header.jsonMetadataLength
      ? (JSON.parse(Buffer.from(decompressSync(readAt(fd, header.jsonMetadataOffset, header.jsonMetadataLength), header.internalCompression)).toString('utf8')) as Record<string, unknown>)
      : {};
    const kind = header.tileType === TileType.Mvt ? 'vector' : 'raster';
    const vectorLayers = kind === 'vector' ? vectorLayersOf(meta) : [];
    return { header, kind, extension, vectorLayers, attribution: typeof meta.attribution === 'string' && meta.attribution ? meta.attribution : undefined };
  } finally {
    closeSync(fd);
  }
}
