/**
 * OGC API – Features, Part 1 Core, under /api/ogc: landing page, conformance, collections (one per layer),
 * items with bbox, limit, offset paging links and datetime, single items. JSON/GeoJSON only.
 * GDAL's OGCAPI driver and QGIS read it with an `Authorization: Bearer <token>` header.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { layerStats } from '../catalogue/catalogue.js';
import { publicOriginOf } from '../http/client-address.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, jsonAs, pathParams, query } from '../http/openapi.js';
import { bboxParam, intString, limitParam } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { notFound } from '../http/problem.js';
import { LAYERS, findLayer } from '../layers/registry.js';
import type { LayerDefinition } from '../layers/types.js';
import { bindNamed, type CompiledSql } from '../tiles/named-params.js';
import { datetimeParam } from './datetime.js';
import { buildItemSql, type ItemSql } from './features-sql.js';
import { filterParams, parseFilter } from './filter-param.js';
import * as answer from './schemas.js';

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  // Part 3: filtering items with `filter` in CQL2 text, over the queryables each collection lists.
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
];
const GEOJSON = 'application/geo+json';
export const OGC_MAX_LIMIT = 10_000;

export const itemsQuery = z.object({
  bbox: bboxParam.optional(),
  limit: limitParam(100, OGC_MAX_LIMIT),
  offset: intString(0, 10_000_000).optional().transform((v) => v ?? 0),
  datetime: datetimeParam.optional(),
  f: z.enum(['json', 'geojson']).optional(),
  ...filterParams,
}); // OGC API – Features: an unknown parameter is a 400, not silently ignored (query() refuses it)

export const oneItemQuery = z.object({ f: z.enum(['json', 'geojson']).optional() });

/** Collection ids are checked against the layers (404 naming collectionId), so any text is parsed here. */
const collectionParam = z.object({ collectionId: z.string().meta({ example: 'townships' }) });
const featureParam = collectionParam.extend({ featureId: z.string().meta({ example: '1' }) });
const tags = ['ogc'];
const geojson = <S extends z.ZodType>(schema: S) => ({ media: GEOJSON, schema });

const JSON_SCHEMA_TYPE = { string: { type: 'string' }, number: { type: 'number' }, boolean: { type: 'boolean' }, date: { type: 'string', format: 'date' } } as const;

