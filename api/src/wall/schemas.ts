/** The answer of GET /api/wall/changes; changes.ts's rows follow from these schemas. Names are null in visitor mode. */
import { z } from 'zod';

export const listingChangeRow = z.object({
  kind: z.enum(['listed', 'relisted', 'delisted']),
  onDate: z.string(),
  grade: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  level: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable().describe('null in visitor mode'),
});
export const risingChangeRow = z.object({ areaCode: z.string(), areaName: z.string(), trend: z.string(), pctChange: z.number().nullable(), since: z.string() });
export const overdueRow = z.object({ kind: z.enum(['firm', 'venue']), id: z.number().int(), name: z.string().nullable(), subKind: z.string(), townshipName: z.string().nullable(), due: z.string() });
export const caseRow = z.object({ id: z.number().int(), name: z.string().nullable(), kind: z.string(), countyName: z.string().nullable(), day: z.string(), cases: z.number().int(), seizedKg: z.number() });
export const flaggedRow = z.object({
  kind: z.enum(['firm', 'venue']),
  name: z.string().nullable(),
  subKind: z.string(),
  townshipName: z.string().nullable(),
  inspector: z.string().nullable(),
  recordedAt: z.string(),
  distanceM: z.number().int(),
});

export const changes = z.object({
  listings: z.object({ listed: z.number().int(), delisted: z.number().int(), items: z.array(listingChangeRow) }),
  rising: z.object({ count: z.number().int(), items: z.array(risingChangeRow) }),
  overdue: z.object({ count: z.number().int(), items: z.array(overdueRow) }),
  checkpointCases: z.object({ cases: z.number().int(), items: z.array(caseRow) }),
  flaggedCheckIns: z.object({ count: z.number().int(), items: z.array(flaggedRow) }),
});
export type Changes = z.output<typeof changes>;

export const changesAnswer = changes.extend({ since: z.string(), until: z.string(), visitor: z.boolean() });
