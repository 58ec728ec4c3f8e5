-- 001 core schema: places, sites, figures, people-free aggregates, users and audit.
--
-- Conventions
-- * Geometry is stored in WGS84 (SRID 4326). Tables drawn as tiles also keep a Web-Mercator copy (geom_web) and,
--   for polygons, a generalised copy for low zooms (geom_web_lo); triggers keep both in step with geom, so tile
--   queries never transform or simplify on the hot path.
-- * Statistical division codes (统计用区划代码) are stored in their 12-digit form: Hunan 430000000000,
--   Hengyang 430400000000. A grid code is its village code plus 3 digits (15 digits).
-- * Enumerations are text with CHECK constraints (easy to extend in a later migration); the database itself
--   refuses invalid geometry, malformed codes, unknown values and negative counts.

CREATE EXTENSION IF NOT EXISTS postgis;

-- Web-Mercator copy and its generalisation, shared by every tiled table (see the comment above).
-- `tolerance` is in metres; 0 keeps the geometry as it is.
CREATE FUNCTION web_geometry(g geometry, tolerance double precision) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN tolerance > 0
    THEN ST_Multi(ST_SimplifyPreserveTopology(ST_Transform(g, 3857), tolerance))
    ELSE ST_Transform(g, 3857) END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Administrative areas: province → city → county → township → village/community. History by validity dates.
CREATE TABLE admin_area (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL CHECK (code ~ '^[1-9][0-9]{11}$'),
  level       text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township', 'village')),
  parent_code text CHECK (parent_code ~ '^[1-9][0-9]{11}$'),
  name        text NOT NULL CHECK (length(btrim(name)) > 0),
  kind        text CHECK (kind IN ('district', 'county', 'county_city', 'town', 'township', 'street', 'park', 'village', 'community')),
  population  integer NOT NULL DEFAULT 0 CHECK (population >= 0),
  geom        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
  geom_web    geometry(MultiPolygon, 3857),
  geom_web_lo geometry(MultiPolygon, 3857),
  label_point geometry(Point, 4326),
  valid_from  date NOT NULL DEFAULT DATE '2000-01-01',
  valid_to    date,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  -- The code's shape follows the level: a city code ends in 8 zeros, a county in 6, a township in 3.
  CHECK (CASE level
    WHEN 'province' THEN code ~ '^[0-9]{2}0{10}$'
    WHEN 'city'     THEN code ~ '^[0-9]{2}(0[1-9]|[1-9][0-9])0{8}$'
    WHEN 'county'   THEN code ~ '^[0-9]{4}(0[1-9]|[1-9][0-9])0{6}$'
    WHEN 'township' THEN code ~ '^[0-9]{6}([0-9]{2}[1-9]|[0-9][1-9][0-9]|[1-9][0-9]{2})000$'
    ELSE code !~ '000$' END),
  CHECK ((level = 'province') = (parent_code IS NULL))
);
-- One current version per code; older versions keep their valid_to.
CREATE UNIQUE INDEX admin_area_current_code ON admin_area (code) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX admin_area_code_from ON admin_area (code, valid_from);
CREATE INDEX admin_area_parent ON admin_area (parent_code);
CREATE INDEX admin_area_level ON admin_area (level);
CREATE INDEX admin_area_geom ON admin_area USING gist (geom);
CREATE INDEX admin_area_geom_web ON admin_area USING gist (geom_web);
CREATE INDEX admin_area_name ON admin_area (name text_pattern_ops);

-- ---------------------------------------------------------------------------------------------------------------
-- Grid cells (网格): the smallest unit of management, about 300 households in town.
CREATE TABLE grid_cell (
  id           bigserial PRIMARY KEY,
  code         text NOT NULL UNIQUE CHECK (code ~ '^[1-9][0-9]{11}[0-9]{3}$'),
  village_code text NOT NULL CHECK (village_code = left(code, 12)),
  name         text NOT NULL CHECK (length(btrim(name)) > 0),
  households   integer NOT NULL DEFAULT 0 CHECK (households >= 0),
  population   integer NOT NULL DEFAULT 0 CHECK (population >= 0),
  geom         geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
  geom_web     geometry(MultiPolygon, 3857),
  geom_web_lo  geometry(MultiPolygon, 3857),
  label_point  geometry(Point, 4326)
);
CREATE INDEX grid_cell_village ON grid_cell (village_code);
CREATE INDEX grid_cell_geom ON grid_cell USING gist (geom);
CREATE INDEX grid_cell_geom_web ON grid_cell USING gist (geom_web);

