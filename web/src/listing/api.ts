/** The listings API as the console reads it (see api/src/listing/routes.ts). */
import { api } from '../api/client';

// The vocabulary and the colours come from the domain package the API uses too, so that the table, the report and
// the map can never disagree.
export { GRADES, STATUSES, CONDITIONS, type Grade, type Status } from 'domain/listing';
export { GRADE_COLORS } from 'domain/palette';
import { CONDITIONS, type Grade, type Status } from 'domain/listing';

export interface ListingFlags {
  assessmentOverdue: boolean;
  nextAssessmentDue: string | null;
  termExpired: boolean;
  extensionUsedUp: boolean;
  continuing: boolean;
}

export interface Listing {
  id: number;
  areaCode: string;
  areaName: string | null;
  areaLevel: string | null;
  body: 'national' | 'province' | 'city' | 'county';
  categories: string[];
  grade: Grade;
  status: Status;
  listedOn: string;
  termEndsOn: string;
  extended: boolean;
  delistedOn: string | null;
  relistedFrom: number | null;
  flags: ListingFlags;
}

export interface ListingEvent {
  id: number;
  kind: string;
  onDate: string;
  grade: Grade;
  status: Status;
  termEndsOn: string;
  detail: Record<string, unknown>;
}

export interface Assessment {
  id: number;
  year: number;
  assessedOn: string;
  conditions: Record<(typeof CONDITIONS)[number], boolean>;
  notes: Partial<Record<(typeof CONDITIONS)[number], string>>;
}

export interface ListingDetail {
  listing: Listing;
  events: ListingEvent[];
  assessments: Assessment[];
}

export interface Outline {
  bbox: [number, number, number, number];
  geometry: { type: string; coordinates: unknown };
}

export interface ListingQuery {
  asOf: string | null;
  grade?: string;
  status?: string;
  area?: string;
}

export function queryString(q: ListingQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (q.asOf) p.set('as_of', q.asOf);
  if (q.grade) p.set('grade', q.grade);
  if (q.status) p.set('status', q.status);
  if (q.area) p.set('area', q.area);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const fetchListings = (q: ListingQuery, signal?: AbortSignal) =>
  api.get<{ as_of: string; count: number; listings: Listing[] }>(`/api/listings${queryString(q)}`, signal);
export const fetchDetail = (id: number, asOf: string | null, signal?: AbortSignal) =>
  api.get<ListingDetail>(`/api/listings/${id}${queryString({ asOf })}`, signal);
export const fetchOutline = (id: number, signal?: AbortSignal) => api.get<Outline>(`/api/listings/${id}/outline`, signal);
