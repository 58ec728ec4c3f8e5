-- Field work (issue #14): opening hours of firms and venues, and where and when an inspection was recorded.
--
-- opening_hours holds the canonical text of domain/patrol/hours.ts ("Mo-Fr 08:00-12:00,14:00-18:00; Su off",
-- "24/7"); NULL = not known (the plan treats it as no constraint and says so). The API parses before it writes;
-- the CHECK only bounds the size.
ALTER TABLE firm ADD COLUMN opening_hours text CHECK (length(opening_hours) BETWEEN 1 AND 200);
ALTER TABLE venue ADD COLUMN opening_hours text CHECK (length(opening_hours) BETWEEN 1 AND 200);

-- Check-in. recorded_at is the server's clock (a phone's clock may be wrong); position is what the phone reported
-- (WGS84) with its accuracy, or nothing with position_status 'no_fix' (accepted: indoors, a cellar, a refused
-- permission); rows from before this migration are 'not_given'. distance_m is from the site, computed on the
-- spheroid (geography) at insert; far_from_site flags it for the office beyond the configured distance — flagged,
-- never refused: a large yard or a poor fix is not a fraud.
-- client_id makes the form idempotent: a phone that resends the same form (a retry after a lost answer, an offline
-- queue flushed twice) gets the first row back instead of a second one.
ALTER TABLE inspection
  ADD COLUMN client_id uuid UNIQUE,
  ADD COLUMN recorded_at timestamptz,
  ADD COLUMN recorded_by text,
  ADD COLUMN position geography(Point, 4326),
  ADD COLUMN position_accuracy_m real CHECK (position_accuracy_m >= 0 AND position_accuracy_m <= 100000),
  ADD COLUMN position_status text NOT NULL DEFAULT 'not_given' CHECK (position_status IN ('fix', 'no_fix', 'not_given')),
  ADD COLUMN distance_m real CHECK (distance_m >= 0),
  ADD COLUMN far_from_site boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT inspection_position_status CHECK ((position_status = 'fix') = (position IS NOT NULL));
-- The office's list of flagged check-ins, newest first.
CREATE INDEX inspection_far ON inspection (recorded_at DESC) WHERE far_from_site;
CREATE INDEX inspection_recorded_at ON inspection (recorded_at DESC) WHERE recorded_at IS NOT NULL;
