/**
 * vitest globalSetup of the e2e project (after global-setup-postgis.ts has migrated and seeded TEST_DATABASE_URL):
 * builds the console if web/dist is older than its sources, starts the API on a free port against the test
 * database (it serves web/dist), and provides its base URL to the tests as inject('baseUrl').
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { TEST_DATABASE_URL } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const web = join(root, 'web');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/**
 * web/dist is stale when any source (src, build, public, index.html, vite config, package.json) is newer than its index.html, or
 * any source of the domain package the console bundles.
 */
export function webDistIsStale(): boolean {
  const built = join(web, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = [
    ...['src', 'build', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p)),
    ...['src', 'package.json'].map((p) => join(root, 'domain', p)),
  ].filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

export function buildWebIfStale(): void {
  if (!webDistIsStale()) return;
  console.log('[e2e] building web/dist ...');
  const r = spawnSync(join(web, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) {
    const fallback = spawnSync('pnpm', ['--filter', 'web', 'build'], { cwd: root, stdio: 'inherit' });
    if (fallback.status !== 0) throw new Error('web build failed');
  }
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

export async function waitForHealthy(baseUrl: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      const body = (await res.json()) as { status: string; progress?: { step: string; done: number; total: number } };
      if (body.status === 'ok') return;
      if (body.status === 'failed') throw new Error(`API start failed: ${JSON.stringify(body)}`);
      const p = body.progress ? `${body.progress.step} ${body.progress.done}/${body.progress.total}` : body.status;
      if (p !== last) console.log(`[e2e] API ${p}`);
      last = p;
    } catch (e) {
      if ((e as Error).message.startsWith('API start failed')) throw e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`API not healthy after ${timeoutMs / 1000} s`);
}

/** Starts the API (tsx api/src/main.ts) on a free port; the caller stops it with child.kill(). */
export async function startApi(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: join(root, 'api'),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '0', WEB_DIST: join(web, 'dist'), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(baseUrl, child);
  } catch (e) {
    child.kill('SIGTERM');
    throw new Error(`${(e as Error).message}\n--- API log ---\n${log.slice(-4000)}`);
  }
  return { baseUrl, child, log: () => log };
}

export default async function setup(project: TestProject) {
  buildWebIfStale();
  const api = await startApi(process.env.TEST_DATABASE_URL ?? TEST_DATABASE_URL);
  project.provide('baseUrl', api.baseUrl);
  return async () => {
    api.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
  };
}
