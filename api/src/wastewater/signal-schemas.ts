/**
 * A stored drug signal (area_signal) and the evidence behind one, as the API answers them: declared once as zod
 * schemas (the OpenAPI document's answers) from which repository.ts's SignalRow and evidence.ts's types follow.
 */
import { z } from 'zod';
import { ENFORCEMENT_MEASURES, INDEX_SUBSTANCE, SUBSTANCES, TREND_CATEGORIES } from 'domain/wastewater';

export const trendCategory = z.enum(TREND_CATEGORIES);

export const signalRow = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  level: z.string(),
  substance: z.string(),
  windowWeeks: z.number().int(),
  trend: z.string(),
  latestLoad: z.number().nullable(),
  pctChange: z.number().nullable(),
  senSlope: z.number().nullable(),
  pValue: z.number().nullable(),
  nSamples: z.number().int(),
  coverage: z.number(),
  censoredShare: z.number().describe('Share of the weekly values below detection'),
  latestCensored: z.boolean().describe('The latest value is an upper bound ("<")'),
  kendallS: z.number().nullable().describe("The plants' combined Kendall statistic"),
  kendallVar: z.number().nullable(),
  kendallZ: z.number().nullable(),
  nPlants: z.number().int(),
  nPlantsUsed: z.number().int(),
  panelJoined: z.number().int(),
  panelLeft: z.number().int(),
  enforcementTrend: z.string().nullable().describe('Enforcement over the same window (index rows rising significantly)'),
  enforcementP: z.number().nullable(),
  divergent: z.boolean(),
  computedAt: z.string(),
});
export type SignalRow = z.output<typeof signalRow>;

const weekValue = z.object({ week: z.string(), lo: z.number(), hi: z.number() }).describe('A weekly value as an interval (lo = hi when measured)');

export const plantEvidence = z.object({
  code: z.string(),
  name: z.string(),
  people: z.number(),
  weight: z.number(),
  role: z.enum(['used', 'insufficient', 'below_detection', 'no_data']),
  trend: trendCategory,
  s: z.number(),
  varS: z.number(),
  p: z.number(),
  slope: z.number().nullable(),
  pctChange: z.number().nullable(),
  weeks: z.number().int(),
  samples: z.number().int(),
  nCensored: z.number().int(),
  censoredShare: z.number(),
  limit: z.number().nullable().describe("The highest limit the plant's values were re-censored at (single substances)"),
  recensored: z.number().int(),
  firstWeek: z.string().nullable(),
  lastWeek: z.string().nullable(),
  series: z.array(weekValue),
});

export const trendChange = z.discriminatedUnion('code', [
  z.object({ code: z.literal('more_weeks'), weeks: z.number() }),
  z.object({ code: z.literal('more_detections'), weeks: z.number(), recentWeeks: z.number() }),
  z.object({ code: z.literal('p_below'), threshold: z.number(), p: z.number(), to: z.array(trendCategory) }),
  z.object({ code: z.literal('p_above'), threshold: z.number(), p: z.number(), to: trendCategory }),
  z.object({ code: z.literal('panel_no_effect') }),
]);

export const signalEvidence = z.object({
  substance: z.enum([...SUBSTANCES, INDEX_SUBSTANCE]),
  asOf: z.string().nullable(),
  window: z.object({ from: z.string(), to: z.string(), weeks: z.number().int() }).nullable(),
  stored: signalRow.nullable(),
  trend: z
    .object({
      category: trendCategory, s: z.number(), varS: z.number(), z: z.number(), p: z.number(), slope: z.number().nullable(), pctChange: z.number().nullable(),
      n: z.number().int(), censoredShare: z.number(), belowDetectionPeople: z.number(),
    })
    .nullable(),
  thresholds: z.object({
    alphaSignificant: z.number(), alphaLikely: z.number(), minSamples: z.number(), maxCensoredShare: z.number(), recentWeeks: z.number(), panelEdgeWeeks: z.number(), maxBelowDetectionPeople: z.number(),
  }),
  plants: z.array(plantEvidence),
  panel: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['joined', 'left']), week: z.string() })),
  weekly: z.array(weekValue.extend({ people: z.number() })),
  coverage: z.number(),
  enforcement: z
    .object({
      category: trendCategory, s: z.number(), varS: z.number(), p: z.number(), weeks: z.number().int(),
      measures: z.array(
        z.object({
          measure: z.enum(ENFORCEMENT_MEASURES), total: z.number(), s: z.number(), p: z.number(), category: trendCategory, firstHalf: z.number(), secondHalf: z.number(), weekly: z.array(z.number()),
        }),
      ),
    })
    .nullable(),
  divergent: z.boolean(),
  changes: z.array(trendChange),
});
export type SignalEvidence = z.output<typeof signalEvidence>;
export type PlantEvidence = z.output<typeof plantEvidence>;
