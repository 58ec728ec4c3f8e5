/** The imports API as the upload page uses it (see api/src/imports/routes.ts); types are the API's own. */
import type { FeatureCollection } from 'geojson';
import { api } from '../api/client';
import type { Bilingual } from '../api/types';
import type { Mapping } from 'api/src/imports/mapping';
import type { ProgressState } from 'api/src/imports/progress';
import type { ImportReport } from 'api/src/imports/service';
import { postFile, problemOf } from './jobs';

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

/** Upload with progress; the sample of the file comes back (201). */
export const uploadFile = (file: File, query: string, onProgress: (fraction: number) => void) =>
  postFile<Upload>(`/api/imports/uploads?${query}`, file, 201, onProgress);

export const resample = (uploadId: string, query: string) => api.get<Upload>(`/api/imports/uploads/${uploadId}?${query}`);

/** Start an import of an upload (dry run or write) in the background; poll with `pollJob`. */
export async function startImport(query: string, mapping: Mapping): Promise<ImportJob> {
  const res = await fetch(`/api/imports?${query}&async=1&preview=1`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ mapping }),
  });
  if (res.status !== 202) throw problemOf(res.status, await res.text());
  return (await res.json()) as ImportJob;
}

/** One look at a background import (poll it with `pollJob`). */
export const fetchJob = (id: string, signal: AbortSignal) => api.get<ImportJob>(`/api/imports/${id}`, signal);

export const fetchPreview = (id: string) => api.get<FeatureCollection>(`/api/imports/${id}/preview.geojson`);

export async function saveMapping(layer: string, name: string, mapping: Mapping): Promise<SavedMapping> {
  const res = await fetch(`/api/imports/mappings/${layer}/${encodeURIComponent(name)}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ mapping }),
  });
  if (!res.ok) throw problemOf(res.status, await res.text());
  return (await res.json()) as SavedMapping;
}
