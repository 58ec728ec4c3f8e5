-- The weekly series behind every area's trends over the window, one row per area and substance, plus each
-- area's population. Areas without any data still come back (with empty arrays) so they read "no data".
-- $1 first week, $2 last week, $3 area codes (NULL = every current township and above).
WITH areas AS (
  SELECT code, population FROM admin_area
  WHERE valid_to IS NULL AND level IN ('province', 'city', 'county', 'township')
    AND ($3::text[] IS NULL OR code = ANY ($3::text[]))
)
SELECT a.code AS area_code, a.population, aw.substance,
       coalesce(aw.vals, '{}') AS vals, coalesce(aw.steps, '{}') AS steps,
       coalesce(aw.covered_sum, 0) AS covered_sum, coalesce(aw.samples, 0) AS samples
FROM areas a
LEFT JOIN LATERAL (
  SELECT substance,
         array_agg(normalised ORDER BY week) AS vals,
         array_agg(((week - $1::date) / 7)::int ORDER BY week) AS steps,
         sum(covered_people) AS covered_sum, sum(n_samples)::int AS samples
  FROM wastewater_area_week
  WHERE area_code = a.code AND week BETWEEN $1::date AND $2::date
  GROUP BY substance
) aw ON true
