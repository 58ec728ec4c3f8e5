/**
 * Opening hours on PostGIS: the office sets them (parsed, stored canonically, audited; bad text refused naming the
 * field), and the day plan visits every stop while it is open, within the working hours, saying why the others
 * could not fit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePrefix } from 'domain/codes';
import { parseOpeningHours, windowsOn } from 'domain/patrol';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';
import { TEST_REGION } from '../support/env.js';

let t: Awaited<ReturnType<typeof testApp>>;
let prefix: string;
const AS_OF = TEST_REGION.asOf; // a Sunday
const restore: { id: number; hours: string | null }[] = [];
const audits: number[] = [];

beforeAll(async () => {
  t = await testApp();
  const [u] = await t.db.query<{ code: string }>(`SELECT jurisdiction_code AS code FROM app_user WHERE username = 'inspector'`);
  prefix = scopePrefix(u!.code);
});

afterAll(async () => {
  for (const r of restore) await t.db.query('UPDATE venue SET opening_hours = $2 WHERE id = $1', [r.id, r.hours]);
  await t.db.query(`DELETE FROM audit_log WHERE action = 'opening_hours.set' AND id = ANY($1::bigint[])`, [audits]);
  await t.close();
});

const put = (id: number, body: unknown, user: DemoUser = 'county_office') =>
  t.app.request(`/api/venues/${id}/opening-hours`, { method: 'PUT', headers: { ...authHeader(user), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const get = (url: string, user: DemoUser = 'inspector') => t.app.request(url, { headers: authHeader(user) });

async function venueInScope(offset = 0) {
  const [v] = await t.db.query<{ id: number; hours: string | null }>(
    'SELECT id::int, opening_hours hours FROM venue WHERE left(township_code, length($1)) = $1 ORDER BY id OFFSET $2 LIMIT 1',
    [prefix, offset],
  );
  restore.push(v!);
  return v!;
}

describe('office staff keep opening hours', () => {
  it('stores what they type in Chinese in the canonical spelling, audited, and the details show it', async () => {
    const v = await venueInScope();
    const res = await put(v.id, { opening_hours: '周一至周五 9:00-12:00，14:00-18:00；周六、周日 休息' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: v.id, openingHours: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa-Su off' });
    const details = (await (await get(`/api/venues/${v.id}`)).json()) as { openingHours: string };
    expect(details.openingHours).toBe('Mo-Fr 09:00-12:00,14:00-18:00; Sa-Su off');
    const [a] = await t.db.query<{ id: number; username: string; detail: { before: string | null; after: string } }>(
      `SELECT id::int, username, detail FROM audit_log WHERE action = 'opening_hours.set' AND entity = 'venue' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(v.id)],
    );
    audits.push(a!.id);
    expect(a).toMatchObject({ username: 'county_office', detail: { before: v.hours, after: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa-Su off' } });
  });

  it('refuses unreadable hours naming the field and the rule, other roles, and venues outside the jurisdiction; nothing changes', async () => {
    const v = await venueInScope(1);
    const bad = await put(v.id, { opening_hours: '周一至周五 9点到6点' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(await bad.json()).toMatchObject({ param: 'opening_hours', rule: 'bad_time' });
    expect((await put(v.id, { opening_hours: 'x'.repeat(201) })).status).toBe(400);
    expect((await put(v.id, { hours: '24/7' })).status).toBe(400);
    expect((await put(v.id, { opening_hours: '24/7' }, 'inspector')).status).toBe(403);
    const [foreign] = await t.db.query<{ id: number }>('SELECT id::int FROM venue WHERE left(township_code, length($1)) <> $1 LIMIT 1', [prefix]);
    expect((await put(foreign!.id, { opening_hours: '24/7' })).status).toBe(404);
    const [now] = await t.db.query<{ hours: string | null }>('SELECT opening_hours hours FROM venue WHERE id = $1', [v.id]);
    expect(now!.hours).toBe(v.hours);
  });
});

interface Stop { kind: string; id: number; openingHours: string | null; eta: string; beginAt: string; waitMinutes: number; window: { from: string; to: string } }
interface Plan { stops: Stop[]; unplaced: (Stop & { reason: string })[]; finishAt: string; workingHours: { from: string; to: string } }
/** The windows a stop's stored hours give on the test date (unknown hours: open all day). */
function windowsOf(h: string | null) {
  if (!h) return windowsOn(null, AS_OF);
  const r = parseOpeningHours(h);
  if (!r.ok) throw new Error(`stored hours do not parse: ${h}`);
  return windowsOn(r.hours, AS_OF);
}
const minutesOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

describe('the day plan and opening hours', () => {
  it('visits every stop while it is open and ends within the working hours; firms shut on Sunday are listed as closed all day', async () => {
    const res = await get(`/api/patrols/plan?date=${AS_OF}&max_stops=10&day_start=09:00&day_end=17:00`);
    expect(res.status).toBe(200);
    const plan = (await res.json()) as Plan;
    expect(plan.workingHours).toEqual({ from: '09:00', to: '17:00' });
    expect(plan.stops.length).toBeGreaterThan(2);
    for (const s of plan.stops) {
      const begin = minutesOf(s.beginAt);
      const windows = windowsOf(s.openingHours);
      expect(windows.some(([a, b]) => begin >= a && begin + 30 <= b), `${s.kind} ${s.id} at ${s.beginAt} (${s.openingHours})`).toBe(true);
      expect(begin).toBeGreaterThanOrEqual(minutesOf(s.eta));
      expect(begin).toBeGreaterThanOrEqual(9 * 60);
    }
    expect(minutesOf(plan.finishAt)).toBeLessThanOrEqual(17 * 60);
    const reasons = new Set(plan.unplaced.map((u) => u.reason));
    expect([...reasons].every((r) => ['closed_all_day', 'outside_working_hours', 'window_missed', 'beyond_working_hours'].includes(r))).toBe(true);
    // The demo's firms keep office hours Monday to Friday (or Saturday): on a Sunday they are closed all day.
    for (const u of plan.unplaced.filter((x) => x.reason === 'closed_all_day')) expect(windowsOf(u.openingHours), u.openingHours ?? '').toEqual([]);
    expect(plan.unplaced.some((u) => u.kind === 'firm' && u.reason === 'closed_all_day')).toBe(true);
  });

  it('refuses working hours that are not times, or a day shorter than one visit, naming the parameter', async () => {
    for (const [q, param] of [['day_start=8', 'day_start'], ['day_end=25:00', 'day_end'], ['day_start=12:00&day_end=12:10', 'day_end']]) {
      const res = await get(`/api/patrols/plan?date=${AS_OF}&${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { param: string }).param, q).toBe(param);
    }
  });
});
