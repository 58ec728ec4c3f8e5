-- Weekly values of every plant inlet and substance in a window, as arrays per (site, substance), for the areal
-- aggregation in JS (areal.ts). Weeks start Monday 00:00 China time (periods.ts); below the LOQ the
-- concentration is LOQ × $4 (load.ts: LOQ_SUBSTITUTION_FACTOR), the LOQ being the reported concentration when the
-- lab left it empty. Tracing points are left out: they lie inside a plant's catchment and would count twice.
-- $1 first week of the window (a Monday; step 0), $2 first and $5 last week to read (Mondays), $3 site ids
-- (NULL = all), $4 LOQ factor.
WITH sw AS (
  SELECT s.site_id, s.substance, (date_trunc('week', s.sampled_at AT TIME ZONE 'Asia/Shanghai'))::date AS week,
         avg(c.ng_l * s.flow_m3_day * 1e-3) AS load_mg_day,
         avg(c.ng_l * s.flow_m3_day * 1e-3 / (w.population_served / 1000.0)) AS normalised,
         count(*)::int AS n, (count(*) FILTER (WHERE s.below_loq))::int AS n_censored
  FROM wastewater_sample s
  JOIN wastewater_site w ON w.id = s.site_id AND w.kind = 'plant_inlet'
  CROSS JOIN LATERAL (SELECT (CASE WHEN s.below_loq THEN coalesce(s.loq_ng_l, s.concentration_ng_l) * $4::float8
                                   ELSE s.concentration_ng_l END)::float8 AS ng_l) c
  WHERE s.sampled_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND s.sampled_at < (($5::date + 7)::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND ($3::bigint[] IS NULL OR s.site_id = ANY ($3::bigint[]))
  GROUP BY 1, 2, 3
)
-- One JSON value per row: the driver's JSON.parse is much faster than its array parser for ~10⁶ numbers.
SELECT json_build_array(site_id, substance,
         array_agg(((week - $1::date) / 7)::int ORDER BY week),
         array_agg(normalised ORDER BY week),
         array_agg(load_mg_day ORDER BY week),
         array_agg(n ORDER BY week),
         array_agg(n_censored ORDER BY week)) AS r
FROM sw
GROUP BY site_id, substance
