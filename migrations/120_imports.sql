-- 120 imports: the record of every import, saved column mappings per office, and history for grid cells.
--
-- History. Administrative areas already keep past versions in admin_area itself (valid_from/valid_to, one current
-- row per code). Grid cells cannot: grid_assignment and grid_month refer to grid_cell (code), which must stay
-- unique. So grid_cell holds the current version (with the date it became valid) and grid_cell_version the past
-- ones, copied whole (with their Web-Mercator columns) when an import changes a cell; grid_cell_dated joins both
-- for drawing the grid as of a date. Ids come from one sequence so that a tile never holds two features with the
-- same id.

CREATE TABLE data_import (
  id          bigserial PRIMARY KEY,
  layer       text NOT NULL,
  filename    text NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes       bigint NOT NULL CHECK (bytes >= 0),
  format      text NOT NULL,
  encoding    text,
  datum       text NOT NULL,
  -- The date changed versions start (and the versions they replace end).
  valid_from  date NOT NULL,
  status      text NOT NULL CHECK (status IN ('imported', 'unchanged', 'refused', 'failed')),
  features    integer NOT NULL DEFAULT 0 CHECK (features >= 0),
  n_new       integer NOT NULL DEFAULT 0,
  n_changed   integer NOT NULL DEFAULT 0,
  n_unchanged integer NOT NULL DEFAULT 0,
  n_problems  integer NOT NULL DEFAULT 0,
  user_id     bigint REFERENCES app_user (id),
  username    text NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  -- Counts, repairs and the first problems (the full report went back to the importer).
  summary     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX data_import_layer ON data_import (layer, finished_at DESC);
CREATE INDEX data_import_sha ON data_import (sha256);

-- Column mappings an office saved for a layer (source column → field), reused on the next file of the same kind.
CREATE TABLE import_mapping (
  office_code text NOT NULL CHECK (office_code ~ '^[1-9][0-9]{11}$'),
  layer       text NOT NULL,
  name        text NOT NULL DEFAULT 'default' CHECK (length(name) BETWEEN 1 AND 80),
  mapping     jsonb NOT NULL,
  updated_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_code, layer, name)
);

ALTER TABLE grid_cell ADD COLUMN valid_from date NOT NULL DEFAULT DATE '2000-01-01';

CREATE TABLE grid_cell_version (
  id           bigint PRIMARY KEY DEFAULT nextval('grid_cell_id_seq'),
  code         text NOT NULL CHECK (code ~ '^[1-9][0-9]{11}[0-9]{3}$'),
  village_code text NOT NULL,
  name         text NOT NULL,
  households   integer NOT NULL,
  population   integer NOT NULL,
  geom         geometry(MultiPolygon, 4326) NOT NULL,
  geom_web     geometry(MultiPolygon, 3857),
  geom_web_lo  geometry(MultiPolygon, 3857),
  label_point  geometry(Point, 4326),
  valid_from   date NOT NULL,
  valid_to     date NOT NULL,
  import_id    bigint REFERENCES data_import (id),
  CHECK (valid_to > valid_from)
);
CREATE UNIQUE INDEX grid_cell_version_code_from ON grid_cell_version (code, valid_from);
CREATE INDEX grid_cell_version_geom_web ON grid_cell_version USING gist (geom_web);
CREATE INDEX grid_cell_version_geom_web_lo ON grid_cell_version USING gist (geom_web_lo);

CREATE VIEW grid_cell_dated AS
  SELECT id, code, village_code, name, households, population, geom, geom_web, geom_web_lo, label_point,
         valid_from, NULL::date AS valid_to
  FROM grid_cell
  UNION ALL
  SELECT id, code, village_code, name, households, population, geom, geom_web, geom_web_lo, label_point,
         valid_from, valid_to
  FROM grid_cell_version;