-- ---------------------------------------------------------------------------------------------------------------
-- Users, roles and jurisdictions. A user's jurisdiction is an area code; everything the API returns to them is
-- limited to that area (and, for grid officers, to their assigned grids).
CREATE TABLE app_user (
  id                bigserial PRIMARY KEY,
  username          text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,64}$'),
  display_name      text NOT NULL,
  role              text NOT NULL CHECK (role IN ('admin', 'office', 'inspector', 'grid_officer', 'wall', 'viewer')),
  jurisdiction_code text NOT NULL CHECK (jurisdiction_code ~ '^[1-9][0-9]{11}$'),
  -- The three parties of a grid: 网格员, 社区民警, 禁毒社工.
  duty              text CHECK (duty IN ('grid_officer', 'community_police', 'social_worker')),
  phone             text,
  -- scrypt hash of the password, 'scrypt$N$saltHex$hashHex' (api/src/auth/password.ts).
  password_hash     text,
  -- A bearer token's SHA-256 for API clients (QGIS, scripts); the token itself is never stored.
  token_sha256      text UNIQUE,
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grid_assignment (
  grid_code  text NOT NULL REFERENCES grid_cell (code) ON DELETE CASCADE,
  user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  since      date NOT NULL DEFAULT CURRENT_DATE,
  PRIMARY KEY (grid_code, user_id)
);
CREATE INDEX grid_assignment_user ON grid_assignment (user_id);

-- Browser sessions: the cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE app_session (
  token_sha256 text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);

-- Every write is audited: who, what, which row, before and after.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     bigint REFERENCES app_user (id),
  username    text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);

-- ---------------------------------------------------------------------------------------------------------------
-- Roads and checkpoints (公安检查站 / 毒品查缉站).
CREATE TABLE road (
  id         bigserial PRIMARY KEY,
  ref        text NOT NULL,                          -- G107, S315, X012
  name       text NOT NULL,
  road_class text NOT NULL CHECK (road_class IN ('expressway', 'national', 'provincial', 'county')),
  geom       geometry(MultiLineString, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
  geom_web   geometry(MultiLineString, 3857)
);
CREATE INDEX road_geom_web ON road USING gist (geom_web);

CREATE TABLE checkpoint (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{4,32}$'),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('public_security', 'drug_inspection', 'toll_station', 'temporary')),
  road_ref    text,
  on_border   boolean NOT NULL DEFAULT false,
  border_of   text CHECK (border_of IN ('province', 'city', 'county')),
  county_code text NOT NULL CHECK (county_code ~ '^[1-9][0-9]{11}$'),
  opened_on   date,
  geom        geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  geom_web    geometry(Point, 3857),
  CHECK (on_border = (border_of IS NOT NULL))
);
CREATE INDEX checkpoint_geom ON checkpoint USING gist (geom);
CREATE INDEX checkpoint_geom_web ON checkpoint USING gist (geom_web);

CREATE TABLE checkpoint_day (
  checkpoint_id   bigint NOT NULL REFERENCES checkpoint (id) ON DELETE CASCADE,
  day             date NOT NULL,
  vehicles        integer NOT NULL CHECK (vehicles >= 0),
  people          integer NOT NULL CHECK (people >= 0),
  cases           integer NOT NULL DEFAULT 0 CHECK (cases >= 0),
  precursors_kg   numeric(12, 3) NOT NULL DEFAULT 0 CHECK (precursors_kg >= 0),
  PRIMARY KEY (checkpoint_id, day)
);

CREATE TABLE checkpoint_seizure (
  checkpoint_id bigint NOT NULL,
  day           date NOT NULL,
  drug          text NOT NULL CHECK (drug IN ('methamphetamine', 'heroin', 'ketamine', 'mdma', 'cannabis', 'cocaine', 'other')),
  kg            numeric(12, 3) NOT NULL CHECK (kg > 0),
  PRIMARY KEY (checkpoint_id, day, drug),
  FOREIGN KEY (checkpoint_id, day) REFERENCES checkpoint_day (checkpoint_id, day) ON DELETE CASCADE
);

-- ---------------------------------------------------------------------------------------------------------------
-- Precursor-chemical firms (易制毒化学品企业) and key venues (重点场所), with their inspections.
CREATE TABLE firm (
  id               bigserial PRIMARY KEY,
  -- 统一社会信用代码: 18 characters, no I, O, S, V, Z.
  credit_code      text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  name             text NOT NULL,
  address          text NOT NULL,
  category         smallint NOT NULL CHECK (category BETWEEN 1 AND 3),
  business         text NOT NULL CHECK (business IN ('producer', 'trader', 'user')),
  chemicals        text[] NOT NULL CHECK (cardinality(chemicals) > 0),
  licence_no       text,
  licence_expiry   date,
  inspection_every_days integer NOT NULL DEFAULT 90 CHECK (inspection_every_days > 0),
  township_code    text NOT NULL CHECK (township_code ~ '^[1-9][0-9]{11}$'),
  geom             geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  geom_web         geometry(Point, 3857)
);
CREATE INDEX firm_geom ON firm USING gist (geom);
CREATE INDEX firm_geom_web ON firm USING gist (geom_web);
CREATE INDEX firm_township ON firm (township_code);

CREATE TABLE venue (
  id            bigserial PRIMARY KEY,
  code          text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{4,32}$'),
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('hotel', 'bar', 'ktv', 'bathhouse', 'internet_cafe', 'private_club')),
  address       text NOT NULL,
  risk          text NOT NULL DEFAULT 'low' CHECK (risk IN ('low', 'medium', 'high')),
  inspection_every_days integer NOT NULL DEFAULT 60 CHECK (inspection_every_days > 0),
  township_code text NOT NULL CHECK (township_code ~ '^[1-9][0-9]{11}$'),
  geom          geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  geom_web      geometry(Point, 3857)
);
CREATE INDEX venue_geom ON venue USING gist (geom);
CREATE INDEX venue_geom_web ON venue USING gist (geom_web);
CREATE INDEX venue_township ON venue (township_code);