const collectionOf = (def: LayerDefinition, base: string, extent: [number, number, number, number] | null): z.input<typeof answer.collection> => ({
  id: def.id,
  title: def.title.zh,
  description: `${def.title.zh} / ${def.title.en}`,
  itemType: 'feature' as const,
  crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
  extent: extent ? { spatial: { bbox: [extent], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } } : undefined,
  links: [
    { href: `${base}/collections/${def.id}`, rel: 'self', type: 'application/json', title: def.title.zh },
    { href: `${base}/collections/${def.id}/items`, rel: 'items', type: GEOJSON, title: def.title.zh },
    { href: `${base}/collections/${def.id}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json', title: def.title.zh },
  ],
});

function feature(def: LayerDefinition, row: Record<string, unknown>) {
  const { __id, __geometry, __matched: _m, ...properties } = row;
  return { type: 'Feature' as const, id: Number(__id), geometry: JSON.parse(String(__geometry)) as z.input<typeof answer.item>['geometry'], properties };
}

export function ogcRoutes({ config }: AppDeps) {
  const app = new Hono<AppEnv>();
  const sql = new Map<string, ItemSql>(LAYERS.map((l) => [l.id, buildItemSql(l)]));
  const base = (c: Context<AppEnv>) => `${publicOriginOf(c, config)}/api/ogc`;
  const layerOr404 = (id: string) => {
    const def = findLayer(id);
    if (!def) throw notFound(`There is no collection '${id}'.`, 'collectionId');
    return def;
  };

  app.get('/', describe({ summary: 'OGC API – Features landing page', tags, response: answer.landing }), (c) =>
    json(c, answer.landing, {
      title: '禁毒网格化管理地图 OGC API',
      description: 'Anti-drug grid management console: boundaries, grids, checkpoints, firms, venues, wastewater sites.',
      links: [
        { href: `${base(c)}`, rel: 'self', type: 'application/json', title: 'This document' },
        { href: `${base(c).replace(/\/ogc$/, '')}/openapi.json`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'OpenAPI' },
        { href: `${base(c)}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance' },
        { href: `${base(c)}/collections`, rel: 'data', type: 'application/json', title: 'Collections' },
      ],
    }),
  );

  app.get('/conformance', describe({ summary: 'Conformance classes', tags, response: answer.conformance }), (c) => json(c, answer.conformance, { conformsTo: CONFORMANCE }));

  app.get('/collections', describe({ summary: 'Collections (one per layer)', tags, response: answer.collections }), async (c) => {
    const prefix = c.get('user').scopePrefix;
    const collections = [];
    for (const def of LAYERS) collections.push(collectionOf(def, base(c), (await layerStats(c.var.reads, def, prefix)).bounds));
    return json(c, answer.collections, { links: [{ href: `${base(c)}/collections`, rel: 'self', type: 'application/json' }], collections });
  });

  app.get('/collections/:collectionId', describe({ summary: 'A collection', tags, response: answer.collection }), pathParams(collectionParam), async (c) => {
    const def = layerOr404(c.req.valid('param').collectionId);
    return json(c, answer.collection, collectionOf(def, base(c), (await layerStats(c.var.reads, def, c.get('user').scopePrefix)).bounds));
  });

  // Part 3 queryables: the properties a filter may name, as a JSON Schema.
  const queryables = describe({ summary: 'The properties a filter may name (JSON Schema)', tags, response: { media: 'application/schema+json', schema: answer.queryables } });
  app.get('/collections/:collectionId/queryables', queryables, pathParams(collectionParam), (c) => {
    const def = layerOr404(c.req.valid('param').collectionId);
    return jsonAs(c, 'application/schema+json', answer.queryables, {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${base(c)}/collections/${def.id}/queryables`,
      type: 'object',
      title: def.title.zh,
      properties: Object.fromEntries(def.fields.map((f) => [f.name, { title: f.title.zh, description: f.title.en, ...JSON_SCHEMA_TYPE[f.type] }])),
      additionalProperties: false,
    });
  });

  const itemsDoc = describe({ summary: 'Features, with bbox, limit, offset, datetime and filter (CQL2 text); 400 for unknown parameters', tags, response: geojson(answer.items) });
  app.get('/collections/:collectionId/items', itemsDoc, pathParams(collectionParam), query(itemsQuery), async (c) => {
    const def = layerOr404(c.req.valid('param').collectionId);
    const q = c.req.valid('query');
    const [w, s, e, n] = q.bbox ?? [null, null, null, null];
    const dt = q.datetime;
    // For areas, an instant `datetime` also fixes the date their listing grade is read at.
    const asOf = dt?.instant && dt.start ? dt.start : chinaToday();
    const filter = parseFilter(q, def);
    const p = sql.get(def.id)!.page(filter?.sql);
    const values = { prefix: c.get('user').scopePrefix, asOf, w, s, e, n, dtStart: dt?.start ?? null, dtEnd: dt?.end ?? null, limit: q.limit, offset: q.offset, id: null };
    const rows = await c.var.reads.query<Record<string, unknown>>(p.text, bindNamed(p as CompiledSql<string>, { ...values, ...filter?.values }));
    const matched = rows.length ? Number(rows[0]!.__matched) : 0;
    const self = new URL(c.req.url);
    const link = (offset: number, rel: string) => {
      const u = new URL(`${base(c)}/collections/${def.id}/items`);
      self.searchParams.forEach((v, k) => u.searchParams.set(k, v));
      u.searchParams.set('offset', String(offset));
      u.searchParams.set('limit', String(q.limit));
      return { href: u.toString(), rel, type: GEOJSON };
    };
    const links = [link(q.offset, 'self'), { href: `${base(c)}/collections/${def.id}`, rel: 'collection', type: 'application/json' }];
    if (q.offset + rows.length < matched) links.push(link(q.offset + q.limit, 'next'));
    if (q.offset > 0) links.push(link(Math.max(0, q.offset - q.limit), 'prev'));
    return jsonAs(c, GEOJSON, answer.items, {
      type: 'FeatureCollection',
      features: rows.map((r) => feature(def, r)),
      numberMatched: matched,
      numberReturned: rows.length,
      timeStamp: new Date().toISOString(),
      links,
    });
  });

  app.get('/collections/:collectionId/items/:featureId', describe({ summary: 'One feature', tags, response: geojson(answer.item) }), pathParams(featureParam), query(oneItemQuery), async (c) => {
    const { collectionId, featureId: fid } = c.req.valid('param');
    const def = layerOr404(collectionId);
    if (!/^\d{1,18}$/.test(fid)) throw notFound(`There is no feature '${fid}' in '${def.id}'.`, 'featureId');
    const q = sql.get(def.id)!.one;
    const [row] = await c.var.reads.query<Record<string, unknown>>(q.text, bindNamed(q, { prefix: c.get('user').scopePrefix, asOf: chinaToday(), id: fid } as never));
    if (!row) throw notFound(`There is no feature '${fid}' in '${def.id}'.`, 'featureId');
    return jsonAs(c, GEOJSON, answer.item, {
      ...feature(def, row),
      links: [
        { href: `${base(c)}/collections/${def.id}/items/${fid}`, rel: 'self', type: GEOJSON },
        { href: `${base(c)}/collections/${def.id}`, rel: 'collection', type: 'application/json' },
      ],
    });
  });
  return app;
}
