/**
 * The tile source of every layer: z/x/y + request context → MVT bytes (or null for an empty tile) and an ETag.
 * Has no HTTP code; tiles/routes.ts adapts it. Chooses ST_AsMVT on PostGIS and the JS encoder on PGlite.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'db';
import type { LayerDefinition } from '../layers/types.js';
import { LAYERS } from '../layers/registry.js';
import { encodeTile, type TileSpaceFeature } from './encode-mvt.js';
import { bindNamed } from './named-params.js';
import { TileCache } from './tile-cache.js';
import { buildTileSql, type LayerTileSql } from './tile-sql.js';

export interface TileRequest {
  z: number;
  x: number;
  y: number;
  /** Jurisdiction prefix of the user ('' = everything). */
  prefix: string;
  /** YYYY-MM-DD; only layers coloured by date use it. */
  asOf: string;
}

export interface TileResult {
  bytes: Uint8Array | null;
  etag: string;
}

const etagOf = (bytes: Uint8Array | null) => `"${createHash('sha1').update(bytes ?? new Uint8Array()).digest('base64url').slice(0, 22)}"`;

export class TileService {
  private readonly sql = new Map<string, LayerTileSql>();
  readonly cache = new TileCache();

  constructor(
    private readonly db: Database,
    layers: readonly LayerDefinition[] = LAYERS,
  ) {
    for (const l of layers) this.sql.set(l.id, buildTileSql(l));
  }

  async tile(def: LayerDefinition, req: TileRequest, opts: { useCache?: boolean } = {}): Promise<TileResult> {
    if (req.z < def.minzoom) return { bytes: null, etag: etagOf(null) };
    const key = `${def.id}/${req.z}/${req.x}/${req.y}|${req.prefix}|${req.asOf}`;
    const useCache = opts.useCache ?? true;
    const hit = useCache ? this.cache.get(key) : undefined;
    if (hit) return hit;
    const bytes = (await this.db.supportsMvt()) ? await this.renderMvt(def, req) : await this.renderJs(def, req);
    const out = { bytes, etag: etagOf(bytes), at: Date.now() };
    if (useCache) this.cache.set(key, out);
    return out;
  }

  private async renderMvt(def: LayerDefinition, req: TileRequest): Promise<Uint8Array | null> {
    const q = this.sql.get(def.id)!.mvt(req.z);
    const [row] = await this.db.query<{ mvt: Uint8Array | null }>(q.text, bindNamed(q, req));
    const mvt = row?.mvt;
    return mvt && mvt.byteLength > 0 ? new Uint8Array(mvt) : null;
  }

  private async renderJs(def: LayerDefinition, req: TileRequest): Promise<Uint8Array | null> {
    const q = this.sql.get(def.id)!.features(req.z);
    const rows = await this.db.query<Record<string, unknown>>(q.text, bindNamed(q, req));
    const features: TileSpaceFeature[] = rows.map((r) => {
      const { __id, __geom: _g, __geojson, ...properties } = r;
      return { id: Number(__id), geometry: JSON.parse(String(__geojson)), properties };
    });
    return encodeTile(def.id, features);
  }
}
