/** The layer panel's state per catalogue layer, from the view (the link's layers, opacities, filters). Pure. */
import type { CatalogueLayer } from '../api/types';
import type { LayerState } from '../map/styleControl';

/** The visible layers: those in the link (when it names any), or the catalogue's defaults. */
export function visibleLayers(catalogue: CatalogueLayer[], listed: string[] | null): Set<string> {
  if (listed) {
    const ids = new Set(catalogue.map((l) => l.id));
    return new Set(listed.filter((id) => ids.has(id)));
  }
  return new Set(catalogue.filter((l) => l.visible !== false).map((l) => l.id));
}

export function layerStatesFor(
  catalogue: CatalogueLayer[],
  visible: Set<string>,
  opacity: Record<string, number>,
  filters: Record<string, Record<string, string[]>>,
): Record<string, LayerState> {
  const out: Record<string, LayerState> = {};
  for (const l of catalogue) out[l.id] = { visible: visible.has(l.id), opacity: opacity[l.id] ?? 1, filters: filters[l.id] ?? {} };
  return out;
}
