-- Jurisdiction scope is a range on a code column (api/src/users/scope.ts: code >= prefix AND code < prefix || 'a'),
-- which a btree index answers. admin_area, grid_cell, grid_cell_version, firm, venue, listing, area_signal and
-- grid_month already have one leading with their scoped code; these two scoped columns had none, so a county's
-- or township's checkpoints and sampling sites were found by reading every row.
CREATE INDEX IF NOT EXISTS checkpoint_county ON checkpoint (county_code);
CREATE INDEX IF NOT EXISTS wastewater_site_township ON wastewater_site (township_code);
