/**
 * The API: composes the route groups and nothing else. Each group parses its requests, calls its domain module
 * and formats the answer; none builds SQL here.
 */
import { Hono } from 'hono';
import { auditRoutes } from './audit/routes.js';
import { authenticate } from './auth/middleware.js';
import { forgetUsers } from './auth/sessions.js';
import { catalogueRoutes } from './catalogue/routes.js';
import type { Config } from './config.js';
import { dataHealthRoutes, healthRoutes } from './health/routes.js';
import { BodyCompressor, compression } from './http/compression.js';
import { exportRoutes } from './imports/export-routes.js';
import { importRoutes } from './imports/routes.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { ProblemError, handleError } from './http/problem.js';
import { requestGuards } from './http/request-guards.js';
import { securityHeaders } from './http/security-headers.js';
import { serveConsole } from './http/static.js';
import { labelRoutes } from './labels/routes.js';
import { listingRoutes } from './listing/routes.js';
import { areaRoutes } from './area/routes.js';
import { checkpointRoutes } from './checkpoint/routes.js';
import { firmRoutes } from './firm/routes.js';
import { venueRoutes } from './venue/routes.js';
import { gridRoutes } from './grid/routes.js';
import { gridMonthRoutes } from './grid-month/routes.js';
import { overviewRoutes } from './overview/routes.js';
import { basemapRoutes } from './basemap/routes.js';
import { openBasemapSource } from './basemap/sources.js';
import { patrolRoutes } from './patrol/routes.js';
import { ReadFloor } from './reads/read-floor.js';
import { ogcRoutes } from './ogc/routes.js';
import { describe, openApiDocument } from './http/openapi.js';
import { searchRoutes } from './search/routes.js';
import { sessionRoutes } from './session/routes.js';
import { tileFastPath, type NodeFastPath } from './tiles/fast-path.js';
import { TileService } from './tiles/tile-service.js';
import { tileRoutes } from './tiles/routes.js';
import { exportRoutes as tileExportRoutes } from './tiles/export-routes.js';
import { userRoutes } from './users/routes.js';
import { wallRoutes } from './wall/routes.js';
import { wastewaterRoutes } from './wastewater/routes.js';

export interface CreatedApp {
  app: Hono<AppEnv>;
  tiles: TileService;
  /** Tiles answered on Node's request objects before the app (give it to startServer). */
  fastPath: NodeFastPath;
  /** Resolves once the tile cache hears about changes (until then tiles are served uncached). */
  started: Promise<void>;
  close(): Promise<void>;
}

/**
 * What every request goes through first, in this order: security headers (and the console's CSP) on whatever
 * answers; compression of API answers; the request guards (URL, body size, content type, origin) before any
 * route reads anything. Tiles answered by the fast path (tiles/fast-path.ts) never reach this: it sends the same
 * security headers and compresses with the same compressor itself.
 */
function transport(app: Hono<AppEnv>, config: Config, compressor = new BodyCompressor()) {
  app.onError(handleError);
  app.use('*', securityHeaders(config.trustedProxies));
  app.use('/api/*', compression(compressor));
  app.use('/api/*', requestGuards(config));
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What answers while the database is still being opened (PGlite takes seconds to minutes on a first start):
 * the console itself, and a health that says so, so the page can show progress instead of a dead socket.
 */
export function createBootApp(config: AppDeps['config'], startup: AppDeps['startup']): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  transport(app, config);
  app.get('/api/health', (c) => c.json({ status: 'starting', phase: startup.phase, progress: startup.progress ?? null, error: startup.error ?? null }, 503));
  app.all('/api/*', (c) => {
    c.header('Retry-After', '5');
    throw new ProblemError(503, 'Starting', { detail: 'The database is being opened; see /api/health.' });
  });
  serveConsole(app, config.webDist);
  return app;
}

