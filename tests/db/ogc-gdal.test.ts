/**
 * A standard client reads every layer: GDAL's OGCAPI (OAPIF) driver, over real HTTP, with a bearer token.
 * Every collection opens with its geometry type, and every feature arrives (paging followed to the end).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from 'api/src/layers/registry.js';
import { startServer, type RunningServer } from 'api/src/server.js';
import { testApp } from '../support/test-app.js';

const run = promisify(execFile);
let t: Awaited<ReturnType<typeof testApp>>;
let server: RunningServer;
const env = { ...process.env, GDAL_HTTP_HEADERS: 'Authorization: Bearer demo-city_office' };

beforeAll(async () => {
  t = await testApp();
  server = await startServer(t.app, 0);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('GDAL OGCAPI driver', () => {
  it('lists every layer as a collection with its geometry type', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-q', `OAPIF:${server.url}/api/ogc`], { env });
    for (const def of LAYERS) {
      const type = def.geometryType === 'Polygon' ? 'Multi Polygon' : def.geometryType === 'LineString' ? 'Multi Line String' : 'Point';
      expect(stdout).toContain(`${def.id} (title: ${def.title.zh}) (${type})`);
    }
  });

  it('reads every feature of every layer', async () => {
    for (const def of LAYERS) {
      const { stdout } = await run('ogr2ogr', ['-f', 'CSV', '/vsistdout/', `OAPIF:${server.url}/api/ogc`, def.id, '-oo', 'PAGE_SIZE=1000', '-select', def.fields[0]!.name], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      const rows = stdout.trim().split('\n').length - 1;
      const [{ n }] = (await t.db.query<{ n: number }>(`SELECT count(*)::int n FROM ${def.table} t WHERE ${def.where ?? 'true'}`)) as [{ n: number }];
      expect(rows, def.id).toBe(n);
    }
  }, 180_000);
});
