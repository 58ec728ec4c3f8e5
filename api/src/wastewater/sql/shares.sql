-- Areal weighting: the share of each plant catchment's population living in each area.
--
-- Method. Population is counted where people live: a grid cell (网格, ~300 households, with its population) counts
-- wholly towards a catchment when its label point lies inside the catchment, and towards the township its code
-- names (a grid code starts with its township's 9 digits). So
--   share(site, township) = people of the catchment's grid cells in that township / people of all its grid cells.
-- Where a catchment holds no populated grid cell (grids not yet drawn there), we fall back to the share of the
-- catchment's AREA inside each township (geodesic areas), i.e. we assume people spread evenly over the catchment.
-- Shares of a township roll up unchanged to its county, city and province (codes nest by prefix), and
--   people(site, area) = share × population_served
-- so the site's own served population (what its loads are normalised by) is split, not the grid total.
-- Only plant inlets are weighted: tracing points sit upstream inside a plant's catchment and would count twice.
--
-- $1: site ids to rebuild (NULL = all plant inlets).
WITH plant AS (
  SELECT id, catchment, population_served FROM wastewater_site
  WHERE kind = 'plant_inlet' AND catchment IS NOT NULL AND ($1::bigint[] IS NULL OR id = ANY ($1::bigint[]))
),
grid_people AS (
  SELECT p.id AS site_id, left(g.code, 9) || '000' AS township_code, sum(g.population)::float8 AS people
  -- The && on the cell's geometry uses its GiST index (a label point lies inside its cell).
  FROM plant p JOIN grid_cell g ON g.geom && p.catchment AND ST_Intersects(p.catchment, g.label_point)
  WHERE g.population > 0
  GROUP BY 1, 2
),
area_frac AS (
  SELECT p.id AS site_id, a.code AS township_code,
         ST_Area(ST_Intersection(p.catchment, a.geom)::geography) AS frac
  FROM plant p JOIN admin_area a ON a.level = 'township' AND a.valid_to IS NULL AND ST_Intersects(p.catchment, a.geom)
  WHERE NOT EXISTS (SELECT 1 FROM grid_people gp WHERE gp.site_id = p.id)
),
township_share AS (
  SELECT site_id, township_code, people / sum(people) OVER (PARTITION BY site_id) AS share, 'grid' AS method FROM grid_people
  UNION ALL
  SELECT site_id, township_code, frac / sum(frac) OVER (PARTITION BY site_id), 'area' FROM area_frac WHERE frac > 0
)
INSERT INTO wastewater_catchment_share (site_id, area_code, share, people, method)
SELECT ts.site_id, lvl.code, least(1, sum(ts.share)), least(1, sum(ts.share)) * p.population_served, min(ts.method)
FROM township_share ts
JOIN plant p ON p.id = ts.site_id
CROSS JOIN LATERAL (VALUES
  (ts.township_code),
  (left(ts.township_code, 6) || '000000'),
  (left(ts.township_code, 4) || '00000000'),
  (left(ts.township_code, 2) || '0000000000')) AS lvl (code)
WHERE ts.share > 0
GROUP BY ts.site_id, lvl.code, p.population_served
