-- The row type the recompute sends area_signal's computed values in (api/src/wastewater/sql/signals-rows.sql):
-- one parameter, an array of these records, which PostgreSQL reads with each column's own input function. The
-- JSON array it replaces was parsed into jsonb (numbers as numeric), then every value taken out as text and cast
-- again: at province scale (15,000 rows after every import) that parse cost PostgreSQL ~140 ms of CPU against
-- ~60 ms for the records (api/bench/wastewater.ts, the writes being the update's longest step).
CREATE TYPE area_signal_values AS (
  area_code text,
  substance text,
  trend text,
  latest_load float8,
  latest_censored boolean,
  pct_change float8,
  sen_slope float8,
  p_value float8,
  n_samples int,
  coverage float8,
  censored_share float8,
  kendall_s float8,
  kendall_var float8,
  kendall_z float8,
  n_plants int,
  n_plants_used int,
  panel_joined int,
  panel_left int,
  enforcement_trend text,
  enforcement_p float8,
  divergent boolean
);
