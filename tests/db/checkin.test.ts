/**
 * Check-in on PostGIS: an inspection stores where and when it was recorded; one recorded beyond INSPECTION_FAR_M
 * (300 m by default) from the site is flagged for the office, not refused; a phone with no fix is accepted and
 * marked; the same form sent twice (same client_id), one after the other or at once, is one row and one audit entry.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePrefix } from 'domain/codes';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';
import { TEST_REGION } from '../support/env.js';

let t: Awaited<ReturnType<typeof testApp>>;
let site: { id: number; lon: number; lat: number };
let other: { id: number };
const AS_OF = TEST_REGION.asOf;
const clientIds: string[] = [];

beforeAll(async () => {
  t = await testApp();
  const [u] = await t.db.query<{ code: string }>(`SELECT jurisdiction_code AS code FROM app_user WHERE username = 'inspector'`);
  const prefix = scopePrefix(u!.code);
  const firms = await t.db.query<{ id: number; lon: number; lat: number }>(
    'SELECT id::int, ST_X(geom) lon, ST_Y(geom) lat FROM firm WHERE left(township_code, length($1)) = $1 ORDER BY id LIMIT 2',
    [prefix],
  );
  [site, other] = firms as [typeof site, typeof other];
});

afterAll(async () => {
  // The db and e2e projects share one seeded database: leave it as it was.
  const ids = (await t.db.query<{ id: string }>('SELECT id FROM inspection WHERE client_id = ANY($1::uuid[])', [clientIds])).map((r) => r.id);
  await t.db.query(`DELETE FROM audit_log WHERE action = 'inspection.record' AND (detail->>'inspection_id') = ANY($1::text[])`, [ids]);
  await t.db.query('DELETE FROM inspection WHERE id = ANY($1::bigint[])', [ids]);
  await t.close();
});

const post = (body: unknown, user: DemoUser = 'inspector') =>
  t.app.request('/api/inspections', { method: 'POST', headers: { ...authHeader(user), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

function form(extra: Record<string, unknown>) {
  const client_id = randomUUID();
  clientIds.push(client_id);
  return { firm_id: site.id, inspected_on: AS_OF, outcome: 'ok', findings: '', client_id, ...extra };
}

/** A point `metres` north of the site (1° of latitude ≈ 110.9 km at 27°N on the spheroid; PostGIS says exactly). */
const north = (metres: number) => ({ lon: site.lon, lat: site.lat + metres / 110_900 });

interface Saved { id: number; duplicate: boolean; checkIn: { recordedAt: string; positionStatus: string; accuracyM: number | null; distanceM: number | null; farFromSite: boolean; limitM: number } }

