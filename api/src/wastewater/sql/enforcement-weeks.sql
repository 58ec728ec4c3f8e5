-- Enforcement activity per week for areas given by code prefix (township 9 digits, county 6, city 4, province 2),
-- over the complete weeks of a trend window (domain/src/wastewater/divergence.ts):
--   inspections — inspections of precursor firms and key venues done in the area (their township code);
--   checks      — vehicles and people checked at checkpoints inside the area (a checkpoint's township is the
--                 one its point lies in);
--   cases       — cases at those checkpoints.
-- $1 area prefixes text[], $2 first Monday of the window, $3 number of weeks counted.
WITH area AS (SELECT DISTINCT prefix FROM unnest($1::text[]) AS a (prefix)),
insp AS (
  SELECT coalesce(f.township_code, v.township_code) AS township, (i.inspected_on - $2::date) / 7 AS step, count(*)::int AS n
  FROM inspection i
  LEFT JOIN firm f ON f.id = i.firm_id
  LEFT JOIN venue v ON v.id = i.venue_id
  WHERE i.inspected_on >= $2::date AND i.inspected_on < $2::date + 7 * $3
  GROUP BY 1, 2
),
cp AS (
  SELECT c.id, t.code AS township
  FROM checkpoint c
  JOIN LATERAL (SELECT a.code FROM admin_area a WHERE a.level = 'township' AND a.valid_to IS NULL AND ST_Intersects(a.geom, c.geom)
                ORDER BY a.code LIMIT 1) t ON true
),
chk AS (
  SELECT cp.township, (d.day - $2::date) / 7 AS step, sum(d.vehicles + d.people)::int AS checks, sum(d.cases)::int AS cases
  FROM checkpoint_day d JOIN cp ON cp.id = d.checkpoint_id
  WHERE d.day >= $2::date AND d.day < $2::date + 7 * $3
  GROUP BY 1, 2
),
activity AS (
  SELECT township, step, n AS inspections, 0 AS checks, 0 AS cases FROM insp
  UNION ALL
  SELECT township, step, 0, checks, cases FROM chk
)
-- Each township's activity counts towards the areas its code nests in (prefixes of 2, 4, 6, 9 and 12 digits): an
-- equality join (hashed), not a LIKE per area and row, which grew with the areas times the province's activity.
SELECT a.prefix, x.step::int AS step, sum(x.inspections)::int AS inspections, sum(x.checks)::int AS checks, sum(x.cases)::int AS cases
FROM activity x
CROSS JOIN LATERAL (VALUES (left(x.township, 2)), (left(x.township, 4)), (left(x.township, 6)), (left(x.township, 9)), (x.township)) AS p (prefix)
JOIN area a ON a.prefix = p.prefix
GROUP BY a.prefix, x.step
ORDER BY a.prefix, x.step
