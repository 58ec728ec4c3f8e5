/**
 * Headless Chromium for the console's browser tests and benchmark: Debian's /usr/bin/chromium driven by
 * playwright-core (no downloaded browser).
 *
 * WebGL here: there is no GPU, so WebGL2 comes from ANGLE's SwiftShader backend (a CPU Vulkan implementation).
 * Flags that make it render headless on this machine (checked: WebGL2 context, MapLibre and deck.gl draw):
 *   --headless --no-sandbox --disable-gpu --use-angle=swiftshader --enable-unsafe-swiftshader
 * Checked on Chromium 156 (Debian 12): with these flags `getContext('webgl2')` succeeds and the unmasked renderer is
 * "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)". This build still gave WebGL2
 * when either SwiftShader flag was dropped, but Chromium has deprecated the automatic software fallback (it needs
 * --enable-unsafe-swiftshader from 137 on the non-headless path), so both are stated explicitly.
 * The rest keep the browser from calling home, so that the no-external-request test sees only the page's own
 * requests: --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export interface Viewport {
  width: number;
  height: number;
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  desktop: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} satisfies Record<string, Viewport>;

export async function newContext(browser: Browser, viewport: Viewport, baseURL: string): Promise<BrowserContext> {
  const { width, height, ...rest } = viewport;
  return browser.newContext({ viewport: { width, height }, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...rest });
}

/** Whether this page can create a WebGL2 context, and with which renderer (SwiftShader expected here). */
export async function webgl2Info(page: Page): Promise<{ ok: boolean; renderer: string | null }> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { ok: false, renderer: null };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return { ok: true, renderer: String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) };
  });
}
