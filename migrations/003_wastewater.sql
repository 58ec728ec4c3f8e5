-- 003 wastewater: derived tables for drug signals (api/src/wastewater), additive to 001's wastewater_site,
-- wastewater_sample and area_signal.
--
-- * wastewater_catchment_share: how many of a plant catchment's people live in each area (township and every
--   level above it). This is the areal weighting of area series; the method is described in
--   api/src/wastewater/README.md and api/src/wastewater/sql/shares.sql.
-- * wastewater_site_week / wastewater_area_week: weekly series kept up to date by the recompute, so that an
--   import touches only its own weeks and the trends read a few hundred thousand small rows, not every sample.
-- * wastewater_import: one row per imported lab file (its SHA-256 makes re-importing the same file a no-op).

CREATE TABLE wastewater_import (
  id            bigserial PRIMARY KEY,
  sha256        text NOT NULL,
  filename      text NOT NULL,
  lab           text,
  rows_total    integer NOT NULL CHECK (rows_total >= 0),
  rows_imported integer NOT NULL CHECK (rows_imported >= 0),
  rows_skipped  integer NOT NULL DEFAULT 0 CHECK (rows_skipped >= 0),
  imported_by   text NOT NULL,
  imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wastewater_import_sha ON wastewater_import (sha256);

ALTER TABLE wastewater_sample ADD COLUMN import_id bigint REFERENCES wastewater_import (id) ON DELETE SET NULL;
CREATE INDEX wastewater_sample_time ON wastewater_sample (sampled_at);

CREATE TABLE wastewater_catchment_share (
  site_id    bigint NOT NULL REFERENCES wastewater_site (id) ON DELETE CASCADE,
  area_code  text NOT NULL CHECK (area_code ~ '^[1-9][0-9]{11}$'),
  -- Fraction (0..1] of the catchment's population living in the area, and that many people.
  share      double precision NOT NULL CHECK (share > 0 AND share <= 1.000001),
  people     double precision NOT NULL CHECK (people >= 0),
  -- 'grid' when counted from grid-cell populations, 'area' when from the share of catchment area (no grid data).
  method     text NOT NULL CHECK (method IN ('grid', 'area')),
  PRIMARY KEY (site_id, area_code)
);
CREATE INDEX wastewater_catchment_share_area ON wastewater_catchment_share (area_code);

CREATE TABLE wastewater_site_week (
  site_id     bigint NOT NULL REFERENCES wastewater_site (id) ON DELETE CASCADE,
  substance   text NOT NULL,
  week        date NOT NULL CHECK (extract(isodow FROM week) = 1),
  load_mg_day double precision NOT NULL,
  normalised  double precision NOT NULL,     -- mg/day/1000 inhabitants
  n_samples   integer NOT NULL CHECK (n_samples > 0),
  n_censored  integer NOT NULL CHECK (n_censored >= 0),
  PRIMARY KEY (site_id, substance, week)
);
CREATE INDEX wastewater_site_week_week ON wastewater_site_week (week);

CREATE TABLE wastewater_area_week (
  area_code     text NOT NULL,
  substance     text NOT NULL,                -- the six substances and 'index'
  week          date NOT NULL,
  load_mg_day   double precision NOT NULL,    -- estimated for the covered part of the area
  normalised    double precision NOT NULL,    -- mg/day/1000 inhabitants of the covered part
  covered_people double precision NOT NULL,
  n_sites       integer NOT NULL,
  n_samples     integer NOT NULL,
  n_censored    integer NOT NULL,
  PRIMARY KEY (area_code, substance, week)
);
CREATE INDEX wastewater_area_week_week ON wastewater_area_week (week);
