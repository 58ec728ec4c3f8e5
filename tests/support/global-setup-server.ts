/**
 * vitest globalSetup of the e2e project (after global-setup-postgis.ts has migrated and seeded TEST_DATABASE_URL):
 * builds what ships when the sources changed (`node scripts/build.mjs --if-stale`, as `pnpm start` does), starts
 * the built server (node api/dist/server.js, as in production) on a free port against the test database with the
 * demo on, and provides its base URL to the tests as inject('baseUrl').
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/** The production build (API bundle and console), when the sources changed since the last one. */
export function buildIfStale(): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the production build failed');
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

/**
 * Starts the built server (node api/dist/server.js) on a free port; the caller stops it with child.kill().
 * The demo is on (the test database holds the demo region and its accounts) unless extraEnv says otherwise.
 */
export async function startApi(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'api/dist/server.js')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '1', ...extraEnv },
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
  buildIfStale();
  const api = await startApi(process.env.TEST_DATABASE_URL ?? TEST_DATABASE_URL);
  project.provide('baseUrl', api.baseUrl);
  return async () => {
    api.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
  };
}
