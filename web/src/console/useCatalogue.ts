/** The catalogue and the style, loaded once per console (the style carries no text, so a language switch keeps it). */
import { useEffect, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { fetchCatalogue, fetchStyle } from '../api/catalogue';
import type { CatalogueLayer, Lang } from '../api/types';
import { earlyAnswersNow, takeEarlyAnswers } from '../map/earlyMap';

export interface CatalogueState {
  catalogue: CatalogueLayer[] | null;
  style: StyleSpecification | null;
  error: string | null;
}

export function useCatalogue(lang: Lang): CatalogueState {
  // The early start's answers when they are in already: the console's first render is then its full render.
  const [state, setState] = useState<CatalogueState>(() => {
    const early = earlyAnswersNow(lang);
    return { catalogue: early?.catalogue ?? null, style: early?.style ?? null, error: null };
  });
  useEffect(() => {
    const ac = new AbortController();
    // The answers the early map start (map/earlyMap.ts) asked for, when it started for this console.
    const early = takeEarlyAnswers(lang);
    if (state.catalogue) return; // taken above: a console opened later asks again
    const answers = early ?? Promise.all([fetchCatalogue(ac.signal), fetchStyle({ lang }, ac.signal)]).then(([catalogue, style]) => ({ catalogue, style }));
    answers
      .then(({ catalogue, style }) => {
        if (!ac.signal.aborted) setState({ catalogue, style, error: null });
      })
      .catch((e) => {
        if (!ac.signal.aborted) setState((s) => ({ ...s, error: (e as Error).message }));
      });
    return () => ac.abort();
    // Loaded once: see above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
