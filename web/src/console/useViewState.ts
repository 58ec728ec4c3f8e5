/**
 * The console's view state — visible layers, opacities, filters, the selection and the camera — mirrored into the
 * URL hash so that a link reopens the same view, and read back when a link is pasted into the tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CatalogueLayer, Lang } from '../api/types';
import { formatViewHash, parseViewHash, type Selection, type ViewState } from '../url/viewHash';
import { DEFAULT_VIEW } from './defaults';
import { layerStatesFor, visibleLayers } from './layerStates';

const selectionKey = (s: Selection | null) => (s ? `${s.layer}:${s.id}` : '');

export function useViewState(opts: { lang: Lang; setLang: (l: Lang) => void; map: MapLibreMap | null; catalogue: CatalogueLayer[] | null }) {
  const { lang, setLang, map, catalogue } = opts;
  const initial = useMemo(() => parseViewHash(window.location.hash, { ...DEFAULT_VIEW, lang }), [lang]);
  const hadView = useMemo(() => window.location.hash.includes('map='), []);

  const [visibleList, setVisibleList] = useState<string[] | null>(initial.layers);
  const [opacity, setOpacity] = useState(initial.opacity);
  const [filters, setFilters] = useState(initial.filters);
  const [selection, setSelection] = useState<Selection | null>(initial.selection);
  const [camera, setCamera] = useState({ center: initial.center, zoom: initial.zoom });

  const ids = useMemo(() => new Set((catalogue ?? []).map((l) => l.id)), [catalogue]);
  /** The visible layers: those in the link, or the catalogue's defaults. */
  const visible = useMemo(() => visibleLayers(catalogue ?? [], visibleList), [visibleList, catalogue]);

  const layerStates = useMemo(() => layerStatesFor(catalogue ?? [], visible, opacity, filters), [catalogue, visible, opacity, filters]);

  // The URL mirrors the view. A new selection is a new history entry, so that the back button walks back through
  // what was selected; everything else replaces the entry (moving the map should not fill the history).
  const writtenSelection = useRef(selectionKey(initial.selection));
  useEffect(() => {
    const v: ViewState = { center: camera.center, zoom: camera.zoom, layers: visibleList, opacity, filters, selection, lang };
    const hash = formatViewHash(v);
    const key = selectionKey(selection);
    if (hash !== window.location.hash) {
      if (key !== writtenSelection.current) history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    }
    writtenSelection.current = key;
  }, [camera, visibleList, opacity, filters, selection, lang]);

  // A link pasted into this tab: apply it.
  useEffect(() => {
    const onHash = (e: HashChangeEvent) => {
      // The hash the event is about, not the location's now: the page's own replaceState (the camera written back
      // while the map still moves) may have overwritten it before this event ran, and the link would be lost.
      const v = parseViewHash(new URL(e.newURL).hash, { ...DEFAULT_VIEW, lang });
      setVisibleList(v.layers);
      setOpacity(v.opacity);
      setFilters(v.filters);
      writtenSelection.current = selectionKey(v.selection); // arrived from the history: not a new entry
      setSelection(v.selection);
      if (v.lang !== lang) setLang(v.lang);
      map?.jumpTo({ center: v.center, zoom: v.zoom });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [map, lang, setLang]);

  const setVisible = useCallback(
    (id: string, on: boolean) =>
      setVisibleList((list) => {
        const current = list ?? [...visible];
        return on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
      }),
    [visible],
  );
  /** Make a layer visible unless it already is (or is not in the catalogue). */
  const ensureVisible = useCallback(
    (id: string) =>
      setVisibleList((list) => {
        const current = list ?? [...visible];
        return current.includes(id) || !ids.has(id) ? list : [...current, id];
      }),
    [visible, ids],
  );
  const setLayerOpacity = useCallback((id: string, o: number) => setOpacity((prev) => ({ ...prev, [id]: o })), []);
  const setFilter = useCallback(
    (id: string, prop: string, values: string[] | null) =>
      setFilters((prev) => {
        const layer = { ...(prev[id] ?? {}) };
        if (values === null) delete layer[prop];
        else layer[prop] = values;
        const next = { ...prev, [id]: layer };
        if (!Object.keys(layer).length) delete next[id];
        return next;
      }),
    [],
  );

  return { initial, hadView, ids, visible, layerStates, camera, setCamera, selection, setSelection, setVisible, ensureVisible, setLayerOpacity, setFilter };
}
