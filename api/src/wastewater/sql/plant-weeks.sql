-- Weekly values of plant inlets per substance within a window, as arrays per (site, substance), for plant.ts:
-- lo = mean per-capita load (mg/day/1000 inhabitants) with censored samples at 0, hi = with censored samples at
-- their limit (the LOQ; the reported concentration when the lab left the LOQ empty), n = samples that week.
-- Censored = below_loq (set by the lab, and by the importer for values under the stated LOQ: migration 130).
-- Weeks start Monday 00:00 China time (periods.ts). Tracing points are left out: they lie inside a plant's
-- catchment and would count twice.
-- $1 first week of the window (a Monday; step 0), $2 first and $3 last week to read (Mondays), $4 site ids (NULL = all).
WITH sw AS (
  SELECT s.site_id, s.substance, (date_trunc('week', s.sampled_at AT TIME ZONE 'Asia/Shanghai'))::date AS week,
         avg(CASE WHEN s.below_loq THEN 0 ELSE s.concentration_ng_l::float8 END * s.flow_m3_day::float8 * 1e-3 / (w.population_served / 1000.0)) AS lo,
         avg(CASE WHEN s.below_loq THEN coalesce(s.loq_ng_l, s.concentration_ng_l)::float8 ELSE s.concentration_ng_l::float8 END
             * s.flow_m3_day::float8 * 1e-3 / (w.population_served / 1000.0)) AS hi,
         count(*)::int AS n
  FROM wastewater_sample s
  JOIN wastewater_site w ON w.id = s.site_id AND w.kind = 'plant_inlet'
  WHERE s.sampled_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND s.sampled_at < (($3::date + 7)::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND ($4::bigint[] IS NULL OR s.site_id = ANY ($4::bigint[]))
  GROUP BY 1, 2, 3
)
-- One JSON value per plant, its weeks and substances as parallel arrays: the driver's JSON.parse is much faster
-- than its array parser for ~10⁶ numbers. The arrays are in one order (every aggregate of a group is fed its
-- rows in one sequence), which is all plant-store.ts needs: it places each value by its step. A group per plant
-- and no ORDER BY in the aggregates: a group per plant and substance with ordered aggregates sorted 48,000 small
-- groups for a week of a province (190 → 100 ms; the full window no slower).
SELECT json_build_array(site_id, array_agg(substance), array_agg(((week - $1::date) / 7)::int), array_agg(lo), array_agg(hi), array_agg(n)) AS r
FROM sw
GROUP BY site_id
