/**
 * Soak benchmark (not a test): the wall display running for the equivalent of 72 hours on an accelerated clock
 * (Playwright's page.clock: every timer of the page — rotation, clock, refreshes, retries, tile reloads — fires as
 * it would over three days), with the API cut off and restored again and again (route interception), and the
 * figures that would grow if something leaked measured at the start and at the end:
 *   JS heap (CDP Performance.getMetrics JSHeapUsedSize, after a forced garbage collection), DOM nodes (CDP `Nodes`,
 *   detached ones included, and the elements in the document), event listeners (CDP `JSEventListeners`), live
 *   WebGL contexts and the page's pending timers (counted by wrappers installed before the page's own code),
 *   and every console error. Run:
 *
 *   pnpm --filter tests bench:wall-soak                    # starts the API on DATABASE_URL (a seeded region)
 *   SOAK_HOURS=6 BASE_URL=http://127.0.0.1:7801 pnpm exec tsx tests/bench/wall-soak.ts
 *
 * SOAK_HOURS (72), STEP_MINUTES (5: simulated time per step, jumped with page.clock.fastForward so that each
 * due timer fires once, then DRAW_MS (250) run frame by frame so the map draws; real time between steps lets
 * fetches land), OUTAGE_EVERY_HOURS (6) and OUTAGE_MINUTES (45) set the run. Settings of the wall: rotate 30 s,
 * refresh 60 s, tiles 600 s (its defaults), all four views.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../support/browser.js';
import { buildIfStale, startApi } from '../support/global-setup-server.js';

const HOURS = Number(process.env.SOAK_HOURS ?? 72);
const STEP_MIN = Number(process.env.STEP_MINUTES ?? 5);
const OUTAGE_EVERY_H = Number(process.env.OUTAGE_EVERY_HOURS ?? 6);
const OUTAGE_MIN = Number(process.env.OUTAGE_MINUTES ?? 45);
const WARMUP_MIN = 60;
/** Simulated time run frame by frame after each jump, so that the map and deck.gl draw the new state. */
const DRAW_MS = Number(process.env.DRAW_MS ?? 250);

/** Installed before the page's scripts (after Playwright's fake clock): counts pending timers and WebGL contexts. */
const PROBES = `(() => {
  const pendingTimeouts = new Set(), intervals = new Set();
  const st = window.setTimeout, ct = window.clearTimeout, si = window.setInterval, ci = window.clearInterval;
  window.setTimeout = function (fn, ms, ...a) {
    const id = st.call(window, function () { pendingTimeouts.delete(id); return typeof fn === 'function' ? fn.apply(this, arguments) : undefined; }, ms, ...a);
    pendingTimeouts.add(id);
    return id;
  };
  window.clearTimeout = function (id) { pendingTimeouts.delete(id); return ct.call(window, id); };
  window.setInterval = function (...a) { const id = si.apply(window, a); intervals.add(id); return id; };
  window.clearInterval = function (id) { intervals.delete(id); return ci.call(window, id); };
  const contexts = [];
  let created = 0;
  const gc = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...a) {
    const ctx = gc.call(this, kind, ...a);
    if (ctx && /webgl/.test(String(kind)) && !contexts.some((r) => r.deref() === ctx)) { created++; contexts.push(new WeakRef(ctx)); }
    return ctx;
  };
  window.__soak = () => ({
    timeouts: pendingTimeouts.size,
    intervals: intervals.size,
    webglCreated: created,
    webglLive: contexts.filter((r) => { const c = r.deref(); return c && !c.isContextLost() && c.canvas.isConnected; }).length,
    elements: document.getElementsByTagName('*').length,
  });
})();`;

interface Sample {
  simulatedHours: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  elements: number;
  webglLive: number;
  webglCreated: number;
  timeouts: number;
  intervals: number;
}

async function sample(page: Page, cdp: CDPSession, simulatedHours: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const probe = (await page.evaluate('window.__soak()')) as Omit<Sample, 'simulatedHours' | 'heapMb' | 'nodes' | 'listeners'>;
  return { simulatedHours, heapMb: Math.round((m.JSHeapUsedSize! / 1048576) * 10) / 10, nodes: m.Nodes!, listeners: m.JSEventListeners!, ...probe };
}

