/**
 * The hand-kept part of the OpenAPI description, on its way out: routes now describe themselves (http/openapi.ts,
 * `describe` + `query`/`pathParams`/`body`), and /api/openapi.json is generated from them. An operation listed here
 * is used only while its route has no `describe` yet; each module converted removes its entries. Still here: every
 * route group but /api/listings.
 */
import { z } from 'zod';
import { evidenceQuery } from '../area/routes.js';
import { auditQuery } from '../audit/routes.js';
import { styleQuery } from '../catalogue/routes.js';
import { daysQuery } from '../checkpoint/routes.js';
import { locateQuery, mineQuery } from '../grid/routes.js';
import { correctBody, draftBody, mineQuery as figuresFormQuery, statusQuery as reportingQuery, submitBody } from '../grid-month/routes.js';
import { labelQuery } from '../labels/routes.js';
import { LAYERS } from '../layers/registry.js';
import { itemsQuery, oneItemQuery } from '../ogc/routes.js';
import { checkInsQuery, dueQuery, inspectionBody, planQuery } from '../patrol/routes.js';
import { hoursBody } from '../inspection/routes.js';
import { changesQuery } from '../wall/routes.js';
import { searchQuery } from '../search/routes.js';
import { importQuery as dataImportQuery } from '../imports/routes.js';
import { mappingSchema } from '../imports/mapping.js';
import { signIn } from '../session/routes.js';
import { exportQuery as pmtilesExportQuery } from '../tiles/export-routes.js';
import { tileQuery } from '../tiles/routes.js';
import { createUserBody, passwordBody, tokenBody, updateUserBody, userListQuery } from '../users/routes.js';
import { divergentQuery, recomputeBody, risingQuery, seriesQuery, sitesQuery } from '../wastewater/routes.js';
import { importQuery } from '../wastewater/import/routes.js';
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

/** A grid (the demo officer's first) and a month, for the monthly figures' routes. */
const gridMonthPath: PathParam[] = [
  { name: 'grid', example: '438002001001001', description: '15-digit grid code' },
  { name: 'month', example: '2026-11', description: 'YYYY-MM' },
];

