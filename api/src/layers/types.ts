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
  fallback: { color: string; label: Text };
}

export type LayerPaint =
  | {
      kind: 'fill';
      color: ColorRule;
      /** A number, or [zoom, opacity] stops interpolated linearly (e.g. fade a parent's fill when children show). */
      opacity: number | [number, number][];
      outline: { color: string; width: number; minzoom?: number };
    }
  | { kind: 'line'; color: ColorRule; width: number; dash?: [number, number] }
  | { kind: 'circle'; color: ColorRule; radius: number; stroke: string };

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
  /** Point layers: below this zoom, features are aggregated into clusters on the server. */
  clusterBelowZoom?: number;
  /** OGC `datetime`: the validity interval columns, when the layer has one. */
  validity?: { from: string; to: string };
  paint: LayerPaint;
  filters?: LayerFilter[];
  /** Whether the console draws name labels for this layer (from /api/labels). */
  labels?: boolean;
  /** Drawn on by default. */
  visible: boolean;
  /** Group in the layer panel. */
  group: 'boundaries' | 'sites' | 'signals' | 'basemap';
}

export const usesAsOf = (def: LayerDefinition) => (def.joins ?? '').includes('$asOf') || def.fields.some((f) => f.sql.includes('$asOf'));
