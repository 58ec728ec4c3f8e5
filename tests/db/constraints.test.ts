/**
 * The database itself refuses bad data, whatever the code above it does: invalid geometry, malformed codes,
 * unknown enumerations, negative counts, impossible aggregates, and a second current version of an area.
 * Every attempt runs in a transaction that is always rolled back, so the shared test database stays as seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import { TEST_DATABASE_URL } from '../support/env.js';

let db: Database;
let township: string;
let village: string;
let grid: string;
let checkpointId: number;
beforeAll(async () => {
  db = await openPostgres(TEST_DATABASE_URL, { max: 2 });
  const [row] = await db.query<{ township: string; village: string; grid: string; cp: number }>(`
    SELECT v.parent_code AS township, v.code AS village, (SELECT min(code) FROM grid_cell WHERE village_code = v.code) AS grid,
           (SELECT min(id) FROM checkpoint) AS cp
    FROM admin_area v WHERE v.level = 'village' ORDER BY v.code LIMIT 1`);
  ({ township, village, grid, cp: checkpointId } = row!);
});
afterAll(() => db?.close());

const ROLLBACK = new Error('rollback');

/** Run the statement in a transaction that never commits; resolve with its error (or undefined if accepted). */
async function attempt(sql: string, params: unknown[] = []): Promise<{ code?: string; constraint?: string; message: string } | undefined> {
  try {
    await db.transaction(async (tx) => {
      await tx.query(sql, params);
      throw ROLLBACK;
    });
  } catch (err) {
    return err === ROLLBACK ? undefined : (err as { code?: string; constraint?: string; message: string });
  }
  return undefined;
}

const square = 'SRID=4326;MULTIPOLYGON(((112.5 26.9,112.51 26.9,112.51 26.91,112.5 26.91,112.5 26.9)))';
const bowtie = 'SRID=4326;MULTIPOLYGON(((112.5 26.9,112.51 26.91,112.51 26.9,112.5 26.91,112.5 26.9)))';
const insertArea = `INSERT INTO admin_area (code, level, parent_code, name, kind, geom) VALUES ($1, $2, $3, $4, $5, $6::geometry)`;