CREATE TABLE inspection (
  id           bigserial PRIMARY KEY,
  firm_id      bigint REFERENCES firm (id) ON DELETE CASCADE,
  venue_id     bigint REFERENCES venue (id) ON DELETE CASCADE,
  inspected_on date NOT NULL,
  inspector    text NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('ok', 'issues', 'violation')),
  findings     text NOT NULL DEFAULT '',
  CHECK ((firm_id IS NULL) <> (venue_id IS NULL))
);
CREATE INDEX inspection_firm ON inspection (firm_id, inspected_on DESC);
CREATE INDEX inspection_venue ON inspection (venue_id, inspected_on DESC);

-- ---------------------------------------------------------------------------------------------------------------
-- Wastewater sampling sites (污水验毒): plant inlets with their catchments, and upstream tracing points (溯源).
CREATE TABLE wastewater_site (
  id                bigserial PRIMARY KEY,
  code              text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{4,32}$'),
  name              text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('plant_inlet', 'tracing')),
  -- The plant a tracing point drains to.
  parent_site_id    bigint REFERENCES wastewater_site (id),
  township_code     text NOT NULL CHECK (township_code ~ '^[1-9][0-9]{11}$'),
  population_served integer NOT NULL CHECK (population_served > 0),
  geom              geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  geom_web          geometry(Point, 3857),
  catchment         geometry(MultiPolygon, 4326) CHECK (catchment IS NULL OR (ST_IsValid(catchment) AND NOT ST_IsEmpty(catchment))),
  catchment_web     geometry(MultiPolygon, 3857),
  CHECK (kind = 'plant_inlet' OR parent_site_id IS NOT NULL)
);
CREATE INDEX wastewater_site_geom ON wastewater_site USING gist (geom);
CREATE INDEX wastewater_site_geom_web ON wastewater_site USING gist (geom_web);
CREATE INDEX wastewater_site_catchment ON wastewater_site USING gist (catchment);

