/** GET /api/search?q=&limit= — areas, grids and sites by name or code. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, query } from '../http/openapi.js';
import { limitParam } from '../http/params.js';
import { search } from './repository.js';
import { searchPage } from './schemas.js';

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
  limit: limitParam(20, 100),
});

export function searchRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', describe({ summary: 'Areas, grids and sites by Chinese name or code, each with a bbox', tags: ['map'], response: searchPage }), query(searchQuery), async (c) => {
    const { q, limit } = c.req.valid('query');
    return json(c, searchPage, { query: q, results: await search(c.var.reads, q, c.get('user').scopePrefix, limit) });
  });
  return app;
}
