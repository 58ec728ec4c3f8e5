/** The imports API as the upload page uses it (see api/src/imports/routes.ts); types are the API's own. */
import type { FeatureCollection } from 'geojson';
import { api, ApiError } from '../api/client';
import type { Bilingual } from '../api/types';
import type { Mapping } from 'api/src/imports/mapping';
import type { ProgressState } from 'api/src/imports/progress';
import type { ImportReport } from 'api/src/imports/service';

export type { ImportReport, Mapping, ProgressState };

export interface ImportField {
  name: string;
  title: Bilingual;
  type: string;
  required: boolean;
  values: Record<string, Bilingual> | null;
}
export interface ImportLayer {
  layer: string;
  title: Bilingual;
  geometry: 'Polygon' | 'Point';
  key: string;
  fields: ImportField[];
}
export interface ImportCatalogue {
  layers: ImportLayer[];
  datums: { id: string; title: Bilingual }[];
  acceptable: string[];
}

export interface SavedMapping {
  name: string;
  mapping: Mapping;
  updatedBy: string;
  updatedAt: string;
}

export interface FileSample {
  format: string;
  encoding: string | null;
  encodingSource: string;
  columns: string[];
  geometryType: string | null;
  hasGeometry: boolean;
  estimatedRecords: number | null;
  rows: { index: number; properties: Record<string, unknown>; geometryType: string | null }[];
  datum: { declared: string | null; error: { rule: string; params: Record<string, unknown> } | null; guess: { id: string; certain: boolean } | null };
  mapping: { suggested: Mapping; saved: SavedMapping[] } | null;
}

export interface Upload {
  uploadId: string;
  filename: string;
  bytes: number;
  sha256: string;
  sample: FileSample;
}

export interface ImportJob {
  id: string;
  layer: string;
  dryRun: boolean;
  state: 'running' | 'done' | 'refused' | 'failed';
  progress: ProgressState | null;
  report: ImportReport | null;
  error: { title?: string; detail?: string; rule?: string } | null;
  hasPreview: boolean;
}

export const fetchImportCatalogue = () => api.get<ImportCatalogue>('/api/imports/layers');

/** A problem+json answer as an ApiError carrying its detail (the API words it in the page's language). */
async function problemOf(res: Response | { status: number; text: string }): Promise<ApiError> {
  const text = 'text' in res && typeof res.text === 'string' ? res.text : await (res as Response).text();
  let body: { title?: string; detail?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, body.title ?? 'Error', body.detail);
}

/** Upload with progress (XMLHttpRequest: fetch reports no upload progress). */
export function uploadFile(file: File, query: string, onProgress: (fraction: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/uploads?${query}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = async () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as Upload);
      else reject(await problemOf({ status: xhr.status, text: xhr.responseText }));
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error'));
    const form = new FormData();
    form.set('file', file);
    xhr.send(form);
  });
}

export const resample = (uploadId: string, query: string) => api.get<Upload>(`/api/imports/uploads/${uploadId}?${query}`);

/** Start an import of an upload (dry run or write) in the background; poll with `pollJob`. */
export async function startImport(query: string, mapping: Mapping): Promise<ImportJob> {
  const res = await fetch(`/api/imports?${query}&async=1&preview=1`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ mapping }),
  });
  if (res.status !== 202) throw await problemOf(res);
  return (await res.json()) as ImportJob;
}

/** A poll without an answer by then is abandoned and asked again (see pollJob). */
const POLL_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 400;

/**
 * Polls an import until it is no longer running. A poll that hangs (a dropped connection, a request stuck behind the
 * map's tile requests) is given up after POLL_TIMEOUT_MS and asked again, so the page never shows an import as
 * running for ever; closing the page (`signal`) stops the polling.
 */
export async function pollJob(id: string, onProgress: (j: ImportJob) => void, signal: AbortSignal): Promise<ImportJob> {
  for (;;) {
    let j: ImportJob | null = null;
    try {
      j = await api.get<ImportJob>(`/api/imports/${id}`, AbortSignal.any([signal, AbortSignal.timeout(POLL_TIMEOUT_MS)]));
    } catch (e) {
      if (signal.aborted || (e as Error).name !== 'TimeoutError') throw e;
    }
    if (j) {
      onProgress(j);
      if (j.state !== 'running') return j;
    }
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
}

export const fetchPreview = (id: string) => api.get<FeatureCollection>(`/api/imports/${id}/preview.geojson`);

export async function saveMapping(layer: string, name: string, mapping: Mapping): Promise<SavedMapping> {
  const res = await fetch(`/api/imports/mappings/${layer}/${encodeURIComponent(name)}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ mapping }),
  });
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as SavedMapping;
}