describe('the schema refuses', () => {
  it('invalid, empty or wrongly typed geometry', async () => {
    expect(await attempt(insertArea, ['438002199000', 'township', '438002000000', '测试镇', 'town', bowtie])).toMatchObject({ code: '23514', constraint: 'admin_area_geom_check' });
    expect(await attempt(insertArea, ['438002199000', 'township', '438002000000', '测试镇', 'town', 'SRID=4326;MULTIPOLYGON EMPTY'])).toMatchObject({ code: '23514' });
    expect((await attempt(insertArea, ['438002199000', 'township', '438002000000', '测试镇', 'town', 'SRID=4326;POINT(112.5 26.9)']))?.message).toMatch(/Geometry type \(Point\) does not match column type \(MultiPolygon\)/);
    expect((await attempt(insertArea, ['438002199000', 'township', '438002000000', '测试镇', 'town', square.replace('4326', '3857')]))?.message).toMatch(/SRID/);
    // The same row with a valid square is accepted: the refusals above are about the geometry.
    expect(await attempt(insertArea, ['438002199000', 'township', '438002000000', '测试镇', 'town', square])).toBeUndefined();
  });

  it('malformed codes for their level', async () => {
    for (const [code, level] of [
      ['43800219900', 'township'], // 11 digits
      ['438002199001', 'township'], // a township code ends in 000
      ['438002000000', 'village'], // a village code does not
      ['438000000000', 'county'], // a county code has its two county digits
      ['038002199000', 'township'], // no leading zero
    ]) {
      const err = await attempt(insertArea, [code, level, '438002000000', '测试', null, square]);
      expect(err, `${code} as ${level}`).toMatchObject({ code: '23514' });
    }
    expect(await attempt(`INSERT INTO grid_cell (code, village_code, name, geom) VALUES ($1, $2, 'x', $3::geometry)`, [village.replace(/.$/, '9') + '001', village, square]))
      .toMatchObject({ code: '23514', constraint: 'grid_cell_check' });
    expect(await attempt(`INSERT INTO firm (credit_code, name, address, category, business, chemicals, township_code, geom)
                          VALUES ('91438002MA4L0I0O0S', 'x', 'x', 1, 'user', '{丙酮}', $1, 'SRID=4326;POINT(112.5 26.9)')`, [township]))
      .toMatchObject({ code: '23514', constraint: 'firm_credit_code_check' });
  });

  it('unknown enumerations', async () => {
    expect(await attempt(`INSERT INTO venue (code, name, kind, address, township_code, geom) VALUES ('VN-T-1', 'x', 'casino', 'x', $1, 'SRID=4326;POINT(112.5 26.9)')`, [township]))
      .toMatchObject({ code: '23514', constraint: 'venue_kind_check' });
    expect(await attempt(`INSERT INTO checkpoint (code, name, kind, county_code, geom) VALUES ('CP-T-1', 'x', 'roadblock', '438002000000', 'SRID=4326;POINT(112.5 26.9)')`))
      .toMatchObject({ code: '23514', constraint: 'checkpoint_kind_check' });
    expect(await attempt(`INSERT INTO checkpoint_seizure (checkpoint_id, day, drug, kg) SELECT checkpoint_id, day, 'sugar', 1 FROM checkpoint_day LIMIT 1`))
      .toMatchObject({ code: '23514', constraint: 'checkpoint_seizure_drug_check' });
    expect(await attempt(`UPDATE admin_area SET kind = 'hamlet' WHERE code = $1`, [village])).toMatchObject({ code: '23514' });
  });

  it('negative counts and impossible monthly aggregates', async () => {
    expect(await attempt(`UPDATE checkpoint_day SET vehicles = -1 WHERE checkpoint_id = $1`, [checkpointId])).toMatchObject({ code: '23514', constraint: 'checkpoint_day_vehicles_check' });
    expect(await attempt(`UPDATE admin_area SET population = -5 WHERE code = $1`, [village])).toMatchObject({ code: '23514' });
    const month = `INSERT INTO grid_month (grid_code, month, registered, under_control, risk_low, risk_medium, risk_high, rehab_due, rehab_done)
                   VALUES ($1, '2030-01-01', $2, $3, $4, $5, $6, $7, $8)`;
    expect(await attempt(month, [grid, 3, 4, 3, 0, 0, 0, 0])).toMatchObject({ code: '23514', constraint: expect.stringMatching(/^grid_month_/) }); // more under control than registered
    expect(await attempt(month, [grid, 3, 3, 1, 1, 0, 0, 0])).toMatchObject({ code: '23514' }); // risk levels sum to 2, not 3
    expect(await attempt(month, [grid, -1, 0, 0, 0, 0, 0, 0])).toMatchObject({ code: '23514' });
    expect(await attempt(month, [grid, 3, 3, 3, 0, 0, 1, 2])).toMatchObject({ code: '23514' }); // more done than due
    expect(await attempt(month.replace("'2030-01-01'", "'2030-01-15'"), [grid, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ code: '23514' }); // a month starts on the 1st
    expect(await attempt(month, [grid, 3, 3, 2, 1, 0, 1, 1])).toBeUndefined(); // and a consistent row is accepted
  });

  it('a second current version of an area code, but not a closed older one', async () => {
    const [cur] = await db.query<{ code: string; level: string; parent_code: string; kind: string }>(`SELECT code, level, parent_code, kind FROM admin_area WHERE code = $1`, [township]);
    const dup = `INSERT INTO admin_area (code, level, parent_code, name, kind, geom, valid_from, valid_to) VALUES ($1, $2, $3, '旧名镇', $4, $5::geometry, $6, $7)`;
    expect(await attempt(dup, [cur!.code, cur!.level, cur!.parent_code, cur!.kind, square, '2020-01-01', null]))
      .toMatchObject({ code: '23505', constraint: 'admin_area_current_code' });
    expect(await attempt(dup, [cur!.code, cur!.level, cur!.parent_code, cur!.kind, square, '1990-01-01', '2000-01-01'])).toBeUndefined();
    expect(await attempt(dup, [cur!.code, cur!.level, cur!.parent_code, cur!.kind, square, '2000-01-01', '1999-01-01'])).toMatchObject({ code: '23514' });
  });

  it('a border checkpoint without the border it is on', async () => {
    expect(await attempt(`INSERT INTO checkpoint (code, name, kind, on_border, county_code, geom) VALUES ('CP-T-2', 'x', 'public_security', true, '438002000000', 'SRID=4326;POINT(112.5 26.9)')`))
      .toMatchObject({ code: '23514', constraint: 'checkpoint_check' });
  });
});
