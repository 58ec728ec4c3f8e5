/**
 * `pnpm export:pmtiles -- --user city_office --layers counties,townships,grids [--minzoom 6] [--maxzoom 15]
 *   [--as-of YYYY-MM-DD] --out city.pmtiles`
 * The same export as GET /api/exports/tiles.pmtiles, without its size limit, from DATABASE_URL (or the embedded
 * database in DATA_DIR), scoped to the user's jurisdiction. Prints progress and an estimate.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scopePrefix } from 'domain/codes';
import { chinaToday } from 'domain/time';
import { loadConfig } from '../config.js';
import { openDatabase } from 'db/connect';
import { LAYERS, findLayer } from '../layers/registry.js';
import { exportPmtiles, planExport } from './export.js';
import { TileService } from './tile-service.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    user: { type: 'string' },
    layers: { type: 'string', default: LAYERS.filter((l) => l.visible).map((l) => l.id).join(',') },
    minzoom: { type: 'string' },
    maxzoom: { type: 'string', default: '14' },
    'as-of': { type: 'string', default: chinaToday() },
    out: { type: 'string' },
  },
});
if (!values.user || !values.out) {
  console.error('usage: pnpm export:pmtiles -- --user NAME --out FILE.pmtiles [--layers a,b] [--minzoom N] [--maxzoom N] [--as-of YYYY-MM-DD]');
  process.exit(64);
}
const layers = values.layers!.split(',').map((id) => findLayer(id.trim()) ?? (console.error(`unknown layer '${id}'`), process.exit(64)));
const db = await openDatabase(loadConfig());
try {
  const [u] = await db.query<{ jurisdiction_code: string }>('SELECT jurisdiction_code FROM app_user WHERE username = $1 AND active', [values.user]);
  if (!u) throw new Error(`no active user '${values.user}'`);
  const minzoom = values.minzoom ? Number(values.minzoom) : Math.min(...layers.map((l) => l.minzoom));
  const req = { layers, prefix: scopePrefix(u.jurisdiction_code), asOf: values['as-of']!, minzoom, maxzoom: Number(values.maxzoom) };
  const plan = await planExport(db, req);
  console.log(`[export] ${layers.map((l) => l.id).join(', ')} for ${values.user} (${u.jurisdiction_code}), z${minzoom}–${req.maxzoom}: ${plan.tiles} tiles to render`);
  const started = Date.now();
  const archive = await exportPmtiles(db, new TileService(db), req, ({ done, total }) => {
    const s = (Date.now() - started) / 1000;
    process.stdout.write(`\r[export] ${done}/${total} tiles, ${s.toFixed(0)} s, about ${Math.round((s / done) * (total - done))} s left   `);
  });
  process.stdout.write('\n');
  if (!archive) throw new Error('nothing to export: no features of these layers in the jurisdiction');
  writeFileSync(values.out, archive);
  console.log(`[export] ${values.out}: ${(archive.length / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (err) {
  console.error(`[export] failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
