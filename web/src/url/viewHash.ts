/**
 * The view in the URL hash, so that a copied link opens the same view: centre, zoom, visible layers, opacity,
 * filters, selection and language. Pure: parse(format(v)) == v (to the precision kept), tested beside this file.
 *
 *   #map=11.50/26.89000/112.57000&layers=counties,townships&op=firms:0.5&f=firms.category:1,2;venues.kind:bar
 *    &sel=townships:430421101&lang=en
 */
import type { Lang } from '../api/types';

export interface Selection {
  /** Catalogue layer id (townships, firms, ...). */
  layer: string;
  /** Area code for areas and grids, numeric id for sites. */
  id: string;
}

export interface ViewState {
  center: [number, number];
  zoom: number;
  /** Visible catalogue layers; null means "the defaults" (no layers= in the hash). */
  layers: string[] | null;
  opacity: Record<string, number>;
  /** layerId → property → chosen values; a property absent means "all values". */
  filters: Record<string, Record<string, string[]>>;
  selection: Selection | null;
  lang: Lang;
}

const ID = /^[A-Za-z0-9_.-]+$/;
const clampNum = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function formatViewHash(v: ViewState): string {
  const parts: string[] = [];
  parts.push(`map=${v.zoom.toFixed(2)}/${v.center[1].toFixed(5)}/${v.center[0].toFixed(5)}`);
  if (v.layers) parts.push(`layers=${v.layers.map(encodeURIComponent).join(',')}`);
  const op = Object.entries(v.opacity)
    .filter(([, o]) => o !== 1)
    .map(([id, o]) => `${encodeURIComponent(id)}:${Number(o.toFixed(2))}`);
  if (op.length) parts.push(`op=${op.join(',')}`);
  const f: string[] = [];
  for (const [layer, props] of Object.entries(v.filters)) {
    for (const [prop, values] of Object.entries(props)) {
      f.push(`${encodeURIComponent(layer)}.${encodeURIComponent(prop)}:${values.map(encodeURIComponent).join(',')}`);
    }
  }
  if (f.length) parts.push(`f=${f.join(';')}`);
  if (v.selection) parts.push(`sel=${encodeURIComponent(v.selection.layer)}:${encodeURIComponent(v.selection.id)}`);
  parts.push(`lang=${v.lang}`);
  return `#${parts.join('&')}`;
}

/** Reads what it can from a hash; anything missing or malformed falls back to `defaults`. */
export function parseViewHash(hash: string, defaults: ViewState): ViewState {
  const out: ViewState = { ...defaults, opacity: {}, filters: {} };
  const text = hash.replace(/^#/, '');
  if (!text) return { ...defaults };
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    switch (key) {
      case 'map': {
        const [z, lat, lon] = value.split('/').map(Number);
        if ([z, lat, lon].every(Number.isFinite)) {
          out.zoom = clampNum(z, 0, 22);
          out.center = [clampNum(lon, -180, 180), clampNum(lat, -85, 85)];
        }
        break;
      }
      case 'layers':
        out.layers = value === '' ? [] : value.split(',').map(decodeURIComponent).filter((s) => ID.test(s));
        break;
      case 'op':
        for (const item of value.split(',')) {
          const [id, o] = item.split(':');
          const n = Number(o);
          if (id && Number.isFinite(n)) out.opacity[decodeURIComponent(id)] = clampNum(n, 0, 1);
        }
        break;
      case 'f':
        for (const item of value.split(';')) {
          const colon = item.indexOf(':');
          const dot = item.indexOf('.');
          if (colon < 0 || dot < 0 || dot > colon) continue;
          const layer = decodeURIComponent(item.slice(0, dot));
          const prop = decodeURIComponent(item.slice(dot + 1, colon));
          const values = item.slice(colon + 1).split(',').filter(Boolean).map(decodeURIComponent);
          if (!ID.test(layer) || !ID.test(prop)) continue;
          (out.filters[layer] ??= {})[prop] = values;
        }
        break;
      case 'sel': {
        const colon = value.indexOf(':');
        if (colon > 0) out.selection = { layer: decodeURIComponent(value.slice(0, colon)), id: decodeURIComponent(value.slice(colon + 1)) };
        break;
      }
      case 'lang':
        if (value === 'en' || value === 'zh-CN') out.lang = value;
        break;
    }
  }
  return out;
}