const PATHS: Record<string, Record<string, Op>> = {
  ...exportPaths,
  '/api/imports': {
    post: { summary: 'Import a layer (office/admin): multipart `file` (+ `mapping` JSON) or upload_id; dry_run=1 reports new/changed/unchanged and every problem; without it writes all or nothing, or answers 400 with the same report', tags: ['imports'], query: dataImportQuery, body: 'file' },
    get: { summary: 'The import record of your office', tags: ['imports'], query: z.object({ layer: z.string().optional() }) },
  },
  '/api/imports/layers': { get: { summary: 'Importable layers with their fields, the datums, and the rules an office may accept', tags: ['imports'] } },
  '/api/imports/uploads': { post: { summary: 'Upload a file for the page (kept an hour): format, encoding, columns, first rows, declared or guessed datum, suggested and saved mappings', tags: ['imports'], body: 'file' } },
  '/api/imports/uploads/{id}': { get: { summary: 'The first look at an upload again, for another layer or encoding', tags: ['imports'], path: [uuid] } },
  '/api/imports/{id}': { get: { summary: 'Progress of an import (done, total, ETA) and its report once finished', tags: ['imports'], path: [uuid] } },
  '/api/imports/{id}/preview.geojson': { get: { summary: 'Converted features and problem places of a dry run, for the map', tags: ['imports'], path: [uuid], produces: 'application/geo+json' } },
  '/api/imports/mappings/{layer}': { get: { summary: 'Column mappings saved by your office for a layer', tags: ['imports'], path: [{ name: 'layer', example: 'firms' }] } },
  '/api/imports/mappings/{layer}/{name}': {
    put: { summary: 'Save a column mapping for your office (audited)', tags: ['imports'], path: [{ name: 'layer', example: 'firms' }, { name: 'name', example: 'lab' }], body: z.object({ mapping: mappingSchema }) },
  },
  '/api/health': { get: { summary: 'Start-up phase and a cheap database check (for load balancers and healthchecks)', tags: ['platform'], secured: false } },
  '/api/health/data': { get: { summary: 'Newest data per table and whether PostGIS encodes tiles (scans tables)', tags: ['platform'] } },
  '/api/openapi.json': { get: { summary: 'This document', tags: ['platform'], secured: false } },
  '/api/session': {
    post: { summary: 'Sign in with {username, password} or an API token {token} (sets an HttpOnly session cookie); throttled per user and address (429)', tags: ['platform'], body: signIn, secured: false },
    get: { summary: 'The signed-in user (user: null when signed out)', tags: ['platform'], secured: false },
    delete: { summary: 'Sign out: ends the cookie session or the bearer token sent', tags: ['platform'], secured: false },
  },
  '/api/session/demo-accounts': { get: { summary: 'Demo accounts for the login screen (only while the demo is on)', tags: ['platform'], secured: false } },
  '/api/users': {
    get: { summary: 'Users in your jurisdiction (admin)', tags: ['users'], query: userListQuery },
    post: { summary: 'Create a user (admin); a generated password is returned once', tags: ['users'], body: createUserBody },
  },
  '/api/users/{id}': {
    get: { summary: 'A user and their API tokens (admin)', tags: ['users'], path: [id()] },
    patch: { summary: 'Change role, jurisdiction, grids, name or status (admin)', tags: ['users'], path: [id()], body: updateUserBody },
  },
  '/api/users/{id}/password': { post: { summary: "Reset a user's password (admin); ends their sessions", tags: ['users'], path: [id()], body: passwordBody } },
  '/api/users/{id}/tokens': {
    get: { summary: "A user's API tokens (admin)", tags: ['users'], path: [id()] },
    post: { summary: 'Issue an API token (read-only by default, for wall displays); the token is returned once', tags: ['users'], path: [id()], body: tokenBody },
  },
  '/api/users/{id}/tokens/{tokenId}': { delete: { summary: 'Revoke an API token (admin)', tags: ['users'], path: [id(), { name: 'tokenId', example: '1' }] } },
  '/api/audit': { get: { summary: 'The audit log, newest first, by user, action and date (admin)', tags: ['users'], query: auditQuery } },
  '/api/audit/actions': { get: { summary: 'Actions found in the audit log (admin)', tags: ['users'] } },
  '/api/layers': { get: { summary: 'Every layer: fields, geometry type, zoom range, bounds, count, filters, legend', tags: ['map'] } },
  '/api/style.json': { get: { summary: 'MapLibre style built from the layer definitions (own tiles only)', tags: ['map'], query: styleQuery } },
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
    get: { summary: 'The configured raster basemap, re-aligned to WGS84 (only with a raster BASEMAP; also .jpg, .webp as the archive holds)', tags: ['map'], path: [{ name: 'z', example: '8' }, { name: 'x', example: '208' }, { name: 'y', example: '108' }], produces: 'image/png' },
  },
  '/api/basemap/{z}/{x}/{y}.pbf': {
    get: { summary: 'The configured vector basemap, a Mapbox Vector Tile (only with a vector PMTiles BASEMAP); 204 where it has none', tags: ['map'], path: [{ name: 'z', example: '8' }, { name: 'x', example: '208' }, { name: 'y', example: '108' }], produces: 'application/vnd.mapbox-vector-tile' },
  },
  '/api/labels/{layer}': { get: { summary: 'Label points of areas and grids', tags: ['map'], path: [{ name: 'layer', example: 'townships' }], query: labelQuery } },
  '/api/search': { get: { summary: 'Areas, grids and sites by Chinese name or code, each with a bbox', tags: ['map'], query: searchQuery } },
  '/api/areas/{code}': { get: { summary: 'An area: parent chain, population, listing, signals, counts of sites inside', tags: ['areas'], path: [areaCodeParam], query: asOf } },
  '/api/areas/{code}/evidence': {
    get: { summary: "Why is this colour: the evidence behind an area's listing colour and its drug signal (plants, censoring, divergence)", tags: ['areas'], path: [areaCodeParam], query: evidenceQuery },
  },
  '/api/checkpoints/{id}': { get: { summary: 'A checkpoint', tags: ['checkpoint'], path: [id()] } },
  '/api/checkpoints/{id}/days': { get: { summary: 'Daily figures of a checkpoint', tags: ['checkpoint'], path: [id()], query: daysQuery } },
  '/api/firms/{id}': { get: { summary: 'A precursor-chemical firm with its inspections and next due date', tags: ['firm'], path: [id()] } },
  '/api/venues/{id}': { get: { summary: 'A key venue with its inspections and next due date', tags: ['venue'], path: [id()] } },
  '/api/overview': { get: { summary: 'Key figures of the jurisdiction (wall display): listings, signals, checkpoints, due inspections, people rates', tags: ['overview'], query: asOf } },
  '/api/grids/locate': { get: { summary: 'Am I inside my grid? The grid, village and township at a position (datum wgs84, gcj02 or bd09)', tags: ['grid'], query: locateQuery } },
  '/api/grids/mine': { get: { summary: "A grid officer's grids: boundary, due inspections, latest monthly counts", tags: ['grid'], query: mineQuery } },
  '/api/grid-months/mine': { get: { summary: "A grid officer's monthly figures form: per grid the month's counts on file with their version, last month's, whether reported, the draft", tags: ['grid'], query: figuresFormQuery } },
  '/api/grid-months/{grid}/{month}/submissions': {
    post: { summary: "Submit a grid's figures for a month (grid officer; counted once per submission_id; 409 with both sides when base_version is stale; audited)", tags: ['grid'], path: gridMonthPath, body: submitBody },
  },
  '/api/grid-months/{grid}/{month}/draft': { put: { summary: 'Save a draft of the figures (grid officer; counts may be missing; audited)', tags: ['grid'], path: gridMonthPath, body: draftBody } },
  '/api/grid-months/{grid}/{month}': { put: { summary: "Office correction of a grid's figures (office/admin; version checked; audited)", tags: ['grid'], path: gridMonthPath, body: correctBody } },
  '/api/grid-months/status': { get: { summary: 'Which grids have reported a month, and the reminder list of those that have not (office/admin)', tags: ['grid'], query: reportingQuery } },
  '/api/wastewater/sites': { get: { summary: 'Wastewater sampling sites', tags: ['wastewater'], query: sitesQuery } },
  '/api/wastewater/sites/{code}/series': { get: { summary: 'Loads of a site per substance, with LOQ flags and trend', tags: ['wastewater'], path: [{ name: 'code', example: 'WWTP-0001' }], query: seriesQuery } },
  '/api/wastewater/areas/{code}/series': { get: { summary: 'Population-weighted load series of an area', tags: ['wastewater'], path: [areaCodeParam], query: seriesQuery } },
  '/api/wastewater/areas/{code}/signals': { get: { summary: 'Trends per substance of an area, with confidence', tags: ['wastewater'], path: [areaCodeParam] } },
  '/api/wastewater/divergent': { get: { summary: 'Areas whose drug index rises significantly while enforcement there falls', tags: ['wastewater'], query: divergentQuery } },
  '/api/wastewater/rising': { get: { summary: 'Rising signals, significant first, with upstream tracing sites', tags: ['wastewater'], query: risingQuery } },
  '/api/wastewater/recompute': { post: { summary: 'Recompute area series and trends (office/admin); the body is optional', tags: ['wastewater'], body: recomputeBody } },
  '/api/wastewater/imports': { post: { summary: 'Import lab results from CSV or Excel (dry run lists every row problem); async=1 answers 202 with a job to poll', tags: ['wastewater'], query: importQuery, body: 'file' } },
  '/api/wastewater/imports/{id}': { get: { summary: 'Progress of a lab import (phase, fraction, ETA; the recompute of the signals included) and its report once finished', tags: ['wastewater'], path: [uuid] } },
  '/api/patrols/due': { get: { summary: 'Firms and venues due or risky: next due date, overdue flag, score, last outcome (most urgent first)', tags: ['patrol'], query: dueQuery } },
  '/api/patrols/plan': { get: { summary: "A day's patrol: stops by urgency, visited while open (opening hours) within the working hours (day_start, day_end), from start (default: the county seat); ETAs, waits, a GeoJSON LineString, and the stops that could not fit with the reason", tags: ['patrol'], query: planQuery } },
  '/api/inspections': { post: { summary: 'Record an inspection with its check-in (position + accuracy, or null for no fix; flagged beyond INSPECTION_FAR_M from the site); the same client_id twice is recorded once (200, duplicate: true)', tags: ['patrol'], body: inspectionBody } },
  '/api/inspections/flagged': { get: { summary: 'Check-ins recorded far from their site (office/admin)', tags: ['patrol'], query: checkInsQuery } },
  '/api/firms/{id}/opening-hours': { put: { summary: 'Set or clear the opening hours of a firm (office/admin; audited)', tags: ['firm'], path: [id()], body: hoursBody } },
  '/api/venues/{id}/opening-hours': { put: { summary: 'Set or clear the opening hours of a venue (office/admin; audited)', tags: ['venue'], path: [id()], body: hoursBody } },
  '/api/wall/changes': { get: { summary: 'What changed between since and until (shift change): listings, rising signals, newly overdue inspections, checkpoint cases, flagged check-ins; visitor=1 leaves out names of people and sites', tags: ['overview'], query: changesQuery } },
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
