/** GET /api/areas/{code}/evidence (api/src/area/routes.ts): why an area has its colours. Types are the API's own. */
import { api } from '../api/client';
import type { ListingEvidence } from 'api/src/listing/evidence';
import type { SignalEvidence } from 'api/src/wastewater/evidence';

export type { ListingEvidence, SignalEvidence };

export interface Evidence {
  area: { code: string; name: string; level: string; population: number };
  listing: ListingEvidence;
  signal: SignalEvidence | null;
}

export const fetchEvidence = (code: string, substance = 'index', asOf: string | null = null, signal?: AbortSignal) =>
  api.get<Evidence>(`/api/areas/${code}/evidence?substance=${substance}${asOf ? `&as_of=${asOf}` : ''}`, signal);
