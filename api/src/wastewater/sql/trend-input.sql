-- The stored weekly area values of a window (wastewater_area_week), as arrays per area and substance.
-- $1 first week, $2 last week, $3 area codes (NULL = all).
SELECT area_code, substance,
       array_agg(((week - $1::date) / 7)::int ORDER BY week) AS steps,
       array_agg(normalised ORDER BY week) AS normalised,
       array_agg(covered_people ORDER BY week) AS people,
       array_agg(load_mg_day ORDER BY week) AS load,
       array_agg(n_sites ORDER BY week) AS n_sites,
       array_agg(n_samples ORDER BY week) AS n_samples,
       array_agg(n_censored ORDER BY week) AS n_censored
FROM wastewater_area_week
WHERE week BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR area_code = ANY ($3::text[]))
GROUP BY area_code, substance
