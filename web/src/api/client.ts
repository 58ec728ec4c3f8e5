/**
 * The one place that talks to the API. Same-origin relative URLs only: the console never contacts another host.
 * Cookies carry the session; a 401 is surfaced as UnauthorizedError so the app can show the login screen.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    /** The problem+json body's extra members (param, rule, …) for wording the error from a catalogue. */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(`${status} ${title}${detail ? `: ${detail}` : ''}`);
  }
}
export class UnauthorizedError extends ApiError {}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
/** The app subscribes here to fall back to the login screen when a session expires. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

declare global {
  interface Window {
    /** Requests public/early.js started before this code arrived, by path. */
    __gcEarly?: Record<string, Promise<Response> | undefined>;
  }
}

/** The answer public/early.js already asked for, once. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__gcEarly?.[path];
  if (early) delete window.__gcEarly![path];
  return early;
}

/**
 * An early answer is used only when it succeeded: one asked before sign-in (401) or before a write changed what it
 * says is stale, and the request is made again. Any write (signing in among them) drops the early answers not yet
 * taken.
 */
async function usableEarly(path: string): Promise<Response | undefined> {
  const early = takeEarly(path);
  const res = early && (await early.catch(() => undefined));
  return res?.ok ? res : undefined;
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  if (method !== 'GET' && typeof window !== 'undefined') window.__gcEarly = {};
  const early = method === 'GET' && !signal?.aborted ? await usableEarly(path) : undefined;
  const res = early ?? (await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  }));
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const payload = isJson ? await res.json().catch(() => null) : null;
  if (!res.ok) throw failure(res, payload, path);
  return payload as T;
}

/** The error for a failed answer (a problem+json body when there is one); tells the app when a session expired. */
export function failure(res: Response, payload: { title?: string; detail?: string } | null, path: string): ApiError {
  const title = payload?.title || res.statusText;
  const detail = payload?.detail;
  if (res.status === 401) {
    // The session probe itself answers 401 when signed out; only other calls mean "the session expired".
    if (!path.startsWith('/api/session')) unauthorizedListeners.forEach((l) => l());
    return new UnauthorizedError(res.status, title, detail);
  }
  return new ApiError(res.status, title, detail, payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {});
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
