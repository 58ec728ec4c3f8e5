/**
 * Tile queries for one layer, built once when the layer is registered (Martin's habit): the request only binds
 * $z, $x, $y, $prefix (jurisdiction) and, for layers coloured by date, $asOf.
 *
 * Two forms of the same query:
 *  - `mvt`: ST_AsMVT in the database (PostgreSQL + PostGIS with protobuf-c: production).
 *  - `features`: the same features with geometry already in tile space as GeoJSON, for the embedded PGlite whose
 *    PostGIS lacks protobuf-c; tiles/encode-mvt.ts turns them into the same MVT bytes' features.
 * Both clip to the tile plus a 64-unit buffer, snap to the 4096 grid and carry the same properties, so the same
 * tile decodes to the same features from either database.
 */
import { createHash } from 'node:crypto';
import { quoteIdent } from 'db';
import type { LayerDefinition, LayerField } from '../layers/types.js';
import { compileNamed, type CompiledSql } from './named-params.js';
import { inScopeFilterSql } from '../users/scope.js';

export const EXTENT = 4096;
export const BUFFER = 64;
/** Cluster cells per tile side: 8 → a cell is 32 px on a 256 px tile. */
export const CLUSTER_CELLS = 8;

export type TileParam = 'z' | 'x' | 'y' | 'prefix' | 'asOf';

/** An attribute filter compiled against the layer's fields (ogc/cql2-sql.ts): SQL with $f0.. and its values. */
export interface TileFilter {
  sql: string;
  values: Record<string, unknown>;
  key: string;
}

export interface LayerTileSql {
  /** Per-feature query (one per zoom band: the geometry column differs by zoom); `filter` adds a condition. */
  mvt: (z: number, filter?: string) => CompiledSql<TileParam>;
  features: (z: number, filter?: string) => CompiledSql<TileParam>;
}

/** Cast so both encoders see the same JS/MVT value types: numbers as float8, dates as text. */
function fieldSelect(f: LayerField): string {
  const cast = f.type === 'number' ? '::double precision' : f.type === 'boolean' ? '::boolean' : '::text';
  return `(${f.sql})${cast} AS ${quoteIdent(f.name)}`;
}

/**
 * A sub-select, so that PostgreSQL computes the envelope once per tile (an InitPlan): in the generic plan of a
 * prepared statement a plain ST_TileEnvelope($z, $x, $y) is not folded to a constant and was built again for every
 * row, twice (the clip and its box): 0.14 ms per tile of counties at z5–7, province scale.
 */
const envelope = `(SELECT ST_TileEnvelope($z::integer, $x::integer, $y::integer))`;
/** The 64/4096 buffer in metres at this zoom (the Mercator world is 2·20037508.34 m wide). */
const bufferMetres = `(40075016.685578488 / (2 ^ $z::integer) * ${BUFFER} / ${EXTENT})`;

function scopeCondition(def: LayerDefinition): string {
  return def.scopeColumn ? inScopeFilterSql(def.scopeColumn, '$prefix') : 'true';
}

/** Geometry transformed into tile space (0..4096, y down), clipped to the buffered tile, snapped to integers. */
function tileSpaceGeometry(def: LayerDefinition, geom: string): string {
  const affine = `ST_Affine(${geom},
      ${EXTENT} / (ST_XMax(b.env) - ST_XMin(b.env)), 0, 0, -${EXTENT} / (ST_YMax(b.env) - ST_YMin(b.env)),
      -ST_XMin(b.env) * ${EXTENT} / (ST_XMax(b.env) - ST_XMin(b.env)), ST_YMax(b.env) * ${EXTENT} / (ST_YMax(b.env) - ST_YMin(b.env)))`;
  const box = `ST_MakeEnvelope(${-BUFFER}, ${-BUFFER}, ${EXTENT + BUFFER}, ${EXTENT + BUFFER}, 3857)`;
  if (def.geometryType === 'Point') return `ST_SnapToGrid(${affine}, 1)`;
  if (def.geometryType === 'LineString') return `ST_SnapToGrid(ST_Intersection(${affine}, ${box}), 1)`;
  return `ST_CollectionExtract(ST_MakeValid(ST_SnapToGrid(ST_ClipByBox2D(${affine}, ${box}), 1)), 3)`;
}

function featureRows(def: LayerDefinition, z: number, geomOut: (g: string) => string, filter?: string): string {
  const geom = def.tileGeometry(z);
  return `
    SELECT t.id AS __id, ${geomOut(geom)} AS __geom, ${def.fields.map(fieldSelect).join(', ')}
    FROM ${def.asOf?.table ?? def.table} t CROSS JOIN b ${def.joins ?? ''}
    WHERE ${geom} && ST_Expand(b.env, ${bufferMetres})
      AND ${def.asOf?.where ?? def.where ?? 'true'} AND ${scopeCondition(def)}${filter ? ` AND ${filter}` : ''}`;
}

