/** Show/hide, opacity and the catalogue's filters for each layer, grouped as the catalogue groups them. */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueLayer, Lang } from '../api/types';
import { pick } from '../i18n';
import type { LayerState } from '../map/styleControl';
import type { ConsolePlugin, PluginContext } from '../plugins/registry';
import { LegendStrip } from './Legend';
import { OfflineArchives } from './OfflineArchives';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMapSettled } from '../map/useMapSettled';

interface Props {
  lang: Lang;
  catalogue: CatalogueLayer[];
  layerStates: Record<string, LayerState>;
  zoom: number;
  setVisible: (id: string, on: boolean) => void;
  setOpacity: (id: string, o: number) => void;
  setFilter: (id: string, prop: string, values: string[] | null) => void;
  pluginContexts: { plugin: ConsolePlugin; ctx: PluginContext }[];
  activeModes: string[];
  setModeActive: (id: string, on: boolean) => void;
  /** The map, once loaded: offline archives are added to it. */
  map: MapLibreMap | null;
}

type Grouped = CatalogueLayer;

export function LayerPanel(p: Props) {
  const { t } = useTranslation();
  const groups = new Map<string, Grouped[]>();
  for (const l of p.catalogue as Grouped[]) {
    const g = l.group ?? 'other';
    groups.set(g, [...(groups.get(g) ?? []), l]);
  }
  const modes = p.pluginContexts.filter(({ plugin }) => plugin.title);
  // The plug-ins' controls (their code, catalogues and requests) once the first view is drawn: see useMapSettled.
  const settled = useMapSettled(p.map);
  const controls = settled ? p.pluginContexts.filter(({ plugin, ctx }) => plugin.Control && ctx.active) : [];
  return (
    <div className="layer-panel">
      {modes.length > 0 && (
        <fieldset className="modes">
          <legend>{t('panel.modes')}</legend>
          {modes.map(({ plugin }) => (
            <label key={plugin.id} className="check">
              <input type="checkbox" checked={p.activeModes.includes(plugin.id)} onChange={(e) => p.setModeActive(plugin.id, e.target.checked)} />
              {pick(plugin.title, p.lang)}
            </label>
          ))}
        </fieldset>
      )}
      {controls.map(({ plugin, ctx }) => {
        const Control = plugin.Control!;
        return (
          <div key={plugin.id} className="plugin-control">
            <Suspense fallback={null}>
              <Control ctx={ctx} />
            </Suspense>
          </div>
        );
      })}
      {[...groups].map(([group, layers]) => (
        <section key={group} className="layer-group" aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{t(`panel.groups.${group}`, { defaultValue: group })}</h2>
          <ul>
            {layers.map((l) => {
              const s = p.layerStates[l.id];
              const title = pick(l.title, p.lang);
              const outOfZoom = p.zoom < l.minzoom || p.zoom > l.maxzoom + 1;
              return (
                <li key={l.id} className={`layer-item ${s.visible ? 'on' : 'off'}`} data-layer={l.id}>
                  <label className="check layer-toggle">
                    <input type="checkbox" checked={s.visible} onChange={(e) => p.setVisible(l.id, e.target.checked)} aria-describedby={outOfZoom ? `zoomhint-${l.id}` : undefined} />
                    <LegendStrip entries={l.legend} />
                    <span className="layer-title">{title}</span>
                    {typeof l.count === 'number' && <span className="count muted">{l.count.toLocaleString(p.lang)}</span>}
                  </label>
                  {outOfZoom && s.visible && (
                    <p id={`zoomhint-${l.id}`} className="hint muted">
                      {t('panel.visibleAtZoom', { min: l.minzoom, max: l.maxzoom })}
                    </p>
                  )}
                  {s.visible && (
                    <div className="layer-controls">
                      <label className="opacity">
                        <span>{t('panel.opacity')}</span>
                        <input
                          type="range"
                          min={0}
                          max={1}
                          step={0.05}
                          value={s.opacity}
                          aria-valuetext={`${Math.round(s.opacity * 100)}%`}
                          onChange={(e) => p.setOpacity(l.id, Number(e.target.value))}
                        />
                        <output>{Math.round(s.opacity * 100)}%</output>
                      </label>
                      {(l.filters ?? []).map((f) => {
                        const chosen = s.filters[f.property];
                        return (
                          <fieldset key={f.property} className="filter" data-filter={`${l.id}.${f.property}`}>
                            <legend>{f.title ? pick(f.title, p.lang) : t('panel.filters')}</legend>
                            {f.values.map((v) => {
                              const value = String(v.value);
                              const checked = !chosen || chosen.includes(value);
                              return (
                                <label key={value} className="check chip">
                                  <input
                                    type="checkbox"
                                    value={value}
                                    checked={checked}
                                    onChange={(e) => {
                                      const all = f.values.map((x) => String(x.value));
                                      const current = chosen ?? all;
                                      const next = e.target.checked ? [...current, value] : current.filter((x) => x !== value);
                                      p.setFilter(l.id, f.property, next.length === all.length ? null : all.filter((x) => next.includes(x)));
                                    }}
                                  />
                                  {pick(v.label, p.lang)}
                                </label>
                              );
                            })}
                          </fieldset>
                        );
                      })}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <OfflineArchives map={p.map} lang={p.lang} />
    </div>
  );
}
