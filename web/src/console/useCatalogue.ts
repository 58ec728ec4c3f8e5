/** The catalogue and the style, loaded once per console (the style carries no text, so a language switch keeps it). */
import { useEffect, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { fetchCatalogue, fetchStyle } from '../api/catalogue';
import type { CatalogueLayer, Lang } from '../api/types';

export interface CatalogueState {
  catalogue: CatalogueLayer[] | null;
  style: StyleSpecification | null;
  error: string | null;
}

export function useCatalogue(lang: Lang): CatalogueState {
  const [state, setState] = useState<CatalogueState>({ catalogue: null, style: null, error: null });
  useEffect(() => {
    const ac = new AbortController();
    Promise.all([fetchCatalogue(ac.signal), fetchStyle({ lang }, ac.signal)])
      .then(([catalogue, style]) => setState({ catalogue, style, error: null }))
      .catch((e) => {
        if (!ac.signal.aborted) setState((s) => ({ ...s, error: (e as Error).message }));
      });
    return () => ac.abort();
    // Loaded once: see above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
