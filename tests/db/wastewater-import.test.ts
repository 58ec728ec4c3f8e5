/**
 * Lab-file import through the API on the seeded PostGIS region: dry runs list every row-level problem with row
 * and column; a bad file writes nothing; good UTF-8, GBK and Excel files import all-or-nothing with an audit
 * entry and the incremental recompute; importing the same file twice changes nothing.
 * Imported rows are removed afterwards and the signals recomputed as of the seed's date.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { recomputeAll } from 'api/src/wastewater/repository.js';
import { TEST_REGION } from '../support/env.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
let db: Database;
let close: () => Promise<void>;

const fixture = (name: string) => readFileSync(new URL(`../fixtures/wastewater/${name}`, import.meta.url));

async function upload(body: Uint8Array, query: string, user: DemoUser = 'city_office', type = 'text/csv') {
  const res = await app.request(`/api/wastewater/imports?${query}`, { method: 'POST', headers: { ...authHeader(user), 'Content-Type': type }, body: body as Uint8Array<ArrayBuffer> });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as any };
}

async function counts() {
  const [r] = await db.query<{ samples: number; imports: number; audit: number; signals: string }>(`SELECT
    (SELECT count(*)::int FROM wastewater_sample) AS samples, (SELECT count(*)::int FROM wastewater_import) AS imports,
    (SELECT count(*)::int FROM audit_log WHERE entity = 'wastewater_import') AS audit,
    (SELECT md5(string_agg(area_code || substance || trend || coalesce(latest_load::text, ''), ',' ORDER BY area_code, substance)) FROM area_signal) AS signals`);
  return r!;
}

beforeAll(async () => {
  ({ app, db, close } = await testApp());
});

afterAll(async () => {
  await db.query('DELETE FROM wastewater_sample WHERE import_id IS NOT NULL');
  await db.query('DELETE FROM wastewater_import');
  await recomputeAll(db, { asOf: TEST_REGION.asOf });
  await close();
});

describe('dry run', () => {
  it('lists every row-level problem with its row and column and writes nothing', async () => {
    const before = await counts();
    const r = await upload(fixture('bad.csv'), 'dry_run=1');
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('has_problems');
    const got = r.json.problems.map((p: any) => [p.row, p.column, p.code]);
    expect(got).toEqual([
      [3, 'site_code', 'unknown_site'],
      [4, 'substance', 'unknown_substance'],
      [5, 'concentration_ng_l', 'negative'],
      [6, 'concentration_ng_l', 'not_a_number'],
      [7, 'sampled_at', 'future_date'],
      [8, 'sampled_at', 'duplicate_in_file'],
      [9, 'flow_m3_day', 'missing_flow'],
      [10, 'sampled_at', 'bad_datetime'],
    ]);
    expect(r.json).toMatchObject({ rowsTotal: 9, rowsToImport: 1, rowsSkipped: 8 });
    expect(await counts()).toEqual(before);
  });

  it('reports a clean file as clean, with nothing written', async () => {
    const before = await counts();
    const r = await upload(fixture('good.csv'), 'dry_run=1');
    expect(r.json).toMatchObject({ status: 'clean', encoding: 'utf-8', rowsTotal: 6, rowsToImport: 6, problems: [] });
    expect(await counts()).toEqual(before);
  });

  it('flags the GBK lines of a file that is otherwise UTF-8', async () => {
    const r = await upload(fixture('mixed-encoding.csv'), 'dry_run=1');
    expect(r.json.problems).toEqual([expect.objectContaining({ row: 3, code: 'bad_encoding' })]);
  });
});

describe('import', () => {
  it('refuses a bad file with a problem naming the file, and writes nothing', async () => {
    const before = await counts();
    const r = await upload(fixture('bad.csv'), '');
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.json.param).toBe('file');
    expect(r.json.report.problems).toHaveLength(8);
    expect(await counts()).toEqual(before);
  });

  it('may not be used by roles that do not write', async () => {
    const r = await upload(fixture('good.csv'), '', 'inspector');
    expect(r.status).toBe(403);
  });

  it('imports a good file in one go, audited, updating the signals; the same file twice changes nothing', async () => {
    const before = await counts();
    const first = await upload(fixture('good.csv'), '');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'imported', rowsImported: 6 });
    const after = await counts();
    expect(after.samples).toBe(before.samples + 6);
    expect(after.imports).toBe(before.imports + 1);
    expect(after.audit).toBe(before.audit + 1);
    // The new week moved "as of" past the seed's date, so signals were recomputed.
    expect(after.signals).not.toBe(before.signals);
    const [row] = await db.query<{ below_loq: boolean; loq_ng_l: number; concentration_ng_l: number }>(
      `SELECT below_loq, loq_ng_l, concentration_ng_l FROM wastewater_sample s JOIN wastewater_site w ON w.id = s.site_id
       WHERE w.code = 'WW-438002002' AND s.substance = 'benzoylecgonine' AND s.sampled_at = '2026-11-04T00:40:00Z'`);
    expect(row).toEqual({ below_loq: true, loq_ng_l: 1, concentration_ng_l: 1 });

    const again = await upload(fixture('good.csv'), '');
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: 'unchanged', rowsImported: 0, rowsAlreadyImported: 6 });
    expect(again.json.previousImport.id).toBe(first.json.importId);
    expect(await counts()).toEqual(after);
  });

  it('reports a different result for an already stored site-time-substance as a duplicate in the database', async () => {
    const changed = Buffer.from(fixture('good.csv').toString('utf8').replace('95.4', '99.9'));
    const r = await upload(changed, 'dry_run=1');
    expect(r.json.problems).toEqual([expect.objectContaining({ row: 2, code: 'duplicate_in_db' })]);
  });

  it('imports only the good rows when the user accepts skipping', async () => {
    const before = await counts();
    const r = await upload(fixture('bad.csv'), 'accept_skipping=1');
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'imported_skipping', rowsImported: 1, rowsSkipped: 8 });
    expect((await counts()).samples).toBe(before.samples + 1);
  });

  it('reads a GBK file from a Chinese lab', async () => {
    const r = await upload(fixture('gbk.csv'), '');
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ encoding: 'gbk', rowsImported: 3 });
    const subs = await db.query<{ substance: string }>(
      `SELECT substance FROM wastewater_sample WHERE import_id = $1 ORDER BY substance`, [r.json.importId]);
    expect(subs.map((s) => s.substance)).toEqual(['benzoylecgonine', 'methamphetamine', 'morphine']);
    const [lab] = await db.query<{ lab: string }>('SELECT DISTINCT lab FROM wastewater_sample WHERE import_id = $1', [r.json.importId]);
    expect(lab!.lab).toBe('衡岳市疾病预防控制中心检测实验室');
  });

  it('reads an Excel workbook (multipart upload), dates as real cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('结果');
    ws.addRow(['站点编码', '采样时间', '物质', '浓度(ng/L)', '流量(m³/d)', '低于定量限', '定量限(ng/L)', '检测机构']);
    // exceljs stores a Date as the sheet's wall-clock time; 2026-11-12 09:00 China time.
    ws.addRow(['WW-438002001', new Date(Date.UTC(2026, 10, 12, 9, 0)), '氯胺酮', 28.5, 23900, '否', 1, '中南大学环境毒理实验室']);
    ws.addRow(['WW-438002001', new Date(Date.UTC(2026, 10, 12, 9, 0)), 'MDMA', 2, 23900, '是', 2, '中南大学环境毒理实验室']);
    ws.addRow(['WW-438002001', new Date(Date.UTC(2026, 10, 12, 9, 0)), '咖啡因', 5, 23900, '否', 1, '中南大学环境毒理实验室']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'results.xlsx');
    const dry = await app.request('/api/wastewater/imports?dry_run=1', { method: 'POST', headers: authHeader('city_office'), body: form });
    const report = (await dry.json()) as any;
    expect(report).toMatchObject({ format: 'xlsx', filename: 'results.xlsx', rowsTotal: 3, rowsToImport: 2 });
    expect(report.problems).toEqual([expect.objectContaining({ row: 4, column: '物质', code: 'unknown_substance' })]);

    const form2 = new FormData();
    form2.append('file', new Blob([bytes]), 'results.xlsx');
    const res = await app.request('/api/wastewater/imports?accept_skipping=1', { method: 'POST', headers: authHeader('city_office'), body: form2 });
    expect(res.status).toBe(201);
    const imported = (await res.json()) as any;
    const [s] = await db.query<{ sampled_at: string }>(
      `SELECT sampled_at FROM wastewater_sample s WHERE s.substance = 'ketamine' AND s.import_id = $1`, [imported.importId]);
    expect(s!.sampled_at).toBe('2026-11-12T01:00:00.000Z');
  });

  it('keeps other jurisdictions out: a county office cannot import into a site of another county', async () => {
    const csv = Buffer.from('site_code,sampled_at,substance,concentration_ng_l,flow_m3_day,lab\nWW-438003001,2026-11-05 09:00,methamphetamine,50,20000,L\n');
    const r = await upload(csv, 'dry_run=1', 'county_office');
    expect(r.json.problems).toEqual([expect.objectContaining({ row: 2, column: 'site_code', code: 'unknown_site' })]);
  });
});
