/**
 * Benchmark (not a test): the console's first full render beside bare MapLibre's, in one run, on the same style
 * and view, and the gzipped JavaScript each loaded before it. Run:
 *
 *   pnpm --filter web bench                   # builds web/dist if stale, seeds its own database once, starts the API
 *   BASE_URL=http://127.0.0.1:8082 pnpm --filter web bench     # against a running API (signed in as city_office)
 *   RUNS=7 LIGHTHOUSE=0 pnpm --filter web bench
 *
 * First full render: from navigation to MapLibre `idle` with every source's tiles loaded, and for the console the
 * area names placed too (`window.__gc.labelsDrawn()`); for bare MapLibre the same without names. Each run uses a
 * fresh browser context (empty cache), signed in as city_office, 1366×768; console and bare runs alternate so that
 * the machine's load hits both alike. A warm-up load first reads the view the console frames by itself, which both
 * pages then open at. Then a trace of one console load (where the time goes) and, unless LIGHTHOUSE=0, Lighthouse.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, VIEWPORTS } from '../support/browser.js';
import { buildIfStale, startApi } from '../support/global-setup-server.js';
import { BARE_PATH, routeBarePage } from './bare-maplibre.js';
import { ensureBenchDatabase } from './bench-database.js';
import { traceConsoleLoad } from './trace.js';
import { COUNT_FRAMES, READ_FRAMES, type FrameCount } from './frames.js';
import { runLighthouse } from './lighthouse.js';

const RUNS = Number(process.env.RUNS ?? 5);

type View = { center: [number, number]; zoom: number };
interface Load {
  ms: number;
  jsGz: number;
  jsRaw: number;
  files: { path: string; gz: number }[];
  phases: Record<string, number>;
  frames: FrameCount;
}

/** In the page: performance.now() once everything is drawn, else false (asked again until it is). */
const rendered = (hook: string, names: boolean) => `new Promise((resolve) => {
  const m = ${hook};
  if (!m) return resolve(false);
  const done = () => m.loaded() && m.areTilesLoaded() && !m.isMoving() ${names ? '&& window.__gc.labelsDrawn() > 0' : ''};
  if (done()) return resolve(performance.now());
  m.once('idle', () => resolve(done() ? performance.now() : false));
  setTimeout(() => resolve(false), 1000);
})`;

const PHASES = `(() => {
  const r = performance.getEntriesByType('resource');
  const end = (f) => Math.max(0, ...r.filter(f).map((e) => e.responseEnd));
  return { js: end((e) => e.initiatorType === 'script' || e.name.endsWith('.js')), style: end((e) => e.name.includes('/api/style.json')),
           tiles: end((e) => e.name.includes('/api/tiles/')), nTiles: r.filter((e) => e.name.includes('/api/tiles/')).length,
           labels: end((e) => e.name.includes('/api/labels/')), glyphs: end((e) => e.name.includes('/glyphs/')) };
})()`;

