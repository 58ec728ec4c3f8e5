/**
 * Vite plug-in: the map's glyph PBFs (web/build/glyphs.ts) emitted into the build as `glyphs/…`, and served by the
 * dev server at the same paths.
 *
 * Without the font (fonts-wqy-microhei not installed) or the canvas module, the build still succeeds, with a warning
 * and no glyph files: the style keeps its glyph URL (MapLibre rejects a style whose text layers have none), and
 * MapLibre, failing to load a range, draws those characters with the browser's own fonts instead — the labels are
 * still there, in a default Latin font rather than the console's.
 */
import type { Plugin } from 'vite';
import { FONT_FILES, fontFile, generateGlyphs } from './glyphs';

const MISSING_FONT = `no font for the map's glyphs (looked for ${process.env.GLYPH_FONT ?? FONT_FILES.join(', ')}): building without them; `
  + "MapLibre will draw Latin letters and digits with the browser's default font. Install Debian's fonts-wqy-microhei "
  + '(apt-get install fonts-wqy-microhei) or set GLYPH_FONT to a .ttf/.ttc/.otf file, then build again.';

async function glyphFiles(warn: (message: string) => void): Promise<Map<string, Uint8Array>> {
  const font = fontFile();
  if (!font) {
    warn(MISSING_FONT);
    return new Map();
  }
  try {
    return await generateGlyphs(font);
  } catch (e) {
    warn(`the map's glyphs could not be generated from ${font} (${(e as Error).message}): building without them; MapLibre will draw them with the browser's fonts.`);
    return new Map();
  }
}

export function glyphsPlugin(): Plugin {
  let files: Promise<Map<string, Uint8Array>> | null = null;
  const all = (warn: (message: string) => void) => (files ??= glyphFiles(warn));
  return {
    name: 'gc-glyphs',
    async generateBundle() {
      for (const [fileName, source] of await all((m) => this.warn(m))) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url ? decodeURIComponent(req.url.replace(/^\//, '').split('?')[0]) : '';
        if (!path.startsWith('glyphs/')) return next();
        all((m) => server.config.logger.warn(m)).then((glyphs) => {
          const bytes = glyphs.get(path);
          if (!bytes) return next();
          res.setHeader('Content-Type', 'application/x-protobuf');
          res.end(bytes);
        }, next);
      });
    },
  };
}
