-- The inspection schedule rule, stated once for SQL (its TypeScript twin: api/src/inspection/schedule.ts):
-- next due = last inspection + interval; never inspected counts from 2000-01-01, i.e. long overdue.
-- IMMUTABLE and a single SELECT, so the planner inlines it.
CREATE FUNCTION inspection_next_due(last_inspected date, every_days integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(last_inspected, DATE '2000-01-01') + every_days
$$;
