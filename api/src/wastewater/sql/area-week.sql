-- Weekly area loads from the site weeks, weighted by each plant catchment's people inside the area
-- (shares.sql): load = Σ share·load_site [mg/day]; normalised = Σ people·normalised_site / Σ people, which is the
-- same as 1000·Σ share·load_site / Σ people. The 'index' rows add the substances with their index weights.
-- $1 first week, $2 last week, $3 area codes (NULL = all), $4 substances text[], $5 weights float8[].
INSERT INTO wastewater_area_week (area_code, substance, week, load_mg_day, normalised, covered_people, n_sites, n_samples, n_censored)
WITH sw AS (
  SELECT sh.area_code, w.substance, w.week,
         sum(sh.share * w.load_mg_day) AS load_mg_day,
         sum(sh.people * w.normalised) / nullif(sum(sh.people), 0) AS normalised,
         sum(sh.people) AS covered_people,
         count(*)::int AS n_sites, sum(w.n_samples)::int AS n_samples, sum(w.n_censored)::int AS n_censored
  FROM wastewater_site_week w
  JOIN wastewater_catchment_share sh ON sh.site_id = w.site_id
  WHERE w.week BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR sh.area_code = ANY ($3::text[]))
  GROUP BY 1, 2, 3
)
SELECT area_code, substance, week, load_mg_day, coalesce(normalised, 0), covered_people, n_sites, n_samples, n_censored FROM sw
UNION ALL
SELECT sw.area_code, 'index', sw.week, sum(sw.load_mg_day * iw.weight), sum(coalesce(sw.normalised, 0) * iw.weight),
       max(sw.covered_people), max(sw.n_sites), sum(sw.n_samples)::int, sum(sw.n_censored)::int
FROM sw JOIN unnest($4::text[], $5::float8[]) AS iw (substance, weight) ON iw.substance = sw.substance
GROUP BY sw.area_code, sw.week
ON CONFLICT (area_code, substance, week) DO UPDATE SET
  load_mg_day = EXCLUDED.load_mg_day, normalised = EXCLUDED.normalised, covered_people = EXCLUDED.covered_people,
  n_sites = EXCLUDED.n_sites, n_samples = EXCLUDED.n_samples, n_censored = EXCLUDED.n_censored
