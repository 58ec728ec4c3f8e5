/** The answers of OGC API – Features (/api/ogc), for the OpenAPI document and the typed handlers. */
import { z } from 'zod';
import { bbox, feature } from '../http/schemas.js';

export const link = z.object({ href: z.string(), rel: z.string(), type: z.string().optional(), title: z.string().optional() });

export const landing = z.object({ title: z.string(), description: z.string(), links: z.array(link) });
export const conformance = z.object({ conformsTo: z.array(z.string()) });

export const collection = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  itemType: z.literal('feature'),
  crs: z.array(z.string()),
  extent: z.object({ spatial: z.object({ bbox: z.array(bbox), crs: z.string() }) }).optional(),
  links: z.array(link),
});
export const collections = z.object({ links: z.array(link), collections: z.array(collection) });

/** Part 3 queryables: a JSON Schema of the properties a filter may name. */
export const queryables = z.object({
  $schema: z.string(),
  $id: z.string(),
  type: z.literal('object'),
  title: z.string(),
  properties: z.record(z.string(), z.object({ title: z.string(), description: z.string(), type: z.string(), format: z.string().optional() })),
  additionalProperties: z.literal(false),
});

export const items = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(feature),
  numberMatched: z.number().int(),
  numberReturned: z.number().int(),
  timeStamp: z.string(),
  links: z.array(link),
});

export const item = feature.extend({ links: z.array(link) });
