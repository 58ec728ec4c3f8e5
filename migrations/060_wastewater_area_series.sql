-- 060 wastewater: area series of the trend window stored as arrays, one row per area and substance.
-- Replaces 003's wastewater_site_week and wastewater_area_week (one row per week), which were too slow to
-- rewrite at province scale (~400,000 rows per recompute); see api/src/wastewater/recompute.ts.
-- (Numbered 060 to stay clear of the numbers other modules take next; the migrator applies files in name order
-- and skips what is applied, so the gap does no harm.)

DROP TABLE IF EXISTS wastewater_site_week;
DROP TABLE IF EXISTS wastewater_area_week;

CREATE TABLE wastewater_area_series (
  area_code    text NOT NULL CHECK (area_code ~ '^[1-9][0-9]{11}$'),
  substance    text NOT NULL,                          -- the six substances and 'index'
  window_from  date NOT NULL CHECK (extract(isodow FROM window_from) = 1),
  -- Per week of the window (index 0 = window_from): people covered by sampled plants (0 = no data that week),
  -- load per 1000 inhabitants of the covered part, load in mg/day of the covered part.
  people       double precision[] NOT NULL,
  normalised   double precision[] NOT NULL,
  load_mg_day  double precision[] NOT NULL,
  CHECK (cardinality(people) = cardinality(normalised) AND cardinality(people) = cardinality(load_mg_day)),
  PRIMARY KEY (area_code, substance)
);
