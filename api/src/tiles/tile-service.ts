/**
 * The tile source of every layer: z/x/y + request context → MVT bytes (or null for an empty tile) and an ETag.
 * Has no HTTP code; tiles/routes.ts and tiles/fast-path.ts adapt it. ST_AsMVT on PostGIS, the JS encoder on
 * PGlite. Tiles are cached (tile-cache.ts) under a key of only what changes them: the layer and address, the
 * jurisdiction prefix only for layers scoped by it, the as-of date only for statements that read it, and the
 * attribute filter when there is one. The cache is used only while the change feed hears every write.
 * Tiles are rendered from a read replica when one has replayed every change heard (reads/read-floor.ts).
 */
import { hash } from 'node:crypto';
import type { Database, Queryable } from 'db';
import type { LayerDefinition } from '../layers/types.js';
import { LAYERS } from '../layers/registry.js';
import type { ReadFloor } from '../reads/read-floor.js';
import { TileChangeFeed } from './change-feed.js';
import { encodeTile, type TileSpaceFeature } from './encode-mvt.js';
import { bindNamed, type CompiledSql } from './named-params.js';
import { TileCache, type TileCacheOptions } from './tile-cache.js';
import { buildTileSql, type LayerTileSql, type TileFilter, type TileParam } from './tile-sql.js';

export interface TileRequest {
  z: number;
  x: number;
  y: number;
  /** Jurisdiction prefix of the user ('' = everything). */
  prefix: string;
  /** YYYY-MM-DD; only layers coloured by date use it. */
  asOf: string;
  /** An attribute filter (CQL2, already compiled against the layer's fields). */
  filter?: TileFilter;
}

export interface TileResult {
  bytes: Uint8Array | null;
  etag: string;
}

const etagOf = (bytes: Uint8Array | null) => `"${hash('sha1', bytes ?? new Uint8Array(), 'base64url').slice(0, 22)}"`;
const EMPTY: TileResult = { bytes: null, etag: etagOf(null) };

export interface TileServiceOptions {
  cache?: TileCacheOptions;
  ackTimeoutMs?: number;
  /** Users whose tokens changed, heard on the change feed (see change-feed.ts). */
  onUsersChanged?: (ids: number[] | 'all') => void;
  /** Where reads go (shared with the API's routes); the change feed keeps it. */
  floor?: ReadFloor;
}

export class TileService {
  private readonly sql = new Map<string, LayerTileSql>();
  private readonly readsByZoom = new Map<string, { prefix: boolean; asOf: boolean }[]>();
  readonly cache: TileCache;
  readonly feed: TileChangeFeed;
  private mvt: boolean | undefined;

  constructor(
    private readonly db: Database,
    layers: readonly LayerDefinition[] = LAYERS,
    opts: TileServiceOptions = {},
  ) {
    for (const l of layers) this.sql.set(l.id, buildTileSql(l)), this.readsByZoom.set(l.id, []);
    this.cache = new TileCache(opts.cache);
    this.feed = new TileChangeFeed(db, this.cache, layers, { ackTimeoutMs: opts.ackTimeoutMs, onUsersChanged: opts.onUsersChanged, floor: opts.floor });
  }

  /** Start hearing about changes; until then (and whenever the feed is down) tiles are not cached. */
  start(): Promise<void> {
    return this.feed.start();
  }

  close(): Promise<void> {
    return this.feed.close();
  }

  /** The cache key of a tile, or null for a tile below its layer's zoom range. */
  key(def: LayerDefinition, req: TileRequest): string {
    const reads = req.filter ? this.reads(def, req.z, req.filter.sql) : (this.readsByZoom.get(def.id)![req.z] ??= this.reads(def, req.z));
    let key = `${def.id}/${req.z}/${req.x}/${req.y}`;
    if (reads.prefix) key += `|${req.prefix}`;
    if (reads.asOf) key += `|${req.asOf}`;
    if (req.filter) key += `|${req.filter.key}`;
    return key;
  }

  /** Which request values the tile's statement reads: only those go into its cache key. */
  private reads(def: LayerDefinition, z: number, filter?: string) {
    const names = this.sql.get(def.id)!.mvt(z, filter).names;
    return { prefix: names.includes('prefix'), asOf: names.includes('asOf') };
  }

  /** A cached tile without touching the database, for the fast path; undefined when not cached. */
  cached(def: LayerDefinition, req: TileRequest): TileResult | undefined {
    if (req.z < def.minzoom) return EMPTY;
    return this.feed.live ? this.cache.get(this.key(def, req)) : undefined;
  }

  async tile(def: LayerDefinition, req: TileRequest, opts: { useCache?: boolean } = {}): Promise<TileResult> {
    if (req.z < def.minzoom) return EMPTY;
    const useCache = (opts.useCache ?? true) && this.feed.live;
    const key = useCache ? this.key(def, req) : '';
    const hit = useCache ? this.cache.get(key) : undefined;
    if (hit) return hit;
    const changesBefore = this.cache.changes;
    // Chosen after reading the change count: a change heard from here on either stops this tile being cached or
    // came before the choice, which then already excludes replicas that lack it.
    const reads = this.feed.floor.reads();
    this.mvt ??= await this.db.supportsMvt();
    const bytes = this.mvt ? await this.renderMvt(reads, def, req) : await this.renderJs(reads, def, req);
    const out = { bytes, etag: etagOf(bytes) };
    // Cached only if no change arrived while it rendered (it may have read the rows from before that change),
    // and the feed is live (a change missed while it was down must not be cached).
    if (useCache && this.feed.live && this.cache.changes === changesBefore) this.cache.set(key, { ...out, layer: def.id, z: req.z, x: req.x, y: req.y });
    return out;
  }

  /** Values by parameter name: the tile's own, and the filter's $f0.. when there is one. */
  private bind(q: CompiledSql<TileParam>, req: TileRequest): unknown[] {
    return bindNamed(q as CompiledSql<string>, req.filter ? { ...req, ...req.filter.values } : (req as unknown as Record<string, unknown>));
  }

  private async renderMvt(reads: Queryable, def: LayerDefinition, req: TileRequest): Promise<Uint8Array | null> {
    const q = this.sql.get(def.id)!.mvt(req.z, req.filter?.sql);
    const [row] = await reads.query<{ mvt: Uint8Array | null }>(q.text, this.bind(q, req), { name: q.statement });
    const mvt = row?.mvt;
    return mvt && mvt.byteLength > 0 ? new Uint8Array(mvt.buffer, mvt.byteOffset, mvt.byteLength) : null;
  }

  private async renderJs(reads: Queryable, def: LayerDefinition, req: TileRequest): Promise<Uint8Array | null> {
    const q = this.sql.get(def.id)!.features(req.z, req.filter?.sql);
    const rows = await reads.query<Record<string, unknown>>(q.text, this.bind(q, req));
    const features: TileSpaceFeature[] = rows.map((r) => {
      const { __id, __geom: _g, __geojson, ...properties } = r;
      return { id: Number(__id), geometry: JSON.parse(String(__geojson)), properties };
    });
    return encodeTile(def.id, features);
  }
}
