/** The answers of /api/wastewater, for the OpenAPI document and the typed handlers (signals: signal-schemas.ts). */
import { z } from 'zod';
import { INDEX_SUBSTANCE, SUBSTANCES } from 'domain/wastewater';
import { signalRow, trendCategory } from './signal-schemas.js';

const substance = z.enum([...SUBSTANCES, INDEX_SUBSTANCE]);
const unit = z.literal('mg/day/1000 inhabitants');

export const siteRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['plant_inlet', 'tracing']),
  parentCode: z.string().nullable(),
  townshipCode: z.string(),
  populationServed: z.number(),
  lon: z.number(),
  lat: z.number(),
  latestWeek: z.string().nullable(),
  latestNormalised: z.number().nullable(),
  latestLoadMgDay: z.number().nullable(),
  latestCensored: z.boolean().nullable(),
});
export type SiteRow = z.output<typeof siteRow>;
export const sitesAnswer = z.object({ substance, unit, sites: z.array(siteRow) });

export const seriesPoint = z.object({
  period: z.string(),
  loadMgDay: z.number(),
  normalised: z.number().describe('Upper bound: results below the LOQ at their limit'),
  normalisedLo: z.number().describe('Lower bound: results below the LOQ at 0'),
  n: z.number().int(),
  nCensored: z.number().int(),
  censored: z.boolean().describe('Every sample behind the point was below the LOQ'),
  coveredPeople: z.number().optional(),
  nSites: z.number().int().optional(),
});

const linePoint = z.object({ period: z.string(), value: z.number() });
export const seriesTrend = z.object({
  category: trendCategory,
  n: z.number().int(),
  s: z.number(),
  varS: z.number(),
  z: z.number(),
  p: z.number(),
  tau: z.number(),
  senSlope: z.number().nullable(),
  intercept: z.number().nullable(),
  pctChange: z.number().nullable(),
  recentMean: z.number().nullable(),
  beforeMean: z.number().nullable(),
  latest: z.number().nullable(),
  latestCensored: z.boolean(),
  nCensored: z.number().int(),
  censoredShare: z.number(),
  recentCensored: z.number().int(),
  recentN: z.number().int(),
  limit: z.number().nullable(),
  recensored: z.number().int(),
  line: z.object({ from: linePoint, to: linePoint }).nullable().describe('The trend line at the first and last point of the trend window'),
  points: z.number().int(),
  basis: z.enum(['plants', 'series']).describe("plants: an area's consensus of its plants (area_signal); series: this series' own test"),
});

const seriesFields = { substance, period: z.enum(['week', 'month']), unit, points: z.array(seriesPoint), trend: seriesTrend };

export const siteSeriesAnswer = z.object({
  site: z.object({ code: z.string(), name: z.string(), kind: z.string(), populationServed: z.number() }),
  ...seriesFields,
});

const areaRef = z.object({ code: z.string(), name: z.string(), level: z.string(), population: z.number() });
export const areaSeriesAnswer = z.object({ area: areaRef, ...seriesFields, signal: signalRow.nullable() });
export const areaSignalsAnswer = z.object({ area: areaRef, signals: z.array(signalRow) });

export const tracingSite = z.object({
  code: z.string(),
  name: z.string(),
  plantCode: z.string(),
  lon: z.number(),
  lat: z.number(),
  latestDate: z.string().nullable(),
  latestNormalised: z.number().nullable(),
});
export type TracingSite = z.output<typeof tracingSite>;
export const risingSignal = signalRow.extend({ tracingSites: z.array(tracingSite) });
export type RisingSignal = z.output<typeof risingSignal>;

export const risingAnswer = z.object({ signals: z.array(risingSignal) });
export const divergentAnswer = z.object({ signals: z.array(signalRow) });

export const recomputeAnswer = z.object({ asOf: z.string().nullable(), windowWeeks: z.number().int(), areas: z.number().int(), signals: z.number().int(), ms: z.record(z.string(), z.number()).describe('Milliseconds per step') });

const labProblem = z.object({
  row: z.number().int().describe('Spreadsheet row (1 = header); 0 for the file as a whole'),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  value: z.string().optional(),
});

export const labImportReport = z.object({
  status: z.enum(['clean', 'has_problems', 'imported', 'imported_skipping', 'unchanged']),
  dryRun: z.boolean(),
  filename: z.string(),
  sha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  rowsTotal: z.number().int(),
  rowsValid: z.number().int(),
  rowsAlreadyImported: z.number().int(),
  rowsToImport: z.number().int(),
  rowsImported: z.number().int(),
  rowsSkipped: z.number().int(),
  sites: z.number().int().describe('Sampling sites of the rows to import'),
  problems: z.array(labProblem),
  notices: z.array(labProblem).describe('Rows imported with a correction the lab should know of'),
  rowsCensoredByLoq: z.number().int(),
  importId: z.number().int().nullable(),
  previousImport: z.object({ id: z.number().int(), importedAt: z.string(), importedBy: z.string() }).nullable().describe('A file with the same SHA-256 imported before'),
  recompute: z.object({ asOf: z.string().nullable(), areas: z.number().int(), ms: z.record(z.string(), z.number()) }).optional(),
});
