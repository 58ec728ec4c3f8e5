-- The grid officer's monthly report (issue #14): counts per grid and month, never a person.
--
-- grid_month stays the one place the figures live. Each row now carries a version that every change bumps, so a
-- phone that filled in its form against version 3 and sends it a day later (offline in between) is told when the
-- office changed the row meanwhile instead of overwriting it. `source` says who wrote the row last: the demo or an
-- import ('import'), the grid officer's report ('officer') or an office correction ('office').
-- Adding columns with constant defaults does not rewrite the table (PostgreSQL 11+), even at province size.
ALTER TABLE grid_month
  ADD COLUMN version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  ADD COLUMN source     text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'officer', 'office')),
  ADD COLUMN updated_at timestamptz,
  ADD COLUMN updated_by bigint REFERENCES app_user (id) ON DELETE SET NULL;

-- One row per accepted submission. The id is made by the phone when the officer presses "submit" and travels with
-- every retry, so the same form sent twice (a response lost on a weak network, the outbox flushed twice) is counted
-- once: the second arrival finds its id here and gets the first answer back. A grid has reported for a month when
-- it has a submission for that month.
CREATE TABLE grid_month_submission (
  submission_id uuid PRIMARY KEY,
  grid_code     text NOT NULL REFERENCES grid_cell (code) ON DELETE CASCADE,
  month         date NOT NULL CHECK (extract(day FROM month) = 1),
  user_id       bigint REFERENCES app_user (id) ON DELETE SET NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  -- The version of grid_month this submission produced, and what the officer confirmed they had seen.
  version       integer NOT NULL CHECK (version >= 1),
  warnings      jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX grid_month_submission_month ON grid_month_submission (month, grid_code);

-- A draft the officer saved on the server (their phone keeps its own copy too). Any count may still be missing;
-- the ones given already passed the per-field checks. One draft per officer, grid and month.
CREATE TABLE grid_month_draft (
  grid_code     text NOT NULL REFERENCES grid_cell (code) ON DELETE CASCADE,
  month         date NOT NULL CHECK (extract(day FROM month) = 1),
  user_id       bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  figures       jsonb NOT NULL CHECK (jsonb_typeof(figures) = 'object'),
  base_version  integer NOT NULL CHECK (base_version >= 0),
  saved_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (grid_code, month, user_id)
);
