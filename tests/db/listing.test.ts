/**
 * The listings API on real PostGIS, on the seeded demo region: as-of reads, scope, due work, every action and
 * every refusal (with nothing written when refused), exports, and the seeded history replayed through the rules.
 * Writes use villages (a county lists villages, art. 17) that have no listing yet and are deleted afterwards.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, replayArea, type StoredListing, type AssessmentRecord, type EventDraft } from 'domain/listing';
import type { Database } from 'db';
import { TEST_REGION } from '../support/env.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';
import { chinaToday } from 'domain/time';

let app: Awaited<ReturnType<typeof testApp>>['app'];
let db: Database;
let close: () => Promise<void>;
const created: number[] = [];
/** The API's today: China's date, which is a day ahead of UTC's from 16:00 UTC. */
const TODAY = chinaToday();
const ALL = { leadership: true, mechanisms: true, groundwork: true, education: true, enforcement: true, problem_eased: true };
const SOME = { ...ALL, enforcement: false, problem_eased: false };

async function call(method: string, url: string, user: DemoUser | null, body?: unknown) {
  const headers: Record<string, string> = user ? { ...authHeader(user) } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('json') ? await res.json() : null;
  return { status: res.status, type, json: json as any, res };
}

/** Row counts of everything an action writes: a refused action must leave them all unchanged. */
async function counts() {
  const [r] = await db.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM listing) AS listing, (SELECT count(*)::int FROM listing_event) AS events,
    (SELECT count(*)::int FROM listing_assessment) AS assessments, (SELECT count(*)::int FROM audit_log) AS audit`);
  return r!;
}

/** Expect a refusal by the rules: status, rule id, and no row written anywhere. */
async function refused(method: string, url: string, user: DemoUser, body: unknown, status: number, rule: string) {
  const before = await counts();
  const r = await call(method, url, user, body);
  expect(r.type).toContain('application/problem+json');
  expect([r.status, r.json.rule]).toEqual([status, rule]);
  expect(r.json.detail).toBeTruthy();
  expect(r.json.detail_zh).toBeTruthy();
  expect(await counts()).toEqual(before);
  return r.json;
}

let freeVillages: string[] = [];
const list = async (area: string, grade: string, listedOn: string, user: DemoUser = 'county_office') => {
  const r = await call('POST', '/api/listings', user, { area_code: area, grade, categories: ['drug_abuse', 'transit_hub'], listed_on: listedOn });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  created.push(r.json.listing.id);
  return r.json.listing.id as number;
};

beforeAll(async () => {
  ({ app, db, close } = await testApp());
  freeVillages = (
    await db.query<{ code: string }>(`SELECT code FROM admin_area WHERE level = 'village' AND valid_to IS NULL AND code LIKE '438002%'
      AND code NOT IN (SELECT area_code FROM listing) ORDER BY code`)
  ).map((r) => r.code);
  expect(freeVillages.length).toBeGreaterThanOrEqual(6);
});

afterAll(async () => {
  if (created.length) {
    await db.query(`DELETE FROM audit_log WHERE entity = 'listing' AND entity_id = ANY($1::text[])`, [created.map(String)]);
    await db.query('DELETE FROM listing WHERE id = ANY($1::bigint[])', [created]);
  }
  await close();
});

describe('the seeded history', () => {
  it('replays clean through the rules engine, listing by listing and area by area', async () => {
    const listings = await db.query<StoredListing>(`SELECT l.id::int, l.area_code AS "areaCode", a.level AS "areaLevel", l.body, l.categories, l.grade, l.status,
        l.listed_on AS "listedOn", l.term_ends_on AS "termEndsOn", l.extended, l.delisted_on AS "delistedOn", l.relisted_from::int AS "relistedFrom"
      FROM listing l JOIN admin_area a ON a.code = l.area_code AND a.valid_to IS NULL WHERE l.listed_on <= $1`, [TEST_REGION.asOf]);
    const events = await db.query<EventDraft & { listingId: number }>(`SELECT listing_id::int AS "listingId", kind, on_date AS "onDate", grade, status,
        term_ends_on AS "termEndsOn", detail FROM listing_event ORDER BY on_date, id`);
    const assessments = await db.query<AssessmentRecord & { listingId: number } & Record<string, unknown>>(`SELECT listing_id::int AS "listingId", year,
        assessed_on AS "assessedOn", leadership, mechanisms, groundwork, education, enforcement, problem_eased, notes FROM listing_assessment`);
    expect(listings.length).toBeGreaterThan(20);
    const byArea = new Map<string, Parameters<typeof replayArea>[0][number][]>();
    for (const l of listings) {
      const xs = assessments
        .filter((a) => a.listingId === l.id)
        .map((a) => ({ year: a.year, assessedOn: a.assessedOn, notes: a.notes, conditions: { leadership: a.leadership, mechanisms: a.mechanisms,
          groundwork: a.groundwork, education: a.education, enforcement: a.enforcement, problem_eased: a.problem_eased } as AssessmentRecord['conditions'] }));
      const entry = { stored: l, events: events.filter((e) => e.listingId === l.id), assessments: xs };
      byArea.set(l.areaCode, [...(byArea.get(l.areaCode) ?? []), entry]);
    }
    expect([...byArea.values()].flatMap((ls) => replayArea(ls, TEST_REGION.asOf))).toEqual([]);
  });

  it('has every state, a relisting after a rebound, and the tiles function agrees with the events', async () => {
    const rows = await db.query<{ status: string }>('SELECT DISTINCT status FROM listing ORDER BY 1');
    expect(rows.map((r) => r.status)).toEqual(['delisted', 'downgraded', 'extended', 'listed']);
    const [relisted] = await db.query<{ area_code: string; id: number; prev_delisted: string; listed_on: string }>(
      `SELECT l.area_code, l.id::int, p.delisted_on AS prev_delisted, l.listed_on FROM listing l JOIN listing p ON p.id = l.relisted_from LIMIT 1`,
    );
    expect(relisted).toBeTruthy();
    // Between the delisting and the relisting the area reads as delisted; after it, as listed again.
    const mid = addDays(relisted!.prev_delisted, 1);
    const [then] = await db.query<{ status: string }>('SELECT status FROM listing_state_at($1, $2)', [relisted!.area_code, mid]);
    const [now] = await db.query<{ status: string; listing_id: number }>('SELECT status, listing_id::int FROM listing_state_at($1, $2)', [relisted!.area_code, TEST_REGION.asOf]);
    expect(then!.status).toBe('delisted');
    expect(now).toEqual({ status: 'listed', listing_id: relisted!.id });
  });
});

describe('reading listings', () => {
  it('lists the listings in the city office scope, with flags, as of a date', async () => {
    const r = await call('GET', `/api/listings?as_of=${TEST_REGION.asOf}`, 'city_office');
    expect(r.status).toBe(200);
    const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM listing WHERE listed_on <= $1 AND area_code LIKE '4380%'`, [TEST_REGION.asOf]);
    expect(r.json.count).toBe(n!.n);
    expect(r.json.listings[0]).toHaveProperty('flags.assessmentOverdue');
    expect(r.json.listings.some((l: any) => l.flags.assessmentOverdue)).toBe(true);
    expect(r.json.listings.some((l: any) => l.flags.continuing)).toBe(true);
  });

  it('shows a listing as it stood: delisted now, listed a year before', async () => {
    const [d] = await db.query<{ id: number; listed_on: string; delisted_on: string }>(
      `SELECT id::int, listed_on, delisted_on FROM listing WHERE status = 'delisted' AND delisted_on > listed_on + 200 ORDER BY id LIMIT 1`,
    );
    const before = addDays(d!.delisted_on, -30);
    const then = await call('GET', `/api/listings/${d!.id}?as_of=${before}`, 'city_office');
    expect(then.json.listing.status).not.toBe('delisted');
    expect(then.json.listing.delistedOn).toBeNull();
    expect(then.json.events.every((e: any) => e.onDate <= before)).toBe(true);
    const now = await call('GET', `/api/listings/${d!.id}?as_of=${TEST_REGION.asOf}`, 'city_office');
    expect(now.json.listing).toMatchObject({ status: 'delisted', delistedOn: d!.delisted_on });
    expect(now.json.events.at(-1).kind).toBe('delisted');
    expect(now.json.assessments.length).toBeGreaterThan(0);
    const outline = await call('GET', `/api/listings/${d!.id}/outline`, 'city_office');
    expect(outline.type).toContain('application/geo+json');
    expect(['Polygon', 'MultiPolygon']).toContain(outline.json.geometry.type);
    expect(outline.json.bbox).toHaveLength(4);
    // Before it was listed it does not exist.
    expect((await call('GET', `/api/listings/${d!.id}?as_of=${addDays(d!.listed_on, -1)}`, 'city_office')).status).toBe(404);
  });

  it('filters by grade, status and area; the county office sees its county only', async () => {
    const asOf = `as_of=${TEST_REGION.asOf}`;
    const g = await call('GET', `/api/listings?${asOf}&grade=key_attention`, 'city_office');
    expect(g.json.count).toBeGreaterThan(0);
    expect(g.json.listings.every((l: any) => l.grade === 'key_attention')).toBe(true);
    const s = await call('GET', `/api/listings?${asOf}&status=active`, 'city_office');
    expect(s.json.listings.every((l: any) => l.status !== 'delisted')).toBe(true);
    const a = await call('GET', `/api/listings?${asOf}&area=438002`, 'city_office');
    const c = await call('GET', `/api/listings?${asOf}`, 'county_office');
    expect(c.json.count).toBeGreaterThan(0);
    expect(c.json.listings.every((l: any) => l.areaCode.startsWith('438002'))).toBe(true);
    expect(a.json.count).toBe(c.json.count);
    const outside = g.json.listings.find((l: any) => !l.areaCode.startsWith('438002'));
    expect((await call('GET', `/api/listings/${outside.id}`, 'county_office')).status).toBe(404);
  });

  it('answers bad query input with a 400 problem naming the parameter', async () => {
    for (const [q, param] of [['grade=severe', 'grade'], ['as_of=2026-02-30', 'as_of'], ['status=gone', 'status'], ['area=123', 'area']]) {
      const r = await call('GET', `/api/listings?${q}`, 'city_office');
      expect([r.status, r.json.param]).toEqual([400, param]);
      expect(r.type).toContain('application/problem+json');
    }
    expect((await call('GET', '/api/listings/due?within_days=soon', 'city_office')).json.param).toBe('within_days');
    expect((await call('GET', '/api/listings', null)).status).toBe(401);
  });

  it('lists due work: terms ending, assessments overdue, extensions used up', async () => {
    const r = await call('GET', `/api/listings/due?as_of=${TEST_REGION.asOf}&within_days=45`, 'city_office');
    expect(r.status).toBe(200);
    const kinds = new Set(r.json.items.map((i: any) => i.kind));
    for (const k of ['term_ending', 'assessment_overdue', 'extension_used_up', 'continuing', 'term_expired']) expect(kinds).toContain(k);
    const days = r.json.items.map((i: any) => i.dueOn);
    expect(days).toEqual([...days].sort());
    expect(r.json.items.every((i: any) => i.days <= 45)).toBe(true);
  });
});

