/**
 * The typed API client: paths, parameters and answers come from the API's OpenAPI document (schema.gen.ts, generated
 * by openapi-typescript and kept current by tests/db/api-types.test.ts), so a changed answer fails the console's
 * type check instead of the page. Failures become ApiError / UnauthorizedError as with `api` in client.ts.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { failure } from './client';
import type { components, paths } from './schema.gen';

const throwOnFailure: Middleware = {
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    const payload = (response.headers.get('content-type') ?? '').includes('json') ? await response.clone().json().catch(() => null) : null;
    throw failure(response, payload, new URL(request.url).pathname);
  },
};

export const apiClient = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin', headers: { Accept: 'application/json' } });
apiClient.use(throwOnFailure);

/** The JSON answer of a successful call (failures have thrown in the middleware). */
export async function data<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const res = await call;
  return res.data as T;
}

/** The success answer of an operation: `Answer<'/api/listings/{id}', 'get'>`. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: infer C } } | { 201: { content: infer C } }
    ? C[keyof C]
    : never
  : never;

export type { components };
