-- The computed signals as rows, from the one JSON parameter writeSignals sends (area-signals.ts): an array of arrays
-- in this column order. Arrays read by position cost PostgreSQL less than objects (json_to_recordset) or 21 array
-- parameters (unnest), whose escaping in the driver also cost the API more (province scale: 15,000 rows).
-- Read as jsonb, parsed once: `e->>k` on a json value parses the element's text again up to its k-th item, 21
-- times per row and again in the UPDATE's SET (EXPLAIN ANALYZE at province scale: 1.8 s of a 2.4 s UPDATE; as
-- jsonb the same join took 0.3 s).
SELECT e->>0 AS a, e->>1 AS s, e->>2 AS t, (e->>3)::float8 AS l, (e->>4)::boolean AS lc, (e->>5)::float8 AS pc, (e->>6)::float8 AS sl,
       (e->>7)::float8 AS p, (e->>8)::int AS n, (e->>9)::float8 AS c, (e->>10)::float8 AS cs, (e->>11)::float8 AS ks, (e->>12)::float8 AS kv,
       (e->>13)::float8 AS kz, (e->>14)::int AS np, (e->>15)::int AS nu, (e->>16)::int AS pj, (e->>17)::int AS pl, e->>18 AS et,
       (e->>19)::float8 AS ep, (e->>20)::boolean AS d
FROM jsonb_array_elements($1::jsonb) AS e
