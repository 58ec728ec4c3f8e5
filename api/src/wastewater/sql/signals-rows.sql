-- The computed signals as rows, from the one parameter writeSignals sends (area-signals.ts: signalsLiteral): an
-- array of area_signal_values records (migration 155), each value read by its column's input function. A JSON
-- array of arrays cost PostgreSQL more than twice as much: parsed into jsonb (numbers as numeric), then each
-- value taken out as text and cast again. 21 array parameters (unnest) cost the driver more in escaping.
SELECT e.area_code AS a, e.substance AS s, e.trend AS t, e.latest_load AS l, e.latest_censored AS lc, e.pct_change AS pc,
       e.sen_slope AS sl, e.p_value AS p, e.n_samples AS n, e.coverage AS c, e.censored_share AS cs, e.kendall_s AS ks,
       e.kendall_var AS kv, e.kendall_z AS kz, e.n_plants AS np, e.n_plants_used AS nu, e.panel_joined AS pj,
       e.panel_left AS pl, e.enforcement_trend AS et, e.enforcement_p AS ep, e.divergent AS d
FROM unnest($1::area_signal_values[]) AS e
