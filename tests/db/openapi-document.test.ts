/**
 * /api/openapi.json is generated from the routes themselves (api/src/http/openapi.ts). Checked here: it is a valid
 * OpenAPI 3.1 document by a standard validator (@readme/openapi-parser), every route Hono serves under /api is in
 * it with its method and path, nothing is documented that is not served, and every operation declares what it
 * answers on success (a schema for JSON, a media type for files and tiles).
 */
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/test-app.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

let t: Awaited<ReturnType<typeof testApp>>;
let doc: Doc;

beforeAll(async () => {
  t = await testApp();
  doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
});
afterAll(() => t?.close());

/** Hono's '/api/users/:id{[0-9]+}' → OpenAPI's '/api/users/{id}'. */
const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^/]*\})?/g, '{$1}');

/**
 * Routes under /api that are not operations of the API, so not documented:
 *  - `ALL` entries are middleware (authentication, start-up gate, role checks) and the catch-all 404.
 * Nothing else: the console's static files are served outside /api (http/static.ts) and are not listed here.
 */
const isOperation = (r: { method: string; path: string }) => r.method !== 'ALL' && r.path.startsWith('/api/');

describe('the OpenAPI document', () => {
  it('passes a standard OpenAPI validator', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.valid).toBe(true);
  });

  it('lists exactly the routes the app serves (method and path)', () => {
    const served = new Set((t.app.routes as { method: string; path: string }[]).filter(isOperation).map((r) => `${r.method} ${openApiPath(r.path)}`));
    const described = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect([...served].filter((r) => !described.has(r)), 'served but not described').toEqual([]);
    expect([...described].filter((r) => !served.has(r)), 'described but not served').toEqual([]);
    expect(served.size).toBeGreaterThan(80);
  });

  it('says what every operation answers on success', () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const success = Object.entries(op.responses).filter(([code]) => code.startsWith('2'));
        const described = success.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((m) => m.schema));
        if (!described) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives JSON answers their shape (GET /api/areas/{code} names its fields)', () => {
    const schema = doc.paths['/api/areas/{code}']!.get!.responses['200']!.content!['application/json']!.schema as { properties?: Record<string, unknown> };
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['code', 'name', 'level', 'bbox', 'listing', 'signals', 'counts', 'people']));
  });
});