async function main() {
  let baseUrl = process.env.BASE_URL;
  let stop = () => {};
  if (!baseUrl) {
    buildIfStale();
    const api = await startApi(process.env.DATABASE_URL ?? 'postgres://root@localhost/grid_console_test?host=/var/run/postgresql');
    baseUrl = api.baseUrl;
    stop = () => api.child.kill('SIGTERM');
  }
  const browser = await launchBrowser();
  const startedAt = Date.now();
  let closing = false;
  try {
    const context = await newContext(browser, { width: 1920, height: 1080 }, baseUrl);
    const signIn = await context.request.post(`${baseUrl}/api/session`, { data: { username: 'wall', password: 'demo' } });
    if (!signIn.ok()) throw new Error(`sign-in as wall failed: ${signIn.status()}`);
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-11-01T06:00:00+08:00') });
    await page.addInitScript(PROBES);
    const appErrors: string[] = [];
    const networkLines: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Chromium itself logs each request the test cut off; those lines are the outage, not the page's doing.
      if (/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(msg.text())) networkLines.push(msg.text());
      else appErrors.push(msg.text());
      if (process.env.SOAK_TRACE) process.stderr.write(`[soak] console error: ${msg.text()} ${JSON.stringify(msg.location())}\n`);
    });
    page.on('pageerror', (e) => appErrors.push(`pageerror: ${e.message}`));
    page.on('crash', () => process.stderr.write(`[soak] the page crashed (renderer or GPU process) after ${((Date.now() - startedAt) / 1000).toFixed(0)} s\n`));
    browser.on('disconnected', () => closing || process.stderr.write('[soak] the browser went away before the end\n'));
    let outage = false;
    let cutOff = 0;
    await page.route('**/api/**', (route) => {
      if (outage && !route.request().url().includes('/api/session')) {
        cutOff++;
        return route.abort('internetdisconnected');
      }
      return route.fallback();
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    await page.goto('/#rotate=30&refresh=60&tiles=600');
    await page.waitForSelector('.wall [data-figure="listings.key_rectification"]', { timeout: 120_000 });

    const steps = Math.round((HOURS * 60) / STEP_MIN);
    let minutes = 0;
    let outages = 0;
    let start: Sample | null = null;
    const trail: Sample[] = [];
    for (let i = 0; i < steps; i++) {
      // An outage of OUTAGE_MIN every OUTAGE_EVERY_H hours, starting in the middle of each period.
      const inPeriod = minutes % (OUTAGE_EVERY_H * 60);
      const shouldBeOut = inPeriod >= (OUTAGE_EVERY_H * 60) / 2 && inPeriod < (OUTAGE_EVERY_H * 60) / 2 + OUTAGE_MIN;
      if (shouldBeOut && !outage) outages++;
      outage = shouldBeOut;
      const t0 = Date.now();
      // Jump (every due timer fires once: rotation, clock, refresh, retry, tile reload), then run DRAW_MS frame by
      // frame so the map draws; running every frame of 72 h (runFor) would take days on a software renderer.
      await page.clock.fastForward(STEP_MIN * 60_000);
      await page.clock.runFor(DRAW_MS);
      minutes += STEP_MIN;
      if (process.env.SOAK_TRACE) process.stderr.write(`[soak] step ${i}: ${Date.now() - t0} ms real\n`);
      // Real time for the page to render and for fetches in flight to land.
      await page.waitForTimeout(250);
      if (!start && minutes >= Math.min(WARMUP_MIN, HOURS * 60)) start = await sample(page, cdp, minutes / 60);
      if (minutes % (12 * 60) === 0) {
        const s = await sample(page, cdp, minutes / 60);
        trail.push(s);
        const rate = ((Date.now() - startedAt) / 1000 / minutes) * (HOURS * 60 - minutes);
        process.stderr.write(`[soak] ${s.simulatedHours} h simulated · heap ${s.heapMb} MB · nodes ${s.nodes} · webgl ${s.webglLive} · timers ${s.timeouts}+${s.intervals} · about ${Math.round(rate)} s left\n`);
      }
    }
    // End on a connected wall, after one more refresh period, as a wall would be found in the morning.
    outage = false;
    for (let k = 0; k < 3; k++) {
      await page.clock.fastForward(60_000);
      await page.clock.runFor(1000);
      await page.waitForTimeout(500);
    }
    const end = await sample(page, cdp, minutes / 60);
    const offlineBadge = await page.locator('[data-offline]').count();

    const row = (name: string, s: Sample) =>
      `${name.padEnd(8)} ${String(s.simulatedHours).padStart(5)} h  heap ${String(s.heapMb).padStart(6)} MB  nodes ${String(s.nodes).padStart(6)}  elements ${String(s.elements).padStart(5)}  listeners ${String(s.listeners).padStart(5)}  webgl live ${s.webglLive} (created ${s.webglCreated})  timers ${s.timeouts} timeouts + ${s.intervals} intervals`;
    console.log(`\nwall soak: ${HOURS} h simulated in ${Math.round((Date.now() - startedAt) / 1000)} s real; ${outages} API outages of ${OUTAGE_MIN} min (${cutOff} requests cut off)`);
    console.log(row('start', start!));
    for (const s of trail) console.log(row('', s));
    console.log(row('end', end));
    console.log(`growth start→end: heap ${(end.heapMb - start!.heapMb).toFixed(1)} MB, nodes ${end.nodes - start!.nodes}, elements ${end.elements - start!.elements}, listeners ${end.listeners - start!.listeners}, webgl ${end.webglLive - start!.webglLive}, timers ${end.timeouts + end.intervals - start!.timeouts - start!.intervals}`);
    console.log(`console errors from the page: ${appErrors.length}${appErrors.length ? '\n  ' + [...new Set(appErrors)].slice(0, 10).join('\n  ') : ''}`);
    console.log(`browser network lines during the outages (expected): ${networkLines.length}; offline badge at the end: ${offlineBadge ? 'shown (not recovered!)' : 'gone (recovered)'}`);
    await context.close();
  } finally {
    closing = true;
    await browser.close();
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
