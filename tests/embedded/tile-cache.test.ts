/**
 * The tile cache on the embedded database (one process): the same triggers and change feed as on PostGIS, with
 * PGlite's in-process LISTEN — a listing made through the API drops its township's cached tile before it answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type CreatedApp } from 'api/src/app.js';
import { loadConfig } from 'api/src/config.js';
import type { Database } from 'db';
import { scopePrefix } from 'domain/codes';
import { findLayer } from 'api/src/layers/registry.js';
import { seededEmbedded } from '../support/seed-region.js';
import { decodeTile, lonLatToTile } from '../support/tiles.js';
import { chinaToday } from 'domain/time';

let db: Database;
let created: CreatedApp;
beforeAll(async () => {
  db = await seededEmbedded({ seed: 4304, size: 'tiny', asOf: '2026-11-01' });
  created = createApp({ db, config: loadConfig({ SEED_DEMO: '0', WEB_DIST: '/nonexistent' }), startup: { phase: 'ready' } });
  await created.started;
});
afterAll(async () => {
  await created?.close();
  await db?.close();
});

describe('tile cache on the embedded database', () => {
  it('drops a firm\'s cached tile when an inspection is recorded through the API', async () => {
    expect(created.tiles.feed.live).toBe(true);
    const [firm] = await db.query<{ id: number; lon: number; lat: number }>('SELECT id, ST_X(geom) lon, ST_Y(geom) lat FROM firm ORDER BY id LIMIT 1');
    const today = chinaToday(); // the API's today (China's date)
    const tile = lonLatToTile(firm!.lon, firm!.lat, 14);
    const headers = { Authorization: 'Bearer demo-admin' };
    const lastInspected = async () => {
      const res = await created.app.request(`/api/tiles/firms/${tile.z}/${tile.x}/${tile.y}.mvt?as_of=${today}`, { headers });
      return decodeTile(await res.arrayBuffer()).firms!.find((f) => f.id === Number(firm!.id))!.properties.last_inspected;
    };
    expect(await lastInspected()).not.toBe(today);
    const [admin] = await db.query<{ jurisdiction_code: string }>("SELECT jurisdiction_code FROM app_user WHERE username = 'admin'");
    const cached = () => created.tiles.cached(findLayer('firms')!, { ...tile, prefix: scopePrefix(admin!.jurisdiction_code), asOf: today });
    expect(cached()).toBeDefined();
    const res = await created.app.request('/api/inspections', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ firm_id: Number(firm!.id), inspected_on: today, outcome: 'ok' }),
    });
    expect(res.status).toBe(201);
    expect(cached()).toBeUndefined();
    expect(await lastInspected()).toBe(today);
  });
});
