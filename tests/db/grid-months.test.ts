/**
 * The grid officer's monthly figures on PostGIS: scope in SQL (an officer reaches only their own grids, an office
 * only its jurisdiction), refusals that name the field and write nothing, the same submission counted once (also
 * when both copies arrive at the same moment), a stale version answered with both sides, drafts, the audit, and
 * the office's list of grids that have not reported.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof testApp>>;
interface FormGrid {
  code: string;
  population: number;
  version: number;
  figures: Record<string, number> | null;
  previous: Record<string, number> | null;
  submittedAt: string | null;
  draft: { figures: Record<string, number | null> } | null;
}
let month: string;
let grids: FormGrid[];
/** A grid in the officer's county that is not theirs. */
let foreignGrid: string;
let saved: unknown[];

const SNAKE = { registered: 'registered', underControl: 'under_control', riskLow: 'risk_low', riskMedium: 'risk_medium', riskHigh: 'risk_high', rehabDue: 'rehab_due', rehabDone: 'rehab_done' } as const;
const toBody = (f: Record<string, unknown>) => Object.fromEntries(Object.entries(SNAKE).map(([k, s]) => [s, f[k]]));

const call = (method: string, url: string, user: DemoUser, body?: unknown) =>
  t.app.request(url, { method, headers: { ...authHeader(user), 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const form = async () => (await (await call('GET', '/api/grid-months/mine', 'grid_officer')).json()) as { month: string; months: string[]; grids: FormGrid[] };
const submit = (grid: string, body: Record<string, unknown>, user: DemoUser = 'grid_officer') => call('POST', `/api/grid-months/${grid}/${month}/submissions`, user, body);
const counts = async (grid: string) => {
  const [r] = await t.db.query<{ version: number; registered: number; submissions: number; audits: number }>(
    `SELECT coalesce((SELECT version FROM grid_month WHERE grid_code = $1 AND month = $2::date), 0) AS version,
            (SELECT registered FROM grid_month WHERE grid_code = $1 AND month = $2::date) AS registered,
            (SELECT count(*)::int FROM grid_month_submission WHERE grid_code = $1 AND month = $2::date) AS submissions,
            (SELECT count(*)::int FROM audit_log WHERE entity = 'grid_month' AND entity_id = $1 || '/' || $3) AS audits`,
    [grid, `${month}-01`, month],
  );
  return r!;
};
/** Figures close to last month's (no jump warnings), within the grid's population. */
function plausible(g: FormGrid, registered = Math.min(g.previous?.registered ?? 3, g.population)) {
  const high = Math.min(1, registered);
  return { registered, underControl: registered, riskLow: registered - high, riskMedium: 0, riskHigh: high, rehabDue: Math.min(1, registered), rehabDone: Math.min(1, registered) };
}

beforeAll(async () => {
  t = await testApp();
  const f = await form();
  month = f.month;
  grids = f.grids;
  const [other] = await t.db.query<{ code: string }>(
    `SELECT g.code FROM grid_cell g WHERE left(g.code, 6) = left($1, 6) AND NOT g.code = ANY($2::text[]) ORDER BY g.code LIMIT 1`,
    [grids[0]!.code, grids.map((g) => g.code)],
  );
  foreignGrid = other!.code;
  saved = await t.db.query(`SELECT * FROM grid_month WHERE month = $1::date AND grid_code = ANY($2::text[])`, [`${month}-01`, [...grids.map((g) => g.code), foreignGrid]]);
});

afterAll(async () => {
  const codes = [...grids.map((g) => g.code), foreignGrid];
  await t.db.transaction(async (tx) => {
    await tx.query(`DELETE FROM grid_month_submission WHERE grid_code = ANY($1::text[])`, [codes]);
    await tx.query(`DELETE FROM grid_month_draft WHERE grid_code = ANY($1::text[])`, [codes]);
    await tx.query(`DELETE FROM audit_log WHERE entity = 'grid_month'`);
    await tx.query(`DELETE FROM grid_month WHERE month = $1::date AND grid_code = ANY($2::text[])`, [`${month}-01`, codes]);
    for (const r of saved as Record<string, unknown>[]) {
      const cols = Object.keys(r);
      await tx.query(`INSERT INTO grid_month (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => r[c]));
    }
  });
  await t.close();
});

describe('monthly figures', () => {
  it("gives an officer their own grids' form: figures on file with version, last month, population", async () => {
    const f = await form();
    expect(f.months).toHaveLength(2);
    const mine = await t.db.query<{ code: string }>(`SELECT a.grid_code AS code FROM grid_assignment a JOIN app_user u ON u.id = a.user_id WHERE u.username = 'grid_officer' ORDER BY 1`);
    expect(f.grids.map((g) => g.code)).toEqual(mine.map((m) => m.code));
    for (const g of f.grids) {
      expect(g.population).toBeGreaterThan(0);
      expect(g.version).toBe(g.figures ? 1 : 0);
    }
    expect((await call('GET', '/api/grid-months/mine', 'inspector')).status).toBe(403);
  });

  it('refuses bad figures naming the field, in both languages, and writes nothing', async () => {
    const g = grids[0]!;
    const before = await counts(g.code);
    const ok = plausible(g);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...ok, registered: -1 }, 'figures.registered', 'negative'],
      [{ ...ok, riskHigh: 0.5 }, 'figures.risk_high', 'notWhole'],
      [{ ...ok, rehabDue: '2' }, 'figures.rehab_due', 'notNumber'],
      [{ ...ok, registered: g.population + 1, underControl: g.population + 1, riskLow: g.population }, 'figures.registered', 'abovePopulation'],
      [{ ...ok, underControl: ok.registered + 1 }, 'figures.under_control', 'aboveRegistered'],
    ];
    for (const [figures, param, rule] of cases) {
      const res = await submit(g.code, { submission_id: randomUUID(), base_version: g.version, figures: toBody(figures) });
      expect(res.status, param).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const p = (await res.json()) as { param: string; rule: string; detail_zh: string; detail: string };
      expect([p.param, p.rule]).toEqual([param, rule]);
      expect(p.detail_zh).toMatch(/[\u4e00-\u9fff]/);
    }
    // A missing count, an unknown one, a bad id, a bad month: 400 naming it.
    const missing = await submit(g.code, { submission_id: randomUUID(), base_version: g.version, figures: { registered: 1 } });
    expect(((await missing.json()) as { param: string }).param).toBe('figures.under_control');
    const extra = await submit(g.code, { submission_id: randomUUID(), base_version: g.version, figures: { ...toBody(ok), persons: ['张三'] } });
    expect([extra.status, ((await extra.json()) as { param: string }).param]).toEqual([400, 'figures.persons']);
    const badId = await submit(g.code, { submission_id: 'abc', base_version: g.version, figures: toBody(ok) });
    expect([badId.status, ((await badId.json()) as { param: string }).param]).toEqual([400, 'submission_id']);
    const old = await call('POST', `/api/grid-months/${g.code}/2020-01/submissions`, 'grid_officer', { submission_id: randomUUID(), base_version: 0, figures: toBody(ok) });
    expect([old.status, ((await old.json()) as { param: string }).param]).toEqual([400, 'month']);
    expect(await counts(g.code)).toEqual(before);
  });

  it("keeps officers to their grids and offices to their jurisdiction, in SQL", async () => {
    const res = await submit(foreignGrid, { submission_id: randomUUID(), base_version: 0, figures: toBody(plausible(grids[0]!, 0)) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { param: string }).param).toBe('grid');
    expect((await submit(grids[0]!.code, { submission_id: randomUUID(), base_version: 0, figures: {} }, 'inspector')).status).toBe(403);
    // An office outside the county cannot correct it: a grid of another county.
    const [elsewhere] = await t.db.query<{ code: string }>(`SELECT code FROM grid_cell WHERE left(code, 6) <> left($1, 6) ORDER BY code LIMIT 1`, [grids[0]!.code]);
    const put = await call('PUT', `/api/grid-months/${elsewhere!.code}/${month}`, 'county_office', { base_version: 0, figures: toBody(plausible(grids[0]!, 0)), reason: 'test' });
    expect(put.status).toBe(404);
  });

  it('counts the same submission once, also when both copies arrive together', async () => {
    const g = grids[0]!;
    const before = await counts(g.code);
    const body = { submission_id: randomUUID(), base_version: g.version, figures: toBody(plausible(g)) };
    const [a, b] = await Promise.all([submit(g.code, body), submit(g.code, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const again = await submit(g.code, body);
    expect(again.status).toBe(200);
    const r = (await again.json()) as { replayed: boolean; version: number };
    expect(r).toMatchObject({ replayed: true, version: before.version + 1 });
    const after = await counts(g.code);
    expect(after).toMatchObject({ version: before.version + 1, submissions: before.submissions + 1, audits: before.audits + 1 });
    const [audit] = await t.db.query<{ username: string; action: string; detail: { after: { registered: number } } }>(
      `SELECT username, action, detail FROM audit_log WHERE entity = 'grid_month' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [`${g.code}/${month}`],
    );
    expect(audit).toMatchObject({ username: 'grid_officer', action: 'submit', detail: { after: { registered: plausible(g).registered } } });
    // The id belongs to that grid and month: reused for another grid it is refused.
    const reused = await submit(grids[1]!.code, { ...body, base_version: grids[1]!.version });
    expect([reused.status, ((await reused.json()) as { param: string }).param]).toEqual([422, 'submission_id']);
    g.version = after.version;
  });

  it('answers a stale version with both sides and changes nothing', async () => {
    const g = grids[1]!;
    const prev = Math.min(g.previous?.registered ?? 3, g.population);
    const office = plausible(g, prev > 0 ? prev - 1 : prev + 1);
    const put = await call('PUT', `/api/grid-months/${g.code}/${month}`, 'county_office', { base_version: g.version, figures: toBody(office), reason: '与公安系统核对' });
    expect(put.status).toBe(200);
    const officeVersion = ((await put.json()) as { version: number }).version;
    expect(officeVersion).toBe(g.version + 1);
    const mine = plausible(g, prev);
    const res = await submit(g.code, { submission_id: randomUUID(), base_version: g.version, figures: toBody(mine) });
    expect(res.status).toBe(409);
    const p = (await res.json()) as { param: string; current: { version: number; source: string; figures: Record<string, number> }; yours: { figures: Record<string, number> } };
    expect(p.param).toBe('base_version');
    expect(p.current).toMatchObject({ version: officeVersion, source: 'office', figures: office });
    expect(p.yours.figures).toEqual(mine);
    expect(await counts(g.code)).toMatchObject({ version: officeVersion, registered: office.registered, submissions: 0 });
    // Sent again against the office's version, it is taken.
    const retry = await submit(g.code, { submission_id: randomUUID(), base_version: officeVersion, figures: toBody(mine) });
    expect(retry.status).toBe(201);
    g.version = officeVersion + 1;
  });

  it('asks to confirm a big jump against last month, then records the warning', async () => {
    const g = grids[0]!;
    const prev = g.previous?.registered ?? 0;
    const jump = Math.min(g.population, prev + Math.max(6, prev));
    const figures = toBody(plausible(g, jump));
    const res = await submit(g.code, { submission_id: randomUUID(), base_version: g.version, figures });
    expect(res.status).toBe(422);
    const p = (await res.json()) as { param: string; warnings: { param: string }[] };
    expect(p.param).toBe('confirm_warnings');
    expect(p.warnings.map((w) => w.param)).toContain('figures.registered');
    const id = randomUUID();
    const ok = await submit(g.code, { submission_id: id, base_version: g.version, figures, confirm_warnings: true });
    expect(ok.status).toBe(201);
    const [row] = await t.db.query<{ warnings: { param: string }[] }>('SELECT warnings FROM grid_month_submission WHERE submission_id = $1', [id]);
    expect(row!.warnings.map((w) => w.param)).toContain('figures.registered');
    g.version++;
  });

  it('saves a partial draft, refuses a wrong count in it, and drops it once submitted', async () => {
    const g = grids[0]!;
    const res = await call('PUT', `/api/grid-months/${g.code}/${month}/draft`, 'grid_officer', { base_version: g.version, figures: { registered: 2, risk_high: null } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await form()).grids[0]!.draft!.figures).toMatchObject({ registered: 2, riskHigh: null });
    const bad = await call('PUT', `/api/grid-months/${g.code}/${month}/draft`, 'grid_officer', { base_version: g.version, figures: { rehab_done: -4 } });
    expect([bad.status, ((await bad.json()) as { param: string }).param]).toEqual([422, 'figures.rehab_done']);
    const [audit] = await t.db.query<{ n: number }>(`SELECT count(*)::int n FROM audit_log WHERE action = 'save_draft' AND entity_id = $1`, [`${g.code}/${month}`]);
    expect(audit!.n).toBe(1);
    expect((await submit(g.code, { submission_id: randomUUID(), base_version: g.version, figures: toBody(plausible(g, Math.min(2, g.population))), confirm_warnings: true })).status).toBe(201);
    expect((await form()).grids[0]!.draft).toBeNull();
  });

  it("shows the office which grids reported and reminds of the rest, within its jurisdiction", async () => {
    type Status = { month: string; total: number; reportedCount: number; notReportedCount: number; reported: { code: string; submittedAt: string }[]; notReported: { code: string; townshipName: string; officers: { name: string; duty: string }[] }[] };
    const s = (await (await call('GET', `/api/grid-months/status?month=${month}`, 'county_office')).json()) as Status;
    expect(s.reportedCount + s.notReportedCount).toBe(s.total);
    expect(s.reported.map((r) => r.code).sort()).toEqual(grids.map((g) => g.code).sort());
    expect(s.notReported.map((r) => r.code)).toContain(foreignGrid);
    expect(s.notReported.every((r) => r.code.startsWith(grids[0]!.code.slice(0, 6)))).toBe(true);
    const withOfficers = s.notReported.find((r) => r.officers.length);
    if (withOfficers) expect(withOfficers.officers[0]!.name.length).toBeGreaterThan(0);
    // The office correction did not count as the grid reporting; the city sees more grids than the county.
    const city = (await (await call('GET', `/api/grid-months/status?month=${month}`, 'city_office')).json()) as Status;
    expect(city.total).toBeGreaterThan(s.total);
    expect((await call('GET', '/api/grid-months/status', 'grid_officer')).status).toBe(403);
  });
});
