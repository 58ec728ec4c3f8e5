/**
 * The wall's shift-change view on PostGIS: what changed between two instants, and visitor mode, in which the API
 * sends no person's name and no exact site name (the counts stay the same).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePrefix } from 'domain/codes';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';
import { TEST_REGION } from '../support/env.js';

let t: Awaited<ReturnType<typeof testApp>>;
let prefix: string;
const SINCE = '2026-10-25T08:00:00+08:00';
const UNTIL = `${TEST_REGION.asOf}T23:59:00+08:00`;
let restoreSignal: { area_code: string; trend: string; trend_since: string } | null = null;

beforeAll(async () => {
  t = await testApp();
  const [u] = await t.db.query<{ code: string }>(`SELECT jurisdiction_code AS code FROM app_user WHERE username = 'wall'`);
  prefix = scopePrefix(u!.code);
});

afterAll(async () => {
  if (restoreSignal) {
    await t.db.query(`UPDATE area_signal SET trend = $2 WHERE area_code = $1 AND substance = 'index'`, [restoreSignal.area_code, restoreSignal.trend]);
    await t.db.query(`UPDATE area_signal SET trend_since = $2 WHERE area_code = $1 AND substance = 'index'`, [restoreSignal.area_code, restoreSignal.trend_since]);
  }
  await t.close();
});

const get = (q: string, user: DemoUser = 'wall') => t.app.request(`/api/wall/changes?${q}`, { headers: authHeader(user) });
const enc = encodeURIComponent;

interface Changes {
  visitor: boolean;
  listings: { listed: number; delisted: number; items: { recordedBy: string | null; areaName: string }[] };
  rising: { count: number; items: { areaCode: string }[] };
  overdue: { count: number; items: { name: string | null; subKind: string; townshipName: string }[] };
  checkpointCases: { cases: number; items: { name: string | null; kind: string }[] };
  flaggedCheckIns: { count: number; items: unknown[] };
}

describe('shift change', () => {
  it('lists the week before the reference date: listings entered, inspections fallen overdue, checkpoint cases, as SQL counts them', async () => {
    const res = await get(`since=${enc(SINCE)}&until=${enc(UNTIL)}&limit=100`);
    expect(res.status).toBe(200);
    const c = (await res.json()) as Changes;
    const [expected] = await t.db.query<{ cases: number; overdue: number }>(
      `SELECT (SELECT coalesce(sum(d.cases), 0)::int FROM checkpoint_day d JOIN checkpoint c ON c.id = d.checkpoint_id
               WHERE d.day BETWEEN '2026-10-25' AND $2::date AND left(c.county_code, length($1)) = $1) cases,
              (SELECT count(*)::int FROM (SELECT inspection_next_due(max(i.inspected_on), f.inspection_every_days) due FROM firm f
                 LEFT JOIN inspection i ON i.firm_id = f.id WHERE left(f.township_code, length($1)) = $1 GROUP BY f.id
               UNION ALL SELECT inspection_next_due(max(i.inspected_on), v.inspection_every_days) FROM venue v
                 LEFT JOIN inspection i ON i.venue_id = v.id WHERE left(v.township_code, length($1)) = $1 GROUP BY v.id) d
               WHERE due >= '2026-10-25' AND due < $2::date) overdue`,
      [prefix, TEST_REGION.asOf],
    );
    expect(c.checkpointCases.cases).toBe(expected!.cases);
    expect(c.overdue.count).toBe(expected!.overdue);
    expect(c.checkpointCases.cases + c.overdue.count).toBeGreaterThan(0);
    expect(c.overdue.items.every((i) => typeof i.name === 'string' && i.name.length > 0)).toBe(true);
  });

  it('reports a signal that has just turned rising, and not before it turned', async () => {
    const [s] = await t.db.query<{ area_code: string; trend: string; trend_since: string }>(
      `SELECT s.area_code, s.trend, s.trend_since::text FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
       WHERE s.substance = 'index' AND a.level = 'township' AND s.trend NOT IN ('rising', 'rising_significant') AND left(s.area_code, length($1)) = $1 LIMIT 1`,
      [prefix],
    );
    restoreSignal = s!;
    const since = new Date(Date.now() - 1000).toISOString();
    const before = (await (await get(`since=${enc(since)}&limit=100`)).json()) as Changes;
    expect(before.rising.items.map((i) => i.areaCode)).not.toContain(s!.area_code);
    await t.db.query(`UPDATE area_signal SET trend = 'rising' WHERE area_code = $1 AND substance = 'index'`, [s!.area_code]);
    const after = (await (await get(`since=${enc(since)}&limit=100`)).json()) as Changes;
    expect(after.rising.items.map((i) => i.areaCode)).toContain(s!.area_code);
    // An unchanged trend rewritten by a recompute keeps its start.
    await t.db.query(`UPDATE area_signal SET trend = 'rising', pct_change = 12 WHERE area_code = $1 AND substance = 'index'`, [s!.area_code]);
    const later = (await (await get(`since=${enc(new Date().toISOString())}&until=${enc(new Date(Date.now() + 60_000).toISOString())}&limit=100`)).json()) as Changes;
    expect(later.rising.items.map((i) => i.areaCode)).not.toContain(s!.area_code);
  });

  it('in visitor mode sends no name of a person or of a site, and the same counts', async () => {
    const q = `since=${enc('2026-10-05T00:00:00+08:00')}&until=${enc(UNTIL)}&limit=100`;
    const full = await (await get(q)).text();
    const visitorRes = await get(`${q}&visitor=1`);
    const visitor = await visitorRes.text();
    const [f, v] = [JSON.parse(full) as Changes, JSON.parse(visitor) as Changes];
    expect(v.visitor).toBe(true);
    for (const k of ['listings', 'rising', 'overdue', 'checkpointCases', 'flaggedCheckIns'] as const) {
      const shape = (x: { items: unknown[] }) => JSON.stringify({ ...x, items: x.items.length });
      expect(shape(v[k]), k).toBe(shape(f[k]));
    }
    const names = await t.db.query<{ n: string }>(
      `SELECT name n FROM firm WHERE left(township_code, length($1)) = $1 UNION SELECT name FROM venue WHERE left(township_code, length($1)) = $1
       UNION SELECT name FROM checkpoint WHERE left(county_code, length($1)) = $1
       UNION SELECT recorded_by FROM listing_event UNION SELECT inspector FROM inspection`,
      [prefix],
    );
    const leaked = names.map((r) => r.n).filter((n) => n && visitor.includes(JSON.stringify(n)));
    expect(leaked).toEqual([]);
    // The same names are in the full answer (so the check above can fail).
    expect(names.some((r) => r.n && full.includes(JSON.stringify(r.n)))).toBe(true);
    expect(v.overdue.items.every((i) => i.name === null && i.subKind && i.townshipName)).toBe(true);
  });

  it('refuses a missing or inverted window naming the parameter, and roles other than the wall and the office', async () => {
    for (const [q, param] of [['', 'since'], [`since=yesterday`, 'since'], [`since=${enc(UNTIL)}&until=${enc(SINCE)}`, 'until'], [`since=2026-01-01T00:00:00Z&until=${enc(UNTIL)}`, 'since'], [`since=${enc(SINCE)}&visitor=yes`, 'visitor']]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { param: string }).param, q).toBe(param);
    }
    expect((await get(`since=${enc(SINCE)}`, 'inspector')).status).toBe(403);
    expect((await get(`since=${enc(SINCE)}`, 'grid_officer')).status).toBe(403);
  });
});
