/** The listings API as the console reads it (see api/src/listing/routes.ts). */
import { apiClient, data, type Answer } from '../api/typed';

// The vocabulary and the colours come from the domain package the API uses too, so that the table, the report and
// the map can never disagree.
export { GRADES, STATUSES, CONDITIONS, type Grade, type Status } from 'domain/listing';
export { GRADE_COLORS } from 'domain/palette';

/** The shapes of the answers, as the API's OpenAPI document states them. */
export type ListingDetail = Answer<'/api/listings/{id}', 'get'>;
export type Listing = ListingDetail['listing'];
export type ListingFlags = Listing['flags'];
export type ListingEvent = ListingDetail['events'][number];
export type Assessment = ListingDetail['assessments'][number];
export type Outline = Awaited<ReturnType<typeof fetchOutline>>;

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

const queryOf = (q: ListingQuery) => ({ as_of: q.asOf ?? undefined, grade: q.grade as Listing['grade'] | undefined, status: q.status as Listing['status'] | 'active' | undefined, area: q.area });

export const fetchListings = (q: ListingQuery, signal?: AbortSignal) => data(apiClient.GET('/api/listings', { params: { query: queryOf(q) }, signal }));
export const fetchDetail = (id: number, asOf: string | null, signal?: AbortSignal) =>
  data(apiClient.GET('/api/listings/{id}', { params: { path: { id: String(id) }, query: { as_of: asOf ?? undefined } }, signal }));
export const fetchOutline = (id: number, signal?: AbortSignal) =>
  data(apiClient.GET('/api/listings/{id}/outline', { params: { path: { id: String(id) } }, parseAs: 'json', signal }));
