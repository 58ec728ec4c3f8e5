/** Response shapes several route groups share (GeoJSON, bounding boxes), for the OpenAPI document and the client. */
import { z } from 'zod';

export const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('minLon, minLat, maxLon, maxLat (WGS84)');

/** A GeoJSON geometry (RFC 7946); coordinates are nested arrays of numbers. */
export const geometry = z.object({ type: z.string(), coordinates: z.unknown() }).passthrough();

export const feature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  bbox: bbox.optional(),
  geometry: geometry.nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});

export const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) }).passthrough();
