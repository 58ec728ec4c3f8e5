/**
 * The built console (web/dist) at /, with index.html for client-side routes.
 * Assets under /assets/ carry a content hash in their names: cached for a year and never revalidated. index.html
 * names them, so it is always revalidated (no-cache). The build writes .br and .gz beside each text asset; they
 * are sent as they are to clients that accept them, so nothing is compressed per request.
 */
import { existsSync } from 'node:fs';
import type { Hono, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './env.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Hashed by Vite: /assets/name-<hash>.ext */
const isHashedAsset = (path: string) => /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);

const cacheHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.res.status !== 200 && c.res.status !== 206) return;
  c.header('Cache-Control', isHashedAsset(c.req.path) ? IMMUTABLE : REVALIDATE);
  const type = c.res.headers.get('content-type') ?? '';
  if (/^(text\/|application\/(javascript|json)|image\/svg)/.test(type) && !c.res.headers.get('vary')) c.header('Vary', 'Accept-Encoding');
};

export function serveConsole(app: Hono<AppEnv>, webDist: string): void {
  if (!existsSync(webDist)) return;
  app.use('/*', cacheHeaders);
  app.use('/*', serveStatic({ root: webDist, precompressed: true }));
  // A missing file under /assets/ or /glyphs/ is a 404, not the page: MapLibre then draws a missing glyph range
  // itself (a build without the glyph font, web/build/vite-plugin-glyphs.ts) instead of parsing HTML as a PBF.
  app.get('/assets/*', (c) => c.notFound());
  app.get('/glyphs/*', (c) => c.notFound());
  app.get('*', serveStatic({ root: webDist, path: 'index.html', precompressed: true }));
}
