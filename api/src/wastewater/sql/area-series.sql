-- One area's series by week or month: each plant's period mean, then the population-weighted combination of the
-- catchments overlapping the area (the same weighting as the recompute's area level; method in shares.sql).
-- $1 area code, $2 substances text[], $3 weights float8[], $4 'week' | 'month', $5 first day, $6 last day.
-- A result below the LOQ counts at its limit in `normalised` (an upper bound) and at 0 in `normalised_lo`; the
-- true value lies between (n_censored says how many such samples a point holds).
WITH site_period AS (
  SELECT s.site_id, s.substance, (date_trunc($4, s.sampled_at AT TIME ZONE 'Asia/Shanghai'))::date AS period,
         avg(c.ng_l * s.flow_m3_day * 1e-3) AS load_mg_day,
         avg(c.ng_l * s.flow_m3_day * 1e-3 / (w.population_served / 1000.0)) AS normalised,
         avg(CASE WHEN s.below_loq THEN 0 ELSE c.ng_l END * s.flow_m3_day * 1e-3 / (w.population_served / 1000.0)) AS normalised_lo,
         count(*)::int AS n, (count(*) FILTER (WHERE s.below_loq))::int AS n_censored
  FROM wastewater_catchment_share sh
  JOIN wastewater_sample s ON s.site_id = sh.site_id
  JOIN wastewater_site w ON w.id = s.site_id
  CROSS JOIN LATERAL (SELECT (CASE WHEN s.below_loq THEN coalesce(s.loq_ng_l, s.concentration_ng_l)
                                   ELSE s.concentration_ng_l END)::float8 AS ng_l) c
  WHERE sh.area_code = $1 AND s.substance = ANY ($2::text[])
    AND s.sampled_at >= ($5::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND s.sampled_at < (($6::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  GROUP BY 1, 2, 3
),
area_substance AS (
  SELECT sp.substance, sp.period,
         sum(sh.share * sp.load_mg_day) AS load_mg_day,
         sum(sh.people * sp.normalised) / nullif(sum(sh.people), 0) AS normalised,
         sum(sh.people * sp.normalised_lo) / nullif(sum(sh.people), 0) AS normalised_lo,
         sum(sh.people) AS covered_people, count(*)::int AS n_sites,
         sum(sp.n)::int AS n, sum(sp.n_censored)::int AS n_censored
  FROM site_period sp JOIN wastewater_catchment_share sh ON sh.site_id = sp.site_id AND sh.area_code = $1
  GROUP BY 1, 2
)
SELECT a.period::text AS period, sum(a.load_mg_day * iw.weight) AS load_mg_day, sum(coalesce(a.normalised, 0) * iw.weight) AS normalised,
       sum(coalesce(a.normalised_lo, 0) * iw.weight) AS normalised_lo,
       max(a.covered_people) AS covered_people, max(a.n_sites)::int AS n_sites, sum(a.n)::int AS n, sum(a.n_censored)::int AS n_censored
FROM area_substance a JOIN unnest($2::text[], $3::float8[]) AS iw (substance, weight) ON iw.substance = a.substance
GROUP BY a.period ORDER BY a.period
