/**
 * The command centre's wall display (大屏): the whole jurisdiction on the console's map, rotating by itself through
 * listing grades, drug-signal trends and checkpoint activity, beside a band of key figures in large type. Unattended
 * for days: it never goes blank — the last good figures and tiles stay when the API fails, with a discreet badge
 * saying since when (usePolled, tiles.ts). Its only controls (WallControls): visitor mode, which hides names of
 * people and exact site names (the API is asked not to send them), and how far back the shift-change view looks.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { fetchCatalogue, fetchStyle } from '../api/catalogue';
import type { CatalogueLayer, Lang, SessionUser } from '../api/types';
import { i18n } from '../i18n';
import { MapView } from '../map/MapView';
import { useLabels } from '../console/useLabels';
import { pluginsVersion, refreshPlugins, subscribePlugins, type PluginContext } from '../plugins/registry';
import wastewater from '../wastewater/plugin';
import zh from './i18n/zh-CN.json';
import { FigureBand } from './FigureBand';
import { hhmm } from './overview';
import { parseWallHash, retryDelayMs } from './schedule';
import { viewOverrides, WALL_SCHEME } from './theme';
import { reloadTilesIfReachable } from './tiles';
import { useOverview } from './useOverview';
import type { Changes } from './changes';
import { changesUrl, loadPrefs, savePrefs, shiftWindow, type WallPrefs } from './shift';
import { ShiftChange } from './ShiftChange';
import { usePolled } from './usePolled';
import { WallControls } from './WallControls';
import { layerStatesFor, SITE_LAYERS, viewAt, WALL_LAYERS } from './views';
import { ViewLegend } from './ViewLegend';
import { WallEvidence } from './WallEvidence';
import './wall.css';

/** The wall's messages, added on first render (this module is imported before main.tsx initialises i18n). */
function ensureMessages(): void {
  if (i18n.hasResourceBundle('zh-CN', 'wall')) return;
  i18n.addResourceBundle('zh-CN', 'wall', zh, true, true);
}

