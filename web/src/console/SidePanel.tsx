/**
 * The side panel (a bottom sheet on phones): tabs for layers, legend and details; collapsible so the map can have
 * the whole screen. Tabs follow the WAI-ARIA tabs pattern (arrow keys move between them).
 */
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueLayer, Lang } from '../api/types';
import type { LayerState } from '../map/styleControl';
import type { Selection } from '../url/viewHash';
import { lazyPart, type ConsolePlugin, type PluginContext } from '../plugins/registry';
import { LayerPanel } from '../layers/LayerPanel';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { Legend } from '../layers/Legend';

/**
 * The details tab, loaded when first shown (the first view shows the layers), with the listing module's words: an
 * area's details name its listing categories (listing:category).
 */
const DetailsPanel = lazyPart('listing', () => import('../details/DetailsPanel').then((m) => m.DetailsPanel));

export type PanelTab = 'layers' | 'legend' | 'details';
const TABS: PanelTab[] = ['layers', 'legend', 'details'];

interface Props {
  /** The map once loaded (offline archives are added to it). */
  map: MapLibreMap | null;
  open: boolean;
  setOpen: (open: boolean) => void;
  tab: PanelTab;
  setTab: (t: PanelTab) => void;
  lang: Lang;
  catalogue: CatalogueLayer[];
  layerStates: Record<string, LayerState>;
  zoom: number;
  setVisible: (id: string, on: boolean) => void;
  setOpacity: (id: string, o: number) => void;
  setFilter: (id: string, prop: string, values: string[] | null) => void;
  selection: Selection | null;
  selectedProps: Record<string, unknown> | null;
  clearSelection: () => void;
  zoomToSelection: (bbox: [number, number, number, number]) => void;
  pluginContexts: { plugin: ConsolePlugin; ctx: PluginContext }[];
  activeModes: string[];
  setModeActive: (id: string, on: boolean) => void;
}

export function SidePanel(p: Props) {
  const { t } = useTranslation();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  function onTabKey(e: React.KeyboardEvent, i: number) {
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    p.setTab(TABS[next]);
    tabRefs.current[next]?.focus();
  }
  return (
    <aside className="side-panel" aria-label={t('panel.title')}>
      <div className="panel-bar">
        <div role="tablist" className="tabs" aria-label={t('panel.title')}>
          {TABS.map((id, i) => (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={p.tab === id}
              aria-controls={`tabpanel-${id}`}
              tabIndex={p.tab === id ? 0 : -1}
              onKeyDown={(e) => onTabKey(e, i)}
              onClick={() => {
                p.setTab(id);
                p.setOpen(true);
              }}
            >
              {t(`panel.${id}`)}
              {id === 'details' && p.selection && <span className="dot" aria-hidden="true" />}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button collapse" aria-expanded={p.open} aria-controls="panel-body" onClick={() => p.setOpen(!p.open)} aria-label={p.open ? t('panel.close') : t('panel.open')} title={p.open ? t('panel.close') : t('panel.open')}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d={p.open ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} fill="none" stroke="currentColor" strokeWidth="2.5" />
          </svg>
        </button>
      </div>
      <div id="panel-body" className="panel-body" hidden={!p.open}>
        <div role="tabpanel" id={`tabpanel-${p.tab}`} aria-labelledby={`tab-${p.tab}`} tabIndex={0}>
          {p.tab === 'layers' && (
            <LayerPanel
              lang={p.lang}
              catalogue={p.catalogue}
              layerStates={p.layerStates}
              zoom={p.zoom}
              setVisible={p.setVisible}
              setOpacity={p.setOpacity}
              setFilter={p.setFilter}
              pluginContexts={p.pluginContexts}
              activeModes={p.activeModes}
              setModeActive={p.setModeActive}
              map={p.map}
            />
          )}
          {p.tab === 'legend' && <Legend lang={p.lang} catalogue={p.catalogue} layerStates={p.layerStates} />}
          {p.tab === 'details' && (
            <Suspense fallback={<p className="muted" aria-busy="true">{t('details.loading')}</p>}>
              <DetailsPanel
                lang={p.lang}
                catalogue={p.catalogue}
                selection={p.selection}
                properties={p.selectedProps}
                onClose={p.clearSelection}
                onZoomTo={p.zoomToSelection}
                pluginContexts={p.pluginContexts}
              />
            </Suspense>
          )}
        </div>
      </div>
    </aside>
  );
}
