/**
 * Glyph PBFs for MapLibre's text, generated at build time from the CJK font the console ships with (Debian's
 * fonts-wqy-microhei), so that labels never need a font from outside.
 *
 * Which ranges: MapLibre draws CJK ideographs, kana, hangul, CJK punctuation and full-width forms itself with the
 * browser's CJK font (`localIdeographFontFamily`, see web/src/map/MapView.tsx): a view's Chinese names spread over
 * dozens of 256-character ranges, and drawing them locally is cheaper than fetching those ranges before the first
 * render. Everything else — Latin letters and digits (English names, grid numbers), general punctuation (·, —),
 * arrows and shapes — comes from these PBFs. A range MapLibre cannot load falls back to local drawing.
 *
 * The bitmaps are the same signed distance fields MapLibre draws locally (TinySDF, 24 px, buffer 3, radius 8,
 * cutoff 0.25) with its metric conventions, so served and local glyphs line up on one baseline.
 */
import { existsSync } from 'node:fs';
import TinySDF from '@mapbox/tiny-sdf';
import { PbfWriter } from 'pbf';

/**
 * The fontstack name the style uses (`text-font`), one per weight: domain/glyphs' names (the Vite config loads this
 * file with Node, which cannot import the workspace's TypeScript; web/src/map/fontstacks.test.ts keeps them equal).
 */
export const FONTSTACKS = { 'gc-sans-regular': 'normal', 'gc-sans-bold': 'bold' } as const;

/** Ranges (start codepoint / 256) served as PBFs: Latin and Latin-1, Latin Extended-A/B, punctuation, letterlike, arrows, shapes. */
export const GLYPH_RANGES = [0, 1, 32, 33, 34, 37];

/** Where Debian (fonts-wqy-microhei) and Fedora put the font; GLYPH_FONT names another TrueType/OpenType file. */
export const FONT_FILES = ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc'];
const FAMILY = 'GC WenQuanYi Micro Hei';

/** MapLibre's own offsets between TinySDF's metrics and the PBF convention (render/glyph_manager.ts). */
const TOP_ADJUSTMENT = 27.5;

export function fontFile(): string | null {
  const candidates = process.env.GLYPH_FONT ? [process.env.GLYPH_FONT] : FONT_FILES;
  return candidates.find((f) => existsSync(f)) ?? null;
}

interface Glyph {
  id: number;
  bitmap: Uint8ClampedArray;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

function drawRange(sdf: TinySDF, range: number): Glyph[] {
  const glyphs: Glyph[] = [];
  for (let id = range * 256; id < range * 256 + 256; id++) {
    const ch = String.fromCodePoint(id);
    if (/^\p{C}$/u.test(ch) && id !== 0x20) continue; // control and unassigned: nothing to draw
    const g = sdf.draw(ch);
    if (!g.glyphAdvance) continue;
    glyphs.push({
      id,
      bitmap: g.glyphWidth && g.glyphHeight ? g.data : new Uint8ClampedArray(0),
      width: g.glyphWidth && g.glyphHeight ? g.glyphWidth : 0,
      height: g.glyphWidth && g.glyphHeight ? g.glyphHeight : 0,
      left: g.glyphLeft,
      top: Math.round(g.glyphTop - TOP_ADJUSTMENT),
      advance: Math.round(g.glyphAdvance),
    });
  }
  return glyphs;
}

/** The glyphs.proto message: glyphs { stacks { name, range, glyphs { id, bitmap, width, height, left, top, advance } } }. */
function encode(stack: string, range: number, glyphs: Glyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, (_: unknown, p: PbfWriter) => {
    p.writeStringField(1, stack);
    p.writeStringField(2, `${range * 256}-${range * 256 + 255}`);
    for (const g of glyphs) {
      p.writeMessage(3, (_g: unknown, q: PbfWriter) => {
        q.writeVarintField(1, g.id);
        if (g.bitmap.length) q.writeBytesField(2, g.bitmap as unknown as Uint8Array);
        q.writeVarintField(3, g.width);
        q.writeVarintField(4, g.height);
        q.writeSVarintField(5, g.left);
        q.writeSVarintField(6, g.top);
        q.writeVarintField(7, g.advance);
      }, null);
    }
  }, null);
  return pbf.finish();
}

/**
 * Every glyph file: `glyphs/<fontstack>/<start>-<end>.pbf` → bytes. The canvas (a native module, installed from
 * npm as a prebuilt binary) is loaded here, not at import, so that a build without it can still go on without glyphs.
 */
export async function generateGlyphs(font: string): Promise<Map<string, Uint8Array>> {
  const { createCanvas, GlobalFonts } = await import('@napi-rs/canvas');
  class NodeTinySDF extends TinySDF {
    _createCanvas(size: number) {
      return createCanvas(size, size) as unknown as HTMLCanvasElement;
    }
  }
  if (!GlobalFonts.registerFromPath(font, FAMILY)) throw new Error(`${font} is not a font the canvas can read`);
  const out = new Map<string, Uint8Array>();
  for (const [stack, weight] of Object.entries(FONTSTACKS)) {
    const sdf = new NodeTinySDF({ fontSize: 24, buffer: 3, radius: 8, cutoff: 0.25, fontFamily: `"${FAMILY}"`, fontWeight: weight });
    for (const range of GLYPH_RANGES) {
      out.set(`glyphs/${stack}/${range * 256}-${range * 256 + 255}.pbf`, encode(stack, range, drawRange(sdf, range)));
    }
  }
  return out;
}
