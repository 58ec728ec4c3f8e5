/** The answers of /api/imports, for the OpenAPI document and the typed handlers. */
import { z } from 'zod';
import { mappingSchema } from './mapping.js';

const text = z.object({ zh: z.string(), en: z.string() });
const count = z.number().int();

export const importLayers = z.object({
  layers: z.array(
    z.object({
      layer: z.string(),
      title: text,
      geometry: z.enum(['Polygon', 'Point']),
      key: z.string().describe('The field that identifies a row across imports'),
      fields: z.array(z.object({ name: z.string(), title: text, type: z.string(), required: z.boolean(), values: z.record(z.string(), text).nullable() })),
    }),
  ),
  datums: z.array(z.object({ id: z.string(), title: text })),
  acceptable: z.array(z.string()).describe('Problem rules an office may accept'),
});

export const savedMapping = z.object({ name: z.string(), mapping: mappingSchema, updatedBy: z.string(), updatedAt: z.string() });
export type SavedMapping = z.output<typeof savedMapping>;

export const sample = z.object({
  format: z.string(),
  encoding: z.string().nullable(),
  encodingSource: z.string(),
  columns: z.array(z.string()),
  geometryType: z.string().nullable(),
  hasGeometry: z.boolean(),
  estimatedRecords: z.number().nullable(),
  rows: z.array(z.object({ index: count, properties: z.record(z.string(), z.unknown()), geometryType: z.string().nullable() })),
  datum: z.object({
    declared: z.string().nullable(),
    error: z.object({ rule: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
    guess: z.object({ id: z.string(), certain: z.boolean() }).nullable(),
  }),
  mapping: z.object({ suggested: mappingSchema.nullable(), saved: z.array(savedMapping) }).nullable(),
});

export const uploadAnswer = z.object({ uploadId: z.string(), filename: z.string(), bytes: count, sha256: z.string(), sample });

const reportedProblem = z.object({
  feature: count,
  code: z.string().nullable(),
  field: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
  accepted: z.literal(true).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const importReport = z.object({
  status: z.enum(['clean', 'has_problems', 'imported', 'unchanged', 'refused']),
  dryRun: z.boolean(),
  layer: z.string(),
  file: z.object({ name: z.string(), sha256: z.string(), bytes: count, format: z.string(), encoding: z.string().nullable(), encodingSource: z.string() }),
  datum: z.object({ id: z.string(), source: z.enum(['file', 'given', 'default']), declared: z.string().nullable() }),
  mapping: mappingSchema,
  validFrom: z.string(),
  counts: z.object({ new: count, changed: count, unchanged: count, read: count, staged: count, problems: count, blocking: count }),
  problems: z.array(reportedProblem),
  problemCounts: z.record(z.string(), count),
  repairs: z.array(reportedProblem),
  changes: z.array(z.object({ feature: count, code: z.string(), fields: z.array(z.string()), shiftMetres: z.number().nullable() })),
  importId: count.nullable(),
  seconds: z.number(),
  timings: z.record(z.string(), z.number()).describe('Seconds per step'),
});

export const importAnswer = importReport.extend({ id: z.string().describe('The job, for GET /api/imports/{id} and the preview') });

/** A background import's answer (GET /api/imports/{id}, /api/wastewater/imports/{id}), for its kind of report. */
export const jobOf = <R extends z.ZodType>(report: R) =>
  z.object({
    id: z.string(),
    layer: z.string(),
    dryRun: z.boolean(),
    state: z.enum(['running', 'done', 'refused', 'failed']),
    progress: z
      .object({ phase: z.enum(['reading', 'checking', 'writing', 'recomputing', 'done']), done: count, total: count.nullable(), fraction: z.number(), elapsedSeconds: z.number(), etaSeconds: z.number().nullable() })
      .nullable(),
    report: report.nullable(),
    error: z.record(z.string(), z.unknown()).nullable().describe('The problem that ended it (title, detail, …)'),
    hasPreview: z.boolean(),
  });

export const jobAnswer = jobOf(importReport);

export const mappingsAnswer = z.object({ layer: z.string(), mappings: z.array(savedMapping) });

export const importRecord = z.object({
  id: count,
  layer: z.string(),
  filename: z.string(),
  sha256: z.string(),
  bytes: count,
  format: z.string(),
  encoding: z.string().nullable(),
  datum: z.string(),
  validFrom: z.string(),
  status: z.enum(['imported', 'unchanged', 'refused', 'failed']),
  features: count,
  new: count,
  changed: count,
  unchanged: count,
  problems: count,
  username: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportRecord = z.output<typeof importRecord>;
export const historyAnswer = z.object({ imports: z.array(importRecord) });
