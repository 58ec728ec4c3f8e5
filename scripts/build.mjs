#!/usr/bin/env node
/**
 * `pnpm build`: the production build. The API bundled into api/dist (scripts/build/api.mjs) and the console built
 * into web/dist with pre-compressed assets (scripts/build/web.mjs); a digest of the sources is recorded in
 * api/dist/build-info.json.
 *
 *   node scripts/build.mjs             build
 *   node scripts/build.mjs --if-stale  build only when the sources changed since the last build (pnpm start, the
 *                                      browser tests); with no sources here (a production image), use what is built
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApi } from './build/api.mjs';
import { buildInputs, digestOf, hasSources, workspacePackages } from './build/inputs.mjs';
import { buildWeb } from './build/web.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const infoPath = join(root, 'api', 'dist', 'build-info.json');
const ifStale = process.argv.includes('--if-stale');
const log = (m) => console.log(`[build] ${m}`);

const built = () => existsSync(infoPath) && existsSync(join(root, 'api', 'dist', 'server.js')) && existsSync(join(root, 'web', 'dist', 'index.html'));

if (!hasSources(root)) {
  if (built()) process.exit(0);
  console.error('[build] neither sources nor a build here: nothing to run');
  process.exit(1);
}

const started = Date.now();
const digest = digestOf(root, buildInputs(root));
if (ifStale && built() && JSON.parse(readFileSync(infoPath, 'utf8')).digest === digest) process.exit(0);

try {
  await import('esbuild');
} catch {
  console.error('[build] the sources changed but the build tools are not installed (production dependencies only): run `pnpm build` where the development dependencies are');
  process.exit(1);
}

log('building the API (api/dist) ...');
const api = await buildApi(root, workspacePackages(root));
log(`API: ${api.files} files, ${(api.bytes / 1024 / 1024).toFixed(1)} MB; ${api.linked} npm packages linked in api/dist/node_modules`);
log('building the console (web/dist) ...');
const web = buildWeb(root);
log(`console: ${web.files} assets pre-compressed, ${(web.raw / 1024 / 1024).toFixed(1)} MB → ${(web.br / 1024 / 1024).toFixed(1)} MB brotli`);
writeFileSync(infoPath, JSON.stringify({ digest, builtAt: new Date().toISOString(), node: process.version }, null, 2) + '\n');
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
