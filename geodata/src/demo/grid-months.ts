/**
 * Seed step: 24 months of aggregate figures per grid (registered users of drugs, under control, by risk level,
 * community-rehabilitation reports due and done), ending with asOf's month. Counts only — never persons.
 *
 * Generated in SQL from stable hashes (hashtextextended, the same on every PostgreSQL build), so millions of
 * rows at province size never cross the wire. Shape: a grid's level follows its population and a heavy-tailed
 * grid factor (many zeros, a few hot grids), some townships run hotter, and numbers drift down ~8 % a year.
 * Control rate ≈ 98–99 %, rehabilitation execution ≈ 99 % (docs/DOMAIN.md).
 */
import type { SeedStep } from './context.js';

const INSERT_MONTHS = `
  WITH g AS (
    SELECT code, population,
           -- u(key): uniform [0, 1) from a stable hash of the key and the seed.
           -ln(1 - (hashtextextended(code || '/level', $2) & 2147483647)::float8 / 2147483648) AS factor,
           CASE WHEN (hashtextextended(left(code, 9) || '/hot', $2) & 2147483647)::float8 / 2147483648 < 0.15
                THEN 2.5 ELSE 1 END AS hot
    FROM grid_cell WHERE code LIKE $3 || '%'
  ),
  m AS (
    SELECT month::date AS month, row_number() OVER (ORDER BY month) - 1 AS i
    FROM generate_series(date_trunc('month', $1::date) - interval '23 months', date_trunc('month', $1::date), interval '1 month') AS month
  ),
  base AS MATERIALIZED (
    SELECT g.code, m.month,
           floor(g.population / 1000.0 * 1.3 * g.factor * g.hot * (1 - 0.08 * m.i / 12.0) + ((h >> 50) & 1023) / 1024.0)::int AS registered,
           -- One 64-bit hash per grid and month, cut into six 10-bit uniforms (cheaper than a hash each).
           ((h >> 40) & 1023) / 1024.0 AS u_c,
           ((h >> 30) & 1023) / 1024.0 AS u_h,
           ((h >> 20) & 1023) / 1024.0 AS u_m,
           ((h >> 10) & 1023) / 1024.0 AS u_r,
           (h & 1023) / 1024.0 AS u_d
    FROM g CROSS JOIN m
    -- to_char, not month::text: the text form of a date depends on the server's DateStyle.
    CROSS JOIN LATERAL (SELECT hashtextextended(g.code || to_char(m.month, 'YYYY-MM'), $2) AS h) hh
  ),
  split AS MATERIALIZED (
    SELECT code, month, registered, u_c, u_m, u_r, u_d,
           least(registered, floor(registered * 0.1 + u_h)::int) AS risk_high
    FROM base
  ),
  split2 AS (
    SELECT *, least(registered - risk_high, floor(registered * 0.25 + u_m)::int) AS risk_medium,
              least(registered, floor(registered * 0.3 + u_r)::int) AS rehab_due
    FROM split
  )
  INSERT INTO grid_month (grid_code, month, registered, under_control, risk_low, risk_medium, risk_high, rehab_due, rehab_done)
  SELECT code, month, registered,
         registered - CASE WHEN registered > 0 AND u_c < 0.012 * registered THEN 1 ELSE 0 END,
         registered - risk_high - risk_medium, risk_medium, risk_high,
         rehab_due, rehab_due - CASE WHEN rehab_due > 0 AND u_d < 0.03 THEN 1 ELSE 0 END
  FROM split2
  ORDER BY code, month`;

export const seedGridMonths: SeedStep = async (ctx) => {
  // One statement per county: bounded memory, and progress to show.
  const counties = await ctx.db.query<{ code: string }>(`SELECT code FROM admin_area WHERE level = 'county' AND valid_to IS NULL ORDER BY code`);
  let done = 0;
  for (const c of counties) {
    await ctx.db.query(INSERT_MONTHS, [ctx.asOf, ctx.seed, c.code.slice(0, 6)]);
    ctx.progress({ step: 'grid-months', done: ++done, total: counties.length });
  }
};
