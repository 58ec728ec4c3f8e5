-- The county, township and village layers are one table, admin_area, told apart by level. A tile of one of them
-- found its rows through the GiST index of every level and dropped the others: at province scale a township tile
-- at z8 read 372 areas to keep 31. The prepared tile statements' generic plans (which do not know the tile) could
-- not use the level index beside the spatial one as the one-off plans did, and ran 0.3-0.9 ms longer per tile.
-- One partial GiST index per level and geometry column: the level is a constant in each layer's statement, so
-- every plan can use the index of its level alone.
CREATE INDEX IF NOT EXISTS admin_area_county_geom_web ON admin_area USING gist (geom_web) WHERE level = 'county';
CREATE INDEX IF NOT EXISTS admin_area_county_geom_web_lo ON admin_area USING gist (geom_web_lo) WHERE level = 'county';
CREATE INDEX IF NOT EXISTS admin_area_township_geom_web ON admin_area USING gist (geom_web) WHERE level = 'township';
CREATE INDEX IF NOT EXISTS admin_area_township_geom_web_lo ON admin_area USING gist (geom_web_lo) WHERE level = 'township';
CREATE INDEX IF NOT EXISTS admin_area_village_geom_web ON admin_area USING gist (geom_web) WHERE level = 'village';
CREATE INDEX IF NOT EXISTS admin_area_village_geom_web_lo ON admin_area USING gist (geom_web_lo) WHERE level = 'village';
