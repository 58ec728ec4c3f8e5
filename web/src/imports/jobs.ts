/**
 * What both import pages (boundaries and sites, lab results) do with the API the same way: send a file with upload
 * progress, and poll a background import until it has finished.
 */
import { ApiError } from '../api/client';

/** A problem+json answer as an ApiError carrying its detail (the API words it in the page's language). */
export function problemOf(status: number, text: string): ApiError {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return new ApiError(status, str(body.title) ?? 'Error', str(body.detail), body);
}

/**
 * POSTs `file` as the multipart field `file` and resolves with the JSON answer when its status is `okStatus`.
 * XMLHttpRequest, not fetch: fetch reports no upload progress, and a large spreadsheet on a slow office line takes
 * long enough to need it.
 */
export function postFile<T>(url: string, file: File, okStatus: number, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status === okStatus) resolve(JSON.parse(xhr.responseText) as T);
      else reject(problemOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error'));
    const form = new FormData();
    form.set('file', file);
    xhr.send(form);
  });
}

/** A poll without an answer by then is abandoned and asked again (see pollJob). */
const POLL_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 400;

/**
 * Polls an import (`fetchJob` asks for it once) until it is no longer running. A poll that hangs (a dropped
 * connection, a request stuck behind the map's tile requests) is given up after POLL_TIMEOUT_MS and asked again, so
 * the page never shows an import as running for ever; closing the page (`signal`) stops the polling.
 */
export async function pollJob<J extends { state: string }>(
  fetchJob: (signal: AbortSignal) => Promise<J>,
  onProgress: (j: NoInfer<J>) => void,
  signal: AbortSignal,
): Promise<J> {
  for (;;) {
    let j: J | null = null;
    try {
      j = await fetchJob(AbortSignal.any([signal, AbortSignal.timeout(POLL_TIMEOUT_MS)]));
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
