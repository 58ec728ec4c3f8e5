/** The listings API as the console reads it (see api/src/listing/routes.ts). */
import { api } from '../api/client';

export type Grade = 'key_rectification' | 'key_supervision' | 'key_attention';
export type Status = 'listed' | 'extended' | 'downgraded' | 'delisted';
export const GRADES: Grade[] = ['key_rectification', 'key_supervision', 'key_attention'];
export const STATUSES: Status[] = ['listed', 'extended', 'downgraded', 'delisted'];
export const CONDITIONS = ['leadership', 'mechanisms', 'groundwork', 'education', 'enforcement', 'problem_eased'] as const;

/** Okabe–Ito, as the map's listing colours (api/src/layers/palette.ts), so table, report and map agree. */
export const GRADE_COLORS: Record<Grade | 'recently_delisted', string> = {
  key_rectification: '#D55E00',
  key_supervision: '#E69F00',
  key_attention: '#F0E442',
  recently_delisted: '#0072B2',
};

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
