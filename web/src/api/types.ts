/** Shapes of the API answers the console reads (see the API's OpenAPI document at /api/openapi.json). */

export type Lang = 'zh-CN' | 'en';
export interface Bilingual {
  zh: string;
  en: string;
}

export interface LayerFilterValue {
  value: string;
  label: Bilingual;
}
export interface LayerFilter {
  property: string;
  title?: Bilingual;
  values: LayerFilterValue[];
}
export interface LegendEntry {
  /** `class`: one colour class; `fallback`: features in no class; `overlay`: an outline drawn over the fill. */
  kind: 'class' | 'fallback' | 'overlay';
  label: Bilingual;
  color: string;
  shape: 'fill' | 'line' | 'circle';
  property?: string;
  value?: string | number | boolean | null;
  dash?: [number, number];
}
/** How a layer is drawn while a mode is on (e.g. `signals`): paint applied over the style's, and its legend. */
export interface LayerTheme {
  id: string;
  legend: LegendEntry[];
  paint: Record<string, unknown>;
  /** Paint for the mode's own style layers by id (outlines that show only in the mode, e.g. divergence). */
  styleLayers?: Record<string, Record<string, unknown>>;
}
export interface CatalogueLayer {
  id: string;
  title: Bilingual;
  geometryType: string;
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number];
  count?: number;
  fields?: unknown;
  tiles: string;
  filters?: LayerFilter[];
  legend?: LegendEntry[];
  themes?: LayerTheme[];
  /** Drawn on by default. */
  visible?: boolean;
  /** Group in the layer panel: boundaries, sites, signals, basemap. */
  group?: string;
  /** Whether /api/labels has name labels for it. */
  labels?: boolean;
}

export interface LabelPoint {
  code: string;
  name: string;
  lon: number;
  lat: number;
}

export interface SearchResult {
  kind: string;
  code?: string;
  id?: string | number;
  name: string;
  parentName?: string | null;
  bbox: [number, number, number, number];
}

export interface SessionUser {
  id: number | string;
  username: string;
  role: string;
  displayName?: string;
  jurisdictionCode?: string;
  scopePrefix?: string;
}

export interface HealthStatus {
  status: string;
  seeding?: { step: string; done: number; total: number; etaSeconds?: number | null } | null;
  demo?: boolean | { accounts?: string[] };
  [key: string]: unknown;
}
