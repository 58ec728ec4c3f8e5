/**
 * OGC API – Features item queries, built once per layer: bbox, datetime (for layers with a validity interval),
 * jurisdiction scope, paging by id. Geometry as GeoJSON in WGS84 (CRS84), 7 decimals (~1 cm).
 * Named parameters a layer does not use are simply not bound (see tiles/named-params.ts).
 */
import { quoteIdent } from 'db';
import type { LayerDefinition } from '../layers/types.js';
import { compileNamed, type CompiledSql } from '../tiles/named-params.js';

export type ItemParam = 'prefix' | 'asOf' | 'w' | 's' | 'e' | 'n' | 'dtStart' | 'dtEnd' | 'limit' | 'offset' | 'id';

function select(def: LayerDefinition): string {
  return `t.id AS __id, ST_AsGeoJSON(${def.geometry}, 7) AS __geometry, ${def.fields.map((f) => `(${f.sql}) AS ${quoteIdent(f.name)}`).join(', ')}`;
}

function baseConditions(def: LayerDefinition): string[] {
  const out = [`${def.geometry} IS NOT NULL`, def.where ?? 'true'];
  if (def.scopeColumn) out.push(`left(${def.scopeColumn}, length($prefix::text)) = $prefix::text`);
  return out;
}

export interface ItemSql {
  page: CompiledSql<ItemParam>;
  one: CompiledSql<ItemParam>;
}

export function buildItemSql(def: LayerDefinition): ItemSql {
  const from = `FROM ${def.table} t ${def.joins ?? ''}`;
  const pageConditions = [
    ...baseConditions(def),
    `($w::float8 IS NULL OR ${def.geometry} && ST_MakeEnvelope($w::float8, $s::float8, $e::float8, $n::float8, 4326))`,
  ];
  if (def.validity) {
    // The requested interval [start, end] overlaps the validity [from, to); open ends are NULL.
    pageConditions.push(
      `($dtEnd::date IS NULL OR ${def.validity.from} <= $dtEnd::date)`,
      `($dtStart::date IS NULL OR ${def.validity.to} IS NULL OR ${def.validity.to} > $dtStart::date)`,
    );
  }
  return {
    page: compileNamed<ItemParam>(`
      SELECT ${select(def)}, count(*) OVER () AS __matched
      ${from} WHERE ${pageConditions.join(' AND ')}
      ORDER BY t.id LIMIT $limit::int OFFSET $offset::int`),
    one: compileNamed<ItemParam>(`SELECT ${select(def)} ${from} WHERE t.id = $id::bigint AND ${baseConditions(def).join(' AND ')}`),
  };
}
