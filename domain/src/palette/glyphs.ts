/**
 * Map text: the glyph PBFs the console serves itself (web/build/glyphs.ts writes them into web/dist/glyphs, the API
 * serves that folder) and their fontstack names. Every style that draws text (the console's labels, a vector
 * basemap's) names these and this path, so no glyph is ever fetched from outside.
 */
export const FONTSTACK_REGULAR = 'gc-sans-regular';
export const FONTSTACK_BOLD = 'gc-sans-bold';

/** Path of the glyph PBFs on the console's own origin (MapLibre fills in {fontstack} and {range}). */
export const GLYPHS_PATH = '/glyphs/{fontstack}/{range}.pbf';
