/**
 * OGC API – Features item queries, built once per layer: bbox, datetime (for layers with a validity interval),
 * jurisdiction scope, paging by id. Geometry as GeoJSON in WGS84 (CRS84), 7 decimals (~1 cm).
 * Named parameters a layer does not use are simply not bound (see tiles/named-params.ts).
 */
import { quoteIdent } from 'db';
import type { LayerDefinition } from '../layers/types.js';
import { compileNamed, type CompiledSql } from '../tiles/named-params.js';
import { inScopeSql } from '../users/scope.js';

export type ItemParam = 'prefix' | 'asOf' | 'w' | 's' | 'e' | 'n' | 'dtStart' | 'dtEnd' | 'limit' | 'offset' | 'id';

function select(def: LayerDefinition): string {
  return `t.id AS __id, ST_AsGeoJSON(${def.geometry}, 7) AS __geometry, ${def.fields.map((f) => `(${f.sql}) AS ${quoteIdent(f.name)}`).join(', ')}`;
}

function baseConditions(def: LayerDefinition): string[] {
  const out = [`${def.geometry} IS NOT NULL`, def.where ?? 'true'];
  if (def.scopeColumn) out.push(inScopeSql(def.scopeColumn, '$prefix'));
  return out;
}

export interface ItemSql {
  /** A page of items; with `filter` (a CQL2 condition from cql2-sql.ts, parameters $f0..) the filtered page. */
  page: (filter?: string) => CompiledSql<ItemParam>;
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
  const pageOf = (filter?: string) =>
    compileNamed<ItemParam>(`
      SELECT ${select(def)}, count(*) OVER () AS __matched
      ${from} WHERE ${[...pageConditions, ...(filter ? [filter] : [])].join(' AND ')}
      ORDER BY t.id LIMIT $limit::int OFFSET $offset::int`);
  const plain = pageOf();
  // Filtered pages differ per filter shape (values are parameters); a few hundred shapes are kept.
  const filtered = new Map<string, CompiledSql<ItemParam>>();
  return {
    page: (filter) => {
      if (!filter) return plain;
      let c = filtered.get(filter);
      if (!c) {
        if (filtered.size >= 500) filtered.clear();
        filtered.set(filter, (c = pageOf(filter)));
      }
      return c;
    },
    one: compileNamed<ItemParam>(`SELECT ${select(def)} ${from} WHERE t.id = $id::bigint AND ${baseConditions(def).join(' AND ')}`),
  };
}
