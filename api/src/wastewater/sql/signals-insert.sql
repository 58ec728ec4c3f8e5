-- The computed signals of areas that have no row yet (a first recompute, a new area or signal); the others were
-- written by signals-update.sql. $1: the rows (signals-rows.sql), $2: window length in weeks.
INSERT INTO area_signal (area_code, substance, window_weeks, trend, latest_load, latest_censored, pct_change, sen_slope, p_value,
  n_samples, coverage, censored_share, kendall_s, kendall_var, kendall_z, n_plants, n_plants_used, panel_joined, panel_left,
  enforcement_trend, enforcement_p, divergent, computed_at)
SELECT u.a, u.s, $2, u.t, u.l, u.lc, u.pc, u.sl, u.p, u.n, u.c, u.cs, u.ks, u.kv, u.kz, u.np, u.nu, u.pj, u.pl, u.et, u.ep, u.d, now()
FROM (/*rows*/) AS u
WHERE NOT EXISTS (SELECT 1 FROM area_signal x WHERE x.area_code = u.a AND x.substance = u.s)
