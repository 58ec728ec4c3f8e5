-- Every write to a table that tiles read tells the API processes which tiles it touched: a statement-level
-- trigger sends NOTIFY grid_console_tiles with the table, the kinds of rows (the admin level of an area, firm or
-- venue for an inspection) and the Web-Mercator bounding boxes of the rows before and after the change.
-- NOTIFY is transactional: it is delivered when, and only if, the transaction commits, in commit order; so a
-- process that receives it drops exactly the cached tiles that could have changed (api/src/tiles/invalidation.ts),
-- whoever wrote (the API, an importer, psql). Up to 64 rows are sent one box each; more as one extent.
-- The trigger argument is the query, over the changed rows as %1$s, that yields (k kind, g geometry in 3857).

CREATE FUNCTION tile_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'new_rows'
    WHEN 'DELETE' THEN 'old_rows'
    ELSE '(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)' END;
  payload text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('grid_console_tiles', json_build_object('t', TG_TABLE_NAME, 'k', NULL, 'b', NULL)::text);
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    WITH c AS (SELECT k, g FROM (%s) q WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)),
         n AS (SELECT count(*) AS n FROM c)
    SELECT CASE WHEN n.n = 0 THEN NULL ELSE json_build_object(
      't', %L,
      'k', (SELECT json_agg(DISTINCT k) FROM c),
      'b', CASE WHEN n.n <= 64
        THEN (SELECT json_agg(json_build_array(floor(ST_XMin(g)), floor(ST_YMin(g)), ceil(ST_XMax(g)), ceil(ST_YMax(g)))) FROM c)
        ELSE (SELECT json_build_array(json_build_array(floor(ST_XMin(e)), floor(ST_YMin(e)), ceil(ST_XMax(e)), ceil(ST_YMax(e))))
              FROM (SELECT ST_Extent(g)::box2d AS e FROM c) x) END)::text END
    FROM n$q$, format(TG_ARGV[0], changed), TG_TABLE_NAME) INTO payload;
  IF payload IS NOT NULL THEN
    PERFORM pg_notify('grid_console_tiles', payload);
  END IF;
  RETURN NULL;
END $$;

-- One trigger per event: a trigger that references transition tables fires for one kind of event only.
CREATE PROCEDURE tile_change_triggers(tbl regclass, source text) LANGUAGE plpgsql AS $$
DECLARE
  name text := replace(tbl::text, '"', '');
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify(%L)', name || '_tiles_ins', tbl, source);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify(%L)', name || '_tiles_upd', tbl, source);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify(%L)', name || '_tiles_del', tbl, source);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify(%L)', name || '_tiles_trunc', tbl, source);
END $$;

-- Areas: the kind is the level (county, township, village), so a township's change leaves county tiles alone.
CALL tile_change_triggers('admin_area', 'SELECT r.level AS k, r.geom_web AS g FROM %s r');
CALL tile_change_triggers('listing', $s$
  SELECT a.level AS k, a.geom_web AS g FROM %s r JOIN admin_area a ON a.code = r.area_code AND a.valid_to IS NULL$s$);
CALL tile_change_triggers('listing_event', $s$
  SELECT a.level AS k, a.geom_web AS g FROM %s r JOIN listing l ON l.id = r.listing_id
  JOIN admin_area a ON a.code = l.area_code AND a.valid_to IS NULL$s$);
CALL tile_change_triggers('area_signal', $s$
  SELECT a.level AS k, a.geom_web AS g FROM %s r JOIN admin_area a ON a.code = r.area_code AND a.valid_to IS NULL$s$);
CALL tile_change_triggers('grid_cell', 'SELECT NULL::text AS k, r.geom_web AS g FROM %s r');
CALL tile_change_triggers('road', 'SELECT NULL::text AS k, r.geom_web AS g FROM %s r');
CALL tile_change_triggers('checkpoint', 'SELECT NULL::text AS k, r.geom_web AS g FROM %s r');
CALL tile_change_triggers('firm', 'SELECT NULL::text AS k, r.geom_web AS g FROM %s r');
CALL tile_change_triggers('venue', 'SELECT NULL::text AS k, r.geom_web AS g FROM %s r');
-- An inspection changes its firm's or venue's due date.
CALL tile_change_triggers('inspection', $s$
  SELECT CASE WHEN r.firm_id IS NOT NULL THEN 'firm' ELSE 'venue' END AS k, coalesce(f.geom_web, v.geom_web) AS g
  FROM %s r LEFT JOIN firm f ON f.id = r.firm_id LEFT JOIN venue v ON v.id = r.venue_id$s$);
-- A sampling site draws as a point (wastewater_sites) and its catchment as an outline (catchments).
CALL tile_change_triggers('wastewater_site', $s$
  SELECT NULL::text AS k, coalesce(ST_Collect(r.geom_web, r.catchment_web), r.geom_web) AS g FROM %s r$s$);

DROP PROCEDURE tile_change_triggers(regclass, text);
