/**
 * Where a tile's time goes: the API under `node --cpu-prof` while autocannon requests tiles, then the functions
 * with the most self time. `tsx api/bench/profile.ts [size] [seconds] [cached|cold]` (region from pnpm bench):
 * `cached` (the default) fills the cache first; `cold` runs the API with a one-entry tile cache, so that every
 * tile is rendered by PostGIS and the profile shows the API's own work around the database's.
 */
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { load } from './clients.js';
import { AS_OF, benchDbUrl, benchUser, ensureRegion, tileSet } from './region.js';
import { startApi } from './servers.js';
import { LAYERS } from '../src/layers/registry.js';

const size = process.argv[2] ?? 'city';
const seconds = Number(process.argv[3] ?? 5);
const cold = process.argv[4] === 'cold';
const db = await ensureRegion(size);
const { token } = await benchUser(db);
const tiles = await tileSet(db);
await db.close();
const paths = LAYERS.flatMap((d) => tiles.filter((t) => t.z >= d.minzoom).map((t) => `/api/tiles/${d.id}/${t.z}/${t.x}/${t.y}.mvt?as_of=${AS_OF}`));
const dir = mkdtempSync('/tmp/gc-prof-');
const api = await startApi(benchDbUrl(size), cold ? { TILE_CACHE_ENTRIES: '1' } : {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`], { fromSource: true });
const auth = { Authorization: `Bearer ${token}` };
await load(api.url, paths, 1, 2, auth); // fill the cache (cached), plan the prepared statements (cold)
const r = await load(api.url, paths, Number(process.env.PROFILE_CONNECTIONS ?? 1), seconds, auth);
await api.stop();
console.log(`${cold ? 'uncached' : 'cached'} tiles: ${r.rps.toFixed(0)} req/s over ${seconds} s`);

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
// Only the measured load (the last `seconds` of the profile): not start-up, module loading or the warm-up.
const at: number[] = [];
prof.timeDeltas.reduce((t, d, i) => (at[i] = t + d), 0);
const from = at[at.length - 1]! - seconds * 1e6;
const nodeById = new Map(prof.nodes.map((n) => [n.id, n]));
const hits = new Map<number, number>();
prof.samples.forEach((id, i) => at[i]! >= from && hits.set(id, (hits.get(id) ?? 0) + 1));
const idle = [...hits].filter(([id]) => nodeById.get(id)!.callFrame.functionName === '(idle)').reduce((s, [, v]) => s + v, 0);
const sampled = [...hits.values()].reduce((s, v) => s + v, 0);
const total = sampled - idle;
console.log(`busy ${((total / sampled) * 100).toFixed(0)}% of the measured time; shares below are of the busy time`);
const self = new Map<string, number>();
for (const [id, count] of hits) {
  const n = nodeById.get(id)!;
  if (n.callFrame.functionName === '(idle)') continue;
  const url = n.callFrame.url.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^file:\/\/.*\/api\//, 'api/');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + count);
}
const byPackage = new Map<string, number>();
for (const [k, v] of self) {
  const m = /\s(\(?[^ ]*?)(?:\/dist|\/lib|\/src|:)/.exec(k);
  const pkg = k.includes('api/src') ? 'api/src' : k.includes(' node:') ? 'node:' + (k.split(' node:')[1] ?? '').split('/')[0]!.split(':')[0] : (m?.[1] ?? k.split(' ')[1] ?? '?');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + v);
}
console.log('self time by function (top 25):');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
console.log('self time by package:');
for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
console.log(`profile: ${join(dir, file)}`);
