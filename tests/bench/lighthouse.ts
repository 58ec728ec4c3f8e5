/**
 * Lighthouse (pinned 12.2.3, the last that runs on Node 20) against the built console, signed in: accessibility and
 * best practices, each to be ≥ 95. Chromium is Debian's, started by playwright-core with a DevTools port that
 * Lighthouse attaches to; the persistent profile carries the session cookie to the page Lighthouse opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/browser.js';
import { freePort } from '../support/global-setup-server.js';

export async function runLighthouse(baseUrl: string): Promise<Record<string, number>> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'gc-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`],
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  try {
    const res = await context.request.post(`${baseUrl}/api/session`, { data: { username: 'city_office', password: 'demo' } });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    const { default: lighthouse } = await import('lighthouse');
    const started = Date.now();
    const result = await lighthouse(`${baseUrl}/`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices'],
      disableStorageReset: true,
      formFactor: 'desktop',
      screenEmulation: { mobile: false, width: 1366, height: 768, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'provided',
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const lhr = result.lhr;
    const scores: Record<string, number> = {};
    console.log(`\nLighthouse ${lhr.lighthouseVersion} on ${baseUrl}/ (signed in, desktop, ${((Date.now() - started) / 1000).toFixed(0)} s):`);
    for (const [id, cat] of Object.entries(lhr.categories)) {
      scores[id] = Math.round((cat.score ?? 0) * 100);
      console.log(`  ${cat.title.padEnd(16)} ${scores[id]}   (aim ≥ 95)`);
      for (const ref of cat.auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`    failing: ${a.id} — ${a.title}`);
      }
    }
    return scores;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
