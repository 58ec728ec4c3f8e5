/**
 * Asking the API for the area names of a view (/api/labels/<tier>?bbox=…), for useLabels and for the early map
 * start, which asks for the first view's names with the style and hands the request on (takeEarlyLabels).
 */
import type { FeatureCollection, Point } from 'geojson';
import { api } from '../api/client';
import type { LabelPoint } from '../api/types';
import { labelFeatures, type LabelProps } from './labels';

type Labels = FeatureCollection<Point, LabelProps>;

/** The bounds the map will show at this camera, before the map exists (Web Mercator, the window's size). */
export function boundsAt(center: [number, number], zoom: number): [number, number, number, number] {
  const scale = 512 * 2 ** zoom; // MapLibre's 512-px world at this zoom
  const x = ((center[0] + 180) / 360) * scale;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + (center[1] * Math.PI) / 360)) / Math.PI) / 2) * scale;
  const lon = (px: number) => (px / scale) * 360 - 180;
  const lat = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / scale))) * 180) / Math.PI;
  const w = window.innerWidth / 2;
  const h = window.innerHeight / 2;
  return [lon(x - w), lat(y + h), lon(x + w), lat(y - h)];
}

/** A bbox as the label requests carry it (and as requests are told apart). */
export const bboxParam = (box: number[]) => box.map((v) => v.toFixed(4)).join(',');

/** The names of these tiers (comma-separated) in this bbox, as one ranked source (labels.ts). */
export async function fetchLabels(tiers: string, bbox: string, signal?: AbortSignal): Promise<Labels> {
  const entries = await Promise.all(
    tiers.split(',').map((layer) => api.get<LabelPoint[]>(`/api/labels/${layer}?bbox=${bbox}&limit=400`, signal).then((p) => [layer, Array.isArray(p) ? p : []] as const)),
  );
  return labelFeatures(Object.fromEntries(entries));
}

let early: { key: string; labels: Promise<Labels> } | null = null;

/** Starts the request for the first view's names before the console renders. */
export function startEarlyLabels(tiers: string, bbox: string): Promise<Labels> {
  const labels = fetchLabels(tiers, bbox);
  labels.catch(() => undefined);
  early = { key: `${tiers}|${bbox}`, labels };
  return labels;
}

/** The early request, once, if it was for these tiers and this bbox. */
export function takeEarlyLabels(tiers: string, bbox: string): Promise<Labels> | undefined {
  if (!early || early.key !== `${tiers}|${bbox}`) return undefined;
  const { labels } = early;
  early = null;
  return labels;
}
