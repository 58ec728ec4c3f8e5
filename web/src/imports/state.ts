/**
 * What the import page draws on the map: the converted features of the last dry run (by status) and the places of
 * its problems. Module state, so the plug-in's deck layers and the page share it; `refreshPlugins` redraws.
 */
import type { FeatureCollection } from 'geojson';
import { refreshPlugins } from '../plugins/registry';

let preview: FeatureCollection | null = null;

export const getPreview = () => preview;

export function setPreview(fc: FeatureCollection | null): void {
  if (fc === preview) return;
  preview = fc;
  refreshPlugins();
}
