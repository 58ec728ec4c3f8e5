/** The answers of /api/grid-months; the repository's and service's row types follow from these schemas. */
import { z } from 'zod';
import { FIGURE_FIELDS } from 'domain/figures';

const count = z.number().int();
export const figures = z.object(Object.fromEntries(FIGURE_FIELDS.map((f) => [f, count])) as Record<(typeof FIGURE_FIELDS)[number], typeof count>);
const draftFigures = z.object(Object.fromEntries(FIGURE_FIELDS.map((f) => [f, count.nullable().optional()])) as Record<(typeof FIGURE_FIELDS)[number], z.ZodOptional<z.ZodNullable<typeof count>>>);

export const formGrid = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int(),
  figures: figures.nullable().describe("The month's figures on file"),
  version: z.number().int().describe('Their version (0: none yet)'),
  source: z.enum(['import', 'officer', 'office']).nullable(),
  updatedAt: z.string().nullable(),
  previous: figures.nullable().describe("Last month's figures"),
  submittedAt: z.string().nullable(),
  draft: z.object({ figures: draftFigures, baseVersion: z.number().int(), savedAt: z.string() }).nullable(),
});
export type FormGrid = z.output<typeof formGrid>;

export const formsAnswer = z.object({ month: z.string(), months: z.array(z.string()).describe('The months that may be reported'), grids: z.array(formGrid) });

export const figureWarning = z.object({
  param: z.string(),
  field: z.enum(FIGURE_FIELDS),
  rule: z.literal('jump'),
  values: z.object({ previous: z.number(), value: z.number(), change: z.number() }),
  message: z.string(),
  message_zh: z.string(),
});

export const submitAnswer = z.object({
  submissionId: z.string(),
  gridCode: z.string(),
  month: z.string(),
  version: z.number().int(),
  receivedAt: z.string(),
  replayed: z.boolean().describe('This submission id had already been counted: nothing was written this time (200, not 201)'),
  warnings: z.array(figureWarning),
});
export type SubmitResult = z.output<typeof submitAnswer>;

export const draftAnswer = z.object({ gridCode: z.string(), month: z.string(), savedAt: z.string() });
export const correctionAnswer = z.object({ gridCode: z.string(), month: z.string(), version: z.number().int(), figures });

const officer = z.object({ name: z.string(), duty: z.string().nullable(), phone: z.string().nullable() });
export const statusRow = z.object({
  code: z.string(),
  name: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  officers: z.array(officer),
});
export type StatusRow = z.output<typeof statusRow>;

export const statusAnswer = z.object({
  month: z.string(),
  total: z.number().int(),
  reportedCount: z.number().int(),
  notReportedCount: z.number().int(),
  notReported: z.array(statusRow.omit({ submittedAt: true })).describe('The reminder list: who still has to report, with who walks the grid'),
  reported: z.array(statusRow.omit({ officers: true })),
  truncated: z.boolean(),
});
