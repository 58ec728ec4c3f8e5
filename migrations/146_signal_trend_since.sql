-- Since when an area's drug signal has had its current trend, for the wall's shift-change view ("new rising
-- signals since 08:00"). The recompute upserts area_signal (api/src/wastewater/area-signals.ts); this trigger keeps
-- trend_since whatever writes the row: a new row or a changed trend starts it anew, an unchanged trend keeps it.
ALTER TABLE area_signal ADD COLUMN trend_since timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION area_signal_trend_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.trend IS NOT DISTINCT FROM OLD.trend THEN
    NEW.trend_since := OLD.trend_since;
  ELSE
    NEW.trend_since := now();
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER area_signal_trend_since BEFORE INSERT OR UPDATE OF trend ON area_signal
  FOR EACH ROW EXECUTE FUNCTION area_signal_trend_since();
CREATE INDEX area_signal_trend_since ON area_signal (trend_since) WHERE trend IN ('rising_significant', 'rising');