export function createApp(appDeps: AppDeps): CreatedApp {
  const app = new Hono<AppEnv>();
  const deps = appDeps;
  const { tileCache } = deps.config;
  const floor = new ReadFloor(deps.db);
  const tiles = new TileService(deps.db, undefined, { cache: tileCache, ackTimeoutMs: tileCache.syncTimeoutMs, onUsersChanged: forgetUsers, floor });
  const started = tiles.start().catch((err) => console.error('[tiles] change feed failed to start; tiles are served uncached:', err));
  const compressor = new BodyCompressor();
  transport(app, deps.config, compressor);

  app.use('/api/*', async (c, next) => {
    c.set('reads', floor.reads());
    await next();
    // A write answers only once every API process has dropped the tiles it changed and the tokens it ended, and
    // raised its read floor to the write's WAL position (tiles/change-feed.ts, reads/read-floor.ts). Signing in
    // changes none of them and does not wait (its session is read on the primary); signing out does.
    if (WRITES.has(c.req.method) && c.res.status < 400 && !(c.req.method === 'POST' && c.req.path.startsWith('/api/session'))) {
      await tiles.feed.sync().catch((err) => {
        console.warn('[tiles] sync after write failed:', (err as Error).message);
        // The write's position is unknown: reads go to the primary until the floor is taken afresh.
        floor.changed();
      });
    }
  });

  // Open to everyone: health, sign-in, the OpenAPI document.
  app.route('/api/health', healthRoutes(deps));
  const document = openApiDocument(app);
  const thisDocument = describe({ summary: 'This document (OpenAPI 3.1)', tags: ['platform'], open: true, response: { media: 'application/json', schema: { type: 'object' } } });
  app.get('/api/openapi.json', thisDocument, async (c) => c.json(await document()));

  // Everything below needs the database migrated and seeded.
  app.use('/api/*', async (c, next) => {
    if (deps.startup.phase !== 'ready') {
      c.header('Retry-After', '5');
      throw new ProblemError(503, 'Starting', { detail: `The server is ${deps.startup.phase}; see /api/health for progress.` });
    }
    await next();
  });
  app.route('/api/session', sessionRoutes(deps));

  // Everything below needs a signed-in user; queries are scoped to the user's jurisdiction.
  app.use('/api/*', authenticate(deps.db));
  app.route('/api/health', dataHealthRoutes(deps));
  app.route('/api/users', userRoutes(deps));
  app.route('/api/audit', auditRoutes(deps));
  app.route('/api', catalogueRoutes(deps));
  app.route('/api/tiles', tileRoutes(tiles));
  app.route('/api/exports', tileExportRoutes(deps, tiles)); // /api/exports/tiles.pmtiles, before the layer exports
  app.route('/api/labels', labelRoutes(deps));
  app.route('/api/wastewater', wastewaterRoutes(deps));
  app.route('/api/listings', listingRoutes(deps));
  app.route('/api/ogc', ogcRoutes(deps));
  app.route('/api/areas', areaRoutes(deps));
  app.route('/api/search', searchRoutes(deps));
  app.route('/api/checkpoints', checkpointRoutes(deps));
  app.route('/api/firms', firmRoutes(deps));
  app.route('/api/venues', venueRoutes(deps));
  app.route('/api/grids', gridRoutes(deps));
  app.route('/api/grid-months', gridMonthRoutes(deps));
  app.route('/api/overview', overviewRoutes(deps));
  app.route('/api/imports', importRoutes(deps));
  app.route('/api/exports', exportRoutes(deps));
  const basemap = deps.config.basemap ? openBasemapSource(deps.config.basemap) : null;
  if (basemap) app.route('/api/basemap', basemapRoutes(basemap, deps.config.basemap!));
  app.route('/api', patrolRoutes(deps)); // /api/patrols/*, POST /api/inspections
  app.route('/api/wall', wallRoutes(deps)); // the wall's shift-change view

  app.all('/api/*', () => {
    throw new ProblemError(404, 'Not found', { detail: 'No such API endpoint; see /api/openapi.json.' });
  });

  serveConsole(app, deps.config.webDist);
  const fastPath = tileFastPath(tiles, () => deps.startup.phase === 'ready', { trustedProxies: deps.config.trustedProxies, compressor });
  return { app, tiles, fastPath, started: started.then(() => {}), close: async () => (await tiles.close(), await basemap?.close()) };
}
