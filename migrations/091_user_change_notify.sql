-- Every API process keeps the users of recently seen tokens for a few seconds (api/src/auth/sessions.ts): a tile
-- request must not cost a database round trip to authenticate. When a token stops working — sign-out, a revoked
-- API token, a user disabled or moved to another role, jurisdiction or grid — every process must drop it at once,
-- not only the one that made the change. These triggers send the changed users' ids on the channel the processes
-- already listen on for tile changes (migration 110), so the write barrier that follows a write (a write answers
-- once every process has applied every change before it) covers them too. Whoever writes (the API, psql, a
-- command) is covered. More than 200 users in one statement (the hourly purge of expired sessions): 'all'.

CREATE FUNCTION user_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('grid_console_tiles', json_build_object('users', 'all')::text);
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT array_agg(DISTINCT %I) FROM %s', TG_ARGV[0], CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END)
    INTO ids;
  IF ids IS NOT NULL THEN
    PERFORM pg_notify('grid_console_tiles', json_build_object('users', CASE WHEN cardinality(ids) > 200 THEN to_json('all'::text) ELSE to_json(ids) END)::text);
  END IF;
  RETURN NULL;
END $$;

-- Sessions and tokens: deleted (sign-out, purge, password reset) or changed (revoked, expiry moved).
CREATE TRIGGER app_session_users_del AFTER DELETE ON app_session REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('user_id');
CREATE TRIGGER api_token_users_upd AFTER UPDATE ON api_token REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('user_id');
CREATE TRIGGER api_token_users_del AFTER DELETE ON api_token REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('user_id');
-- Users: disabled, role, jurisdiction or name changed, deleted.
CREATE TRIGGER app_user_users_upd AFTER UPDATE ON app_user REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('id');
CREATE TRIGGER app_user_users_del AFTER DELETE ON app_user REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('id');
-- A grid officer's grids.
CREATE TRIGGER grid_assignment_users_ins AFTER INSERT ON grid_assignment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('user_id');
CREATE TRIGGER grid_assignment_users_upd AFTER UPDATE ON grid_assignment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('user_id');
CREATE TRIGGER grid_assignment_users_del AFTER DELETE ON grid_assignment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify('user_id');
CREATE TRIGGER app_session_users_trunc AFTER TRUNCATE ON app_session FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify();
CREATE TRIGGER api_token_users_trunc AFTER TRUNCATE ON api_token FOR EACH STATEMENT EXECUTE FUNCTION user_change_notify();
