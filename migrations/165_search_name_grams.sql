-- Search finds names by any part of them (api/src/search/repository.ts). A substring test reads every row: at
-- province scale 126,000 areas and grid cells, ~50-90 ms per search, and under load search queued everything else.
-- Chinese names have no words to index, so they are indexed by their characters and pairs of characters (the
-- n-grams a CJK search engine uses): a name contains a query only if it holds every pair of the query (or, for a
-- one-character query, that character), which a GIN index answers; the substring test then confirms each candidate.
CREATE OR REPLACE FUNCTION name_grams(s text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
      SELECT substr(s, i, 1) AS g FROM generate_series(1, length(s)) i
      UNION ALL
      SELECT substr(s, i, 2) FROM generate_series(1, length(s) - 1) i
    ) grams
  $$;

-- What a name must hold to contain `q`: its pairs of characters, or the character itself when it is one.
CREATE OR REPLACE FUNCTION query_grams(q text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN length(q) < 2 THEN ARRAY[q]
                ELSE (SELECT array_agg(DISTINCT substr(q, i, 2)) FROM generate_series(1, length(q) - 1) i) END
  $$;

CREATE INDEX IF NOT EXISTS admin_area_name_grams ON admin_area USING gin (name_grams(name));
CREATE INDEX IF NOT EXISTS grid_cell_name_grams ON grid_cell USING gin (name_grams(name));
CREATE INDEX IF NOT EXISTS checkpoint_name_grams ON checkpoint USING gin (name_grams(name));
CREATE INDEX IF NOT EXISTS firm_name_grams ON firm USING gin (name_grams(name));
CREATE INDEX IF NOT EXISTS venue_name_grams ON venue USING gin (name_grams(name));
CREATE INDEX IF NOT EXISTS wastewater_site_name_grams ON wastewater_site USING gin (name_grams(name));
