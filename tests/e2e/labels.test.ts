/**
 * Names never overlap: area names, site names and point markers, at several zooms, on a laptop and a phone. What
 * is compared is MapLibre's own collision index after placement (the boxes of every label and of every marker's
 * reserved space): no label box may intersect another box. Also screenshots where villages and sites crowd.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS, type Viewport } from '../support/browser.js';
import { waitForMapIdle } from '../support/console-page.js';
import { consoleSession } from '../support/console-session.js';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;

const session = consoleSession();

interface Placed {
  texts: number;
  markers: number;
  overlaps: string[];
}

/** The collision index MapLibre placed this frame with: label boxes ('never' overlap) against every other box. */
const PLACED = `(() => {
  const grid = window.__gc.map.style.placement.collisionIndex.grid;
  const boxes = grid.boxKeys.map((k, i) => ({ k, b: grid.bboxes.slice(i * 4, i * 4 + 4) }));
  const texts = boxes.filter((x) => x.k.overlapMode !== 'always');
  const overlaps = [];
  for (const t of texts) {
    for (const o of boxes) {
      if (o === t || (o.k.bucketInstanceId === t.k.bucketInstanceId && o.k.featureIndex === t.k.featureIndex)) continue;
      const [a1, b1, a2, b2] = t.b, [c1, d1, c2, d2] = o.b;
      // Touching edges are not an overlap (MapLibre's own hit test is strict too).
      if (a1 < c2 && c1 < a2 && b1 < d2 && d1 < b2 && overlaps.length < 5) overlaps.push(JSON.stringify({ text: t.b.map(Math.round), other: o.b.map(Math.round), otherMode: o.k.overlapMode }));
    }
  }
  return { texts: texts.length, markers: boxes.length - texts.length, overlaps };
})()`;

async function open(viewport: Viewport, hash: string): Promise<Page> {
  const c = await session.open({ viewport, hash });
  await waitForMapIdle(c.page);
  return c.page;
}

/** The labels of the view are placed (at least `minLabels`), and the map is idle. */
async function settled(page: Page, minLabels: number) {
  // A function, not a string: the console's CSP allows no eval, and Playwright evaluates a string predicate with it.
  await page.waitForFunction((n) => window.__gc!.labelsDrawn() >= n, minLabels, { timeout: 30_000 });
  await page.waitForTimeout(500);
  await waitForMapIdle(page);
}

/**
 * Move the map, then settle on the new view's labels (asked for after moveend). The wait for their response is
 * set up before the move: set up after, it could miss a quick answer and wait out its timeout.
 */
async function moveAndSettle(page: Page, minLabels: number, move: () => Promise<unknown>) {
  const answered = page.waitForResponse((r) => r.url().includes('/api/labels/'), { timeout: 30_000 }).catch(() => undefined);
  await move();
  await answered;
  await settled(page, minLabels);
}

/** Every area tier and every site layer on: the densest the map gets. */
const DENSE = '#layers=counties,townships,villages,grids,checkpoints,firms,venues,wastewater_sites';

/** The most populous village's label point, where names crowd (asked of the API as the city office; no page). */
async function crowdedPlace(): Promise<[number, number]> {
  const res = await fetch(`${session.baseUrl()}/api/labels/villages?limit=1`, { headers: { Authorization: 'Bearer demo-city_office' } });
  expect(res.status).toBe(200);
  const v = (await res.json()) as { lon: number; lat: number }[];
  return [v[0]!.lon, v[0]!.lat];
}

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

describe('labels', () => {
  it('no name overlaps another name or a marker, from county to village zoom', { timeout: 300_000 }, async () => {
    const [lon, lat] = await crowdedPlace();
    const page = await open(VIEWPORTS.laptop, DENSE);
    for (const zoom of [9, 10.5, 12, 13.5, 15]) {
      await moveAndSettle(page, 1, () => page.evaluate(([x, y, z]) => window.__gc!.map.jumpTo({ center: [x, y], zoom: z }), [lon, lat, zoom] as const));
      const placed = (await page.evaluate(PLACED)) as Placed;
      expect(placed.texts, `labels placed at zoom ${zoom}`).toBeGreaterThan(3);
      expect(placed.overlaps, `overlapping boxes at zoom ${zoom}`).toEqual([]);
      if (zoom >= 13.5) expect(placed.markers, `markers holding their space at zoom ${zoom}`).toBeGreaterThan(0);
    }
  });

  it('county names are placed first and township names fill the room left (priority by level)', { timeout: 120_000 }, async () => {
    // Areas only (markers hold their space before any name, so they are off here): at zoom 9.6 county and
    // township names are both asked for, and a county name is placed before the townships around it.
    const page = await open(VIEWPORTS.laptop, '#layers=counties,townships');
    await moveAndSettle(page, 1, () => page.evaluate(() => { const c = window.__gc!.map.getCenter(); window.__gc!.map.jumpTo({ center: [c.lng, c.lat], zoom: 9.6 }); }));
    const tiers = await page.evaluate(() => window.__gc!.map.queryRenderedFeatures({ layers: ['gc-area-labels'] }).map((f) => f.properties.layer as string));
    // Both tiers are asked for at this zoom; the county names are placed first, townships fill the room left.
    expect(tiers.filter((t) => t === 'counties').length).toBeGreaterThan(0);
    expect(tiers.filter((t) => t === 'townships').length).toBeGreaterThan(0);
  });

  it('names opened from a link go when their layer is switched off', { timeout: 120_000 }, async () => {
    // A view in the link: its names are asked for with the style and put on the map by the early start, before the
    // console's own state has them; switching the area layers off must still take them away.
    const [lon, lat] = await crowdedPlace();
    // One area layer, so that switching it off leaves no tier to name (no new request in between).
    const page = await open(VIEWPORTS.laptop, `#layers=counties&map=9.60/${lat.toFixed(5)}/${lon.toFixed(5)}`);
    await settled(page, 1);
    await page.locator('li[data-layer="counties"] input[type="checkbox"]').first().uncheck();
    await page.waitForFunction(() => window.__gc!.labelsDrawn() === 0, undefined, { timeout: 30_000 });
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__gc!.labelsDrawn())).toBe(0);
    await page.context().close();
  });

  it('screenshots where villages and sites crowd: 1920×1080 and 390×844', { timeout: 300_000 }, async () => {
    const [lon, lat] = await crowdedPlace();
    // The view in the link, as a user would share it: the console opens there and does not frame the data first.
    const view = `${DENSE}&map=13.60/${lat.toFixed(5)}/${lon.toFixed(5)}`;
    for (const [name, viewport] of [['desktop', VIEWPORTS.desktop], ['phone', VIEWPORTS.phone]] as const) {
      // Opened at this view: its labels were asked for while it loaded.
      const page = await open(viewport, view);
      await settled(page, 3);
      const placed = (await page.evaluate(PLACED)) as Placed;
      expect(placed.texts, 'labels placed').toBeGreaterThan(3);
      expect(placed.overlaps).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}labels-dense-${name}.png` });
      await page.context().close();
    }
  });
});
