-- Tiles below each layer's detail zoom read the generalised column geom_web_lo (see api/src/layers/*.ts:
-- tileGeometry). Without its own GiST index those zooms scanned every row: at province scale a grid tile at z12
-- took ~125 ms even when nearly empty (pnpm bench).
CREATE INDEX IF NOT EXISTS admin_area_geom_web_lo ON admin_area USING gist (geom_web_lo);
CREATE INDEX IF NOT EXISTS grid_cell_geom_web_lo ON grid_cell USING gist (geom_web_lo);
