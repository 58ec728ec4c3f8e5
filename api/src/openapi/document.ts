/**
 * The OpenAPI 3.0 description served at /api/openapi.json. Query parameters of the core routes come from the
 * very zod schemas those routes parse with (via z.toJSONSchema), so the description cannot drift from them.
 */
import { z } from 'zod';
import { LAYERS } from '../layers/registry.js';
import { asOfParam, bboxParam, intString, limitParam } from '../http/params.js';
import { searchQuery } from '../search/routes.js';
import { checkInsQuery, dueQuery, planQuery } from '../patrol/routes.js';
import { changesQuery } from '../wall/routes.js';
import { importQuery } from '../imports/routes.js';
import { itemsQuery as ogcItems } from '../ogc/routes.js';
import { tileQuery } from '../tiles/routes.js';
import { exportQuery as pmtilesExportQuery } from '../tiles/export-routes.js';

type Op = { summary: string; tags: string[]; query?: z.ZodObject; path?: string[]; body?: string; produces?: string; secured?: boolean };

const problem = { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function parameters(op: Op) {
  const out: unknown[] = (op.path ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (op.query) {
    for (const [name, schema] of Object.entries(op.query.shape)) {
      const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      delete json.$schema;
      out.push({ name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: json });
    }
  }
  return out;
}


const exportQuery = z.object({ as_of: asOfParam, datum: z.string().optional().describe('wgs84 (default), cgcs2000, gcj02, bd09 or EPSG:n of a CGCS2000 Gauss–Krüger zone') });
const exportPaths = Object.fromEntries(
  (['geojson', 'csv', 'shp.zip'] as const).map((ext) => [
    `/api/exports/{layer}.${ext}`,
    { get: { summary: `A layer as ${ext === 'shp.zip' ? 'a zipped Shapefile (.prj, .cpg)' : ext.toUpperCase()}, within your jurisdiction, boundaries as of a date`, tags: ['imports'], path: ['layer'], query: exportQuery, produces: ext === 'csv' ? 'text/csv' : ext === 'geojson' ? 'application/geo+json' : 'application/zip' } },
  ]),
);

const PATHS: Record<string, Record<string, Op>> = {
  ...exportPaths,
  '/api/imports': {
    post: { summary: 'Import a layer (office/admin): multipart `file` (+ `mapping` JSON) or upload_id; dry_run=1 reports new/changed/unchanged and every problem; without it writes all or nothing, or answers 400 with the same report', tags: ['imports'], query: importQuery, body: 'multipart/form-data: file, mapping (JSON); or with upload_id: {mapping}' },
    get: { summary: 'The import record of your office', tags: ['imports'], query: z.object({ layer: z.string().optional() }) },
  },
  '/api/imports/layers': { get: { summary: 'Importable layers with their fields, the datums, and the rules an office may accept', tags: ['imports'] } },
  '/api/imports/uploads': { post: { summary: 'Upload a file for the page (kept an hour): format, encoding, columns, first rows, declared or guessed datum, suggested and saved mappings', tags: ['imports'], body: 'multipart/form-data: file' } },
  '/api/imports/uploads/{id}': { get: { summary: 'The first look at an upload again, for another layer or encoding', tags: ['imports'], path: ['id'] } },
  '/api/imports/{id}': { get: { summary: 'Progress of an import (done, total, ETA) and its report once finished', tags: ['imports'], path: ['id'] } },
  '/api/imports/{id}/preview.geojson': { get: { summary: 'Converted features and problem places of a dry run, for the map', tags: ['imports'], path: ['id'], produces: 'application/geo+json' } },
  '/api/imports/mappings/{layer}': { get: { summary: 'Column mappings saved by your office for a layer', tags: ['imports'], path: ['layer'] } },
  '/api/imports/mappings/{layer}/{name}': { put: { summary: 'Save a column mapping for your office (audited)', tags: ['imports'], path: ['layer', 'name'], body: '{mapping}' } },
  '/api/health': { get: { summary: 'Database reachable, schema version, newest data, start-up progress', tags: ['platform'], secured: false } },
  '/api/session': {
    post: { summary: 'Sign in (sets an HttpOnly session cookie)', tags: ['platform'], body: '{username, password}', secured: false },
    get: { summary: 'The signed-in user', tags: ['platform'] },
    delete: { summary: 'Sign out', tags: ['platform'] },
  },
  '/api/layers': { get: { summary: 'Every layer: fields, geometry type, zoom range, bounds, count, filters, legend', tags: ['map'] } },
  '/api/style.json': { get: { summary: 'MapLibre style built from the layer definitions (own tiles only)', tags: ['map'], query: z.object({ as_of: asOfParam, scheme: z.enum(['light', 'dark']).optional() }) } },
  '/api/tiles/{layer}/{z}/{x}/{y}.mvt': {
    get: { summary: `Mapbox Vector Tile of a layer (${LAYERS.map((l) => l.id).join(', ')}); 204 when empty, 304 on If-None-Match; filter in CQL2 text`, tags: ['map'], path: ['layer', 'z', 'x', 'y'], query: tileQuery, produces: 'application/vnd.mapbox-vector-tile' },
  },
  '/api/exports/tiles.pmtiles': {
    get: { summary: 'Chosen layers of your jurisdiction as one PMTiles archive, for devices with no server', tags: ['map'], query: pmtilesExportQuery, produces: 'application/vnd.pmtiles' },
  },
  '/api/labels/{layer}': { get: { summary: 'Label points of areas and grids', tags: ['map'], path: ['layer'], query: z.object({ bbox: bboxParam.optional(), limit: limitParam(500, 5000) }) } },
  '/api/search': { get: { summary: 'Areas, grids and sites by Chinese name or code, each with a bbox', tags: ['map'], query: searchQuery } },
  '/api/areas/{code}': { get: { summary: 'An area: parent chain, population, listing, signals, counts of sites inside', tags: ['areas'], path: ['code'], query: z.object({ as_of: asOfParam }) } },
  '/api/checkpoints/{id}': { get: { summary: 'A checkpoint', tags: ['checkpoint'], path: ['id'] } },
  '/api/checkpoints/{id}/days': { get: { summary: 'Daily figures of a checkpoint', tags: ['checkpoint'], path: ['id'], query: z.object({ days: intString(1, 366).optional() }) } },
  '/api/firms/{id}': { get: { summary: 'A precursor-chemical firm with its inspections and next due date', tags: ['firm'], path: ['id'] } },
  '/api/venues/{id}': { get: { summary: 'A key venue with its inspections and next due date', tags: ['venue'], path: ['id'] } },
  '/api/overview': { get: { summary: 'Key figures of the jurisdiction (wall display): listings, signals, checkpoints, due inspections, people rates', tags: ['overview'], query: z.object({ as_of: asOfParam }) } },
  '/api/grids/locate': { get: { summary: "Am I inside my grid? The grid, village and township at a position (datum wgs84, gcj02 or bd09)", tags: ['grid'], query: z.object({ lon: z.string(), lat: z.string(), datum: z.enum(['wgs84', 'gcj02', 'bd09']).optional() }) } },
  '/api/grids/mine': { get: { summary: "A grid officer's grids: boundary, due inspections, latest monthly counts", tags: ['grid'] } },
  '/api/listings': {
    get: { summary: 'Listings as of a date, filtered by grade, status, area', tags: ['listing'] },
    post: { summary: 'List an area (office/admin)', tags: ['listing'], body: 'listing' },
  },
  '/api/listings/due': { get: { summary: 'Due work: terms ending soon, assessments overdue, extensions used up', tags: ['listing'] } },
  '/api/listings/export.csv': { get: { summary: 'Listings as CSV', tags: ['listing'], produces: 'text/csv' } },
  '/api/listings/export.xlsx': { get: { summary: 'Listings as Excel', tags: ['listing'], produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
  '/api/listings/{id}': { get: { summary: 'A listing with its events and assessments', tags: ['listing'], path: ['id'] } },
  '/api/listings/{id}/assessments': { post: { summary: 'Record a yearly assessment', tags: ['listing'], path: ['id'], body: 'assessment' } },
  '/api/listings/{id}/extend': { post: { summary: 'Extend the term (once)', tags: ['listing'], path: ['id'], body: '{on}' } },
  '/api/listings/{id}/downgrade': { post: { summary: 'Downgrade the grade', tags: ['listing'], path: ['id'], body: '{on, grade}' } },
  '/api/listings/{id}/delist': { post: { summary: 'Delist (409 with the unmet conditions unless all six are met)', tags: ['listing'], path: ['id'], body: '{on}' } },
  '/api/listings/{id}/relist': { post: { summary: 'Relist after a rebound', tags: ['listing'], path: ['id'], body: 'listing' } },
  '/api/wastewater/sites': { get: { summary: 'Wastewater sampling sites', tags: ['wastewater'] } },
  '/api/wastewater/sites/{code}/series': { get: { summary: 'Loads of a site per substance, with LOQ flags and trend', tags: ['wastewater'], path: ['code'] } },
  '/api/wastewater/areas/{code}/series': { get: { summary: 'Population-weighted load series of an area', tags: ['wastewater'], path: ['code'] } },
  '/api/wastewater/areas/{code}/signals': { get: { summary: 'Trends per substance of an area, with confidence', tags: ['wastewater'], path: ['code'] } },
  '/api/wastewater/rising': { get: { summary: 'Rising signals, significant first, with upstream tracing sites', tags: ['wastewater'] } },
  '/api/wastewater/recompute': { post: { summary: 'Recompute area series and trends (office/admin)', tags: ['wastewater'] } },
  '/api/wastewater/imports': { post: { summary: 'Import lab results from CSV or Excel (dry run lists every row problem)', tags: ['wastewater'], body: 'file' } },
  '/api/patrols/due': { get: { summary: 'Firms and venues due or risky: next due date, overdue flag, score, last outcome (most urgent first)', tags: ['patrol'], query: dueQuery } },
  '/api/patrols/plan': { get: { summary: "A day's patrol: stops by urgency, visited while open (opening hours) within the working hours (day_start, day_end), from start (default: the county seat); ETAs, waits, a GeoJSON LineString, and the stops that could not fit with the reason", tags: ['patrol'], query: planQuery } },
  '/api/inspections': { post: { summary: 'Record an inspection with its check-in (position + accuracy or null for no fix; flagged beyond INSPECTION_FAR_M from the site); the same client_id twice is recorded once (200, duplicate: true)', tags: ['patrol'], body: '{firm_id | venue_id, inspected_on, outcome: ok|issues|violation, findings, client_id?, position?: {lon, lat, accuracy_m} | null}' } },
  '/api/inspections/flagged': { get: { summary: 'Check-ins recorded far from their site (office/admin)', tags: ['patrol'], query: checkInsQuery } },
  '/api/firms/{id}/opening-hours': { put: { summary: 'Set or clear the opening hours of a firm (office/admin; audited)', tags: ['patrol'], path: ['id'], body: '{opening_hours: string | null}' } },
  '/api/venues/{id}/opening-hours': { put: { summary: 'Set or clear the opening hours of a venue (office/admin; audited)', tags: ['patrol'], path: ['id'], body: '{opening_hours: string | null}' } },
  '/api/wall/changes': { get: { summary: 'What changed between since and until (shift change): listings, rising signals, newly overdue inspections, checkpoint cases, flagged check-ins; visitor=1 leaves out names of people and sites', tags: ['overview'], query: changesQuery } },
  '/api/ogc': { get: { summary: 'OGC API – Features landing page', tags: ['ogc'] } },
  '/api/ogc/conformance': { get: { summary: 'Conformance classes', tags: ['ogc'] } },
  '/api/ogc/collections': { get: { summary: 'Collections (one per layer)', tags: ['ogc'] } },
  '/api/ogc/collections/{collectionId}': { get: { summary: 'A collection', tags: ['ogc'], path: ['collectionId'] } },
  '/api/ogc/collections/{collectionId}/queryables': { get: { summary: 'The properties a filter may name (JSON Schema)', tags: ['ogc'], path: ['collectionId'], produces: 'application/schema+json' } },
  '/api/ogc/collections/{collectionId}/items': { get: { summary: 'Features, with bbox, limit, offset, datetime and filter (CQL2 text)', tags: ['ogc'], path: ['collectionId'], query: ogcItems, produces: 'application/geo+json' } },
  '/api/ogc/collections/{collectionId}/items/{featureId}': { get: { summary: 'One feature', tags: ['ogc'], path: ['collectionId', 'featureId'], produces: 'application/geo+json' } },
};

let cached: unknown;

export function openApiDocument() {
  cached ??= {
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
              ...(op.body ? { requestBody: { content: { 'application/json': { schema: { type: 'object', description: op.body } } } } } : {}),
              responses: {
                '200': { description: 'OK', content: { [op.produces ?? 'application/json']: {} } },
                '400': problem,
                ...(op.secured === false ? {} : { '401': problem }),
                '404': problem,
              },
            },
          ]),
        ),
      ]),
    ),
  };
  return cached;
}
