/**
 * The tile cache on PostGIS: keyed only by what changes a tile, and invalidated precisely by the database's own
 * change notifications — a write drops the tiles of the layers it touched, where it touched them, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePrefix } from 'domain/codes';
import { findLayer } from 'api/src/layers/registry.js';
import type { LayerDefinition } from 'api/src/layers/types.js';
import { authHeader, testApp } from '../support/test-app.js';
import { lonLatToTile } from '../support/tiles.js';
import { chinaToday } from 'domain/time';

let t: Awaited<ReturnType<typeof testApp>>;
let prefix: string;
beforeAll(async () => {
  t = await testApp();
  const [u] = await t.db.query<{ jurisdiction_code: string }>("SELECT jurisdiction_code FROM app_user WHERE username = 'city_office'");
  prefix = scopePrefix(u!.jurisdiction_code);
});
afterAll(() => t.close());

const layer = (id: string) => findLayer(id) as LayerDefinition;
/** The API's today: China's date, which is a day ahead of UTC's from 16:00 UTC. */
const TODAY = chinaToday();
const get = (path: string) => t.app.request(path, { headers: authHeader('city_office') });
const warm = async (id: string, tile: { z: number; x: number; y: number }) => {
  const res = await get(`/api/tiles/${id}/${tile.z}/${tile.x}/${tile.y}.mvt?as_of=${TODAY}`);
  expect([200, 204]).toContain(res.status);
};
const isCached = (id: string, tile: { z: number; x: number; y: number }) => t.tiles.cached(layer(id), { ...tile, prefix, asOf: TODAY }) !== undefined;
const until = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return cond();
};

async function placeOf(sql: string) {
  const [row] = await t.db.query<{ code: string; id: number; lon: number; lat: number }>(sql);
  expect(row).toBeTruthy();
  return row!;
}

