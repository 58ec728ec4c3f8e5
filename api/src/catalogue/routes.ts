/** GET /api/layers (catalogue with counts, bounds, fields, filters, legend) and GET /api/style.json. */
import { Hono } from 'hono';
import { z } from 'zod';
import { publicOriginOf } from '../http/client-address.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { asOfParam, parseQuery } from '../http/params.js';
import { styleDocument } from '../style/style-document.js';
import { catalogue } from './catalogue.js';


export const styleQuery = z.object({ as_of: asOfParam, lang: z.enum(['zh-CN', 'en']).optional(), scheme: z.enum(['light', 'dark']).optional() });

export function catalogueRoutes({ config }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/layers', async (c) => {
    // The origin the browser used, so tile URLs resolve through a proxy in front of us (trusted ones only).
    const origin = publicOriginOf(c, config);
    return c.json({ layers: await catalogue(c.var.reads, c.get('user').scopePrefix, origin) });
  });
  app.get('/style.json', (c) => {
    const { as_of, scheme, lang } = parseQuery(c, styleQuery);
    const origin = publicOriginOf(c, config);
    c.header('Cache-Control', 'no-cache');
    return c.json(styleDocument(origin, { asOf: as_of, scheme, lang, basemap: config.basemap }));
  });
  return app;
}
