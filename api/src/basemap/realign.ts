/**
 * GCJ-02 basemaps (AMap, Tencent and most Chinese tile services) draw every place several hundred metres away
 * from its WGS84 position. We keep our data in WGS84 and move the basemap instead: each WGS84 tile is rebuilt from
 * the GCJ-02 tiles under it, shifted by the GCJ-02 offset at the tile's centre. The offset changes by well under a
 * pixel across one tile from zoom 8 up (it varies over tens of kilometres), so a translation per tile is enough;
 * rounding it to whole pixels costs at most half a pixel. Below zoom 8 the offset is under a pixel anyway.
 */
import { PNG } from 'pngjs';
import { convertPoint } from 'domain/datum';

const TILE = 256;

function lonLatToWorldPixel(lon: number, lat: number, z: number): [number, number] {
  const n = TILE * 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * n, ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n];
}

function worldPixelToLonLat(px: number, py: number, z: number): [number, number] {
  const n = TILE * 2 ** z;
  const lon = (px / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / n))) * 180) / Math.PI;
  return [lon, lat];
}

/** Whole pixels by which GCJ-02 content sits from WGS84 content at this tile's centre (source = target + shift). */
export function gcjShiftPixels(z: number, x: number, y: number): [number, number] {
  const centre = worldPixelToLonLat((x + 0.5) * TILE, (y + 0.5) * TILE, z);
  const gcj = convertPoint(centre, 'WGS84', 'GCJ02');
  const [ax, ay] = lonLatToWorldPixel(centre[0], centre[1], z);
  const [bx, by] = lonLatToWorldPixel(gcj[0], gcj[1], z);
  return [Math.round(bx - ax), Math.round(by - ay)];
}

/**
 * The WGS84-aligned tile z/x/y built from a GCJ-02 basemap (PNG tiles of 256 px): null when none of the source
 * tiles exists.
 */
export async function realignedTile(z: number, x: number, y: number, getSource: (z: number, x: number, y: number) => Promise<Uint8Array | null>): Promise<Uint8Array | null> {
  const [dx, dy] = gcjShiftPixels(z, x, y);
  const left = x * TILE + dx;
  const top = y * TILE + dy;
  const sx = Math.floor(left / TILE);
  const sy = Math.floor(top / TILE);
  const ox = left - sx * TILE;
  const oy = top - sy * TILE;
  const n = 2 ** z;
  const out = new PNG({ width: TILE, height: TILE });
  let any = false;
  for (const [tx, ty] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
    const [cx, cy] = [sx + tx, sy + ty];
    if (cy < 0 || cy >= n) continue;
    const bytes = await getSource(z, ((cx % n) + n) % n, cy);
    if (!bytes) continue;
    const src = PNG.sync.read(Buffer.from(bytes));
    if (src.width !== TILE || src.height !== TILE) throw new Error(`GCJ-02 re-alignment needs ${TILE} px PNG tiles, got ${src.width}×${src.height}`);
    any = true;
    // Copy the part of this source tile that falls inside the output window.
    const baseX = tx * TILE - ox;
    const baseY = ty * TILE - oy;
    for (let row = Math.max(0, baseY); row < Math.min(TILE, baseY + TILE); row++) {
      const x0 = Math.max(0, baseX);
      const x1 = Math.min(TILE, baseX + TILE);
      src.data.copy(out.data, (row * TILE + x0) * 4, ((row - baseY) * TILE + (x0 - baseX)) * 4, ((row - baseY) * TILE + (x1 - baseX)) * 4);
    }
  }
  return any ? new Uint8Array(PNG.sync.write(out)) : null;
}
