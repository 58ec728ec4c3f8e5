/** The wastewater API as the console uses it (see api/src/wastewater/routes.ts). */
import { api } from '../api/client';
// Row types are the API's own (type-only imports: nothing of the server is bundled).
import type { SeriesPoint, SignalSubstance, SiteRow } from 'api/src/wastewater/repository';

export type Substance = SignalSubstance;
export const SUBSTANCES: Substance[] = ['index', 'methamphetamine', 'ketamine', 'amphetamine', 'mdma', 'morphine', 'benzoylecgonine'];

export type Site = SiteRow;

export type { SeriesPoint };

export interface Trend {
  category: string;
  n: number;
  /** Share of the window's values below the LOQ. */
  censoredShare?: number;
  p: number;
  senSlope: number | null;
  pctChange: number | null;
  latest: number | null;
  line: { from: { period: string; value: number }; to: { period: string; value: number } } | null;
}

export interface Series {
  substance: Substance;
  period: 'week' | 'month';
  points: SeriesPoint[];
  trend: Trend;
  signal?: Signal | null;
  site?: { code: string; name: string; kind: string; populationServed: number };
  area?: { code: string; name: string; level: string; population: number };
}

export interface Signal {
  areaCode: string;
  areaName: string;
  level: string;
  substance: string;
  trend: string;
  latestLoad: number | null;
  pctChange: number | null;
  senSlope: number | null;
  pValue: number | null;
  nSamples: number;
  coverage: number;
  censoredShare?: number;
  enforcementTrend?: string | null;
  enforcementP?: number | null;
  divergent?: boolean;
  tracingSites?: { code: string; name: string; plantCode: string; latestNormalised: number | null }[];
}

export const fetchSites = (substance: Substance, signal?: AbortSignal) =>
  api.get<{ sites: Site[] }>(`/api/wastewater/sites?substance=${substance}`, signal);

export const fetchSiteSeries = (code: string, substance: Substance, period: 'week' | 'month', signal?: AbortSignal) =>
  api.get<Series>(`/api/wastewater/sites/${encodeURIComponent(code)}/series?substance=${substance}&period=${period}`, signal);

export const fetchAreaSeries = (code: string, substance: Substance, period: 'week' | 'month', signal?: AbortSignal) =>
  api.get<Series>(`/api/wastewater/areas/${code}/series?substance=${substance}&period=${period}`, signal);

export const fetchRising = (substance: Substance | null, signal?: AbortSignal) =>
  api.get<{ signals: Signal[] }>(`/api/wastewater/rising?limit=100${substance ? `&substance=${substance}` : ''}`, signal);

export const fetchDivergent = (signal?: AbortSignal) => api.get<{ signals: Signal[] }>(`/api/wastewater/divergent?limit=100`, signal);