describe('tile cache', () => {
  it('keys a tile only by what changes it', () => {
    const at = (id: string, p: string, asOf: string) => t.tiles.key(layer(id), { z: 12, x: 3300, y: 1700, prefix: p, asOf });
    // Roads depend on neither the date nor the jurisdiction.
    expect(at('roads', '4304', '2026-01-01')).toBe(at('roads', '430421', '2026-06-01'));
    // Checkpoints are scoped but undated; townships (and grids, which keep their history) are both.
    expect(at('checkpoints', '4304', '2026-01-01')).toBe(at('checkpoints', '4304', '2026-06-01'));
    expect(at('checkpoints', '4304', '2026-01-01')).not.toBe(at('checkpoints', '430421', '2026-01-01'));
    expect(at('grids', '4304', '2026-01-01')).not.toBe(at('grids', '4304', '2026-06-01'));
    expect(at('townships', '4304', '2026-01-01')).not.toBe(at('townships', '4304', '2026-06-01'));
    // Firms are clustered (no dated property) below z11 and carry `overdue` above it.
    expect(t.tiles.key(layer('firms'), { z: 9, x: 1, y: 1, prefix: '4304', asOf: '2026-01-01' })).toBe(t.tiles.key(layer('firms'), { z: 9, x: 1, y: 1, prefix: '4304', asOf: '2026-06-01' }));
    expect(t.tiles.key(layer('firms'), { z: 13, x: 1, y: 1, prefix: '4304', asOf: '2026-01-01' })).not.toBe(t.tiles.key(layer('firms'), { z: 13, x: 1, y: 1, prefix: '4304', asOf: '2026-06-01' }));
  });

  it('a listing made through the API drops its township tile, and leaves other places, other levels and other layers cached', async () => {
    const tw = await placeOf(`SELECT a.code, ST_X(a.label_point) lon, ST_Y(a.label_point) lat FROM admin_area a
      WHERE a.level = 'township' AND a.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.area_code = a.code) ORDER BY a.code LIMIT 1`);
    // A township far away: another county, its tile not touching this one's.
    const far = await placeOf(`SELECT a.code, ST_X(a.label_point) lon, ST_Y(a.label_point) lat FROM admin_area a
      WHERE a.level = 'township' AND a.valid_to IS NULL AND left(a.code, 6) <> left('${tw.code}', 6)
      ORDER BY ST_Distance(a.label_point, (SELECT label_point FROM admin_area WHERE code = '${tw.code}' AND valid_to IS NULL)) DESC LIMIT 1`);
    const here = lonLatToTile(tw.lon, tw.lat, 11);
    const there = lonLatToTile(far.lon, far.lat, 11);
    expect(`${there.x}/${there.y}`).not.toBe(`${here.x}/${here.y}`);
    const county = lonLatToTile(tw.lon, tw.lat, 9);
    for (const [id, tile] of [['townships', here], ['townships', there], ['counties', county], ['roads', here], ['firms', here]] as const) await warm(id, tile);
    for (const [id, tile] of [['townships', here], ['townships', there], ['counties', county], ['roads', here], ['firms', here]] as const) expect(isCached(id, tile), id).toBe(true);

    const res = await t.app.request('/api/listings', {
      method: 'POST',
      headers: { ...authHeader('city_office'), 'content-type': 'application/json' },
      body: JSON.stringify({ area_code: tw.code, grade: 'key_attention', categories: ['drug_abuse'], listed_on: TODAY }),
    });
    expect(res.status).toBe(201);
    try {
      // The write answered only after the cache had heard of it: no waiting here.
      expect(isCached('townships', here)).toBe(false);
      expect(isCached('townships', there)).toBe(true);
      expect(isCached('counties', county)).toBe(true); // a township's listing is not its county's
      expect(isCached('roads', here)).toBe(true);
      expect(isCached('firms', here)).toBe(true);
    } finally {
      await t.db.query('DELETE FROM listing WHERE area_code = $1', [tw.code]);
    }
    // A delete made outside the API (psql, an importer) reaches the cache too, within moments. (The barrier first,
    // so that the delete's own notification cannot arrive while the tile renders, which would leave it uncached.)
    await t.tiles.feed.sync();
    await warm('townships', here);
    expect(isCached('townships', here)).toBe(true);
    await t.db.query("UPDATE admin_area SET name = name WHERE code = $1 AND valid_to IS NULL", [tw.code]);
    expect(await until(() => !isCached('townships', here))).toBe(true);
    expect(isCached('townships', there)).toBe(true);
  });

  it('an inspection drops the tile of its firm only', async () => {
    const firm = await placeOf("SELECT id, ST_X(geom) lon, ST_Y(geom) lat FROM firm WHERE township_code LIKE '4380%' ORDER BY id LIMIT 1");
    const other = await placeOf(`SELECT id, ST_X(geom) lon, ST_Y(geom) lat FROM firm WHERE township_code LIKE '4380%'
      ORDER BY ST_Distance(geom, (SELECT geom FROM firm WHERE id = ${firm.id})) DESC LIMIT 1`);
    const venue = await placeOf(`SELECT id, ST_X(geom) lon, ST_Y(geom) lat FROM venue ORDER BY ST_Distance(geom, (SELECT geom FROM firm WHERE id = ${firm.id})) LIMIT 1`);
    const here = lonLatToTile(firm.lon, firm.lat, 14);
    const there = lonLatToTile(other.lon, other.lat, 14);
    const venueTile = lonLatToTile(venue.lon, venue.lat, 14);
    for (const [id, tile] of [['firms', here], ['firms', there], ['venues', venueTile]] as const) await warm(id, tile);
    const res = await t.app.request('/api/inspections', {
      method: 'POST',
      headers: { ...authHeader('city_office'), 'content-type': 'application/json' },
      body: JSON.stringify({ firm_id: firm.id, inspected_on: TODAY, outcome: 'ok', findings: '' }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    try {
      expect(isCached('firms', here)).toBe(false);
      expect(isCached('firms', there)).toBe(true);
      expect(isCached('venues', venueTile)).toBe(true); // an inspection of a firm is not one of a venue
    } finally {
      await t.db.query('DELETE FROM inspection WHERE id = $1', [id]);
    }
  });
});
