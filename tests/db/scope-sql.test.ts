/**
 * The jurisdiction predicate (api/src/users/scope.ts) is a range on the code, not a prefix test: it must select
 * exactly the codes that start with the prefix — no neighbour's code at either end of the range — for prefixes of
 * every level, and for prefixes whose last digit is 9 or 0, where a range is easiest to get wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import { inScopeSql } from 'api/src/users/scope.js';
import { TEST_DATABASE_URL } from '../support/env.js';

let db: Database;
beforeAll(async () => {
  db = await openPostgres(TEST_DATABASE_URL, { max: 2 });
});
afterAll(() => db?.close());

/** Codes the predicate selects that do not start with the prefix, and codes starting with it that it misses. */
async function mismatches(table: string, prefix: string) {
  const [r] = await db.query<{ extra: number; missed: number; matched: number }>(
    `SELECT count(*) FILTER (WHERE ${inScopeSql('code', '$1')} AND NOT starts_with(code, $1))::int AS extra,
            count(*) FILTER (WHERE NOT ${inScopeSql('code', '$1')} AND starts_with(code, $1))::int AS missed,
            count(*) FILTER (WHERE ${inScopeSql('code', '$1')})::int AS matched
     FROM ${table}`,
    [prefix],
  );
  return r!;
}

describe('jurisdiction scope as a code range', () => {
  it('selects exactly the codes under the prefix, at every level and at the ends of the range', async () => {
    const real = await db.query<{ p: string }>(
      `SELECT DISTINCT left(code, n) AS p FROM admin_area CROSS JOIN unnest(ARRAY[2, 4, 6, 9, 12]) n WHERE valid_to IS NULL ORDER BY 1 LIMIT 400`,
    );
    const prefixes = new Set(real.map((r) => r.p));
    // Neighbours of real prefixes: the last digit one lower and one higher (…9 and …0 included), and all-nines.
    for (const p of [...prefixes].slice(0, 60)) {
      const last = Number(p.at(-1));
      if (last > 0) prefixes.add(p.slice(0, -1) + String(last - 1));
      if (last < 9) prefixes.add(p.slice(0, -1) + String(last + 1));
      prefixes.add(p.slice(0, -1) + '9');
    }
    for (const p of ['99', '439', '4309', '4399', '430999', '43']) prefixes.add(p);
    let selected = 0;
    for (const p of prefixes) {
      for (const table of ['admin_area', 'grid_cell']) {
        const r = await mismatches(table, p);
        expect({ table, p, extra: r.extra, missed: r.missed }).toEqual({ table, p, extra: 0, missed: 0 });
        selected += r.matched;
      }
    }
    // Not vacuous: the real prefixes select rows.
    expect(selected).toBeGreaterThan(1000);
  });
});
