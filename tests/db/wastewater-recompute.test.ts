/**
 * The recompute of the drug signals after imports, on the seeded demo region (real PostGIS, through the API):
 * an incremental update — a week inside the window, or a new week that moves it — leaves area_signal exactly as
 * a full recompute from the samples would; a lab import can run as a job whose progress the page polls; a data
 * import that changes what the signals rest on (here a plant's population served) recomputes them in the same
 * transaction. (Two imports at once: wastewater-censoring.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { recomputeAll } from 'api/src/wastewater/repository.js';
import { TEST_REGION } from '../support/env.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, db, close } = await testApp());
  // Start from the signals as of the region's date: files run before this one recompute as of other dates (a
  // recompute without as_of takes the latest sample's week), and the first test checks that an import keeps it.
  await recomputeAll(db, { asOf: TEST_REGION.asOf });
});

afterAll(async () => {
  await db.query(`DELETE FROM wastewater_sample WHERE import_id IN (SELECT id FROM wastewater_import WHERE filename LIKE 'recompute-%')`);
  await db.query(`DELETE FROM wastewater_import WHERE filename LIKE 'recompute-%'`);
  await recomputeAll(db, { asOf: TEST_REGION.asOf });
  await close();
});

/** Every stored column of every signal but the times it was written (floats to 9 decimals). */
const snapshot = () =>
  db.query(`SELECT area_code, substance, window_weeks, trend, round(latest_load::numeric, 9) AS latest_load, latest_censored,
                   round(pct_change::numeric, 9) AS pct_change, round(sen_slope::numeric, 9) AS sen_slope, round(p_value::numeric, 9) AS p_value,
                   n_samples, round(coverage::numeric, 9) AS coverage, round(censored_share::numeric, 9) AS censored_share,
                   round(kendall_s::numeric, 6) AS kendall_s, round(kendall_var::numeric, 6) AS kendall_var, round(kendall_z::numeric, 9) AS kendall_z,
                   n_plants, n_plants_used, panel_joined, panel_left, enforcement_trend, round(enforcement_p::numeric, 9) AS enforcement_p, divergent
            FROM area_signal ORDER BY area_code, substance`);

async function plants(offset: number, n: number) {
  return db.query<{ code: string; population_served: number }>(
    `SELECT code, population_served FROM wastewater_site WHERE kind = 'plant_inlet' ORDER BY code OFFSET $1 LIMIT $2`, [offset, n]);
}

/** A lab file: methamphetamine and ketamine of each plant at `at` (YYYY-MM-DD HH:MM, China time). */
const labFile = (ps: { code: string; population_served: number }[], at: string, meth = 120) =>
  ['site_code,sampled_at,substance,concentration_ng_l,flow_m3_day,below_loq,loq_ng_l,lab',
    ...ps.flatMap((p) => [`${p.code},${at},methamphetamine,${meth},${p.population_served * 0.25},否,1,L`, `${p.code},${at},ketamine,30,${p.population_served * 0.25},否,1,L`])].join('\n');

async function postLab(body: string, name: string, query = '', user: DemoUser = 'admin') {
  const res = await app.request(`/api/wastewater/imports?filename=${name}${query}`, { method: 'POST', headers: { ...authHeader(user), 'Content-Type': 'text/csv' }, body });
  return { status: res.status, location: res.headers.get('location'), json: (await res.json()) as any };
}

