/**
 * Vite plug-in: the map's glyph PBFs (web/build/glyphs.ts) emitted into the build as `glyphs/…`, and served by the
 * dev server at the same paths.
 */
import type { Plugin } from 'vite';
import { generateGlyphs } from './glyphs';

export function glyphsPlugin(): Plugin {
  let files: Map<string, Uint8Array> | null = null;
  const all = () => (files ??= generateGlyphs());
  return {
    name: 'gc-glyphs',
    generateBundle() {
      for (const [fileName, source] of all()) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const bytes = req.url ? all().get(decodeURIComponent(req.url.replace(/^\//, '').split('?')[0])) : undefined;
        if (!bytes) return next();
        res.setHeader('Content-Type', 'application/x-protobuf');
        res.end(bytes);
      });
    },
  };
}
