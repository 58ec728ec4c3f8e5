import { LAYERS } from '../src/layers/registry.js';
import { bindNamed } from '../src/tiles/named-params.js';
import { buildTileSql } from '../src/tiles/tile-sql.js';
import { AS_OF, benchDbUrl, benchUser, tileSet } from './region.js';
import { openPostgres } from 'db/postgres';
const db = await openPostgres(benchDbUrl(process.env.SIZE ?? 'city'), { max: 1, statementTimeoutMs: 0 });
const { prefix } = await benchUser(db);
const tiles = await tileSet(db);
const sql = new Map(LAYERS.map((d) => [d.id, buildTileSql(d)]));
const pairs = LAYERS.flatMap((def) => tiles.filter((t) => t.z >= def.minzoom).map((t) => ({ def, t })));
const snap = async () => new Map((await db.query<any>(`SELECT queryid::text q, calls::float8 c, total_exec_time::float8 e, substring(query from 'FROM ([a-z_]+) t') tbl FROM pg_stat_statements WHERE query LIKE '%ST_TileEnvelope%' AND query NOT LIKE '%pg_stat%'`)).map((r) => [r.q, r]));
const out: Record<string, Map<string, any>> = {};
for (const mode of ['custom', 'generic', 'custom', 'generic']) {
  for (let r = 0; r < 2; r++) {
    if (r === 1) await db.query('SELECT pg_stat_statements_reset()');
    for (const { def, t } of pairs) {
      const q = sql.get(def.id)!.mvt(t.z);
      await db.query<any>(q.text, bindNamed(q, { ...t, prefix, asOf: AS_OF }), mode === 'generic' ? { name: `g_${q.statement}` } : {});
    }
  }
  out[mode] = await snap();
}
for (const [id, c] of out.custom) { const g = out.generic.get(id); if (!g) continue; console.log(String(c.tbl).padEnd(22), String(c.c).padStart(5), 'custom', (c.e / c.c).toFixed(3), 'generic', (g.e / g.c).toFixed(3)); }
await db.close();
