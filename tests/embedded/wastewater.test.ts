/**
 * Wastewater on the embedded database (PGlite + PostGIS in WASM): the demo seed's samples and recompute run there
 * too, the weighting SQL gives the same area values as the JS reference, and a lab file imports with its
 * incremental update.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import type { SessionUser } from 'api/src/http/env.js';
import { importLabFile } from 'api/src/wastewater/import/service.js';
import { areaSeries } from 'api/src/wastewater/repository.js';
import { seededEmbedded } from '../support/seed-region.js';

const REGION = { seed: 4304, size: 'tiny', asOf: '2026-11-01' };
let db: Database;

beforeAll(async () => {
  db = await seededEmbedded(REGION);
});
afterAll(async () => db?.close());

describe('wastewater on PGlite', () => {
  it('seeds two years of weekly samples for every site and fills area_signal', async () => {
    const [r] = await db.query<{ sites: number; samples: number; below: number; weeks: number }>(
      `SELECT (SELECT count(*)::int FROM wastewater_site) AS sites, count(*)::int AS samples,
              (count(*) FILTER (WHERE below_loq))::int AS below,
              count(DISTINCT date_trunc('week', sampled_at AT TIME ZONE 'Asia/Shanghai'))::int AS weeks
       FROM wastewater_sample`);
    expect(r!.weeks).toBe(104);
    expect(r!.samples).toBeGreaterThan(r!.sites * 6 * 95);
    expect(r!.below).toBeGreaterThan(0);
    const signals = await db.query<{ substance: string; trend: string; coverage: number }>(
      `SELECT s.substance, s.trend, s.coverage FROM area_signal s JOIN admin_area a ON a.code = s.area_code WHERE a.level = 'township'`);
    expect(signals.length).toBe(3 * 7);
    expect(signals.every((s) => s.trend !== 'insufficient' && s.coverage > 0)).toBe(true);
  });

  it('stores the same weekly area values that the on-demand series computes', async () => {
    const [sig] = await db.query<{ area_code: string; latest_load: number }>(
      `SELECT area_code, latest_load FROM area_signal s JOIN admin_area a ON a.code = s.area_code
       WHERE a.level = 'township' AND substance = 'methamphetamine' ORDER BY area_code LIMIT 1`);
    const series = await areaSeries(db, sig!.area_code, { substance: 'methamphetamine', period: 'week', from: '2026-05-01', to: REGION.asOf, windowWeeks: 26 });
    expect(series.points.at(-1)!.normalised).toBeCloseTo(sig!.latest_load, 6);
  });

  it('imports a lab file in one transaction and updates the signals of the areas it touches', async () => {
    const [site] = await db.query<{ code: string; township_code: string }>(`SELECT code, township_code FROM wastewater_site WHERE kind = 'plant_inlet' ORDER BY code LIMIT 1`);
    const user: SessionUser = { id: 1, username: 'admin', displayName: 'admin', role: 'admin', jurisdictionCode: '430000000000', scopePrefix: '43', gridCodes: [] };
    const [u] = await db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'admin'`);
    user.id = u!.id;
    const csv = ['站点编码,采样时间,物质,浓度(ng/L),流量(m³/d),低于定量限,定量限,检测机构',
      `${site!.code},2026-11-03 09:00,甲基苯丙胺,400,20000,否,1,实验室`].join('\n');
    const before = await db.query<{ computed_at: string }>(`SELECT computed_at FROM area_signal WHERE area_code = $1 AND substance = 'methamphetamine'`, [site!.township_code]);
    const r = await importLabFile(db, user, new TextEncoder().encode(csv), { dryRun: false, acceptSkipping: false, filename: 'x.csv', now: new Date('2026-11-20T00:00:00Z') });
    expect(r).toMatchObject({ status: 'imported', rowsImported: 1 });
    const after = await db.query<{ computed_at: string; latest_load: number }>(`SELECT computed_at, latest_load FROM area_signal WHERE area_code = $1 AND substance = 'methamphetamine'`, [site!.township_code]);
    expect(after[0]!.computed_at).not.toBe(before[0]!.computed_at);
    const again = await importLabFile(db, user, new TextEncoder().encode(csv), { dryRun: false, acceptSkipping: false, filename: 'x.csv', now: new Date('2026-11-20T00:00:00Z') });
    expect(again.status).toBe('unchanged');
  });
});
