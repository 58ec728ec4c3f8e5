-- What writing area_signal costs beyond its rows. A new week moves the trend window, and the recompute then
-- changes nearly every row (~15,000 at province scale: every area × seven signals). Two triggers cost more than
-- the rows themselves (EXPLAIN ANALYZE at province scale, api/bench/wastewater.ts):
-- * The tile-change trigger (110) joined every changed row, before and after (30,000), to its area's geometry;
--   an area's seven signals gave the same geometry seven times over. It now takes each changed area once (a
--   semi-join on the codes): 380 → 19 ms. The tiles it names are the same.
-- * trend_since (146) ran a PL/pgSQL function for every updated row to find the trend unchanged. A WHEN clause now
--   calls it only when the trend changed; an update that leaves the trend alone does not set trend_since, so the
--   row keeps it, as before. New rows still start it.
-- The statements of 110's tile_change_triggers (dropped there), with the new query; TRUNCATE's trigger reads none.
DROP TRIGGER area_signal_tiles_ins ON area_signal;
DROP TRIGGER area_signal_tiles_upd ON area_signal;
DROP TRIGGER area_signal_tiles_del ON area_signal;
CREATE TRIGGER area_signal_tiles_ins AFTER INSERT ON area_signal REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify('SELECT a.level AS k, a.geom_web AS g FROM admin_area a WHERE a.valid_to IS NULL AND a.code IN (SELECT r.area_code FROM %s r)');
CREATE TRIGGER area_signal_tiles_upd AFTER UPDATE ON area_signal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify('SELECT a.level AS k, a.geom_web AS g FROM admin_area a WHERE a.valid_to IS NULL AND a.code IN (SELECT r.area_code FROM %s r)');
CREATE TRIGGER area_signal_tiles_del AFTER DELETE ON area_signal REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify('SELECT a.level AS k, a.geom_web AS g FROM admin_area a WHERE a.valid_to IS NULL AND a.code IN (SELECT r.area_code FROM %s r)');

DROP TRIGGER area_signal_trend_since ON area_signal;
CREATE TRIGGER area_signal_trend_since_new BEFORE INSERT ON area_signal
  FOR EACH ROW EXECUTE FUNCTION area_signal_trend_since();
CREATE TRIGGER area_signal_trend_since BEFORE UPDATE OF trend ON area_signal
  FOR EACH ROW WHEN (OLD.trend IS DISTINCT FROM NEW.trend) EXECUTE FUNCTION area_signal_trend_since();
