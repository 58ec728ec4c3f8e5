-- Weekly site loads (weeks start Monday 00:00 China time; see periods.ts), upserted for the (site, week) pairs
-- given, or for every sample when $1 is NULL; only weeks from $4 on (the trend window: this table is the
-- recompute's working set, not the archive — charts read the samples themselves). Below the LOQ the concentration is LOQ × $3 (load.ts:
-- LOQ_SUBSTITUTION_FACTOR), the LOQ being the reported concentration when the lab left it empty.
-- $1 bigint[] site ids, $2 date[] weeks (pairwise; NULL = all), $3 LOQ factor, $4 first week (Monday).
INSERT INTO wastewater_site_week (site_id, substance, week, load_mg_day, normalised, n_samples, n_censored)
SELECT s.site_id, s.substance, (date_trunc('week', s.sampled_at AT TIME ZONE 'Asia/Shanghai'))::date AS week,
       avg(c.ng_l * s.flow_m3_day * 1e-3),
       avg(c.ng_l * s.flow_m3_day * 1e-3 / (w.population_served / 1000.0)),
       count(*), count(*) FILTER (WHERE s.below_loq)
FROM wastewater_sample s
JOIN wastewater_site w ON w.id = s.site_id
CROSS JOIN LATERAL (SELECT (CASE WHEN s.below_loq THEN coalesce(s.loq_ng_l, s.concentration_ng_l) * $3::float8
                                 ELSE s.concentration_ng_l END)::float8 AS ng_l) c
WHERE s.sampled_at >= ($4::date::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND ($1::bigint[] IS NULL
   OR EXISTS (SELECT 1 FROM unnest($1::bigint[], $2::date[]) AS t (site_id, week)
              WHERE t.site_id = s.site_id
                AND s.sampled_at >= (t.week::timestamp AT TIME ZONE 'Asia/Shanghai')
                AND s.sampled_at < ((t.week + 7)::timestamp AT TIME ZONE 'Asia/Shanghai')))
GROUP BY 1, 2, 3
ON CONFLICT (site_id, substance, week) DO UPDATE SET
  load_mg_day = EXCLUDED.load_mg_day, normalised = EXCLUDED.normalised,
  n_samples = EXCLUDED.n_samples, n_censored = EXCLUDED.n_censored
