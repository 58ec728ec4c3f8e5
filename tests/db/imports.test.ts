/**
 * Imports through the API on the seeded PostGIS region, with the project's fixtures (tests/fixtures/imports) and
 * their known answers: a GBK Shapefile in Gauss–Krüger zone 38, a GCJ-02 CSV of firms, a BD-09 Excel of venues,
 * a GeoJSON of grid cells with a bow-tie and a duplicate code. Dry runs report; writes are all or nothing, keep
 * history and are recorded and audited. Everything written is removed afterwards.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { writeImportFixtures, type ImportFixtures } from '../fixtures/imports/generate.js';
import { authHeader, testApp, type DemoUser } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
let db: Database;
let close: () => Promise<void>;
let dir: string;
let fx: ImportFixtures;

export async function postImport(a: typeof app, path: string, query: string, user: DemoUser = 'county_office', extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new Blob([readFileSync(path)]), path.split('/').pop());
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  const res = await a.request(`/api/imports?${query}`, { method: 'POST', headers: authHeader(user), body: form });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as any };
}

const byRule = (problems: { rule: string; params?: any }[], rule: string) => problems.filter((p) => p.rule === rule);

beforeAll(async () => {
  ({ app, db, close } = await testApp());
  dir = await mkdtemp(join(tmpdir(), 'import-fixtures-'));
  fx = await writeImportFixtures(db, dir);
});

afterAll(async () => {
  // Undo every import: new rows out, closed versions reopened, the import records and their audit entries.
  await db.query(`DELETE FROM firm WHERE credit_code = ANY($1)`, [fx.firms.expected.added.map((a) => a.credit_code)]);
  await db.query(`DELETE FROM venue WHERE code = $1`, [fx.venues.expected.added.code]);
  await db.query(`DELETE FROM admin_area WHERE valid_from > DATE '2000-01-01' AND level = 'village'`);
  await db.query(`UPDATE admin_area SET valid_to = NULL WHERE valid_to IS NOT NULL AND level = 'village'`);
  await db.query(`DELETE FROM grid_cell_version`);
  await db.query(`DELETE FROM data_import`);
  await db.query(`DELETE FROM audit_log WHERE entity IN ('data_import', 'import_mapping')`);
  await rm(dir, { recursive: true, force: true });
  await close();
});

describe('GBK Shapefile in Gauss–Krüger zone 38 (villages)', () => {
  it('dry run: reads the .prj and the GBK attributes, converts, and finds exactly the two edits', async () => {
    const r = await postImport(app, fx.villages.path, 'layer=villages&dry_run=1');
    expect(r.status).toBe(200);
    const rep = r.json;
    expect(rep.file).toMatchObject({ format: 'shapefile', encoding: 'gb18030' });
    expect(rep.datum).toEqual({ id: 'EPSG:4526', source: 'file', declared: 'EPSG:4526' });
    expect(rep.mapping.fields).toMatchObject({ code: '区划代码', name: '名称', parent_code: '上级代码', population: '人口' });
    expect(rep.problems).toEqual([]);
    expect(rep.counts).toMatchObject({ new: 0, changed: 2, unchanged: fx.villages.expected.unchanged });
    expect(rep.changes.map((c: any) => ({ code: c.code, fields: c.fields }))).toEqual(fx.villages.expected.changed);
    expect(rep.status).toBe('clean');
  });

  it('writes a new version and keeps the old one: the name as of yesterday is the old name', async () => {
    const [before] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM admin_area WHERE level = 'village'`);
    const r = await postImport(app, fx.villages.path, 'layer=villages&valid_from=2026-11-02');
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'imported', counts: { changed: 2, new: 0 } });
    const { code, oldName, newName } = fx.villages.expected.renamed;
    const versions = await db.query<{ name: string; valid_from: string; valid_to: string | null }>(
      `SELECT name, valid_from, valid_to FROM admin_area WHERE code = $1 ORDER BY valid_from`, [code]);
    expect(versions).toEqual([
      { name: oldName, valid_from: '2000-01-01', valid_to: '2026-11-02' },
      { name: newName, valid_from: '2026-11-02', valid_to: null },
    ]);
    const [after] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM admin_area WHERE level = 'village'`);
    expect(after!.n).toBe(before!.n + 2);
    // The export as of a date gives the boundary version of that day.
    const old = await app.request(`/api/exports/villages.geojson?as_of=2026-11-01`, { headers: authHeader('county_office') });
    const names = ((await old.json()) as any).features.filter((f: any) => f.properties.code === code).map((f: any) => f.properties.name);
    expect(names).toEqual([oldName]);
    const [rec] = await db.query<any>(`SELECT layer, status, datum, n_changed, username FROM data_import ORDER BY id DESC LIMIT 1`);
    expect(rec).toEqual({ layer: 'villages', status: 'imported', datum: 'EPSG:4526', n_changed: 2, username: 'county_office' });
    const [audit] = await db.query<any>(`SELECT action, detail->'counts'->>'changed' AS changed FROM audit_log WHERE entity = 'data_import' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ action: 'import', changed: '2' });
  });

  it('importing the same file again changes nothing', async () => {
    const r = await postImport(app, fx.villages.path, 'layer=villages&valid_from=2026-11-02');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'unchanged', counts: { new: 0, changed: 0, unchanged: fx.villages.expected.unchanged + 2 } });
  });
});

describe('GCJ-02 CSV of firms', () => {
  it('with datum=gcj02: the new firms land on their WGS84 points and get their township from the location', async () => {
    const r = await postImport(app, fx.firms.path, 'layer=firms&datum=gcj02');
    expect(r.status, JSON.stringify(r.json.problems ?? r.json)).toBe(201);
    expect(r.json.file).toMatchObject({ format: 'csv', encoding: 'gb18030', encodingSource: 'detected' });
    expect(r.json.counts).toMatchObject({ new: 2, changed: 0, unchanged: fx.firms.expected.unchanged });
    for (const a of fx.firms.expected.added) {
      const [row] = await db.query<{ township_code: string; metres: number }>(
        `SELECT township_code, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) AS metres FROM firm WHERE credit_code = $1`,
        [a.credit_code, a.lon, a.lat]);
      expect(row!.township_code).toBe(a.township_code);
      expect(row!.metres).toBeLessThan(1);
    }
  });

  it('with the wrong datum (wgs84) the dry run suspects a GCJ-02 offset of a few hundred metres', async () => {
    const r = await postImport(app, fx.firms.path, 'layer=firms&datum=wgs84&dry_run=1');
    const [p] = byRule(r.json.problems, 'datum_offset_suspected');
    expect(p).toMatchObject({ params: { suggested: 'gcj02', chosen: 'wgs84' } });
    expect(p.params.metres).toBeGreaterThan(200);
    expect(p.params.metres).toBeLessThan(1000);
    expect(r.json.status).toBe('has_problems');
  });
});

describe('BD-09 Excel of venues', () => {
  it('imports the new venue and reads Chinese labels for kind and risk', async () => {
    const r = await postImport(app, fx.venues.path, 'layer=venues&datum=bd09');
    expect(r.status, JSON.stringify(r.json.problems ?? r.json)).toBe(201);
    expect(r.json.counts).toMatchObject({ new: 1, changed: 0, unchanged: fx.venues.expected.unchanged });
    const a = fx.venues.expected.added;
    const [row] = await db.query<any>(
      `SELECT kind, risk, township_code, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) < 1 AS close FROM venue WHERE code = $1`,
      [a.code, a.lon, a.lat]);
    expect(row).toEqual({ kind: 'ktv', risk: 'high', township_code: a.township_code, close: true });
  });

  it('a BD-09 file taken for GCJ-02 is caught too', async () => {
    const r = await postImport(app, fx.venues.path, 'layer=venues&datum=gcj02&dry_run=1');
    expect(byRule(r.json.problems, 'datum_offset_suspected')[0]).toMatchObject({ params: { suggested: 'bd09' } });
  });
});

describe('GeoJSON grid cells with a bow-tie and a duplicate code', () => {
  it('repairs the bow-tie (reported), flags the duplicate, and refuses to write while the duplicate remains', async () => {
    const dry = await postImport(app, fx.grids.path, 'layer=grids&dry_run=1');
    expect(dry.status).toBe(200);
    const { bowtie, duplicate } = fx.grids.expected;
    expect(dry.json.repairs).toEqual([expect.objectContaining({ feature: bowtie.feature, code: bowtie.code, rule: 'geometry_repaired' })]);
    expect(dry.json.repairs[0].message).toMatch(/ST_MakeValid/);
    expect(dry.json.problems).toEqual([expect.objectContaining({ feature: duplicate.feature, code: duplicate.code, rule: 'duplicate_code', params: { code: duplicate.code, other: duplicate.of } })]);
    expect(dry.json.counts).toMatchObject({ new: 0, changed: 1, unchanged: fx.grids.expected.count - 1 });

    const [before] = await db.query<{ n: number; v: number }>(`SELECT (SELECT count(*)::int FROM grid_cell) AS n, (SELECT count(*)::int FROM grid_cell_version) AS v`);
    const write = await postImport(app, fx.grids.path, 'layer=grids');
    expect(write.status).toBe(400);
    expect(write.type).toContain('application/problem+json');
    expect(write.json).toMatchObject({ param: 'file', report: { status: 'refused' } });
    expect(byRule(write.json.report.problems, 'duplicate_code')).toHaveLength(1);
    const [after] = await db.query<{ n: number; v: number }>(`SELECT (SELECT count(*)::int FROM grid_cell) AS n, (SELECT count(*)::int FROM grid_cell_version) AS v`);
    expect(after).toEqual(before);
    const [rec] = await db.query<any>(`SELECT status, layer FROM data_import ORDER BY id DESC LIMIT 1`);
    expect(rec).toEqual({ status: 'refused', layer: 'grids' });
  });
});