describe('an incremental recompute equals a full one', () => {
  it('after results for a week inside the window: only the areas of those plants, the same signals as from scratch', async () => {
    const [{ areas }] = (await db.query<{ areas: number }>(`SELECT count(DISTINCT area_code)::int AS areas FROM area_signal`)) as [{ areas: number }];
    // A second sample in a week of the window (the seed samples on other days and hours), higher than the plants' own level.
    const r = await postLab(labFile(await plants(0, 3), '2026-10-21 03:17', 400), 'recompute-inside.csv');
    expect(r.status).toBe(201);
    expect(r.json.recompute.asOf).toBe(TEST_REGION.asOf); // "as of" stays: the window did not move
    expect(r.json.recompute.areas).toBeGreaterThan(0);
    expect(r.json.recompute.areas).toBeLessThan(areas);
    const incremental = await snapshot();
    await recomputeAll(db, { asOf: TEST_REGION.asOf });
    expect(await snapshot()).toEqual(incremental);
  });

  it('after results for a new week: every area (the window moved), the same signals as from scratch', async () => {
    const r = await postLab(labFile(await plants(3, 4), '2026-11-05 09:00'), 'recompute-new-week.csv');
    expect(r.status).toBe(201);
    expect(r.json.recompute.asOf).toBe('2026-11-05');
    const incremental = await snapshot();
    await recomputeAll(db, { asOf: '2026-11-05' });
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('a lab import as a job', () => {
  async function poll(location: string, user: DemoUser = 'admin') {
    for (let i = 0; i < 600; i++) {
      const res = await app.request(location, { headers: authHeader(user) });
      const job = (await res.json()) as any;
      if (res.status !== 200 || job.state !== 'running') return { status: res.status, job };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the job did not finish');
  }

  it('answers 202 at once; polling shows it finished with the report and the recompute, progress at 100 %', async () => {
    const r = await postLab(labFile(await plants(7, 2), '2026-11-06 09:00'), 'recompute-async.csv', '&async=1');
    expect(r.status).toBe(202);
    expect(r.location).toBe(`/api/wastewater/imports/${r.json.id}`);
    expect(r.json.state).toBe('running');
    const { status, job } = await poll(r.location!);
    expect(status).toBe(200);
    expect(job.state).toBe('done');
    expect(job.progress).toMatchObject({ phase: 'done', fraction: 1, etaSeconds: 0 });
    expect(job.report).toMatchObject({ status: 'imported', rowsImported: 4 });
    expect(job.report.recompute.asOf).toBe('2026-11-06');
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM wastewater_sample s JOIN wastewater_import i ON i.id = s.import_id WHERE i.filename = 'recompute-async.csv'`);
    expect(row!.n).toBe(4);
    // Another user does not see the job.
    expect((await poll(r.location!, 'city_office')).status).toBe(404);
  });

  it('reports a refused file as a refused job with the problem naming the file, and writes nothing', async () => {
    const r = await postLab('site_code,sampled_at,substance,concentration_ng_l,flow_m3_day\nNOPE-1,2026-11-06 09:00,methamphetamine,1,1', 'recompute-bad.csv', '&async=1');
    expect(r.status).toBe(202);
    const { job } = await poll(r.location!);
    expect(job.state).toBe('refused');
    expect(job.error).toMatchObject({ param: 'file' });
    expect(job.report.problems[0]).toMatchObject({ row: 2, column: 'site_code', code: 'unknown_site' });
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM wastewater_import WHERE filename = 'recompute-bad.csv'`);
    expect(row!.n).toBe(0);
  });

  it('refuses a malformed job id with a problem naming it', async () => {
    const res = await app.request('/api/wastewater/imports/not-a-uuid', { headers: authHeader('admin') });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).param).toBe('id');
  });
});

describe('a data import that changes what the signals rest on', () => {
  const office = authHeader('admin');
  let original: Uint8Array;

  async function importSites(bytes: Uint8Array) {
    const form = new FormData();
    form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'sites.csv');
    const res = await app.request('/api/imports?layer=wastewater_sites&datum=wgs84', { method: 'POST', headers: office, body: form });
    return { status: res.status, json: (await res.json()) as any };
  }

  afterAll(async () => {
    if (original) await importSites(original);
  });

  it('recomputes the signals in the same transaction: a plant serving twice the people halves its loads', async () => {
    original = new Uint8Array(await (await app.request('/api/exports/wastewater_sites.csv', { headers: office })).arrayBuffer());
    const lines = new TextDecoder().decode(original).split(/\r?\n/);
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const [col, kind, code] = ['population_served', 'kind', 'code'].map((c) => header.indexOf(c)) as [number, number, number];
    expect(col).toBeGreaterThanOrEqual(0);
    const at = lines.findIndex((l, i) => i > 0 && !l.includes('"') && l.split(',')[kind] === 'plant_inlet');
    const cells = lines[at]!.split(',');
    const site = cells[code]!;
    cells[col] = String(Number(cells[col]) * 2);
    lines[at] = cells.join(',');
    const [before] = await db.query<{ township_code: string; load: number }>(
      `SELECT w.township_code, s.latest_load AS load FROM wastewater_site w JOIN area_signal s ON s.area_code = w.township_code AND s.substance = 'index' WHERE w.code = $1`, [site]);

    const r = await importSites(new TextEncoder().encode(lines.join('\n')));
    expect(r.status, JSON.stringify(r.json.problems?.slice(0, 3) ?? r.json)).toBe(201);
    expect(r.json.counts.changed).toBe(1);
    expect(r.json.timings.recompute).toBeGreaterThan(0);
    const [after] = await db.query<{ load: number }>(`SELECT latest_load AS load FROM area_signal WHERE area_code = $1 AND substance = 'index'`, [before!.township_code]);
    expect(after!.load).not.toBeCloseTo(before!.load, 6);
    const incremental = await snapshot();
    const [state] = await db.query<{ as_of: string }>(`SELECT value->>'asOf' AS as_of FROM dataset_info WHERE key = 'wastewater_recompute'`);
    await recomputeAll(db, { asOf: state!.as_of });
    expect(await snapshot()).toEqual(incremental);
  });
});
