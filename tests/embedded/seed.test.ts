/**
 * The generator is deterministic: the same (seed, size, asOf) gives the same region row for row, on a fresh
 * embedded database; another seed gives another region. Checked with a checksum over every seeded table's
 * rows in a fixed order (geometry as WKB), leaving out only the wall-clock columns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { seedDemo } from 'api/src/seeding/seed-demo.js';
import { resetDemoData } from 'geodata/demo';
import { seededEmbedded } from '../support/seed-region.js';

const REGION = { seed: 4304, size: 'tiny', asOf: '2026-11-01' };

/** Table → ordered row text; timestamps of when the seed ran (created_at, generatedAt, imported_at) are left out. */
const TABLES: Record<string, string> = {
  admin_area: `SELECT code, level, parent_code, name, kind, population, ST_AsEWKB(geom), valid_from FROM admin_area ORDER BY code`,
  grid_cell: `SELECT code, name, households, population, ST_AsEWKB(geom) FROM grid_cell ORDER BY code`,
  road: `SELECT ref, name, road_class, ST_AsEWKB(geom) FROM road ORDER BY ref`,
  checkpoint: `SELECT code, name, kind, road_ref, border_of, county_code, opened_on, ST_AsEWKB(geom) FROM checkpoint ORDER BY code`,
  checkpoint_day: `SELECT c.code, d.day, d.vehicles, d.people, d.cases, d.precursors_kg FROM checkpoint_day d JOIN checkpoint c ON c.id = d.checkpoint_id ORDER BY 1, 2`,
  checkpoint_seizure: `SELECT c.code, s.day, s.drug, s.kg FROM checkpoint_seizure s JOIN checkpoint c ON c.id = s.checkpoint_id ORDER BY 1, 2, 3`,
  firm: `SELECT credit_code, name, address, category, business, chemicals, licence_no, licence_expiry, inspection_every_days, township_code, ST_AsEWKB(geom) FROM firm ORDER BY credit_code`,
  venue: `SELECT code, name, kind, address, risk, inspection_every_days, township_code, ST_AsEWKB(geom) FROM venue ORDER BY code`,
  inspection: `SELECT f.credit_code, v.code, i.inspected_on, i.inspector, i.outcome, i.findings FROM inspection i
               LEFT JOIN firm f ON f.id = i.firm_id LEFT JOIN venue v ON v.id = i.venue_id ORDER BY 1, 2, 3`,
  wastewater_site: `SELECT s.code, s.name, s.kind, p.code, s.township_code, s.population_served, ST_AsEWKB(s.geom), ST_AsEWKB(s.catchment)
                    FROM wastewater_site s LEFT JOIN wastewater_site p ON p.id = s.parent_site_id ORDER BY s.code`,
  grid_month: `SELECT * FROM grid_month ORDER BY grid_code, month`,
  app_user: `SELECT username, display_name, role, jurisdiction_code, duty, password_hash, demo FROM app_user ORDER BY username`,
  api_token: `SELECT u.username, t.token_sha256, t.label, t.read_only FROM api_token t JOIN app_user u ON u.id = t.user_id ORDER BY 1, 2`,
  grid_assignment: `SELECT a.grid_code, u.username, a.since FROM grid_assignment a JOIN app_user u ON u.id = a.user_id ORDER BY 1, 2`,
};

async function checksums(db: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const [table, sql] of Object.entries(TABLES)) {
    const [row] = await db.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(COALESCE(string_agg(t::text, E'\\n' ORDER BY n), '')) AS md5
       FROM (SELECT t, row_number() OVER () AS n FROM (${sql}) t) x`);
    out[table] = row!;
  }
  return out;
}

let a: Database;
let b: Database;
beforeAll(async () => {
  a = await seededEmbedded(REGION);
  b = await seededEmbedded(REGION);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('the demo region generator', () => {
  it('gives the same region, row for row, for the same seed', async () => {
    const first = await checksums(a);
    expect(first.admin_area!.rows).toBeGreaterThan(15);
    expect(first.grid_cell!.rows).toBe(60);
    expect(first.grid_month!.rows).toBe(60 * 24);
    expect(await checksums(b)).toEqual(first);
  });

  it('gives a different region for a different seed', async () => {
    const first = await checksums(a);
    await resetDemoData(b);
    await seedDemo(b, { ...REGION, seed: 4305 });
    const other = await checksums(b);
    for (const table of ['admin_area', 'grid_cell', 'firm', 'venue', 'grid_month', 'checkpoint_day']) {
      expect(other[table]!.md5, table).not.toBe(first[table]!.md5);
    }
  });

  it('refuses to seed a database that already holds a region', async () => {
    await expect(seedDemo(a, REGION)).rejects.toThrow(/already holds \d+ administrative areas/);
  });
});
