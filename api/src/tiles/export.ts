/**
 * Export of chosen layers to one PMTiles archive, for wall displays and phones that must work with no server:
 * every tile of the user's jurisdiction (the layers' extent within their scope) from `minzoom` to `maxzoom`,
 * each tile holding all the chosen layers (MVT layers concatenate), gzip-compressed, with the layers described
 * in the metadata (vector_layers, and each layer's paint so a viewer can draw them as the console does).
 * Scoped like every read: the tiles are rendered with the user's jurisdiction prefix.
 */
import { gzipSync } from 'node:zlib';
import { layerStats } from '../catalogue/catalogue.js';
import { styleLayersOf } from '../style/paint.js';
import type { Queryable } from 'db';
import type { LayerDefinition } from '../layers/types.js';
import { writePmtilesArchive, type PmtilesTile } from './pmtiles-writer.js';
import type { TileService } from './tile-service.js';

export const MAX_EXPORT_TILES = 20_000;

export interface ExportRequest {
  layers: readonly LayerDefinition[];
  prefix: string;
  asOf: string;
  minzoom: number;
  maxzoom: number;
}

export interface ExportProgress {
  done: number;
  total: number;
}

type BBox = [number, number, number, number];

function tileRange(b: BBox, z: number) {
  const n = 2 ** z;
  const x = (lon: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const y = (lat: number) => {
    const r = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
    return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)));
  };
  return { x0: x(b[0]), x1: x(b[2]), y0: y(b[3]), y1: y(b[1]) };
}

/** The extent to export and how many tiles that is, before doing any of it. */
export async function planExport(db: Queryable, req: ExportRequest): Promise<{ bounds: BBox | null; tiles: number }> {
  let bounds: BBox | null = null;
  for (const def of req.layers) {
    const b = (await layerStats(db, def, req.prefix)).bounds;
    if (b) bounds = bounds ? [Math.min(bounds[0], b[0]), Math.min(bounds[1], b[1]), Math.max(bounds[2], b[2]), Math.max(bounds[3], b[3])] : b;
  }
  if (!bounds) return { bounds, tiles: 0 };
  let tiles = 0;
  for (let z = req.minzoom; z <= req.maxzoom; z++) {
    const r = tileRange(bounds, z);
    tiles += (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
  }
  return { bounds, tiles };
}

export async function exportPmtiles(db: Queryable, service: TileService, req: ExportRequest, onProgress?: (p: ExportProgress) => void): Promise<Buffer | null> {
  const { bounds, tiles: total } = await planExport(db, req);
  if (!bounds) return null;
  const out: PmtilesTile[] = [];
  let done = 0;
  for (let z = req.minzoom; z <= req.maxzoom; z++) {
    const r = tileRange(bounds, z);
    for (let x = r.x0; x <= r.x1; x++) {
      for (let y = r.y0; y <= r.y1; y++) {
        const parts: Uint8Array[] = [];
        for (const def of req.layers) {
          if (z < def.minzoom || z > def.maxzoom) continue;
          // Not through the cache: an export would push out what the map is using.
          const t = await service.tile(def, { z, x, y, prefix: req.prefix, asOf: req.asOf }, { useCache: false });
          if (t.bytes) parts.push(t.bytes);
        }
        if (parts.length) out.push({ z, x, y, data: gzipSync(Buffer.concat(parts)) });
        if (++done % 200 === 0 || done === total) onProgress?.({ done, total });
      }
    }
  }
  if (!out.length) return null;
  return writePmtilesArchive(out, {
    tileType: 1,
    tileCompression: 2,
    bounds,
    metadata: {
      name: '禁毒网格化管理地图',
      description: `Grid console export: ${req.layers.map((l) => l.id).join(', ')}, as of ${req.asOf}`,
      attribution: '禁毒网格化管理地图',
      format: 'pbf',
      generator: 'grid-console',
      as_of: req.asOf,
      jurisdiction_prefix: req.prefix,
      generated_at: new Date().toISOString(),
      vector_layers: req.layers.map((def) => ({
        id: def.id,
        description: def.title.zh,
        minzoom: Math.max(def.minzoom, req.minzoom),
        maxzoom: Math.min(def.maxzoom, req.maxzoom),
        fields: Object.fromEntries(def.fields.map((f) => [f.name, f.type === 'number' ? 'Number' : f.type === 'boolean' ? 'Boolean' : 'String'])),
      })),
      // The console's own MapLibre style layers for these layers (source: the layer id), so that a viewer with no
      // server — the console opening the file — draws them exactly as the map does.
      'gc:style_layers': req.layers.flatMap((def) => styleLayersOf(def)),
      'gc:titles': Object.fromEntries(req.layers.map((def) => [def.id, def.title])),
    },
  });
}
