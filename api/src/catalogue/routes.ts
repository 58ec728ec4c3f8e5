/** GET /api/layers (catalogue with counts, bounds, fields, filters, legend) and GET /api/style.json. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { asOfParam, parseQuery } from '../http/params.js';
import { styleDocument } from '../style/style-document.js';
import { catalogue } from './catalogue.js';

/** The origin the browser used, so tile URLs in the style resolve through any proxy in front of us. */
export const originOf = (url: string, forwardedProto?: string, forwardedHost?: string) => {
  const u = new URL(url);
  return `${forwardedProto ?? u.protocol.replace(':', '')}://${forwardedHost ?? u.host}`;
};

export function catalogueRoutes({ config }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/layers', async (c) => {
    const origin = originOf(c.req.url, c.req.header('x-forwarded-proto'), c.req.header('x-forwarded-host'));
    return c.json({ layers: await catalogue(c.var.reads, c.get('user').scopePrefix, origin) });
  });
  app.get('/style.json', (c) => {
    const { as_of, scheme } = parseQuery(c, z.object({ as_of: asOfParam, lang: z.enum(['zh-CN', 'en']).optional(), scheme: z.enum(['light', 'dark']).optional() }));
    const origin = originOf(c.req.url, c.req.header('x-forwarded-proto'), c.req.header('x-forwarded-host'));
    c.header('Cache-Control', 'no-cache');
    const b = config.basemap;
    return c.json(styleDocument(origin, { asOf: as_of, scheme, basemap: b && { sourceDatum: b.datum, attribution: b.attribution, maxzoom: b.maxzoom } }));
  });
  return app;
}
