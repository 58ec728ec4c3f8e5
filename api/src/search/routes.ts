/** GET /api/search?q=&limit= — areas, grids and sites by name or code. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { limitParam, parseQuery } from '../http/params.js';
import { search } from './repository.js';

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
  limit: limitParam(20, 100),
});

export function searchRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const { q, limit } = parseQuery(c, searchQuery);
    return c.json({ query: q, results: await search(c.var.reads, q, c.get('user').scopePrefix, limit) });
  });
  return app;
}
