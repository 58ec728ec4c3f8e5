/**
 * The console: full-screen map, header (search, language, user), and the side panel (layers, legend, details;
 * a bottom sheet on phones). Owns the view state and mirrors it into the URL hash so that a link reopens it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import { api } from '../api/client';
import type { CatalogueLayer, Lang, SearchResult, SessionUser } from '../api/types';
import { formatViewHash, parseViewHash, type Selection, type ViewState } from '../url/viewHash';
import { MapView, type FlyRequest } from '../map/MapView';
import { consoleDeckLayers } from '../map/deckLayers';
import { loadedFeatureParts } from '../map/featureLookup';
import type { LayerState } from '../map/styleControl';
import { CODE_KEYED, type Pick } from '../map/pick';
import { getPlugins, pluginsVersion, refreshPlugins, subscribePlugins, type PluginContext } from '../plugins/registry';
import { DEFAULT_VIEW, PHONE_QUERY } from './defaults';
import { Header } from './Header';
import { SidePanel, type PanelTab } from './SidePanel';
import { useLabels } from './useLabels';
import { useMediaQuery } from './useMediaQuery';

interface Props {
  user: SessionUser;
  lang: Lang;
  setLang: (l: Lang) => void;
  onLogout: () => void;
}

/** Search result kinds → catalogue layers. */
const KIND_LAYER: Record<string, string> = {
  county: 'counties',
  township: 'townships',
  village: 'villages',
  grid: 'grids',
  checkpoint: 'checkpoints',
  firm: 'firms',
  venue: 'venues',
  wastewater_site: 'wastewater_sites',
  site: 'wastewater_sites',
  road: 'roads',
};

export function layerForResult(r: SearchResult & { layer?: string; level?: string }, ids: Set<string>): string {
  const candidates = [r.layer, KIND_LAYER[r.kind], r.level && KIND_LAYER[r.level], `${r.kind}s`, r.kind];
  return candidates.find((c): c is string => !!c && ids.has(c)) ?? r.kind;
}