describe('check-in', () => {
  it('stores position, accuracy and the server time; near the site it is not flagged', async () => {
    const before = Date.now();
    const res = await post(form({ position: { ...north(80), accuracy_m: 25 } }));
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Saved;
    expect(saved.checkIn).toMatchObject({ positionStatus: 'fix', accuracyM: 25, farFromSite: false, limitM: 300 });
    expect(saved.checkIn.distanceM).toBeGreaterThan(70);
    expect(saved.checkIn.distanceM).toBeLessThan(90);
    const [row] = await t.db.query<{ lon: number; lat: number; recorded_at: string | Date; recorded_by: string }>(
      'SELECT ST_X(position::geometry) lon, ST_Y(position::geometry) lat, recorded_at, recorded_by FROM inspection WHERE id = $1',
      [saved.id],
    );
    expect(row!.lon).toBeCloseTo(site.lon, 9);
    expect(row!.lat).toBeCloseTo(north(80).lat, 9);
    expect(row!.recorded_by).toBe('inspector');
    expect(new Date(row!.recorded_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(row!.recorded_at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('flags one recorded 1 km away for the office (saved, not refused), with the distance PostGIS measures on the spheroid', async () => {
    const p = north(1000);
    const res = await post(form({ position: { ...p, accuracy_m: 15 } }));
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Saved;
    expect(saved.checkIn.farFromSite).toBe(true);
    const [exact] = await t.db.query<{ m: number }>(
      'SELECT ST_Distance(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, geom::geography) m FROM firm WHERE id = $3',
      [p.lon, p.lat, site.id],
    );
    expect(Math.abs(saved.checkIn.distanceM! - exact!.m)).toBeLessThanOrEqual(1);
    expect(exact!.m).toBeGreaterThan(950);
    // The office sees it in its list of flagged check-ins; the inspector may not read that list.
    const since = new Date(Date.now() - 60_000).toISOString();
    const list = await t.app.request(`/api/inspections/flagged?since=${encodeURIComponent(since)}`, { headers: authHeader('county_office') });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { id: number; distanceM: number; inspector: string }[] };
    expect(body.items.find((i) => i.id === saved.id)).toMatchObject({ distanceM: Math.round(exact!.m) });
    expect((await t.app.request(`/api/inspections/flagged?since=${encodeURIComponent(since)}`, { headers: authHeader('inspector') })).status).toBe(403);
  });

  it('accepts a phone with no fix and marks it so (no distance, not flagged)', async () => {
    const res = await post(form({ position: null }));
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Saved;
    expect(saved.checkIn).toMatchObject({ positionStatus: 'no_fix', distanceM: null, accuracyM: null, farFromSite: false });
    const [row] = await t.db.query<{ position_status: string; position: unknown }>('SELECT position_status, position FROM inspection WHERE id = $1', [saved.id]);
    expect(row).toEqual({ position_status: 'no_fix', position: null });
  });

  it('refuses a malformed position or client id naming the field, and writes nothing', async () => {
    const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int n FROM inspection');
    const cases: [Record<string, unknown>, string][] = [
      [{ position: { lon: 112, lat: 95, accuracy_m: 10 } }, 'position.lat'],
      [{ position: { lon: 112, lat: 27 } }, 'position.accuracy_m'],
      [{ position: { lon: 112, lat: 27, accuracy_m: -1 } }, 'position.accuracy_m'],
      [{ position: { lon: '112', lat: 27, accuracy_m: 5 } }, 'position.lon'],
      [{ position: 'here' }, 'position'],
      [{ client_id: 'not-a-uuid' }, 'client_id'],
    ];
    for (const [extra, param] of cases) {
      const res = await post({ firm_id: site.id, inspected_on: AS_OF, outcome: 'ok', ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(((await res.json()) as { param: string }).param, JSON.stringify(extra)).toBe(param);
    }
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int n FROM inspection');
    expect(after!.n).toBe(before!.n);
  });
});

describe('the same form sent twice', () => {
  const rowsOf = async (clientId: string) => {
    const [r] = await t.db.query<{ rows: number; audits: number }>(
      `SELECT (SELECT count(*) FROM inspection WHERE client_id = $1::uuid)::int rows,
              (SELECT count(*) FROM audit_log WHERE action = 'inspection.record' AND detail->>'client_id' = $1::text)::int audits`,
      [clientId],
    );
    return r!;
  };

  it('one after the other (a retry after a lost answer): one row, one audit entry, the first answer again', async () => {
    const body = form({ outcome: 'issues', findings: '台账不全', position: { ...north(20), accuracy_m: 8 } });
    const first = await post(body);
    expect(first.status).toBe(201);
    const a = (await first.json()) as Saved;
    const second = await post(body);
    expect(second.status).toBe(200);
    const b = (await second.json()) as Saved;
    expect(b).toMatchObject({ id: a.id, duplicate: true });
    expect(b.checkIn).toEqual(a.checkIn);
    expect(await rowsOf(body.client_id)).toEqual({ rows: 1, audits: 1 });
  });

  it('at the same moment (an offline queue flushed twice): still one row', async () => {
    const body = form({ position: null });
    const answers = await Promise.all([post(body), post(body), post(body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as Saved).id)));
    expect(ids.size).toBe(1);
    expect(await rowsOf(body.client_id)).toEqual({ rows: 1, audits: 1 });
  });

  it('a client id reused for another target is refused (409), not merged', async () => {
    const body = form({});
    expect((await post(body)).status).toBe(201);
    const res = await post({ ...body, firm_id: other.id });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { param: string }).param).toBe('client_id');
    expect(await rowsOf(body.client_id)).toEqual({ rows: 1, audits: 1 });
  });
});
