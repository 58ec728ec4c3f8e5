/**
 * The console: full-screen map, header (search, language, user), and the side panel (layers, legend, details;
 * a bottom sheet on phones). The view state and its URL hash (useViewState), the catalogue (useCatalogue), the
 * selection outline (useSelectionOutline) and the plug-ins (usePlugins) live in their own hooks; this component
 * wires them to the map and the panels.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang, SearchResult, SessionUser } from '../api/types';
import { consoleDeckLayers } from '../map/deckLayers';
import { MapView, type FlyRequest } from '../map/MapView';
import { CODE_KEYED, type Pick } from '../map/pick';
import type { Selection } from '../url/viewHash';
import { PHONE_QUERY } from './defaults';
import { Header } from './Header';
import { SidePanel, type PanelTab } from './SidePanel';
import { useCatalogue } from './useCatalogue';
import { useLabels } from './useLabels';
import { useMediaQuery } from './useMediaQuery';
import { usePlugins } from './usePlugins';
import { useSelectionOutline } from './useSelectionOutline';
import { useViewState } from './useViewState';

/** Administration: only administrators open it, so it is a chunk of its own. */
const AdminPage = lazy(() => import('../admin/AdminPage'));

interface Props {
  user: SessionUser;
  lang: Lang;
  setLang: (l: Lang) => void;
  onLogout: () => void;
}

export function Console({ user, lang, setLang, onLogout }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery(PHONE_QUERY);
  const { catalogue, style, error: loadError } = useCatalogue(lang);
  const [adminOpen, setAdminOpen] = useState(false);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const view = useViewState({ lang, setLang, map, catalogue });
  const { initial, hadView, visible, layerStates, camera, setCamera, selection, setSelection, ensureVisible } = view;
  const { highlight, selectedProps, setSelectedProps } = useSelectionOutline(selection, map);

  const [searchMarker, setSearchMarker] = useState<[number, number] | null>(null);
  const [userPosition, setUserPosition] = useState<{ lon: number; lat: number; accuracy: number } | null>(null);
  const [fly, setFly] = useState<FlyRequest | null>(null);
  // Closed on phones to show the map, except when the link selects something (a patrol sheet's QR code): then its
  // details, with the inspection form, are what the person came for.
  const [panelOpen, setPanelOpen] = useState(() => !window.matchMedia(PHONE_QUERY).matches || initial.selection !== null);
  const [tab, setTab] = useState<PanelTab>(initial.selection ? 'details' : 'layers');
  const [activeModes, setActiveModes] = useState<string[]>([]);
  const setModeActive = useCallback(
    (id: string, on: boolean) => setActiveModes((m) => (on ? (m.includes(id) ? m : [...m, id]) : m.filter((x) => x !== id))),
    [],
  );

  // A selection that arrives from the history (back, forward) or a pasted link shows its details.
  useEffect(() => {
    if (!selection) return;
    setTab('details');
    if (isPhone) setPanelOpen(true);
  }, [selection, isPhone]);

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

  const onMove = useCallback((center: [number, number], zoom: number) => setCamera({ center, zoom }), [setCamera]);

  const select = useCallback(
    (sel: Selection | null, props?: Record<string, unknown> | null) => {
      setSelection(sel);
      setSelectedProps(props ?? null);
      if (sel) {
        setTab('details');
        if (isPhone) setPanelOpen(true);
      }
    },
    [isPhone, setSelection, setSelectedProps],
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

  const chooseResult = useCallback(
    (r: SearchResult) => {
      // The API names the catalogue layer of every result (api/src/search/schemas.ts).
      const layer = r.layer;
      const id = String(CODE_KEYED.has(layer) ? r.code : r.id);
      const [w, s, e, n] = r.bbox;
      setSearchMarker([(w + e) / 2, (s + n) / 2]);
      ensureVisible(layer);
      select({ layer, id });
      setFly({ bbox: r.bbox, padding: padding(), seq: Date.now() });
    },
    [ensureVisible, select, padding],
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
  // Before the map exists, the labels of a view given in the link are asked for at once (with the style and tiles).
  const labels = useLabels(map, `${camera.center.join(',')}/${camera.zoom}`, camera.zoom, visible, catalogue ?? [], hadView ? initial : undefined);
  const plugins = usePlugins({ map, lang, user, catalogue, selection, select, activeModes, setModeActive });
  const deckLayers = useMemo(
    () => [...plugins.deckLayers, ...consoleDeckLayers({ highlight, searchMarker, userPosition })],
    [plugins.deckLayers, highlight, searchMarker, userPosition],
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
      <Header
        user={user}
        lang={lang}
        setLang={setLang}
        onLogout={onLogout}
        onChoose={chooseResult}
        onLocate={locate}
        onAdmin={user.role === 'admin' ? () => setAdminOpen(true) : undefined}
      />
      {adminOpen && (
        <Suspense fallback={null}>
          <AdminPage onClose={() => setAdminOpen(false)} />
        </Suspense>
      )}
      <main id="map-region" className="map-region" tabIndex={-1}>
        <MapView
          style={style}
          initialView={initial}
          layerStates={layerStates}
          overrides={plugins.overrides}
          deckLayers={deckLayers}
          labels={labels}
          fly={fly}
          ariaLabel={t('map.label')}
          controlLabels={controlLabels}
          onMove={onMove}
          onPick={onPick}
          onReady={onReady}
        />
      </main>
      <SidePanel
        map={map}
        open={panelOpen}
        setOpen={setPanelOpen}
        tab={tab}
        setTab={setTab}
        lang={lang}
        catalogue={catalogue}
        layerStates={layerStates}
        zoom={camera.zoom}
        setVisible={view.setVisible}
        setOpacity={view.setLayerOpacity}
        setFilter={view.setFilter}
        selection={selection}
        selectedProps={selectedProps}
        clearSelection={() => select(null)}
        zoomToSelection={(bbox) => setFly({ bbox, padding: padding(), seq: Date.now() })}
        pluginContexts={plugins.pluginContexts}
        activeModes={activeModes}
        setModeActive={setModeActive}
      />
    </div>
  );
}