export function Console({ user, lang, setLang, onLogout }: Props) {
  const { t } = useTranslation();
  const initial = useMemo(() => parseViewHash(window.location.hash, { ...DEFAULT_VIEW, lang }), [lang]);
  const hadView = useMemo(() => window.location.hash.includes('map='), []);
  const isPhone = useMediaQuery(PHONE_QUERY);

  const [catalogue, setCatalogue] = useState<CatalogueLayer[] | null>(null);
  const [style, setStyle] = useState<StyleSpecification | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);

  const [visibleList, setVisibleList] = useState<string[] | null>(initial.layers);
  const [opacity, setOpacity] = useState(initial.opacity);
  const [filters, setFilters] = useState(initial.filters);
  const [selection, setSelection] = useState<Selection | null>(initial.selection);
  const [selectedProps, setSelectedProps] = useState<Record<string, unknown> | null>(null);
  const [highlight, setHighlight] = useState<Feature<Geometry>[]>([]);
  const [searchMarker, setSearchMarker] = useState<[number, number] | null>(null);
  const [userPosition, setUserPosition] = useState<{ lon: number; lat: number; accuracy: number } | null>(null);
  const [fly, setFly] = useState<FlyRequest | null>(null);
  const [camera, setCamera] = useState({ center: initial.center, zoom: initial.zoom });
  const [panelOpen, setPanelOpen] = useState(() => !window.matchMedia(PHONE_QUERY).matches);
  const [tab, setTab] = useState<PanelTab>(initial.selection ? 'details' : 'layers');
  const [activeModes, setActiveModes] = useState<string[]>([]);
  useSyncExternalStore(subscribePlugins, pluginsVersion);

  // Catalogue and style, once.
  useEffect(() => {
    Promise.all([api.get<CatalogueLayer[] | { layers: CatalogueLayer[] }>('/api/layers'), api.get<StyleSpecification>(`/api/style.json?lang=${lang}`)])
      .then(([cat, st]) => {
        setCatalogue(Array.isArray(cat) ? cat : cat.layers);
        setStyle(st);
      })
      .catch((e) => setLoadError((e as Error).message));
    // The style carries no text, so a language switch does not need a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const ids = useMemo(() => new Set((catalogue ?? []).map((l) => l.id)), [catalogue]);
  const visible = useMemo(() => {
    if (visibleList) return new Set(visibleList.filter((id) => ids.has(id)));
    return new Set((catalogue ?? []).filter((l) => (l as { visible?: boolean }).visible !== false).map((l) => l.id));
  }, [visibleList, catalogue, ids]);

  const layerStates = useMemo(() => {
    const out: Record<string, LayerState> = {};
    for (const l of catalogue ?? []) out[l.id] = { visible: visible.has(l.id), opacity: opacity[l.id] ?? 1, filters: filters[l.id] ?? {} };
    return out;
  }, [catalogue, visible, opacity, filters]);

  // The URL mirrors the view (replaceState: moving the map should not fill the history).
  useEffect(() => {
    const v: ViewState = { center: camera.center, zoom: camera.zoom, layers: visibleList, opacity, filters, selection, lang };
    const hash = formatViewHash(v);
    if (hash !== window.location.hash) history.replaceState(null, '', hash);
  }, [camera, visibleList, opacity, filters, selection, lang]);

  // A link pasted into this tab: apply it.
  useEffect(() => {
    const onHash = () => {
      const v = parseViewHash(window.location.hash, { ...DEFAULT_VIEW, lang });
      setVisibleList(v.layers);
      setOpacity(v.opacity);
      setFilters(v.filters);
      setSelection(v.selection);
      if (v.lang !== lang) setLang(v.lang);
      map?.jumpTo({ center: v.center, zoom: v.zoom });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [map, lang, setLang]);

  const padding = useCallback(() => {
    if (isPhone) return { top: 80, bottom: panelOpen ? Math.round(window.innerHeight * 0.5) : 80, left: 30, right: 30 };
    return { top: 80, bottom: 40, left: panelOpen ? 400 : 40, right: 60 };
  }, [isPhone, panelOpen]);

  const onReady = useCallback(
    (m: MapLibreMap) => {
      setMap(m);
      if (!hadView && catalogue) {
        // No view in the link: frame the data (the union of the area layers' bounds).
        const b = catalogue.find((l) => l.id === 'counties')?.bounds ?? catalogue.find((l) => l.bounds)?.bounds;
        if (b) m.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: padding(), duration: 0 });
      }
    },
    [catalogue, hadView, padding],
  );

  const onMove = useCallback((center: [number, number], zoom: number) => setCamera({ center, zoom }), []);

  const select = useCallback(
    (sel: Selection | null, props?: Record<string, unknown> | null) => {
      setSelection(sel);
      setSelectedProps(props ?? null);
      if (sel) {
        setTab('details');
        if (isPhone) setPanelOpen(true);
      }
    },
    [isPhone],
  );

  const onPick = useCallback(
    (pick: Pick | null) => {
      if (!pick) {
        select(null);
        return;
      }
      if (pick.kind === 'feature') {
        setSearchMarker(null);
        select(pick.selection, pick.properties);
      }
    },
    [select],
  );

  // Selection outline and properties: tile pieces as soon as the tiles are there (retried on every idle until
  // found), then the exact geometry from the OGC API by the feature's numeric id (no seams at tile edges).
  useEffect(() => {
    if (!selection || !map) {
      setHighlight([]);
      return;
    }
    setHighlight([]);
    const ctrl = new AbortController();
    let found = false;
    const fromTiles = () => {
      if (found) return;
      const parts = loadedFeatureParts(map, selection.layer, selection.id);
      if (!parts.length) return;
      found = true;
      map.off('idle', fromTiles);
      setSelectedProps((p) => p ?? (parts[0].properties as Record<string, unknown>));
      setHighlight(parts);
      const numericId = parts.find((p) => typeof p.id === 'number')?.id;
      if (numericId === undefined) return;
      api
        .get<Feature<Geometry>>(`/api/ogc/collections/${encodeURIComponent(selection.layer)}/items/${numericId}`, ctrl.signal)
        .then((f) => {
          if (f?.geometry) setHighlight([f]);
        })
        .catch(() => undefined);
    };
    fromTiles();
    if (!found) map.on('idle', fromTiles);
    return () => {
      ctrl.abort();
      map.off('idle', fromTiles);
    };
  }, [selection, map]);

  const chooseResult = useCallback(
    (r: SearchResult) => {
      const layer = layerForResult(r, ids);
      const id = String(CODE_KEYED.has(layer) ? (r.code ?? r.id) : (r.id ?? r.code));
      const [w, s, e, n] = r.bbox;
      setSearchMarker([(w + e) / 2, (s + n) / 2]);
      setVisibleList((list) => {
        const current = list ?? [...visible];
        return current.includes(layer) || !ids.has(layer) ? list : [...current, layer];
      });
      select({ layer, id });
      setFly({ bbox: r.bbox, padding: padding(), seq: Date.now() });
    },
    [ids, visible, select, padding],
  );

  const locate = useCallback(() => {
    navigator.geolocation?.getCurrentPosition(
      (p) => {
        const pos = { lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy };
        setUserPosition(pos);
        map?.easeTo({ center: [pos.lon, pos.lat], zoom: Math.max(map.getZoom(), 14) });
      },
      () => alert(t('header.locateFailed')),
      { enableHighAccuracy: true, timeout: 10000 },
    );
  }, [map, t]);

  const controlLabels = useMemo(() => ({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') }), [t]);
  const labels = useLabels(map, `${camera.center.join(',')}/${camera.zoom}`, camera.zoom, visible, catalogue ?? []);

  const pluginCtx = useCallback(
    (id: string, hasTitle: boolean): PluginContext => ({
      map,
      lang,
      user,
      catalogue: catalogue ?? [],
      selection,
      select: (s) => select(s),
      active: !hasTitle || activeModes.includes(id),
      refresh: refreshPlugins,
    }),
    [map, lang, user, catalogue, selection, select, activeModes],
  );

  const plugins = getPlugins();
  const version = pluginsVersion();
  const pluginContexts = useMemo(
    () => plugins.map((p) => ({ plugin: p, ctx: pluginCtx(p.id, !!p.title) })),
    // version: plug-ins ask for a re-read through refreshPlugins()
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plugins, pluginCtx, version],
  );
  const overrides = useMemo(() => pluginContexts.flatMap(({ plugin, ctx }) => plugin.styleOverrides?.(ctx) ?? []), [pluginContexts]);
  const deckLayers = useMemo(
    () => [
      ...pluginContexts.flatMap(({ plugin, ctx }) => plugin.deckLayers?.(ctx) ?? []),
      ...consoleDeckLayers({ labels: labels.points, labelLayer: labels.layer, highlight, searchMarker, userPosition }),
    ],
    [pluginContexts, labels, highlight, searchMarker, userPosition],
  );

  if (loadError) {
    return (
      <main className="splash" role="alert">
        <p>{t('app.error', { message: loadError })}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!catalogue || !style) {
    return (
      <main className="splash" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  }

  return (
    <div className={`console ${panelOpen ? 'panel-open' : 'panel-closed'} ${isPhone ? 'phone' : 'desktop'}`}>
      <a className="skip-link" href="#map-region">
        {t('app.skip')}
      </a>
      <Header user={user} lang={lang} setLang={setLang} onLogout={onLogout} onChoose={chooseResult} onLocate={locate} />
      <main id="map-region" className="map-region" tabIndex={-1}>
        <MapView
          style={style}
          initialView={initial}
          layerStates={layerStates}
          overrides={overrides}
          deckLayers={deckLayers}
          fly={fly}
          ariaLabel={t('map.label')}
          controlLabels={controlLabels}
          onMove={onMove}
          onPick={onPick}
          onReady={onReady}
        />
      </main>
      <SidePanel
        open={panelOpen}
        setOpen={setPanelOpen}
        tab={tab}
        setTab={setTab}
        lang={lang}
        catalogue={catalogue}
        layerStates={layerStates}
        zoom={camera.zoom}
        setVisible={(id, on) =>
          setVisibleList((list) => {
            const current = list ?? [...visible];
            return on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
          })
        }
        setOpacity={(id, o) => setOpacity((prev) => ({ ...prev, [id]: o }))}
        setFilter={(id, prop, values) =>
          setFilters((prev) => {
            const layer = { ...(prev[id] ?? {}) };
            if (values === null) delete layer[prop];
            else layer[prop] = values;
            const next = { ...prev, [id]: layer };
            if (!Object.keys(layer).length) delete next[id];
            return next;
          })
        }
        selection={selection}
        selectedProps={selectedProps}
        clearSelection={() => select(null)}
        zoomToSelection={(bbox) => setFly({ bbox, padding: padding(), seq: Date.now() })}
        pluginContexts={pluginContexts}
        activeModes={activeModes}
        setModeActive={(id, on) => setActiveModes((m) => (on ? [...m, id] : m.filter((x) => x !== id)))}
      />
    </div>
  );
}
