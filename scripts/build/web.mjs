/**
 * The console's production build: `vite build` into web/dist, then every text asset pre-compressed beside itself
 * (.br at brotli's best quality, .gz at gzip's), so the server sends compressed bytes without compressing per
 * request (api/src/http/static.ts). A compressed copy that is not smaller is not kept.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|wasm|map|pbf)$/; // pbf: the map's glyphs (signed distance fields compress well)
const MIN_BYTES = 1024;

export function buildWeb(root) {
  const web = join(root, 'web');
  // NODE_ENV is set to production whatever the caller's is: vite keeps an inherited NODE_ENV (vitest sets `test`),
  // which would ship React's development build, StrictMode's double effects and all, to the browser tests.
  const r = spawnSync(join(web, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  return precompress(join(web, 'dist'));
}

export function precompress(dir) {
  let files = 0;
  let raw = 0;
  let br = 0;
  const visit = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (COMPRESSIBLE.test(name)) {
        const bytes = readFileSync(path);
        if (bytes.length < MIN_BYTES) continue;
        const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
        const g = gzipSync(bytes, { level: 9 });
        if (b.length < bytes.length) writeFileSync(path + '.br', b);
        if (g.length < bytes.length) writeFileSync(path + '.gz', g);
        files++;
        raw += bytes.length;
        br += Math.min(b.length, bytes.length);
      }
    }
  };
  visit(dir);
  return { files, raw, br };
}
