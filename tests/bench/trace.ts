/**
 * Where a console load spends its time: a Chromium performance trace of one cold load (fresh context) to its
 * first full render, summarised as main-thread time per kind of work and the longest script evaluations, beside
 * the page's own Performance metrics.
 */
import type { Browser } from 'playwright-core';
import { newContext, VIEWPORTS } from '../support/browser.js';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; frame?: string } };
}

const KINDS: Record<string, string> = {
  EvaluateScript: 'script evaluation',
  'v8.compile': 'script compile',
  'v8.compileModule': 'script compile',
  'v8.evaluateModule': 'script evaluation',
  FunctionCall: 'script (callbacks, tasks)',
  TimerFire: 'script (callbacks, tasks)',
  FireAnimationFrame: 'script (animation frames: map rendering)',
  'MajorGC': 'garbage collection',
  'MinorGC': 'garbage collection',
  Layout: 'layout',
  UpdateLayoutTree: 'style',
  Paint: 'paint',
  // The main thread waits in Commit while the GPU process draws the last frame: with SwiftShader (software WebGL)
  // this is where most of a map's first render goes, ~100–400 ms per frame drawn.
  Commit: 'compositor commit (waiting for the GPU process to draw)',
  ParseHTML: 'HTML parse',
  ParseAuthorStyleSheet: 'CSS parse',
};

export async function traceConsoleLoad(browser: Browser, baseUrl: string, view: { center: [number, number]; zoom: number }): Promise<void> {
  const context = await newContext(browser, VIEWPORTS.laptop, baseUrl);
  await context.request.post(`${baseUrl}/api/session`, { data: { username: 'city_office', password: 'demo' } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
  await page.goto(`/#map=${view.zoom.toFixed(2)}/${view.center[1].toFixed(5)}/${view.center[0].toFixed(5)}`);
  // Asked with page.evaluate (CDP, outside the page's CSP): waitForFunction compiles its string with eval,
  // which the console's Content-Security-Policy (script-src 'self') refuses.
  const drawn = '!!(window.__gc && window.__gc.map && window.__gc.map.loaded() && window.__gc.map.areTilesLoaded() && window.__gc.labelsDrawn() > 0)';
  for (const until = Date.now() + 120_000; !(await page.evaluate(drawn)); await page.waitForTimeout(50)) {
    if (Date.now() > until) throw new Error('trace: the console did not finish rendering in 120 s');
  }
  const at = (await page.evaluate('performance.now()')) as number;
  const metrics = (await cdp.send('Performance.getMetrics')).metrics as { name: string; value: number }[];
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await context.close();
  if (process.env.TRACE_FILE) (await import('node:fs')).writeFileSync(process.env.TRACE_FILE, JSON.stringify(trace));

  // The renderer's main thread: where most EvaluateScript events are.
  const byThread = new Map<string, number>();
  for (const e of trace.traceEvents) if (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const perKind = new Map<string, number>();
  const scripts: { url: string; ms: number }[] = [];
  let busy = 0;
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !e.dur || `${e.pid}:${e.tid}` !== main) continue;
    if (e.name === 'RunTask') busy += e.dur;
    const kind = KINDS[e.name];
    if (kind) perKind.set(kind, (perKind.get(kind) ?? 0) + e.dur);
    if ((e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') && e.args?.data?.url) scripts.push({ url: new URL(e.args.data.url).pathname, ms: e.dur / 1000 });
  }
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  console.log(`\nwhere the time goes (trace of one cold console load, first full render at ${at.toFixed(0)} ms):`);
  console.log(`  main thread busy ${(busy / 1000).toFixed(0)} ms of ${at.toFixed(0)} ms; the rest is waiting for the network, the tile workers and the GPU process`);
  for (const [k, us] of [...perKind].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(42)} ${(us / 1000).toFixed(0)} ms`);
  console.log(`  longest script evaluations: ${scripts.sort((a, b) => b.ms - a.ms).slice(0, 4).map((s) => `${s.url} ${s.ms.toFixed(0)} ms`).join(', ')}`);
  console.log(
    `  Performance metrics: ScriptDuration ${(m.ScriptDuration * 1000).toFixed(0)} ms, TaskDuration ${(m.TaskDuration * 1000).toFixed(0)} ms, LayoutDuration ${(m.LayoutDuration * 1000).toFixed(0)} ms, RecalcStyleDuration ${(m.RecalcStyleDuration * 1000).toFixed(0)} ms, JSHeapUsedSize ${(m.JSHeapUsedSize / 1048576).toFixed(0)} MB`,
  );
}
