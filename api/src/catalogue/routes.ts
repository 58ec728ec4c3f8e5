/** GET /api/layers (catalogue with counts, bounds, fields, filters, legend) and GET /api/style.json. */
import { Hono } from 'hono';
import { z } from 'zod';
import { publicOriginOf } from '../http/client-address.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, query } from '../http/openapi.js';
import { asOfParam } from '../http/params.js';
import { styleDocument } from '../style/style-document.js';
import { catalogue } from './catalogue.js';
import { layersPage, styleDoc } from './schemas.js';

export const styleQuery = z.object({ as_of: asOfParam, lang: z.enum(['zh-CN', 'en']).optional(), scheme: z.enum(['light', 'dark']).optional() });

const tags = ['map'];

export function catalogueRoutes({ config }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/layers', describe({ summary: 'Every layer: fields, geometry type, zoom range, bounds, count, filters, legend', tags, response: layersPage }), async (c) => {
    // The origin the browser used, so tile URLs resolve through a proxy in front of us (trusted ones only).
    const origin = publicOriginOf(c, config);
    return json(c, layersPage, { layers: await catalogue(c.var.reads, c.get('user').scopePrefix, origin) });
  });
  app.get('/style.json', describe({ summary: 'MapLibre style built from the layer definitions (own tiles only)', tags, response: styleDoc }), query(styleQuery), (c) => {
    const { as_of, scheme, lang } = c.req.valid('query');
    const origin = publicOriginOf(c, config);
    c.header('Cache-Control', 'no-cache');
    return json(c, styleDoc, styleDocument(origin, { asOf: as_of, scheme, lang, basemap: config.basemap }));
  });
  return app;
}
