-- One site's series by week or month (China time), for one substance or the index (several substances with
-- weights). Per period: mean daily load and normalised load of its samples, how many, how many below the LOQ.
-- $1 site id, $2 substances text[], $3 weights float8[], $4 'week' | 'month', $5 first day, $6 last day.
-- A result below the LOQ counts at its limit in `normalised` (an upper bound) and at 0 in `normalised_lo`; the
-- true value lies between (n_censored says how many such samples a point holds).
WITH per_substance AS (
  SELECT s.substance, (date_trunc($4, s.sampled_at AT TIME ZONE 'Asia/Shanghai'))::date AS period,
         avg(c.ng_l * s.flow_m3_day * 1e-3) AS load_mg_day,
         avg(c.ng_l * s.flow_m3_day * 1e-3 / (w.population_served / 1000.0)) AS normalised,
         avg(CASE WHEN s.below_loq THEN 0 ELSE c.ng_l END * s.flow_m3_day * 1e-3 / (w.population_served / 1000.0)) AS normalised_lo,
         count(*)::int AS n, (count(*) FILTER (WHERE s.below_loq))::int AS n_censored
  FROM wastewater_sample s
  JOIN wastewater_site w ON w.id = s.site_id
  CROSS JOIN LATERAL (SELECT (CASE WHEN s.below_loq THEN coalesce(s.loq_ng_l, s.concentration_ng_l)
                                   ELSE s.concentration_ng_l END)::float8 AS ng_l) c
  WHERE s.site_id = $1 AND s.substance = ANY ($2::text[])
    AND s.sampled_at >= ($5::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND s.sampled_at < (($6::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  GROUP BY 1, 2
)
SELECT p.period::text AS period, sum(p.load_mg_day * iw.weight) AS load_mg_day, sum(p.normalised * iw.weight) AS normalised,
       sum(p.normalised_lo * iw.weight) AS normalised_lo,
       sum(p.n)::int AS n, sum(p.n_censored)::int AS n_censored
FROM per_substance p JOIN unnest($2::text[], $3::float8[]) AS iw (substance, weight) ON iw.substance = p.substance
GROUP BY p.period ORDER BY p.period