/** `as_of=YYYY-MM-DD` in the hash pins the reference date (rehearsals, demos); otherwise the server's today. */
function asOfFromHash(): string | null {
  const v = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('as_of');
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

/** Catalogue and style, retried with backoff until they come: a wall switched on before the server waits for it. */
function useMapSetup(lang: Lang, asOf: string | null) {
  const [setup, setSetup] = useState<{ catalogue: CatalogueLayer[]; style: StyleSpecification } | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    let failures = 0;
    const load = async () => {
      try {
        const [catalogue, style] = await Promise.all([fetchCatalogue(), fetchStyle({ lang, scheme: WALL_SCHEME, asOf })]);
        if (!stopped) setSetup({ catalogue, style });
      } catch {
        if (!stopped) timer = setTimeout(load, retryDelayMs(++failures, 60));
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [lang, asOf]);
  return setup;
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export function WallDisplay({ user, lang }: { user: SessionUser; lang: Lang }) {
  ensureMessages();
  const { t } = useTranslation('wall');
  const settings = useMemo(() => parseWallHash(window.location.hash), []);
  const asOf = useMemo(asOfFromHash, []);
  const setup = useMapSetup(lang, asOf);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const started = useRef(Date.now());
  const now = useNow();
  useSyncExternalStore(subscribePlugins, pluginsVersion);
  const version = pluginsVersion();

  // Back online after an outage: fetch fresh tiles at once rather than at the next periodic reload.
  const onOnline = useCallback(() => {
    if (map) void reloadTilesIfReachable(map);
  }, [map]);
  const { data, conn } = useOverview(settings.refreshSeconds, asOf, onOnline);
  const [prefs, setPrefs] = useState<WallPrefs>(loadPrefs);
  const changePrefs = useCallback((p: WallPrefs) => {
    savePrefs(p);
    setPrefs(p);
  }, []);
  const shift = usePolled<Changes>(changesUrl(shiftWindow(now, prefs.shiftHours, asOf), prefs.visitor), settings.refreshSeconds);
  // Visitor mode: never show an answer fetched with names (the previous mode's) — wait for the new one.
  const changes = shift.data && shift.data.value.visitor === prefs.visitor ? shift.data.value : null;

  useEffect(() => {
    if (!map) return;
    const id = setInterval(() => void reloadTilesIfReachable(map), settings.tileReloadSeconds * 1000);
    return () => clearInterval(id);
  }, [map, settings.tileReloadSeconds]);

  const view = viewAt(now - started.current, settings.rotateSeconds, settings.views);

  const fit = useCallback(
    (m: MapLibreMap) => {
      const b = setup?.catalogue.find((l) => l.id === 'counties')?.bounds ?? setup?.catalogue.find((l) => l.bounds)?.bounds;
      const pad = Math.round(Math.min(window.innerWidth, window.innerHeight) * 0.04);
      if (b) m.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: pad, duration: 0 });
    },
    [setup],
  );
  const onReady = useCallback(
    (m: MapLibreMap) => {
      // Nothing to interact with on a wall; a stray mouse must not move the map away from the jurisdiction.
      m.dragPan.disable();
      m.scrollZoom.disable();
      m.doubleClickZoom.disable();
      m.keyboard.disable();
      // MapLibre writes every failed tile to the console unless the map has an error listener. On the wall a
      // failed tile is the outage the badge already shows (the last tiles stay drawn): not worth a console error
      // every few seconds for days. Anything else is still reported.
      m.on('error', (e: { error?: { status?: number; name?: string }; sourceId?: string }) => {
        if (e.sourceId || e.error?.name === 'AJAXError' || typeof e.error?.status === 'number') return;
        console.error(e.error ?? e);
      });
      fit(m);
      setMap(m);
    },
    [fit],
  );
  useEffect(() => {
    if (!map) return;
    const refit = () => fit(map);
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, [map, fit]);

  const available = useMemo(() => new Set((setup?.catalogue ?? []).map((l) => l.id).filter((id) => (WALL_LAYERS as readonly string[]).includes(id))), [setup]);
  // Every catalogue layer gets a state: the ones the wall does not draw are hidden.
  const layerStates = useMemo(() => {
    const states = layerStatesFor(view.id, available);
    for (const l of setup?.catalogue ?? []) states[l.id] ??= { visible: false, opacity: 0, filters: {} };
    return states;
  }, [view.id, available, setup]);

  const ctx: PluginContext = useMemo(
    () => ({ map, lang, user, catalogue: setup?.catalogue ?? [], selection: null, select: () => undefined, active: true, setModeActive: () => undefined, refresh: refreshPlugins }),
    [map, lang, user, setup],
  );
  const overrides = useMemo(() => viewOverrides(view.id, setup?.catalogue ?? []), [view.id, setup]);
  const labelled = useMemo(() => (prefs.visitor ? new Set([...available].filter((id) => !SITE_LAYERS.includes(id))) : available), [available, prefs.visitor]);
  const labels = useLabels(map, `wall/${Math.floor((data?.fetchedAt ?? 0) / 3_600_000)}`, map?.getZoom() ?? 0, labelled, setup?.catalogue ?? []);
  const deckLayers = useMemo(
    () => [
      ...(view.id === 'signals' ? (wastewater.deckLayers?.(ctx) ?? []) : []),
    ],
    // version: the wastewater sites arrive later and bump it
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.id, ctx, version],
  );
  const noFly = null;
  // The console's name labels in the dark scheme, enlarged to be read across the room (about 2.4 % of the screen
  // height for a county name); sites stay unnamed on the wall.
  const labelStyle = useMemo(() => ({ scheme: 'dark' as const, sizeScale: Math.max(1, (window.innerHeight * 0.024) / 16), siteNames: false }), []);
  // Start on the jurisdiction (fitBounds refines it once the map knows its size).
  const initialView = useMemo(() => {
    const b = setup?.catalogue.find((l) => l.bounds)?.bounds;
    return { center: (b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : [112, 27]) as [number, number], zoom: 8 };
  }, [setup]);

  const clock = new Date(now).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const date = new Date(now).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  const dataAt = data ? Date.parse(data.overview.generatedAt) || data.fetchedAt : null;

  return (
    <div className="wall" data-active-view={view.id} data-visitor={prefs.visitor ? 'true' : 'false'}>
      <header className="wall-top">
        <h1>{t('title')}</h1>
        <nav className="wall-views" aria-label={t('nowShowing')}>
          {settings.views.map((id, i) => (
            <span key={id} className={`wall-view${id === view.id ? ' active' : ''}`} data-view={id} aria-current={id === view.id ? 'true' : undefined}>
              <b>{i + 1}</b> {t(`views.${id}`)}
              {id === view.id && <i className="wall-progress" style={{ animationDuration: `${settings.rotateSeconds}s` }} key={Math.floor((now - started.current) / (settings.rotateSeconds * 1000))} />}
            </span>
          ))}
          <span className="wall-next">{t('next', { name: t(`views.${view.next}`), seconds: Math.ceil(view.remainingMs / 1000) })}</span>
        </nav>
        <WallControls prefs={prefs} onChange={changePrefs} />
        <div className="wall-clock" aria-label={t('clockLabel')}>
          <time className="wall-time">{clock}</time>
          <span className="wall-date">{date}</span>
        </div>
      </header>
      <main className="wall-map">
        {setup ? (
          <MapView
            style={setup.style}
            initialView={initialView}
            layerStates={layerStates}
            overrides={overrides}
            deckLayers={deckLayers}
            labels={labels}
            labelStyle={labelStyle}
            fly={noFly}
            ariaLabel={t('map')}
            onMove={() => undefined}
            onPick={() => undefined}
            onReady={onReady}
          />
        ) : (
          <p className="wall-connecting">{t('connecting')}</p>
        )}
        {setup && <ViewLegend view={view.id} catalogue={setup.catalogue} lang={lang} />}
        {view.id === 'shift' && (changes ? <ShiftChange changes={changes} lang={lang} /> : <p className="wall-shift wall-connecting">{t('connecting')}</p>)}
        {conn.lostSince !== null && (
          <p className="wall-offline" role="status" data-offline="true">
            {dataAt ? t('offline', { since: hhmm(conn.lostSince), from: hhmm(dataAt) }) : t('offlineNoData', { since: hhmm(conn.lostSince) })}
          </p>
        )}
      </main>
      <aside className="wall-side">
        {data ? <FigureBand overview={data.overview} catalogue={setup?.catalogue ?? []} /> : <p className="wall-connecting">{t('connecting')}</p>}
        {view.id === 'signals' && <WallEvidence turn={Math.floor((now - started.current) / (settings.rotateSeconds * 1000 * settings.views.length))} refreshKey={data?.fetchedAt ?? 0} />}
        {dataAt && (
          <footer className="wall-asof">
            <span data-figure="dataAsOf">{t('dataAsOf', { time: hhmm(dataAt) })}</span>
            <span>{t('statDate', { date: data!.overview.asOf })}</span>
          </footer>
        )}
      </aside>
    </div>
  );
}
