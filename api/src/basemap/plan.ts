/**
 * The basemap the configuration asks for (BASEMAP, BASEMAP_DATUM, BASEMAP_STYLE, BASEMAP_ATTRIBUTION,
 * BASEMAP_MAXZOOM), resolved and checked once at start-up: raster or vector (a PMTiles archive says which in its
 * header), the extension and zooms its tiles are served under, and for a vector archive the style layers that draw
 * it. Anything the console could not serve is refused here, naming the variable, rather than tile by tile later.
 */
import type { Header } from 'pmtiles';
import { readArchiveInfo, type VectorLayerInfo } from './archive.js';
import { loadBasemapStyle, type FittedStyle } from './custom-style.js';

export interface BasemapSettings {
  /** An XYZ URL template or pmtiles:/path. */
  source: string;
  datum: 'wgs84' | 'gcj02';
  attribution?: string;
  maxzoom?: number;
  /** A MapLibre style file for a vector archive. */
  stylePath?: string;
}

export interface BasemapPlan {
  source: string;
  datum: 'wgs84' | 'gcj02';
  kind: 'raster' | 'vector';
  /** Extension of the tile URLs in the style (/api/basemap/{z}/{x}/{y}.<extension>). */
  extension: 'png' | 'jpg' | 'webp' | 'pbf';
  attribution: string;
  minzoom: number;
  maxzoom: number;
  /** [w, s, e, n]: MapLibre asks for no tile outside (known for archives). */
  bounds?: [number, number, number, number];
  /** A vector archive's layers (the generated style is made from them per scheme and language). */
  vectorLayers: VectorLayerInfo[];
  /** BASEMAP_STYLE's layers, fitted to the console; when absent a vector basemap gets the generated style. */
  customStyle?: FittedStyle;
}

export class BasemapConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

const XYZ = /^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/;

function boundsOf(h: Header): [number, number, number, number] | undefined {
  const b: [number, number, number, number] = [h.minLon, h.minLat, h.maxLon, h.maxLat];
  // A header without real bounds (zeros, or the whole world) tells MapLibre nothing worth a limit.
  return b[0] < b[2] && b[1] < b[3] && !(b[0] <= -180 && b[2] >= 180) ? b : undefined;
}

function planArchive(s: BasemapSettings, path: string): BasemapPlan {
  let info;
  try {
    info = readArchiveInfo(path);
  } catch (err) {
    throw new BasemapConfigError('BASEMAP', (err as Error).message);
  }
  const plan: BasemapPlan = {
    source: s.source,
    datum: s.datum,
    kind: info.kind,
    extension: info.extension,
    attribution: s.attribution || info.attribution || '',
    minzoom: info.header.minZoom,
    maxzoom: s.maxzoom ?? info.header.maxZoom,
    bounds: boundsOf(info.header),
    vectorLayers: info.vectorLayers,
  };
  if (info.kind === 'raster') {
    if (s.stylePath) throw new BasemapConfigError('BASEMAP_STYLE', `is for a vector basemap; ${path} holds raster (${info.extension}) tiles, which are drawn as they are`);
    if (s.datum === 'gcj02' && info.extension !== 'png') throw new BasemapConfigError('BASEMAP_DATUM', `gcj02 re-alignment needs PNG tiles; ${path} holds ${info.extension}`);
    return plan;
  }
  if (s.datum === 'gcj02') {
    throw new BasemapConfigError(
      'BASEMAP_DATUM',
      `gcj02 cannot be used with a vector basemap (${path}): only raster tiles are re-aligned to WGS84. Use a vector archive made from WGS84 data (e.g. OpenStreetMap), or a raster GCJ-02 basemap`,
    );
  }
  if (s.stylePath) {
    try {
      plan.customStyle = loadBasemapStyle(s.stylePath);
    } catch (err) {
      throw new BasemapConfigError('BASEMAP_STYLE', (err as Error).message);
    }
    const known = new Set(info.vectorLayers.map((l) => l.id));
    const named = new Set(plan.customStyle.layers.map((l) => l['source-layer']).filter((x): x is string => typeof x === 'string'));
    if (known.size && named.size && ![...named].some((n) => known.has(n))) {
      throw new BasemapConfigError('BASEMAP_STYLE', `none of its source-layers (${[...named].join(', ')}) is in ${path} (${[...known].join(', ')}): it was written for another archive`);
    }
  } else if (!info.vectorLayers.length) {
    throw new BasemapConfigError('BASEMAP', `${path} describes no vector_layers in its metadata, so no style can be made from it: give one with BASEMAP_STYLE`);
  }
  return plan;
}

export function planBasemap(s: BasemapSettings): BasemapPlan {
  if (s.source.startsWith('pmtiles:')) return planArchive(s, s.source.slice('pmtiles:'.length));
  if (s.stylePath) throw new BasemapConfigError('BASEMAP_STYLE', 'is for a vector PMTiles archive (BASEMAP=pmtiles:/path); an XYZ tile service is drawn as raster');
  if (!XYZ.test(s.source)) throw new BasemapConfigError('BASEMAP', 'must be an XYZ URL template with {z}/{x}/{y} or pmtiles:/path/to/file.pmtiles');
  if (/\.(pbf|mvt)(\?|$)/.test(s.source)) throw new BasemapConfigError('BASEMAP', 'vector tiles from a tile service are not supported; use a vector PMTiles archive (pmtiles:/path)');
  return { source: s.source, datum: s.datum, kind: 'raster', extension: 'png', attribution: s.attribution ?? '', minzoom: 0, maxzoom: s.maxzoom ?? 18, vectorLayers: [] };
}

/** One line for the start-up log: what is drawn under the console, and what of a given style was left out. */
export function describeBasemap(p: BasemapPlan): string {
  const where = `${p.kind} ${p.source.replace(/\/\/[^@/]*@/, '//…@')}, ${p.datum}, zoom ${p.minzoom}–${p.maxzoom}`;
  if (p.kind === 'raster') return where + (p.datum === 'gcj02' ? ', re-aligned to WGS84' : '');
  if (!p.customStyle) return `${where}, style generated from its ${p.vectorLayers.length} layers`;
  const omitted = p.customStyle.omitted.length ? `; left out: ${p.customStyle.omitted.join(', ')}` : '';
  return `${where}, ${p.customStyle.layers.length} layers from BASEMAP_STYLE${omitted}`;
}
