/** The answers of GET /api/layers and GET /api/style.json, for the OpenAPI document and the typed handlers. */
import { z } from 'zod';
import { bbox } from '../http/schemas.js';

export const bilingual = z.object({ zh: z.string(), en: z.string() });

export const legendEntry = z.object({
  kind: z.enum(['class', 'fallback', 'overlay']).describe('class: one colour class; fallback: features in no class; overlay: an outline drawn over the fill'),
  label: bilingual,
  color: z.string(),
  shape: z.enum(['fill', 'line', 'circle']),
  property: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
  dash: z.tuple([z.number(), z.number()]).optional(),
});

export const layerFilter = z.object({
  property: z.string(),
  title: bilingual,
  values: z.array(z.object({ value: z.union([z.string(), z.number(), z.boolean()]), label: bilingual })),
});

/** MapLibre paint properties (expressions), applied as they are. */
const paint = z.record(z.string(), z.unknown());

export const catalogueLayer = z.object({
  id: z.string(),
  title: bilingual,
  group: z.enum(['boundaries', 'sites', 'signals', 'basemap']),
  geometryType: z.enum(['Polygon', 'LineString', 'Point']),
  minzoom: z.number(),
  maxzoom: z.number(),
  visible: z.boolean().describe('Drawn on by default'),
  clusterBelowZoom: z.number().nullable(),
  labels: z.boolean().describe('Whether /api/labels has name labels for it'),
  count: z.number().int().describe('Features within your jurisdiction'),
  bounds: bbox.nullable(),
  fields: z.array(z.object({ name: z.string(), type: z.enum(['string', 'number', 'boolean', 'date']), title: bilingual })),
  filters: z.array(layerFilter),
  legend: z.array(legendEntry),
  themes: z
    .array(z.object({ id: z.enum(['signals']), legend: z.array(legendEntry), paint, styleLayers: z.record(z.string(), paint).describe("Paint for the mode's own style layers by id") }))
    .describe('How the layer is drawn while a mode is on: paint applied over the style, and its legend'),
  tiles: z.string().describe('Tile URL template'),
  ogc: z.string().describe('The OGC API – Features collection'),
});

export const layersPage = z.object({ layers: z.array(catalogueLayer) });

/** A MapLibre style document (https://maplibre.org/maplibre-style-spec/), built from the layer definitions. */
export const styleDoc = z
  .object({ version: z.number().describe('8'), sources: z.record(z.string(), z.unknown()), layers: z.array(z.record(z.string(), z.unknown())) })
  .passthrough();
