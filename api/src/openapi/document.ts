/**
 * The hand-kept part of the OpenAPI description, on its way out: routes now describe themselves (http/openapi.ts,
 * `describe` + `query`/`pathParams`/`body`), and /api/openapi.json is generated from them. An operation listed here
 * is used only while its route has no `describe` yet; each module converted removes its entries. Still here: every
 * route group but /api/listings.
 */
import { z } from 'zod';
import { LAYERS } from '../layers/registry.js';
import { itemsQuery, oneItemQuery } from '../ogc/routes.js';
import { exportQuery as pmtilesExportQuery } from '../tiles/export-routes.js';
import { tileQuery } from '../tiles/routes.js';
import { asOfParam } from '../http/params.js';

/** A path parameter and a plausible value of it (used as the example). */
type PathParam = { name: string; example: string; description?: string };

type Op = {
  summary: string;
  tags: string[];
  query?: z.ZodObject;
  path?: PathParam[];
  /** A JSON body (its zod schema), or 'file' for an upload. */
  body?: z.ZodType | 'file';
  produces?: string;
  secured?: boolean;
};

const problem = { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

const jsonSchema = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

function parameters(op: Op) {
  const out: unknown[] = (op.path ?? []).map((p) => ({ name: p.name, in: 'path', required: true, schema: { type: 'string' }, example: p.example, description: p.description }));
  if (op.query) {
    for (const [name, schema] of Object.entries(op.query.shape)) {
      out.push({ name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: jsonSchema(schema as z.ZodType) });
    }
  }
  return out;
}

function requestBody(body: Op['body']) {
  if (!body) return {};
  if (body === 'file') {
    return {
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
        },
      },
    };
  }
  return { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(body) } } } };
}

const asOf = z.object({ as_of: asOfParam });
const id = (example = '1'): PathParam => ({ name: 'id', example });
const areaCodeParam: PathParam = { name: 'code', example: '430000000000', description: 'statistical division code (2–12 digits)' };

const uuid: PathParam = { name: 'id', example: '00000000-0000-4000-8000-000000000000' };
const exportQuery = z.object({ as_of: asOfParam, datum: z.string().optional().describe('wgs84 (default), cgcs2000, gcj02, bd09 or EPSG:n of a CGCS2000 Gauss–Krüger zone') });
const exportPaths = Object.fromEntries(
  (['geojson', 'csv', 'shp.zip'] as const).map((ext) => [
    `/api/exports/{layer}.${ext}`,
    { get: { summary: `A layer as ${ext === 'shp.zip' ? 'a zipped Shapefile (.prj, .cpg)' : ext.toUpperCase()}, within your jurisdiction, boundaries as of a date`, tags: ['imports'], path: [{ name: 'layer', example: 'townships' }], query: exportQuery, produces: ext === 'csv' ? 'text/csv' : ext === 'geojson' ? 'application/geo+json' : 'application/zip' } },
  ]),
);

const PATHS: Record<string, Record<string, Op>> = {
  ...exportPaths,
  '/api/tiles/{layer}/{z}/{x}/{y}.mvt': {
    get: {
      summary: `Mapbox Vector Tile of a layer (${LAYERS.map((l) => l.id).join(', ')}); 204 when empty, 304 on If-None-Match; filter in CQL2 text`,
      tags: ['map'],
      path: [{ name: 'layer', example: 'townships' }, { name: 'z', example: '8' }, { name: 'x', example: '208' }, { name: 'y', example: '108' }],
      query: tileQuery,
      produces: 'application/vnd.mapbox-vector-tile',
    },
  },
  '/api/exports/tiles.pmtiles': {
    get: { summary: 'Chosen layers of your jurisdiction as one PMTiles archive, for devices with no server', tags: ['map'], query: pmtilesExportQuery, produces: 'application/vnd.pmtiles' },
  },
  '/api/basemap/{z}/{x}/{y}.png': {
    get: { summary: 'The configured raster basemap, re-aligned to WGS84 (only with BASEMAP set)', tags: ['map'], path: [{ name: 'z', example: '8' }, { name: 'x', example: '208' }, { name: 'y', example: '108' }], produces: 'image/png' },
  },
  '/api/ogc': { get: { summary: 'OGC API – Features landing page', tags: ['ogc'] } },
  '/api/ogc/conformance': { get: { summary: 'Conformance classes', tags: ['ogc'] } },
  '/api/ogc/collections': { get: { summary: 'Collections (one per layer)', tags: ['ogc'] } },
  '/api/ogc/collections/{collectionId}': { get: { summary: 'A collection', tags: ['ogc'], path: [{ name: 'collectionId', example: 'townships' }] } },
  '/api/ogc/collections/{collectionId}/queryables': {
    get: { summary: 'The properties a filter may name (JSON Schema)', tags: ['ogc'], path: [{ name: 'collectionId', example: 'townships' }], produces: 'application/schema+json' },
  },
  '/api/ogc/collections/{collectionId}/items': {
    get: { summary: 'Features, with bbox, limit, offset, datetime and filter (CQL2 text); 400 for unknown parameters', tags: ['ogc'], path: [{ name: 'collectionId', example: 'townships' }], query: itemsQuery, produces: 'application/geo+json' },
  },
  '/api/ogc/collections/{collectionId}/items/{featureId}': {
    get: { summary: 'One feature', tags: ['ogc'], path: [{ name: 'collectionId', example: 'townships' }, { name: 'featureId', example: '1' }], query: oneItemQuery, produces: 'application/geo+json' },
  },
};

/** The legacy paths (operations of routes not yet described by themselves). */
export function legacyOpenApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: '禁毒网格化管理地图 API (anti-drug grid management console)', version: '1.0.0' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'gc_session' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, param: { type: 'string', description: 'The parameter at fault' } },
        },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths: Object.fromEntries(
      Object.entries(PATHS).map(([path, ops]) => [
        path,
        Object.fromEntries(
          Object.entries(ops).map(([method, op]) => [
            method,
            {
              summary: op.summary,
              tags: op.tags,
              parameters: parameters(op),
              ...(op.secured === false ? { security: [] } : {}),
              ...requestBody(op.body),
              responses: {
                '200': { description: 'OK', content: { [op.produces ?? 'application/json']: {} } },
                '400': problem,
                ...(op.secured === false ? {} : { '401': problem, '403': problem }),
                '404': problem,
                ...(op.body ? { '413': problem, '415': problem } : {}),
              },
            },
          ]),
        ),
      ]),
    ),
  };
}
