/** The layer catalogue (/api/layers) and the MapLibre style (/api/style.json), as the console and the wall load them. */
import type { StyleSpecification } from 'maplibre-gl';
import { api } from './client';
import type { Answer } from './typed';
import type { CatalogueLayer } from './types';

export async function fetchCatalogue(signal?: AbortSignal): Promise<CatalogueLayer[]> {
  // openapi-fetch widens the bounds tuple to number[]; the answer's generated type keeps it.
  return (await api.get<Answer<'/api/layers', 'get'>>('/api/layers', signal)).layers;
}

/** The style of the light console, or the wall's dark scheme; `as_of` pins the listing date of the area tiles. */
export function fetchStyle(params: { lang: string; scheme?: 'light' | 'dark'; asOf?: string | null }, signal?: AbortSignal): Promise<StyleSpecification> {
  const q = new URLSearchParams({ lang: params.lang, ...(params.scheme ? { scheme: params.scheme } : {}), ...(params.asOf ? { as_of: params.asOf } : {}) });
  return api.get<StyleSpecification>(`/api/style.json?${q}`, signal);
}
