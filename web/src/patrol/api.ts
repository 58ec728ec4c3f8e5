/** The patrol plug-in's API calls: what is due or risky, a day's plan, and recording an inspection. */
import type { LineString, Feature } from 'geojson';
import { api } from '../api/client';

export type TargetKind = 'firm' | 'venue';
export type Outcome = 'ok' | 'issues' | 'violation';

export interface DueItem {
  kind: TargetKind;
  id: number;
  name: string;
  address: string;
  townshipName: string | null;
  category: 1 | 2 | 3 | null;
  risk: 'low' | 'medium' | 'high' | null;
  subKind: string;
  licenceState: 'expired' | 'expiring' | 'valid' | 'none';
  lon: number;
  lat: number;
  lastInspectedOn: string | null;
  lastOutcome: Outcome | null;
  nextDue: string;
  overdue: boolean;
  overdueDays: number;
  score: number;
}

export interface PlanStop extends DueItem {
  seq: number;
  legKm: number;
  cumulativeKm: number;
  eta: string;
}

export interface Plan {
  date: string;
  start: { lon: number; lat: number; source: 'given' | 'county_seat'; name: string | null };
  count: number;
  totalKm: number;
  totalMinutes: number;
  driveMinutes: number;
  finishAt: string;
  assumptions: { roadFactor: number; averageSpeedKmh: number; minutesPerStop: number };
  stops: PlanStop[];
  path: Feature<LineString>;
}

export const fetchDue = (asOf: string, signal?: AbortSignal) =>
  api.get<{ as_of: string; count: number; overdue: number; items: DueItem[] }>(`/api/patrols/due?as_of=${asOf}&within_days=14`, signal);

export const fetchPlan = (date: string, maxStops: number) => api.get<Plan>(`/api/patrols/plan?date=${date}&max_stops=${maxStops}`);

export const postInspection = (body: { firm_id?: number; venue_id?: number; inspected_on: string; outcome: Outcome; findings: string }) =>
  api.post<{ id: number; kind: TargetKind; target: DueItem }>('/api/inspections', body);
