import { LAYERS } from '../src/layers/registry.js';
import { bindNamed } from '../src/tiles/named-params.js';
import { buildTileSql } from '../src/tiles/tile-sql.js';
import { AS_OF, benchDbUrl, benchUser, tileSet, ensureRegion } from './region.js';
import { curlSeries, mean, pct } from './clients.js';
import { startApi, startNginx } from './servers.js';
const size = process.env.SIZE ?? 'city';
const db = await ensureRegion(size);
const { token, prefix } = await benchUser(db);
const tiles = await tileSet(db);
const sql = new Map(LAYERS.map((d) => [d.id, buildTileSql(d)]));
const pairs = LAYERS.flatMap((def) => tiles.filter((t) => t.z >= def.minzoom).map((t) => ({ def, t, path: `/api/tiles/${def.id}/${t.z}/${t.x}/${t.y}.mvt?as_of=${AS_OF}` })));
const bytes = new Map<string, Uint8Array>(); const drv = new Map<string, number>();
for (let r = 0; r < 3; r++) for (const p of pairs) {
  const q = sql.get(p.def.id)!.mvt(p.t.z);
  const t0 = performance.now();
  const [row] = await db.query<any>(q.text, bindNamed(q, { ...p.t, prefix, asOf: AS_OF }), { name: 'b_' + q.statement });
  if (r === 2) { drv.set(p.path, performance.now() - t0); if (row?.mvt?.byteLength) bytes.set(p.path.replace(/\?.*$/, ''), new Uint8Array(row.mvt)); }
}
const paths = pairs.map((p) => p.path).filter((p) => bytes.has(p.replace(/\?.*$/, '')));
const api = await startApi(`postgres://root@localhost/grid_console_bench_${size}?host=/var/run/postgresql`);
const nginx = await startNginx(bytes);
const auth = { Authorization: `Bearer ${token}` };
curlSeries(api.url, paths.map(p => p.replace(/\/(\d+)\.mvt/, (_m, y) => `/${Number(y) + 1}.mvt`)), auth);
const cold = curlSeries(api.url, paths, auth).ms;
const ng = curlSeries(nginx.url, paths).ms;
await api.stop(); await nginx.stop();
const buckets = [[0, 1000], [1000, 4000], [4000, 16000], [16000, 1e9]];
console.log('n', paths.length, 'cold mean', mean(cold).toFixed(3), 'driver mean', mean(paths.map(p=>drv.get(p)!)).toFixed(3), 'nginx', mean(ng).toFixed(3));
for (const [lo, hi] of buckets) {
  const idx = paths.map((p, i) => i).filter((i) => { const b = bytes.get(paths[i].replace(/\?.*$/, ''))!.byteLength; return b >= lo && b < hi; });
  const c = idx.map(i => cold[i]), d = idx.map(i => drv.get(paths[i])!), n = idx.map(i => ng[i]);
  console.log(`${lo}-${hi}`.padEnd(14), 'n', String(idx.length).padStart(5), 'cold', mean(c).toFixed(3), 'driver', mean(d).toFixed(3), 'nginx', mean(n).toFixed(3), 'cold-drv-ng', (mean(c)-mean(d)-mean(n)).toFixed(3), 'p50 diff', pct(idx.map(i=>cold[i]-drv.get(paths[i])!-ng[i]),50).toFixed(3));
}
await db.close();
