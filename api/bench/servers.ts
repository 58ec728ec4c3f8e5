/**
 * The servers a benchmark compares, each a child process on a free loopback port, stopped afterwards:
 * the API (one process, as deployed) and nginx serving files from a folder (Debian's nginx-light).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const REPO = new URL('../../', import.meta.url).pathname;

export interface Running {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * CPU time (user + system, ms) used so far by a process and its children (nginx's workers): a measure of the
 * work per request that the machine's other load does not distort the way wall-clock throughput is.
 */
export function cpuMs(pid: number): number {
  const ticks = (p: string) => {
    const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) };
  };
  let total = ticks(String(pid)).cpu;
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const t = ticks(p);
      if (t.ppid === pid) total += t.cpu;
    } catch {
      // gone meanwhile
    }
  }
  return (total * 1000) / 100; // USER_HZ is 100 on Linux
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function stopper(child: ChildProcess, cleanup = () => {}) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve(cleanup());
      child.once('exit', () => resolve(cleanup()));
      child.kill('SIGTERM');
    });
}

async function waitFor(url: string, child: ChildProcess, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The API on `databaseUrl` as its own process (node itself, so its pid is the server's), as `pnpm start` runs it:
 * the built server, api/dist/server.js, rebuilt first when the sources changed, so that the figures are those of
 * the code deployed. (Measured on the city tiles in two alternating pairs, the same code run from source through
 * tsx took 0.09–0.14 ms longer per uncached tile, with 60–140 µs more of its CPU.) `fromSource` runs
 * api/src/main.ts through tsx instead (profile.ts: a CPU profile that names the source files).
 */
export async function startApi(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = [], opts: { fromSource?: boolean } = {}): Promise<Running> {
  if (!opts.fromSource) execFileSync(process.execPath, [join(REPO, 'scripts/build.mjs'), '--if-stale'], { cwd: REPO, stdio: 'inherit' });
  const entry = opts.fromSource ? ['--import', 'tsx', join(REPO, 'api/src/main.ts')] : ['--enable-source-maps', join(REPO, 'api/dist/server.js')];
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '0', WEB_DIST: '/nonexistent', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  await waitFor(`${url}/api/health`, child).catch(async (err) => (await stop(), Promise.reject(err)));
  return { url, pid: child.pid!, stop };
}

/** Debian's nginx-light, which `pnpm bench` (scripts/bench.sh) installs before running this file. */
const NGINX = '/usr/sbin/nginx';

/** nginx serving `files` (path → bytes) with keep-alive, one worker (like the one API process), no access log. */
export async function startNginx(files: Map<string, Uint8Array>): Promise<Running> {
  // Run directly (tsx api/bench/tiles.ts) on a machine without it, say so rather than die on spawn's ENOENT.
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: run the benchmark with \`pnpm bench\`, which installs nginx-light from Debian's packages`);
  const dir = mkdtempSync('/tmp/gc-bench-nginx-');
  // nginx's worker drops root for an unprivileged user: it must be able to read the files.
  chmodSync(dir, 0o755);
  for (const [path, bytes] of files) {
    const full = join(dir, 'www', path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, bytes);
  }
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  types { application/vnd.mapbox-vector-tile mvt; }
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    etag on;
    add_header Cache-Control "private, max-age=60";
  }
}
`,
  );
  const child = spawn(NGINX, ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child, () => rmSync(dir, { recursive: true, force: true }));
  await waitFor(`${url}${[...files.keys()][0]}`, child).catch(async (err) => (await stop(), Promise.reject(err)));
  return { url, pid: child.pid!, stop };
}
