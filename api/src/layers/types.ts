/**
 * A layer definition is the single source of truth for one map layer: the table and columns behind it, its zoom
 * range and generalisation, the properties its features carry, how it is painted and how its legend reads.
 * Tiles (tiles/), OGC API collections (ogc/), the /api/layers catalogue and the MapLibre style (style/) are all
 * built from these objects; nothing else restates them.
 */
export interface Text {
  zh: string;
  en: string;
}

export type FieldType = 'string' | 'number' | 'boolean' | 'date';

export interface LayerField {
  name: string;
  /** SQL expression over the table alias `t` (and any `joins`). */
  sql: string;
  type: FieldType;
  title: Text;
}

/** One colour class: features whose `property` equals `value` get `color`; its label is the legend entry. */
export interface ColorClass {
  value: string | number | boolean | null;
  color: string;
  label: Text;
}

export interface ColorRule {
  /** Feature property the colour depends on; absent → every feature gets `fallback`. */
  property?: string;
  classes: ColorClass[];
  /** Features matching no class. `dark`: its colour on the dark scheme (the wall), when that differs. */
  fallback: { color: string; label: Text; dark?: string };
}

/** Opacity: a number, or [zoom, opacity] stops interpolated linearly (e.g. fade a parent's fill when children show). */
export type Opacity = number | [number, number][];

/** A layer's own outline; `dark` is its colour on the dark scheme. */
export interface Outline {
  color: string;
  width: number;
  dark?: string;
}

/**
 * A state drawn as an outline over the fill where a boolean property is true, so it reads without colour
 * (colour-blind readers, black-and-white prints). Its style layer is `<layer>-<id>`, with `gc:flag` = id.
 */
export interface OutlineOverlay {
  id: string;
  property: string;
  color: string;
  dark?: string;
  width: number;
  dash: [number, number];
  label: Text;
}

/**
 * Opacity that shows how much data stands behind a value: from CONFIDENCE.minAlpha to maxAlpha by coverage ×
 * min(1, n / fullSupportWeeks) (domain/palette); 0, not filled, where no colour class matches or either is 0.
 */
export interface ConfidenceOpacity {
  coverage: string;
  n: string;
}

export type LayerPaint =
  | { kind: 'fill'; color: ColorRule; opacity: Opacity; outline: Outline; overlays?: OutlineOverlay[] }
  | { kind: 'line'; color: ColorRule; width: number; dash?: [number, number] }
  | { kind: 'circle'; color: ColorRule; radius: number; stroke: string };

/** Console modes that redraw layers: `signals` = the wastewater mode and the wall's drug-signal view. */
export type ThemeId = 'signals';

/** Another way to draw a fill layer while a mode is on; its legend comes from `color` as the default's does. */
export interface LayerTheme {
  id: ThemeId;
  /** Absent → the layer keeps its default colours (and the theme adds no legend). */
  color?: ColorRule;
  /** 0 → not filled in this theme. */
  opacity: number | { confidence: ConfidenceOpacity };
  /**
   * Outlines drawn only while the mode is on (e.g. divergence in the drug-signal mode): style layers
   * `<layer>-<theme>-<id>` with `gc:flag` = id and `gc:theme` = the mode, hidden (line-opacity 0) until the mode
   * shows them; listed in the mode's legend.
   */
  overlays?: OutlineOverlay[];
}

export interface LayerFilter {
  property: string;
  title: Text;
  values: { value: string | number | boolean; label: Text }[];
}

export interface LayerDefinition {
  id: string;
  title: Text;
  /** Table and fixed WHERE condition (over alias `t`). */
  table: string;
  where?: string;
  geometryType: 'Polygon' | 'LineString' | 'Point';
  minzoom: number;
  maxzoom: number;
  /** Web-Mercator geometry column for a zoom: generalised columns below a threshold. */
  tileGeometry: (z: number) => string;
  /** WGS84 geometry column (OGC API, bbox, search). */
  geometry: string;
  /** Code column compared with the user's jurisdiction prefix; absent → not scoped (e.g. roads). */
  scopeColumn?: string;
  fields: LayerField[];
  /** Extra FROM items (LATERAL joins) that fields may use; `$asOf` marks the as-of date parameter. */
  joins?: string;
  /**
   * Tables this layer's tiles read, for precise tile-cache invalidation: a write to one of them (reported by the
   * database with the bounding boxes of the rows it touched, migrations/110) drops this layer's cached tiles
   * there. `kind` narrows it to rows of one kind (an area's level; firm or venue for an inspection).
   */
  readsFrom: { table: string; kind?: string }[];
  /** Point layers: below this zoom, features are aggregated into clusters on the server. */
  clusterBelowZoom?: number;
  /** OGC `datetime`: the validity interval columns, when the layer has one. */
  validity?: { from: string; to: string };
  /**
   * Layers that keep history: the table and condition tiles use to draw the versions valid on `$asOf` (the
   * tiles' as_of date) instead of `table`/`where`, which hold the current versions for everything else.
   */
  asOf?: { table: string; where: string };
  paint: LayerPaint;
  /** How the layer is drawn in a mode (see ThemeId). */
  themes?: LayerTheme[];
  filters?: LayerFilter[];
  /** Whether the console draws name labels for this layer (from /api/labels). */
  labels?: boolean;
  /** Drawn on by default. */
  visible: boolean;
  /** Group in the layer panel. */
  group: 'boundaries' | 'sites' | 'signals' | 'basemap';
}

export const usesAsOf = (def: LayerDefinition) => (def.joins ?? '').includes('$asOf') || def.fields.some((f) => f.sql.includes('$asOf'));