CREATE TABLE wastewater_sample (
  id                 bigserial PRIMARY KEY,
  site_id            bigint NOT NULL REFERENCES wastewater_site (id) ON DELETE CASCADE,
  sampled_at         timestamptz NOT NULL,
  substance          text NOT NULL CHECK (substance IN ('methamphetamine', 'amphetamine', 'ketamine', 'mdma', 'morphine', 'benzoylecgonine')),
  -- Below the limit of quantification the lab reports the LOQ itself and sets below_loq.
  concentration_ng_l numeric(12, 3) NOT NULL CHECK (concentration_ng_l >= 0),
  below_loq          boolean NOT NULL DEFAULT false,
  loq_ng_l           numeric(12, 3) CHECK (loq_ng_l > 0),
  flow_m3_day        numeric(14, 2) NOT NULL CHECK (flow_m3_day > 0),
  lab                text NOT NULL,
  imported_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, sampled_at, substance),
  CHECK (NOT below_loq OR loq_ng_l IS NOT NULL)
);
CREATE INDEX wastewater_sample_site_time ON wastewater_sample (site_id, substance, sampled_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Listings (挂牌整治) and their history. The life-cycle rules live in api/src/listing/rules.ts; the database
-- keeps the invariants that must hold whatever the code does.
CREATE TABLE listing (
  id            bigserial PRIMARY KEY,
  area_code     text NOT NULL CHECK (area_code ~ '^[1-9][0-9]{11}$'),
  grade         text NOT NULL CHECK (grade IN ('key_rectification', 'key_supervision', 'key_attention')),
  categories    text[] NOT NULL CHECK (cardinality(categories) > 0 AND categories <@ ARRAY[
                  'manufacturing', 'smuggling_channel', 'transit_hub', 'outflow_trafficking',
                  'illegal_cultivation', 'drug_abuse', 'other']::text[]),
  body          text NOT NULL CHECK (body IN ('national', 'province', 'city', 'county')),
  status        text NOT NULL CHECK (status IN ('listed', 'extended', 'downgraded', 'delisted')),
  listed_on     date NOT NULL,
  term_ends_on  date NOT NULL CHECK (term_ends_on > listed_on),
  extended      boolean NOT NULL DEFAULT false,
  delisted_on   date CHECK (delisted_on IS NULL OR delisted_on >= listed_on),
  relisted_from bigint REFERENCES listing (id),
  CHECK ((status = 'delisted') = (delisted_on IS NOT NULL))
);
-- No second active listing on the same area.
CREATE UNIQUE INDEX listing_one_active ON listing (area_code) WHERE status <> 'delisted';
CREATE INDEX listing_area ON listing (area_code);

CREATE TABLE listing_event (
  id          bigserial PRIMARY KEY,
  listing_id  bigint NOT NULL REFERENCES listing (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('listed', 'assessed', 'extended', 'downgraded', 'delisted', 'relisted')),
  on_date     date NOT NULL,
  -- The state after the event, so that "as of a date" is the last event on or before it.
  grade       text NOT NULL CHECK (grade IN ('key_rectification', 'key_supervision', 'key_attention')),
  status      text NOT NULL CHECK (status IN ('listed', 'extended', 'downgraded', 'delisted')),
  term_ends_on date NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_by text NOT NULL DEFAULT 'system',
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX listing_event_listing ON listing_event (listing_id, on_date);

-- The listing state of an area on a date: the last event on or before it, of the area's latest listing then.
-- Tiles and the areas API colour by this; api/src/listing owns the rules that write the events.
CREATE FUNCTION listing_state_at(p_area_code text, p_as_of date)
RETURNS TABLE (listing_id bigint, grade text, status text, term_ends_on date, listed_on date, event_on date)
LANGUAGE sql STABLE AS $$
  SELECT l.id, e.grade, e.status, e.term_ends_on, l.listed_on, e.on_date
  FROM listing l
  JOIN LATERAL (
    SELECT * FROM listing_event e WHERE e.listing_id = l.id AND e.on_date <= p_as_of
    ORDER BY e.on_date DESC, e.id DESC LIMIT 1
  ) e ON true
  WHERE l.area_code = p_area_code AND l.listed_on <= p_as_of
  ORDER BY l.listed_on DESC, l.id DESC
  LIMIT 1
$$;

CREATE TABLE listing_assessment (
  id           bigserial PRIMARY KEY,
  listing_id   bigint NOT NULL REFERENCES listing (id) ON DELETE CASCADE,
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  assessed_on  date NOT NULL,
  -- The six delisting conditions, each met or not, with a note.
  leadership    boolean NOT NULL,
  mechanisms    boolean NOT NULL,
  groundwork    boolean NOT NULL,
  education     boolean NOT NULL,
  enforcement   boolean NOT NULL,
  problem_eased boolean NOT NULL,
  notes         jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (listing_id, year)
);

-- Drug-signal summary per area and substance, written by the wastewater recompute (api/src/wastewater) and read
-- by tiles and the areas API. substance 'index' is the methamphetamine-equivalent sum over substances.
CREATE TABLE area_signal (
  area_code     text NOT NULL CHECK (area_code ~ '^[1-9][0-9]{11}$'),
  substance     text NOT NULL,
  window_weeks  integer NOT NULL CHECK (window_weeks > 0),
  trend         text NOT NULL CHECK (trend IN ('rising_significant', 'rising', 'flat', 'falling', 'falling_significant', 'insufficient')),
  latest_load   double precision,       -- mg/day/1000 inhabitants, latest week
  pct_change    double precision,
  sen_slope     double precision,
  p_value       double precision,
  n_samples     integer NOT NULL DEFAULT 0 CHECK (n_samples >= 0),
  coverage      double precision NOT NULL DEFAULT 0 CHECK (coverage BETWEEN 0 AND 1),
  computed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (area_code, substance)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Monthly aggregate figures per grid: counts only, never persons (see DOMAIN.md, "People: aggregates only").
CREATE TABLE grid_month (
  grid_code          text NOT NULL REFERENCES grid_cell (code) ON DELETE CASCADE,
  month              date NOT NULL CHECK (extract(day FROM month) = 1),
  registered         integer NOT NULL CHECK (registered >= 0),
  under_control      integer NOT NULL CHECK (under_control >= 0 AND under_control <= registered),
  risk_low           integer NOT NULL CHECK (risk_low >= 0),
  risk_medium        integer NOT NULL CHECK (risk_medium >= 0),
  risk_high          integer NOT NULL CHECK (risk_high >= 0),
  rehab_due          integer NOT NULL CHECK (rehab_due >= 0),
  rehab_done         integer NOT NULL CHECK (rehab_done >= 0 AND rehab_done <= rehab_due),
  PRIMARY KEY (grid_code, month),
  CHECK (risk_low + risk_medium + risk_high = registered)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers that keep the Web-Mercator copies in step with geom.
CREATE FUNCTION trg_area_web() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.geom_web := web_geometry(NEW.geom, 0);
  -- Generalised for the lowest zooms: a few hundred metres is below a pixel there.
  NEW.geom_web_lo := web_geometry(NEW.geom, CASE WHEN TG_TABLE_NAME = 'grid_cell' THEN 20 ELSE 150 END);
  NEW.label_point := ST_PointOnSurface(NEW.geom);
  RETURN NEW;
END $$;
CREATE TRIGGER admin_area_web BEFORE INSERT OR UPDATE OF geom ON admin_area FOR EACH ROW EXECUTE FUNCTION trg_area_web();
CREATE TRIGGER grid_cell_web BEFORE INSERT OR UPDATE OF geom ON grid_cell FOR EACH ROW EXECUTE FUNCTION trg_area_web();

CREATE FUNCTION trg_point_web() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.geom_web := ST_Transform(NEW.geom, 3857);
  RETURN NEW;
END $$;
CREATE TRIGGER checkpoint_web BEFORE INSERT OR UPDATE OF geom ON checkpoint FOR EACH ROW EXECUTE FUNCTION trg_point_web();
CREATE TRIGGER firm_web BEFORE INSERT OR UPDATE OF geom ON firm FOR EACH ROW EXECUTE FUNCTION trg_point_web();
CREATE TRIGGER venue_web BEFORE INSERT OR UPDATE OF geom ON venue FOR EACH ROW EXECUTE FUNCTION trg_point_web();
CREATE TRIGGER road_web BEFORE INSERT OR UPDATE OF geom ON road FOR EACH ROW EXECUTE FUNCTION trg_point_web();

CREATE FUNCTION trg_site_web() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.geom_web := ST_Transform(NEW.geom, 3857);
  NEW.catchment_web := CASE WHEN NEW.catchment IS NULL THEN NULL ELSE web_geometry(NEW.catchment, 0) END;
  RETURN NEW;
END $$;
CREATE TRIGGER wastewater_site_web BEFORE INSERT OR UPDATE OF geom, catchment ON wastewater_site FOR EACH ROW EXECUTE FUNCTION trg_site_web();

-- Seed bookkeeping: which demo region (seed, size) is loaded, so the API can say what it is showing.
CREATE TABLE dataset_info (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
