/** The monthly figures' API calls (see api/src/grid-month/routes.ts). Bodies use grid_month's column names. */
import { FIELD_PARAM, FIGURE_FIELDS, type DraftFigures, type Figures } from 'domain/figures';
import { api } from '../api/client';

export interface FormGrid {
  code: string;
  name: string;
  population: number;
  /** The month's figures on file, and their version (0: none yet). */
  figures: Figures | null;
  version: number;
  source: 'import' | 'officer' | 'office' | null;
  updatedAt: string | null;
  previous: Figures | null;
  submittedAt: string | null;
  draft: { figures: DraftFigures; baseVersion: number; savedAt: string } | null;
}

export interface FormAnswer {
  month: string;
  months: string[];
  grids: FormGrid[];
}

export interface Submission {
  submissionId: string;
  gridCode: string;
  month: string;
  baseVersion: number;
  figures: Figures;
  confirmWarnings: boolean;
}

export interface SubmitAnswer {
  version: number;
  receivedAt: string;
  replayed: boolean;
}

export interface StatusAnswer {
  month: string;
  total: number;
  reportedCount: number;
  notReportedCount: number;
  notReported: { code: string; name: string; villageName: string | null; townshipName: string | null; officers: { name: string; duty: string | null; phone: string | null }[] }[];
  reported: { code: string; name: string; townshipName: string | null; submittedAt: string }[];
  truncated: boolean;
}

const toBody = (f: DraftFigures) => Object.fromEntries(FIGURE_FIELDS.filter((k) => f[k] !== undefined).map((k) => [FIELD_PARAM[k], f[k]]));
const path = (grid: string, month: string) => `/api/grid-months/${encodeURIComponent(grid)}/${encodeURIComponent(month)}`;

export const fetchForms = () => api.get<FormAnswer>('/api/grid-months/mine');

export const postSubmission = (s: Submission) =>
  api.post<SubmitAnswer>(`${path(s.gridCode, s.month)}/submissions`, {
    submission_id: s.submissionId,
    base_version: s.baseVersion,
    figures: toBody(s.figures),
    confirm_warnings: s.confirmWarnings,
  });

export const putDraft = (grid: string, month: string, baseVersion: number, figures: DraftFigures) =>
  api.put<{ savedAt: string }>(`${path(grid, month)}/draft`, { base_version: baseVersion, figures: toBody(figures) });

export const fetchStatus = (month?: string) => api.get<StatusAnswer>(`/api/grid-months/status${month ? `?month=${month}` : ''}`);
