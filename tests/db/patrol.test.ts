/** The inspector's day on PostGIS: due list, a day's route, recording an inspection (and refusing bad ones). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePrefix } from 'domain/codes';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';
import { TEST_REGION } from '../support/env.js';

let t: Awaited<ReturnType<typeof testApp>>;
let prefix: string;
let county: { code: string; lon: number; lat: number };
const created: number[] = [];
const AS_OF = TEST_REGION.asOf;

beforeAll(async () => {
  t = await testApp();
  const [u] = await t.db.query<{ code: string }>(`SELECT jurisdiction_code AS code FROM app_user WHERE username = 'inspector'`);
  prefix = scopePrefix(u!.code);
  [county] = await t.db.query<{ code: string; lon: number; lat: number }>(
    'SELECT code, ST_X(label_point) lon, ST_Y(label_point) lat FROM admin_area WHERE code = $1 AND valid_to IS NULL',
    [u!.code],
  ) as [{ code: string; lon: number; lat: number }];
});

afterAll(async () => {
  // The db and e2e projects share one seeded database: leave it as it was.
  if (created.length) {
    await t.db.query(`DELETE FROM audit_log WHERE action = 'inspection.record' AND (detail->>'inspection_id')::bigint = ANY($1)`, [created]);
    await t.db.query('DELETE FROM inspection WHERE id = ANY($1)', [created]);
  }
  await t.close();
});

const get = (url: string, user: DemoUser = 'inspector') => t.app.request(url, { headers: authHeader(user) });
const post = (body: unknown, user: DemoUser = 'inspector') =>
  t.app.request('/api/inspections', { method: 'POST', headers: { ...authHeader(user), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

interface Item { kind: 'firm' | 'venue'; id: number; name: string; nextDue: string; overdue: boolean; score: number; lastOutcome: string | null; lon: number; lat: number }
interface Plan {
  date: string;
  start: { lon: number; lat: number; source: string };
  count: number;
  totalKm: number;
  totalMinutes: number;
  stops: (Item & { seq: number; cumulativeKm: number; eta: string })[];
  path: { type: string; geometry: { type: string; coordinates: number[][] } };
}

describe('due list', () => {
  it('lists firms and venues of the jurisdiction, most urgent first, with exactly the overdue ones SQL finds', async () => {
    const res = await get(`/api/patrols/due?as_of=${AS_OF}&within_days=0`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Item[]; overdue: number };
    const [expected] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int n FROM (
         SELECT coalesce(max(i.inspected_on), DATE '2000-01-01') + f.inspection_every_days AS due FROM firm f
           LEFT JOIN inspection i ON i.firm_id = f.id WHERE left(f.township_code, length($1)) = $1 GROUP BY f.id
         UNION ALL
         SELECT coalesce(max(i.inspected_on), DATE '2000-01-01') + v.inspection_every_days FROM venue v
           LEFT JOIN inspection i ON i.venue_id = v.id WHERE left(v.township_code, length($1)) = $1 GROUP BY v.id) d
       WHERE due < $2::date`,
      [prefix, AS_OF],
    );
    expect(expected!.n).toBeGreaterThan(0);
    expect(body.overdue).toBe(expected!.n);
    expect(body.items.filter((i) => i.overdue)).toHaveLength(expected!.n);
    const scores = body.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.items.every((i) => i.overdue || i.nextDue >= AS_OF || i.lastOutcome === 'violation' || (i as unknown as { licenceState: string }).licenceState === 'expired')).toBe(true);
  });

  it('refuses a bad as_of naming it', async () => {
    const res = await get('/api/patrols/due?as_of=2026-02-30');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { param: string }).param).toBe('as_of');
  });
});

describe('day plan', () => {
  it("starts at the county seat and visits up to max_stops targets, with growing km, ETAs and the path's LineString", async () => {
    const res = await get(`/api/patrols/plan?date=${AS_OF}&max_stops=6`);
    expect(res.status).toBe(200);
    const plan = (await res.json()) as Plan;
    expect(plan.start).toMatchObject({ source: 'county_seat' });
    expect(plan.start.lon).toBeCloseTo(county.lon, 6);
    expect(plan.start.lat).toBeCloseTo(county.lat, 6);
    expect(plan.count).toBe(6);
    expect(plan.stops.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const km = plan.stops.map((s) => s.cumulativeKm);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(plan.totalKm).toBeCloseTo(km[km.length - 1]!, 0);
    const etas = plan.stops.map((s) => s.eta);
    expect(etas).toEqual([...etas].sort());
    expect(etas[0]!.startsWith(`${AS_OF}T`)).toBe(true);
    expect(plan.path.geometry.type).toBe('LineString');
    expect(plan.path.geometry.coordinates).toEqual([[plan.start.lon, plan.start.lat], ...plan.stops.map((s) => [s.lon, s.lat])]);
    // Every stop is in the inspector's county.
    const ids = plan.stops.filter((s) => s.kind === 'firm').map((s) => s.id);
    const [outside] = await t.db.query<{ n: number }>('SELECT count(*)::int n FROM firm WHERE id = ANY($1) AND left(township_code, length($2)) <> $2', [ids, prefix]);
    expect(outside!.n).toBe(0);
    // With opening hours the shortest path is not always feasible (domain/patrol/schedule.ts is tested for its
    // order); here: every visit starts on or after arrival and the day ends by the default 17:30.
    for (const st of plan.stops as (typeof plan.stops[number] & { beginAt: string })[]) expect(st.beginAt >= st.eta).toBe(true);
    expect((plan as unknown as { finishAt: string }).finishAt.slice(11, 16) <= '17:30').toBe(true);
  });

  it('starts where told, and refuses a bad start or max_stops', async () => {
    const plan = (await (await get(`/api/patrols/plan?date=${AS_OF}&max_stops=3&start=112.6,26.9`)).json()) as Plan;
    expect(plan.start).toMatchObject({ lon: 112.6, lat: 26.9, source: 'given' });
    expect(plan.count).toBeLessThanOrEqual(3);
    for (const [q, param] of [['start=112.6', 'start'], ['start=200,26', 'start'], ['max_stops=0', 'max_stops'], ['date=tomorrow', 'date']]) {
      const res = await get(`/api/patrols/plan?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { param: string }).param, q).toBe(param);
    }
  });
});

describe('recording an inspection', () => {
  const counts = async () => {
    const [r] = await t.db.query<{ i: number; a: number }>(`SELECT (SELECT count(*) FROM inspection)::int i, (SELECT count(*) FROM audit_log)::int a`);
    return r!;
  };

  it('refuses bad input naming the field, other roles and targets outside the jurisdiction, and changes nothing', async () => {
    const [firm] = await t.db.query<{ id: number }>('SELECT id FROM firm WHERE left(township_code, length($1)) = $1 ORDER BY id LIMIT 1', [prefix]);
    const [foreign] = await t.db.query<{ id: number }>('SELECT id FROM firm WHERE left(township_code, length($1)) <> $1 ORDER BY id LIMIT 1', [prefix]);
    const ok = { firm_id: firm!.id, inspected_on: AS_OF, outcome: 'ok', findings: '' };
    const before = await counts();
    const bad: [unknown, string][] = [
      [{ ...ok, inspected_on: '2099-01-01' }, 'inspected_on'],
      [{ ...ok, inspected_on: '2026-13-01' }, 'inspected_on'],
      [{ ...ok, venue_id: 1 }, 'venue_id'],
      [{ inspected_on: AS_OF, outcome: 'ok' }, 'firm_id'],
      [{ ...ok, outcome: 'fine' }, 'outcome'],
      [{ ...ok, outcome: 'violation', findings: '  ' }, 'findings'],
      [{ ...ok, firm_id: 'x' }, 'firm_id'],
    ];
    for (const [body, param] of bad) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { param: string }).param, JSON.stringify(body)).toBe(param);
    }
    expect(foreign, 'the demo region has firms outside the inspector county').toBeDefined();
    const outside = await post({ ...ok, firm_id: foreign!.id });
    expect(outside.status).toBe(404);
    expect((await post({ ...ok, firm_id: 2 ** 31 - 2 })).status).toBe(404);
    expect((await post(ok, 'grid_officer')).status).toBe(403);
    expect((await post(ok, 'wall')).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("writes the inspection with its audit entry and moves that target's next due date", async () => {
    const due = (await (await get(`/api/patrols/due?as_of=${AS_OF}&within_days=0`)).json()) as { items: Item[] };
    const target = due.items.find((i) => i.kind === 'venue' && i.overdue)!;
    expect(target).toBeDefined();
    const res = await post({ venue_id: target.id, inspected_on: AS_OF, outcome: 'issues', findings: '监控设备故障未修复' });
    expect(res.status).toBe(201);
    const saved = (await res.json()) as { id: number; target: Item };
    created.push(saved.id);
    const [every] = await t.db.query<{ due: string }>('SELECT ($1::date + inspection_every_days)::text AS due FROM venue WHERE id = $2', [AS_OF, target.id]);
    expect(saved.target.nextDue).toBe(every!.due);
    expect(saved.target.nextDue > target.nextDue).toBe(true);

    const [row] = await t.db.query<{ outcome: string; inspector: string; findings: string }>('SELECT outcome, inspector, findings FROM inspection WHERE id = $1', [saved.id]);
    expect(row).toMatchObject({ outcome: 'issues', findings: '监控设备故障未修复' });
    const audit = await t.db.query<{ username: string; entity: string; entity_id: string }>(
      `SELECT username, entity, entity_id FROM audit_log WHERE action = 'inspection.record' AND (detail->>'inspection_id')::bigint = $1`,
      [saved.id],
    );
    expect(audit).toEqual([{ username: 'inspector', entity: 'venue', entity_id: String(target.id) }]);

    const after = (await (await get(`/api/patrols/due?as_of=${AS_OF}&within_days=0`)).json()) as { items: Item[] };
    expect(after.items.find((i) => i.kind === 'venue' && i.id === target.id)).toBeUndefined();
    const details = (await (await get(`/api/venues/${target.id}`)).json()) as { nextDue: string; lastInspection: { outcome: string } };
    expect(details).toMatchObject({ nextDue: every!.due, lastInspection: { outcome: 'issues' } });
  });
});
