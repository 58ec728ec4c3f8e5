-- The catchments layer's tiles select on catchment_web (Web Mercator), which had no spatial index: every
-- catchment tile scanned the table, and PostgreSQL kept re-planning its prepared tile statement (its generic plan
-- looked dearer than a custom one). With the index both are an index scan.
CREATE INDEX IF NOT EXISTS wastewater_site_catchment_web ON wastewater_site USING gist (catchment_web);