/**
 * Clusters: points inside the tile (not its buffer, so no cluster is drawn twice) grouped on a coarse grid.
 * A filter may read any field, so with one the layer's joins come along.
 */
function clusterRows(def: LayerDefinition, z: number, geomOut: (g: string) => string, filter?: string): string {
  const geom = def.tileGeometry(z);
  const cell = `((ST_XMax(b.env) - ST_XMin(b.env)) / ${CLUSTER_CELLS})`;
  return `
    SELECT c.__id, ${geomOut('c.g')} AS __geom, true AS cluster, c.point_count::double precision AS point_count
    FROM b, (
      SELECT min(t.id) AS __id, count(*) AS point_count, ST_Centroid(ST_Collect(${geom})) AS g
      FROM ${def.asOf?.table ?? def.table} t CROSS JOIN b ${filter ? (def.joins ?? '') : ''}
      WHERE ${geom} && b.env AND ${def.asOf?.where ?? def.where ?? 'true'} AND ${scopeCondition(def)}${filter ? ` AND ${filter}` : ''}
      GROUP BY floor((ST_X(${geom}) - ST_XMin(b.env)) / ${cell}), floor((ST_Y(${geom}) - ST_YMin(b.env)) / ${cell})
    ) c`;
}

function rows(def: LayerDefinition, z: number, geomOut: (g: string) => string, filter?: string): string {
  const clustered = def.clusterBelowZoom !== undefined && z < def.clusterBelowZoom;
  return clustered ? clusterRows(def, z, geomOut, filter) : featureRows(def, z, geomOut, filter);
}

function mvtQuery(def: LayerDefinition, z: number, filter?: string): string {
  const inner = rows(def, z, (g) => `ST_AsMVTGeom(${g}, b.env, ${EXTENT}, ${BUFFER}, true)`, filter);
  // No `WHERE f.__geom IS NOT NULL`: ST_AsMVT skips rows whose geometry clipped away to NULL, and the condition,
  // pushed down into the scan, made PostgreSQL run ST_AsMVTGeom twice per row (filter and output): 20 % of the
  // statement's execution time.
  return `
    WITH b AS (SELECT ${envelope} AS env)
    SELECT ST_AsMVT(f.*, '${def.id.replace(/'/g, "''")}', ${EXTENT}, '__geom', '__id') AS mvt
    FROM (${inner}) f`;
}

function featuresQuery(def: LayerDefinition, z: number, filter?: string): string {
  const inner = rows(def, z, (g) => tileSpaceGeometry(def, g), filter);
  return `
    WITH b AS (SELECT ${envelope} AS env)
    SELECT f.*, ST_AsGeoJSON(f.__geom, 0) AS __geojson
    FROM (${inner}) f WHERE f.__geom IS NOT NULL AND NOT ST_IsEmpty(f.__geom)`;
}

/**
 * Tile queries run as prepared statements: PostgreSQL parses and plans each once per connection and then only
 * binds z/x/y. Zooms of one band share their text, hence their statement: the name follows the text.
 */
function statementName(def: LayerDefinition, form: string, text: string): string {
  return `tile_${def.id}_${form}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
}

export function buildTileSql(def: LayerDefinition): LayerTileSql {
  // The zoom bands are few (geometry column and clustering change at one or two zooms), so cache per zoom.
  // Filtered forms differ per filter: kept in a small bounded map, unnamed (planned per request).
  const plain = { mvt: new Map<number, CompiledSql<TileParam>>(), features: new Map<number, CompiledSql<TileParam>>() };
  const filtered = new Map<string, CompiledSql<TileParam>>();
  const build = { mvt: mvtQuery, features: featuresQuery };
  const get = (form: 'mvt' | 'features', z: number, filter?: string) => {
    if (filter) {
      const key = `${form}/${z}/${filter}`;
      let c = filtered.get(key);
      if (!c) {
        if (filtered.size >= 500) filtered.clear();
        filtered.set(key, (c = compileNamed<TileParam>(build[form](def, z, filter))));
      }
      return c;
    }
    let c = plain[form].get(z);
    if (!c) {
      c = compileNamed<TileParam>(build[form](def, z));
      c.statement = statementName(def, form, c.text);
      plain[form].set(z, c);
    }
    return c;
  };
  return { mvt: (z, filter) => get('mvt', z, filter), features: (z, filter) => get('features', z, filter) };
}