async function load(browser: Browser, baseUrl: string, kind: 'console' | 'bare', view: View | null): Promise<Load & { view: View }> {
  const context = await newContext(browser, VIEWPORTS.laptop, baseUrl);
  await context.request.post(`${baseUrl}/api/session`, { data: { username: 'city_office', password: 'demo' } });
  if (view) await routeBarePage(context, view);
  await context.addInitScript(COUNT_FRAMES);
  const page = await context.newPage();
  const scripts: Promise<{ url: string; raw: number; gz: number }>[] = [];
  page.on('response', (res) => {
    // blob: is MapLibre's worker, created from code inside the main bundle: not a download.
    if (res.request().resourceType() !== 'script' || res.url().startsWith('blob:')) return;
    scripts.push(res.body().then((b) => ({ url: res.url(), raw: b.length, gz: gzipSync(b, { level: 9 }).length })).catch(() => ({ url: res.url(), raw: 0, gz: 0 })));
  });
  const hash = view ? `#map=${view.zoom.toFixed(2)}/${view.center[1].toFixed(5)}/${view.center[0].toFixed(5)}` : '';
  await page.goto(kind === 'console' ? `/${hash}` : BARE_PATH);
  const hook = kind === 'console' ? 'window.__gc && window.__gc.map' : 'window.__bare';
  let ms: number | false = false;
  for (const until = Date.now() + 120_000; ms === false && Date.now() < until; ) ms = (await page.evaluate(rendered(hook, kind === 'console'))) as number | false;
  if (ms === false) throw new Error(`${kind}: the map did not finish rendering in 120 s`);
  page.removeAllListeners('response'); // only what was loaded before the full render counts
  const frames = (await page.evaluate(READ_FRAMES)) as FrameCount;
  const phases = (await page.evaluate(PHASES)) as Record<string, number>;
  const seen = (await page.evaluate(`(() => { const m = ${hook}; const c = m.getCenter(); return { center: [c.lng, c.lat], zoom: m.getZoom() }; })()`)) as View;
  const loaded = await Promise.all(scripts);
  await context.close();
  return {
    ms,
    jsGz: loaded.reduce((s, x) => s + x.gz, 0),
    jsRaw: loaded.reduce((s, x) => s + x.raw, 0),
    files: loaded.map((x) => ({ path: new URL(x.url).pathname, gz: x.gz })).sort((a, b) => b.gz - a.gz),
    phases,
    frames,
    view: seen,
  };
}

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  let baseUrl = process.env.BASE_URL;
  let stop = () => {};
  if (!baseUrl) {
    buildIfStale();
    const api = await startApi(await ensureBenchDatabase());
    baseUrl = api.baseUrl;
    stop = () => api.child.kill('SIGTERM');
  }
  const browser = await launchBrowser();
  const runs: { console: Load; bare: Load }[] = [];
  try {
    const warm = await load(browser, baseUrl, 'console', null);
    const view: View = { center: warm.view.center, zoom: Math.round(warm.view.zoom * 100) / 100 };
    console.log(`view: zoom ${view.zoom} at ${view.center.map((v) => v.toFixed(4)).join(', ')} (the console's own framing; warm-up ${warm.ms.toFixed(0)} ms)`);
    for (let i = 0; i < RUNS; i++) {
      const c = await load(browser, baseUrl, 'console', view);
      const b = await load(browser, baseUrl, 'bare', view);
      runs.push({ console: c, bare: b });
      const f = (x: Load) => `${x.frames.frames} frames, map made at ${x.frames.mapCreated?.toFixed(0) ?? '-'} ms, first frame ${x.frames.firstFrame?.toFixed(0) ?? '-'} ms`;
      console.log(`run ${i + 1}: console ${c.ms.toFixed(0)} ms   bare MapLibre ${b.ms.toFixed(0)} ms   ratio ${(c.ms / b.ms).toFixed(2)}`);
      console.log(`       console: ${f(c)}; bare: ${f(b)}`);
    }
    const cMed = median(runs.map((r) => r.console.ms));
    const bMed = median(runs.map((r) => r.bare.ms));
    const first = runs[0];
    console.log(`\nfirst full render, median of ${RUNS} cold runs (1366×768, signed in, fresh context each):`);
    console.log(`  console        ${cMed.toFixed(0)} ms   (min ${Math.min(...runs.map((r) => r.console.ms)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.console.ms)).toFixed(0)})`);
    console.log(`  bare MapLibre  ${bMed.toFixed(0)} ms   (min ${Math.min(...runs.map((r) => r.bare.ms)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.bare.ms)).toFixed(0)})`);
    console.log(`  ratio          ${(cMed / bMed).toFixed(2)} (median console / median bare; aim ≤ 1.30)`);
    const mid = (k: 'console' | 'bare', f: (x: FrameCount) => number | null) => median(runs.map((r) => f(r[k].frames) ?? NaN));
    for (const k of ['console', 'bare'] as const)
      console.log(`  ${k === 'console' ? 'console      ' : 'bare MapLibre'}  map created at ${mid(k, (x) => x.mapCreated).toFixed(0)} ms, first frame ${mid(k, (x) => x.firstFrame).toFixed(0)} ms, ${mid(k, (x) => x.frames)} frames drawn (medians)`);
    console.log(`JavaScript before first render (gzip -9 of the bytes received):`);
    console.log(`  console        ${kib(first.console.jsGz)} gzipped (${kib(first.console.jsRaw)} raw; aim ≤ 400 KiB)`);
    console.log(`  bare MapLibre  ${kib(first.bare.jsGz)} gzipped (${kib(first.bare.jsRaw)} raw)`);
    for (const f of first.console.files) console.log(`    ${f.path} ${kib(f.gz)}`);
    const ph = runs[Math.floor(runs.length / 2)].console.phases;
    console.log(
      `console phases (ms since navigation, run ${Math.floor(runs.length / 2) + 1}): JS in ${ph.js.toFixed(0)}, style ${ph.style.toFixed(0)}, last of ${ph.nTiles} tiles ${ph.tiles.toFixed(0)}, labels ${ph.labels.toFixed(0)}, glyphs ${ph.glyphs.toFixed(0)}`,
    );
    await traceConsoleLoad(browser, baseUrl, view);
  } finally {
    await browser.close();
  }
  try {
    if (process.env.LIGHTHOUSE !== '0') await runLighthouse(baseUrl);
  } finally {
    stop();
  }
  console.log('(headless Chromium on SwiftShader: software WebGL, so render times are pessimistic compared with a GPU)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
