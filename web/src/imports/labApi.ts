/**
 * The lab-results import as the console uses it (api/src/wastewater/import/routes.ts): the file goes up as a
 * background job (async=1), a dry run or a write, and the page polls the job. The shapes are the API's own, from
 * its OpenAPI document (schema.gen.ts).
 */
import { apiClient, data, type Answer } from '../api/typed';
import { postFile } from './jobs';

export type LabJob = Answer<'/api/wastewater/imports/{id}', 'get'>;
export type LabReport = NonNullable<LabJob['report']>;
export type LabProblem = LabReport['problems'][number];

export interface LabImportOptions {
  dryRun: boolean;
  /** Import the good rows and leave the rows with problems out (only after a dry run showed them). */
  acceptSkipping: boolean;
  encoding: string;
}

/** Sends the file and starts the job; the answer (202) is the job, to poll with `fetchLabJob`. */
export function startLabImport(file: File, opts: LabImportOptions, onUpload: (fraction: number) => void): Promise<LabJob> {
  const q = new URLSearchParams({ async: '1' });
  if (opts.dryRun) q.set('dry_run', '1');
  if (opts.acceptSkipping) q.set('accept_skipping', '1');
  if (opts.encoding) q.set('encoding', opts.encoding);
  return postFile<LabJob>(`/api/wastewater/imports?${q}`, file, 202, onUpload);
}

export const fetchLabJob = (id: string, signal: AbortSignal) =>
  data(apiClient.GET('/api/wastewater/imports/{id}', { params: { path: { id } }, signal }));
