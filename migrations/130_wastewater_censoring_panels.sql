-- 130 wastewater: censored results and plant panels (issue 12; method in api/src/wastewater/README.md).
--
-- * wastewater_sample.censored_by_loq: the lab reported a number below the LOQ it stated without flagging it;
--   such a result is censored whatever the flag said (below_loq set), and this column keeps the fact visible.
--   Rows already stored that way are corrected here.
-- * wastewater_plant_week replaces 060's wastewater_area_series: each plant's weekly values (lower and upper bound
--   of the per-capita load, samples), one row per plant and week. Area trends are combined from the plants' own
--   trends (domain/src/wastewater/consensus.ts), so an area's pooled series is no longer stored, and a new week adds
--   one row per plant that reported instead of rewriting every area's window.
-- * area_signal: the trend may be 'below_detection'; beside it the share of censored weeks, the combined Kendall
--   statistic, the plants behind it and the panel changes, and the divergence flag with the enforcement trend.

ALTER TABLE wastewater_sample ADD COLUMN censored_by_loq boolean NOT NULL DEFAULT false;
UPDATE wastewater_sample SET below_loq = true, censored_by_loq = true
WHERE NOT below_loq AND loq_ng_l IS NOT NULL AND concentration_ng_l < loq_ng_l;
ALTER TABLE wastewater_sample ADD CONSTRAINT wastewater_sample_censored_by_loq_check CHECK (NOT censored_by_loq OR below_loq);

DROP TABLE IF EXISTS wastewater_area_series;

CREATE TABLE wastewater_plant_week (
  site_id      bigint NOT NULL REFERENCES wastewater_site (id) ON DELETE CASCADE,
  week         date NOT NULL CHECK (extract(isodow FROM week) = 1),
  -- Per substance sampled that week (in the order of `substances`): the per-capita load (mg/day/1000 inhabitants)
  -- with censored samples at 0 (lo) and at their limit (hi), and how many samples.
  substances   text[] NOT NULL,
  lo           double precision[] NOT NULL,
  hi           double precision[] NOT NULL,
  n            integer[] NOT NULL,
  CHECK (cardinality(lo) = cardinality(substances) AND cardinality(hi) = cardinality(lo) AND cardinality(n) = cardinality(lo)),
  PRIMARY KEY (site_id, week)
);
CREATE INDEX wastewater_plant_week_week ON wastewater_plant_week (week);

-- Half-empty pages, so that a recompute's update of a row can stay on its page without touching the index (HOT).
ALTER TABLE area_signal SET (fillfactor = 50);
ALTER TABLE area_signal DROP CONSTRAINT area_signal_trend_check;
ALTER TABLE area_signal ADD CONSTRAINT area_signal_trend_check
  CHECK (trend IN ('rising_significant', 'rising', 'flat', 'falling', 'falling_significant', 'below_detection', 'insufficient'));
ALTER TABLE area_signal
  -- Share of the weekly values below detection (people-weighted over the plants with data), and whether the
  -- latest value is an upper bound ("<").
  ADD COLUMN censored_share   double precision NOT NULL DEFAULT 0 CHECK (censored_share BETWEEN 0 AND 1),
  ADD COLUMN latest_censored  boolean NOT NULL DEFAULT false,
  -- The combined Kendall statistic of the plants (consensus.ts): S, its variance, z.
  ADD COLUMN kendall_s        double precision,
  ADD COLUMN kendall_var      double precision,
  ADD COLUMN kendall_z        double precision,
  -- Plants with data in the window, plants whose trend voted, and plants that joined / left during it.
  ADD COLUMN n_plants         integer NOT NULL DEFAULT 0 CHECK (n_plants >= 0),
  ADD COLUMN n_plants_used    integer NOT NULL DEFAULT 0 CHECK (n_plants_used >= 0),
  ADD COLUMN panel_joined     integer NOT NULL DEFAULT 0 CHECK (panel_joined >= 0),
  ADD COLUMN panel_left       integer NOT NULL DEFAULT 0 CHECK (panel_left >= 0),
  -- Enforcement over the same window (index rows whose drug trend is rising significantly; else NULL), and the
  -- divergence flag (divergence.ts).
  ADD COLUMN enforcement_trend text CHECK (enforcement_trend IN ('rising_significant', 'rising', 'flat', 'falling', 'falling_significant', 'insufficient')),
  ADD COLUMN enforcement_p    double precision,
  ADD COLUMN divergent        boolean NOT NULL DEFAULT false;