describe('listing an area', () => {
  it('lists, writes the event and the audit entry, and refuses a second active listing', async () => {
    const area = freeVillages[0]!;
    const before = await counts();
    const id = await list(area, 'key_supervision', addDays(TODAY, -10));
    expect(await counts()).toEqual({ ...before, listing: before.listing + 1, events: before.events + 1, audit: before.audit + 1 });
    const d = await call('GET', `/api/listings/${id}`, 'county_office');
    expect(d.json.listing).toMatchObject({ status: 'listed', body: 'county', termEndsOn: addDays(TODAY, -10).replace(/^\d{4}/, (y) => String(+y + 1)) });
    expect(d.json.events).toMatchObject([{ kind: 'listed', recordedBy: 'county_office' }]);
    const [audit] = await db.query<{ action: string; username: string }>(`SELECT action, username FROM audit_log WHERE entity = 'listing' AND entity_id = $1`, [String(id)]);
    expect(audit).toEqual({ action: 'listing.list', username: 'county_office' });
    await refused('POST', '/api/listings', 'county_office', { area_code: area, grade: 'key_rectification', categories: ['other'] }, 409, 'list.already_active');
  });

  it('refuses what the rules forbid, naming the rule and the field', async () => {
    const area = freeVillages[1]!;
    const body = (over: object) => ({ area_code: area, grade: 'key_supervision', categories: ['drug_abuse'], ...over });
    await refused('POST', '/api/listings', 'county_office', body({ area_code: '438002999000' }), 404, 'list.unknown_area');
    // Outside the jurisdiction answers exactly as a code that does not exist: no existence oracle.
    const outside = await refused('POST', '/api/listings', 'county_office', body({ area_code: '438003001000' }), 404, 'list.unknown_area');
    const missing = await refused('POST', '/api/listings', 'county_office', body({ area_code: '438002999000' }), 404, 'list.unknown_area');
    expect(outside).toEqual({ ...missing, instance: outside.instance });
    const g = await refused('POST', '/api/listings', 'county_office', body({ grade: 'key_attention' }), 422, 'list.grade_not_allowed');
    expect([g.param, g.article, g.allowed]).toEqual(['grade', '第十一条', ['key_rectification', 'key_supervision']]);
    expect((await refused('POST', '/api/listings', 'county_office', body({ listed_on: '2026-06-01', term_ends_on: '2026-05-01' }), 422, 'list.end_before_start')).param).toBe('term_ends_on');
    await refused('POST', '/api/listings', 'county_office', body({ listed_on: addDays(TODAY, 5) }), 422, 'date.in_future');
    await refused('POST', '/api/listings', 'city_office', body({ area_code: area }), 422, 'list.area_level');
  });

  it('answers malformed bodies with 400 and the field, and refuses roles that may not write', async () => {
    const before = await counts();
    const bad = async (b: unknown, param: string) => {
      const r = await call('POST', '/api/listings', 'county_office', b);
      expect([r.status, r.json.param]).toEqual([400, param]);
    };
    await bad({ area_code: freeVillages[1], grade: 'key_supervision', categories: ['gambling'] }, 'categories.0');
    await bad({ area_code: freeVillages[1], grade: 'key_supervision', categories: [] }, 'categories');
    await bad({ area_code: 'x', grade: 'key_supervision', categories: ['other'] }, 'area_code');
    await bad({ area_code: freeVillages[1], grade: 'key_supervision', categories: ['other'], listed_on: '2026-13-01' }, 'listed_on');
    const r = await call('POST', '/api/listings', 'inspector', { area_code: freeVillages[1], grade: 'key_supervision', categories: ['other'] });
    expect(r.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('the life cycle through the API', () => {
  it('assess, refuse to delist with the unmet conditions, extend once, refuse a second extension', async () => {
    // Key supervision whose one-year term ends in 30 days.
    const id = await list(freeVillages[2]!, 'key_supervision', addDays(TODAY, -335));
    const a = await call('POST', `/api/listings/${id}/assessments`, 'county_office', { assessed_on: TODAY, conditions: SOME, notes: { enforcement: '贩毒网络尚未打掉' } });
    expect(a.status).toBe(201);
    expect(a.json.assessments).toMatchObject([{ year: +TODAY.slice(0, 4), conditions: SOME, notes: { enforcement: '贩毒网络尚未打掉' } }]);
    const p = await refused('POST', `/api/listings/${id}/delist`, 'county_office', { on: TODAY }, 409, 'delist.conditions_unmet');
    expect(p.unmet).toEqual(['enforcement', 'problem_eased']);
    await refused('POST', `/api/listings/${id}/assessments`, 'county_office', { assessed_on: TODAY, conditions: ALL }, 409, 'assess.one_per_year');
    await refused('POST', `/api/listings/${id}/extend`, 'city_office', { on: TODAY }, 403, 'authority.not_listing_body');
    const e = await call('POST', `/api/listings/${id}/extend`, 'county_office', { on: TODAY });
    expect(e.status).toBe(200);
    expect(e.json.listing).toMatchObject({ status: 'extended', extended: true });
    expect(e.json.listing.termEndsOn > addDays(TODAY, 360)).toBe(true);
    await refused('POST', `/api/listings/${id}/extend`, 'county_office', { on: TODAY }, 409, 'extend.already_extended');
    const [audit] = await db.query<{ detail: any }>(`SELECT detail FROM audit_log WHERE entity = 'listing' AND entity_id = $1 AND action = 'listing.extend'`, [String(id)]);
    expect(audit!.detail.before.status).toBe('listed');
    expect(audit!.detail.after.status).toBe('extended');
  });

  it('downgrades only to a grade the body may give, with all six met', async () => {
    const id = await list(freeVillages[3]!, 'key_rectification', addDays(TODAY, -300));
    await refused('POST', `/api/listings/${id}/downgrade`, 'county_office', { on: TODAY, grade: 'key_supervision' }, 409, 'downgrade.needs_assessment');
    expect((await call('POST', `/api/listings/${id}/assessments`, 'county_office', { assessed_on: addDays(TODAY, -1), conditions: ALL })).status).toBe(201);
    await refused('POST', `/api/listings/${id}/downgrade`, 'county_office', { on: TODAY, grade: 'key_attention' }, 422, 'downgrade.grade_not_allowed');
    await refused('POST', `/api/listings/${id}/downgrade`, 'county_office', { on: TODAY, grade: 'key_rectification' }, 422, 'downgrade.not_lower');
    await refused('POST', `/api/listings/${id}/downgrade`, 'county_office', { on: addDays(TODAY, -2), grade: 'key_supervision' }, 422, 'date.before_last_event');
    const r = await call('POST', `/api/listings/${id}/downgrade`, 'county_office', { on: TODAY, grade: 'key_supervision' });
    expect(r.json.listing).toMatchObject({ status: 'downgraded', grade: 'key_supervision' });
    expect(r.json.events.map((e: any) => e.kind)).toEqual(['listed', 'assessed', 'downgraded']);
  });

  it('delists with all six met, refuses to act on the closed listing, relists on a rebound', async () => {
    const id = await list(freeVillages[4]!, 'key_supervision', addDays(TODAY, -200));
    await refused('POST', `/api/listings/${id}/relist`, 'county_office', { grade: 'key_supervision' }, 409, 'relist.not_delisted');
    expect((await call('POST', `/api/listings/${id}/assessments`, 'county_office', { assessed_on: addDays(TODAY, -20), conditions: ALL })).status).toBe(201);
    const d = await call('POST', `/api/listings/${id}/delist`, 'county_office', { on: addDays(TODAY, -10) });
    expect(d.json.listing).toMatchObject({ status: 'delisted', delistedOn: addDays(TODAY, -10) });
    await refused('POST', `/api/listings/${id}/assessments`, 'county_office', { assessed_on: TODAY, conditions: ALL }, 409, 'state.delisted');
    await refused('POST', `/api/listings/${id}/relist`, 'county_office', { on: addDays(TODAY, -15), grade: 'key_supervision' }, 422, 'date.before_delisting');
    const r = await call('POST', `/api/listings/${id}/relist`, 'county_office', { on: TODAY, grade: 'key_rectification', reason: '出现严重反弹' });
    expect(r.status).toBe(201);
    created.push(r.json.listing.id);
    expect(r.json.listing).toMatchObject({ status: 'listed', relistedFrom: id, grade: 'key_rectification', categories: ['drug_abuse', 'transit_hub'] });
    expect(r.json.events[0]).toMatchObject({ kind: 'relisted', detail: { relisted_from: id, reason: '出现严重反弹' } });
    await refused('POST', `/api/listings/${id}/relist`, 'county_office', { on: TODAY, grade: 'key_supervision' }, 409, 'list.already_active');
  });

  it('answers unknown listings and bad ids', async () => {
    expect((await call('POST', '/api/listings/999999999/extend', 'county_office', {})).status).toBe(404);
    expect((await call('POST', '/api/listings/abc/extend', 'county_office', {})).status).toBe(404);
    const r = await call('POST', `/api/listings/${created[0]}/assessments`, 'county_office', { conditions: { ...ALL, extra: true } });
    expect([r.status, r.json.param]).toEqual([400, 'conditions.extra']); // the unknown key itself is named
  });
});

describe('export', () => {
  it('writes CSV with a BOM and one row per listing, and an Excel sheet with the same rows', async () => {
    const q = `as_of=${TEST_REGION.asOf}&status=active`;
    const json = await call('GET', `/api/listings?${q}`, 'city_office');
    const csv = await app.request(`/api/listings/export.csv?${q}`, { headers: authHeader('city_office') });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('区划代码');
    expect(lines.length).toBe(json.json.count + 1);
    const en = await (await app.request(`/api/listings/export.csv?${q}&lang=en`, { headers: authHeader('city_office') })).text();
    expect(en).toContain('Area code');
    const xlsx = await app.request(`/api/listings/export.xlsx?${q}`, { headers: authHeader('city_office') });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(json.json.count + 1);
    expect(ws.getRow(2).getCell(2).value).toBe(json.json.listings[0].areaCode);
  });
});
