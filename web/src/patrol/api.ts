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
  /** Canonical opening hours, null when not known. */
  openingHours: string | null;
  lon: number;
  lat: number;
  lastInspectedOn: string | null;
  lastOutcome: Outcome | null;
  nextDue: string;
  overdue: boolean;
  overdueDays: number;
  score: number;
}

export type UnplacedReason = 'closed_all_day' | 'outside_working_hours' | 'window_missed' | 'beyond_working_hours';
interface Span {
  from: string;
  to: string;
}

export interface PlanStop extends DueItem {
  seq: number;
  legKm: number;
  cumulativeKm: number;
  eta: string;
  /** When the inspection starts: arrival, or the opening after a wait. */
  beginAt: string;
  waitMinutes: number;
  window: Span;
  hoursKnown: boolean;
}

export interface UnplacedStop extends DueItem {
  reason: UnplacedReason;
  windows: Span[];
  hoursKnown: boolean;
}

export interface Plan {
  date: string;
  start: { lon: number; lat: number; source: 'given' | 'county_seat'; name: string | null };
  count: number;
  totalKm: number;
  totalMinutes: number;
  driveMinutes: number;
  finishAt: string;
  waitMinutes: number;
  workingHours: Span;
  unplaced: UnplacedStop[];
  unplacedCount: number;
  assumptions: { roadFactor: number; averageSpeedKmh: number; minutesPerStop: number };
  stops: PlanStop[];
  path: Feature<LineString>;
}

export const fetchDue = (asOf: string, signal?: AbortSignal) =>
  api.get<{ as_of: string; count: number; overdue: number; items: DueItem[] }>(`/api/patrols/due?as_of=${asOf}&within_days=14`, signal);

export interface PlanRequest {
  date: string;
  maxStops: number;
  dayStart: string;
  dayEnd: string;
  /** Where the day starts; null: the county seat. */
  start: [number, number] | null;
}

export function fetchPlan(r: PlanRequest) {
  const q = new URLSearchParams({ date: r.date, max_stops: String(r.maxStops), day_start: r.dayStart, day_end: r.dayEnd });
  if (r.start) q.set('start', `${r.start[0].toFixed(6)},${r.start[1].toFixed(6)}`);
  return api.get<Plan>(`/api/patrols/plan?${q}`);
}

export interface CheckIn {
  recordedAt: string;
  positionStatus: 'fix' | 'no_fix' | 'not_given';
  accuracyM: number | null;
  distanceM: number | null;
  farFromSite: boolean;
  limitM: number;
}

export interface InspectionBody {
  firm_id?: number;
  venue_id?: number;
  inspected_on: string;
  outcome: Outcome;
  findings: string;
  client_id: string;
  position: { lon: number; lat: number; accuracy_m: number } | null;
}

export const postInspection = (body: InspectionBody) =>
  api.post<{ id: number; kind: TargetKind; duplicate: boolean; checkIn: CheckIn; target: DueItem }>('/api/inspections', body);

export const putOpeningHours = (kind: TargetKind, id: number, openingHours: string | null) =>
  api.put<{ id: number; openingHours: string | null }>(`/api/${kind === 'firm' ? 'firms' : 'venues'}/${id}/opening-hours`, { opening_hours: openingHours });
