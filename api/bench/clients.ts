/**
 * Clients that add little of their own: curl over one keep-alive connection for per-request times (one curl
 * process, every URL in turn, time_total of each), and autocannon for throughput with 1..N connections, with
 * every response's latency kept so that p50/p95/p99 are exact.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export interface CurlResult {
  ms: number[];
  statuses: number[];
  /** New connections opened beyond the first (0 = one keep-alive connection throughout). */
  reconnects: number;
}

/** Every URL once, in order, over one connection; milliseconds per response as curl measures them. */
export function curlSeries(base: string, paths: string[], headers: Record<string, string> = {}): CurlResult {
  const dir = mkdtempSync('/tmp/gc-bench-curl-');
  try {
    const cfg = [
      ...Object.entries(headers).map(([k, v]) => `header = "${k}: ${v}"`),
      ...paths.flatMap((p) => [`url = "${base}${p}"`, 'output = "/dev/null"']),
    ].join('\n');
    writeFileSync(join(dir, 'urls'), cfg);
    const out = execFileSync('curl', ['-s', '-K', join(dir, 'urls'), '-w', '%{http_code} %{time_total} %{num_connects}\n'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const lines = out.trim().split('\n').map((l) => l.split(' ').map(Number) as [number, number, number]);
    return { statuses: lines.map((l) => l[0]), ms: lines.map((l) => l[1] * 1000), reconnects: lines.slice(1).reduce((s, l) => s + l[2], 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** `connections` clients, each cycling through `paths` (shuffled per connection) for `seconds`. */
export async function load(base: string, paths: string[], connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  }) as unknown as Promise<autocannon.Result> & { on(e: 'response', cb: (client: unknown, status: number, bytes: number, ms: number) => void): void };
  // Without a callback autocannon returns its instance, both a promise of the result and an event emitter.
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const r = await instance;
  return {
    connections,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}
