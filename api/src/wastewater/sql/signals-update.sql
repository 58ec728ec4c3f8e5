-- Write computed signals over the stored ones (area-signals.ts: writeSignals), leaving alone the rows whose values
-- did not change. $1: the rows (signals-rows.sql), $2: window length in weeks, $3: the rows' area codes.
-- $3 narrows area_signal to the areas written before the join: the recompute writes in parts of a few hundred
-- areas, and without it PostgreSQL hashed all of area_signal (15,000 rows at province scale) for every part
-- (~28 of a part's ~65 ms, EXPLAIN ANALYZE).
-- An UPDATE joined to the rows, not an INSERT … ON CONFLICT: the upsert tried an insertion per row before it found
-- the conflict, and fired the row trigger of the insert as well as of the update (1.4 of its 1.6 s for 15,000 rows
-- at province scale, EXPLAIN ANALYZE). Rows not stored yet: signals-insert.sql.
UPDATE area_signal x SET
  window_weeks = $2, trend = u.t, latest_load = u.l, latest_censored = u.lc, pct_change = u.pc, sen_slope = u.sl, p_value = u.p,
  n_samples = u.n, coverage = u.c, censored_share = u.cs, kendall_s = u.ks, kendall_var = u.kv, kendall_z = u.kz, n_plants = u.np,
  n_plants_used = u.nu, panel_joined = u.pj, panel_left = u.pl, enforcement_trend = u.et, enforcement_p = u.ep, divergent = u.d,
  computed_at = now()
FROM (/*rows*/) AS u
WHERE x.area_code = ANY ($3::text[]) AND x.area_code = u.a AND x.substance = u.s
  AND (x.window_weeks, x.trend, x.latest_load, x.latest_censored, x.pct_change, x.sen_slope, x.p_value, x.n_samples, x.coverage,
       x.censored_share, x.kendall_s, x.kendall_var, x.kendall_z, x.n_plants, x.n_plants_used, x.panel_joined, x.panel_left,
       x.enforcement_trend, x.enforcement_p, x.divergent)
      IS DISTINCT FROM
      ($2::int, u.t, u.l, u.lc, u.pc, u.sl, u.p, u.n, u.c, u.cs, u.ks, u.kv, u.kz, u.np, u.nu, u.pj, u.pl, u.et, u.ep, u.d)
