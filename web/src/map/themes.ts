/**
 * Modes (themes) as the server's layer definitions declare them: each catalogue layer lists the paint it takes and
 * the legend it shows while a mode is on. The console applies them as style overrides; nothing here picks a colour.
 */
import type { CatalogueLayer, LegendEntry } from '../api/types';
import type { StyleOverride } from '../plugins/registry';

/** The style overrides that draw `theme` on every layer that declares it. */
export function themeOverrides(catalogue: readonly CatalogueLayer[], theme: string): StyleOverride[] {
  return catalogue.flatMap((l) => {
    const th = l.themes?.find((x) => x.id === theme);
    if (!th) return [];
    return [{ layer: l.id, paint: th.paint }, ...Object.entries(th.styleLayers ?? {}).map(([id, paint]) => ({ layer: l.id, styleLayer: id, paint }))];
  });
}

/** The legend of `theme` as the first layer declaring it with colours shows it (all area layers share one). */
export function themeLegend(catalogue: readonly CatalogueLayer[], theme: string): LegendEntry[] {
  for (const l of catalogue) {
    const th = l.themes?.find((x) => x.id === theme);
    if (th?.legend.length) return th.legend;
  }
  return [];
}
