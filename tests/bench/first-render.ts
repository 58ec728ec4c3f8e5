/**
 * Benchmark (not a test): time from navigation to the first full render of all default layers on the demo
 * region (MapLibre `idle` with every source's tiles loaded, and the area labels drawn), and the gzipped size of
 * the JavaScript the page loaded before that. Run:
 *
 *   pnpm --filter tests bench:first-render                # starts the API on DATABASE_URL (default: gc_h2)
 *   BASE_URL=http://127.0.0.1:8082 pnpm exec tsx tests/bench/first-render.ts   # against a running API
 *
 * Each run uses a fresh browser context (empty cache), signed in as city_office, viewport 1366×768.
 */
import { gzipSync } from 'node:zlib';
import { launchBrowser, newContext, VIEWPORTS } from '../support/browser.js';
import { buildIfStale, startApi } from '../support/global-setup-server.js';

const RUNS = Number(process.env.RUNS ?? 5);

/** In the page: resolves performance.now() (ms since navigation start) once everything is drawn, else false. */
const RENDERED = `new Promise((resolve) => {
  const gc = window.__gc;
  if (!gc) return resolve(false);
  const m = gc.map;
  const done = () => m.loaded() && m.areTilesLoaded() && !m.isMoving() &&
    gc.deckLayers().some((l) => l.id.startsWith('gc-labels-') && l.props.data.length > 0);
  if (done()) return resolve(performance.now());
  m.once('idle', () => resolve(done() ? performance.now() : false));
  setTimeout(() => resolve(false), 1000);
})`;

async function main() {
  let baseUrl = process.env.BASE_URL;
  let stop = () => {};
  if (!baseUrl) {
    buildIfStale();
    const api = await startApi(process.env.DATABASE_URL ?? 'postgres://root@localhost/gc_h2?host=/var/run/postgresql');
    baseUrl = api.baseUrl;
    stop = () => api.child.kill('SIGTERM');
  }
  const browser = await launchBrowser();
  const times: number[] = [];
  let jsGzip = 0;
  let jsRaw = 0;
  let jsFiles: string[] = [];
  const phaseLog: Record<string, number>[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await newContext(browser, VIEWPORTS.laptop, baseUrl);
      await context.request.post(`${baseUrl}/api/session`, { data: { username: 'city_office', password: 'demo' } });
      const page = await context.newPage();
      const scripts: Promise<{ url: string; raw: number; gz: number; at: number }>[] = [];
      page.on('response', (res) => {
        // blob: is MapLibre's worker, created from code inside the main bundle: not a download.
        if (res.request().resourceType() !== 'script' || res.url().startsWith('blob:')) return;
        const at = Date.now();
        scripts.push(
          res
            .body()
            .then((b) => ({ url: res.url(), raw: b.length, gz: gzipSync(b, { level: 9 }).length, at }))
            .catch(() => ({ url: res.url(), raw: 0, gz: 0, at })),
        );
      });
      await page.goto('/');
      // A string, not a function: tsx would inject its __name helper into a serialised function.
      await page.waitForFunction('!!window.__gc', null, { timeout: 120_000 });
      let ms: number | false = false;
      for (const until = Date.now() + 120_000; ms === false && Date.now() < until; ) ms = (await page.evaluate(RENDERED)) as number | false;
      if (ms === false) throw new Error('the map did not finish rendering in 120 s');
      page.removeAllListeners('response'); // only what was loaded before the full render counts
      times.push(ms as number);
      const phases = (await page.evaluate(`(() => {
        const r = performance.getEntriesByType('resource');
        const end = (f) => Math.max(0, ...r.filter(f).map((e) => e.responseEnd));
        return { js: end((e) => e.initiatorType === 'script'), style: end((e) => e.name.includes('/api/style.json')),
                 tiles: end((e) => e.name.includes('/api/tiles/')), nTiles: r.filter((e) => e.name.includes('/api/tiles/')).length,
                 labels: end((e) => e.name.includes('/api/labels/')) };
      })()`)) as Record<string, number>;
      phaseLog.push(phases);
      const loaded = await Promise.all(scripts);
      if (run === 0) {
        jsRaw = loaded.reduce((s, x) => s + x.raw, 0);
        jsGzip = loaded.reduce((s, x) => s + x.gz, 0);
        jsFiles = loaded.map((x) => `${new URL(x.url).pathname} ${(x.gz / 1024).toFixed(1)} KiB gz`);
      }
      console.log(`run ${run + 1}: first full render ${(ms as number).toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`\nfirst full render (navigation → map idle, all sources loaded, labels drawn), ${RUNS} cold runs:`);
  console.log(`  median ${median.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`);
  console.log(`JavaScript loaded before the map shows: ${(jsGzip / 1024).toFixed(1)} KiB gzipped (${(jsRaw / 1024).toFixed(1)} KiB raw)`);
  for (const f of jsFiles) console.log(`  ${f}`);
  const mid = phaseLog[Math.floor(phaseLog.length / 2)];
  console.log(
    `phases of a run (ms since navigation): JS loaded ${mid.js.toFixed(0)}, style ${mid.style.toFixed(0)}, last of ${mid.nTiles} tiles ${mid.tiles.toFixed(0)}, labels ${mid.labels.toFixed(0)}`,
  );
  console.log('(headless Chromium on SwiftShader: software WebGL, so render time is pessimistic compared with a GPU)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
