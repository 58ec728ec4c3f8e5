/**
 * Shapes of the API answers the console reads, taken from the API's OpenAPI document (schema.gen.ts, generated from
 * the routes' own zod schemas): a changed answer fails the console's type check. Only what is not an answer (the
 * language, a bilingual label) is written here.
 */
import type { Answer } from './typed';

export type Lang = 'zh-CN' | 'en';
export interface Bilingual {
  zh: string;
  en: string;
}

/** A layer of /api/layers: fields, zoom range, bounds, count, filters, legend and the modes that redraw it. */
export type CatalogueLayer = Answer<'/api/layers', 'get'>['layers'][number];
export type LayerFilter = CatalogueLayer['filters'][number];
export type LayerFilterValue = LayerFilter['values'][number];
/** `class`: one colour class; `fallback`: features in no class; `overlay`: an outline drawn over the fill. */
export type LegendEntry = CatalogueLayer['legend'][number];
/** How a layer is drawn while a mode is on (e.g. `signals`): paint applied over the style's, and its legend. */
export type LayerTheme = CatalogueLayer['themes'][number];

export type LabelPoint = Answer<'/api/labels/{layer}', 'get'>[number];

export type SearchResult = Answer<'/api/search', 'get'>['results'][number];

export type SessionUser = NonNullable<Answer<'/api/session', 'get'>['user']>;

/** /api/health (also while starting, with 503): the phase and the progress of a first start. */
export type HealthStatus = Answer<'/api/health', 'get'>;
