/**
 * A hostile walk over every operation in /api/openapi.json: each path parameter, query parameter and JSON body
 * property in turn gets malformed values (NUL, huge, the wrong type, year 0, unknown parameters, broken bodies).
 * Nothing may answer 5xx, and NUL is always a 400. The walk reads the document, so routes added later are walked
 * too; openapi-document.test.ts makes sure the document describes every route the app has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, testApp } from '../support/test-app.js';

type Schema = { type?: string; pattern?: string; properties?: Record<string, Schema>; anyOf?: Schema[] };
type Param = { name: string; in: 'path' | 'query'; example?: string; schema: Schema & { example?: string } };
type Operation = { parameters: Param[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation>> };

let t: Awaited<ReturnType<typeof testApp>>;
let doc: Doc;
/** A user made for the walk, so that writes aimed at "user 1" never touch a real one. */
let target: number;

beforeAll(async () => {
  t = await testApp();
  doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
  [{ id: target }] = (await t.db.query<{ id: number }>(
    "INSERT INTO app_user (username, display_name, role, jurisdiction_code) SELECT 'fz_target', 'fuzz', 'viewer', jurisdiction_code FROM app_user WHERE username = 'admin' RETURNING id",
  )) as [{ id: number }];
});
afterAll(async () => {
  await t.db.query("DELETE FROM audit_log WHERE user_id = $1 OR detail->>'username' = 'fz_target' OR (action = 'sign_in_failed' AND username LIKE 'fz%')", [target]);
  await t.db.query('DELETE FROM app_user WHERE id = $1', [target]);
  await t.close();
});

const HUGE = 'x'.repeat(5000);
/** Values no path segment of ours accepts. */
const BAD_PATH = ['%00', 'a%00b', HUGE, '-1', 'abc', '0000-01-01', '%E0%A4%A', '..%2F..%2Fetc', '1e309', '99999999999999999999', '%20'];
/** Values for every query parameter (raw, already percent-encoded where needed). */
const BAD_QUERY = ['%00', 'ok%00', HUGE, '', '-1', 'abc', '1.5', '1e309', '0000-01-01', '0000-00-00', '0000-01-01T00:00:00Z', '0000-01-01/0001-01-01', '%E0%A4%A', '[]', '99999999999999999999'];
/** Values for every JSON body property; year-0 dates are added for date properties. */
const BAD_BODY: unknown[] = ['a\u0000b', HUGE, 'x'.repeat(70_000), 12345, -1, 1.5, 1e308, true, null, [], {}, ['a\u0000'], { 'k\u0000': 1 }];
const YEAR_ZERO = ['0000-01-01', '0000-02-30', '0000-01-01T00:00:00Z'];
/** Whole bodies that are not what any route takes. */
const BAD_BODIES = ['not json', '{', '[]', 'null', '"text"', '['.repeat(20_000) + ']'.repeat(20_000), JSON.stringify({ zzz_unknown: 1 })];

const isDate = (name: string, s: Schema): boolean =>
  /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(s.pattern ?? '') || (s.anyOf ?? []).some((x) => isDate(name, x)) || /(^|_)(on|date|as_of|from|to|datetime)$/.test(name);

interface Case {
  method: string;
  url: string;
  body?: string;
  type?: string;
  nul?: boolean;
}

function pathWith(path: string, params: Param[], override?: { name: string; value: string }): string {
  let url = path;
  for (const p of params.filter((x) => x.in === 'path')) {
    const value = override?.name === p.name ? override.value : p.name === 'id' && path.startsWith('/api/users') ? String(target) : (p.example ?? p.schema.example ?? '1');
    url = url.replace(`{${p.name}}`, value);
  }
  return url;
}

function cases(path: string, method: string, op: Operation): Case[] {
  const out: Case[] = [];
  const M = method.toUpperCase();
  const params = op.parameters ?? [];
  const json = op.requestBody?.content['application/json']?.schema;
  const takesFile = !!op.requestBody && !json;
  // A write gets a body no route accepts whenever another part is under test, so nothing is written by accident.
  const spoiler = M === 'GET' ? {} : { body: '{', type: 'application/json' };

  for (const p of params.filter((x) => x.in === 'path')) {
    for (const v of BAD_PATH) out.push({ method: M, url: pathWith(path, params, { name: p.name, value: v }), ...spoiler, nul: v.includes('%00') });
  }
  if (M !== 'DELETE') {
    const base = pathWith(path, params);
    for (const p of params.filter((x) => x.in === 'query')) {
      for (const v of BAD_QUERY) out.push({ method: M, url: `${base}?${p.name}=${v}`, ...spoiler, nul: v.includes('%00') });
    }
    out.push({ method: M, url: `${base}?zzz_unknown=1`, ...spoiler });
    out.push({ method: M, url: `${base}?zzz%00=1`, ...spoiler, nul: true });
  }
  const base = pathWith(path, params);
  if (json) {
    for (const b of BAD_BODIES) out.push({ method: M, url: base, body: b, type: 'application/json' });
    // A body that is one of several shapes (anyOf) has the properties of each.
    const properties = Object.assign({}, json.properties, ...(json.anyOf ?? []).map((s) => s.properties ?? {})) as Record<string, Schema>;
    for (const [name, schema] of Object.entries(properties)) {
      const values = isDate(name, schema) ? [...BAD_BODY, ...YEAR_ZERO, [YEAR_ZERO[0]]] : BAD_BODY;
      for (const v of values) {
        const nul = JSON.stringify(v).includes('\\u0000');
        out.push({ method: M, url: base, body: JSON.stringify({ [name]: v }), type: 'application/json', nul });
      }
    }
  }
  if (takesFile) {
    out.push({ method: M, url: `${base}?dry_run=1`, body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated', type: 'multipart/form-data; boundary=x' });
    out.push({ method: M, url: `${base}?dry_run=1`, body: 'PK\u0003\u0004' + 'garbage'.repeat(100), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    out.push({ method: M, url: `${base}?dry_run=1`, body: 'site_code,sampled_at,substance,concentration_ng_l\nX\u0000,0000-01-01 00:00,METH,1\n', type: 'text/csv' });
    out.push({ method: M, url: `${base}?dry_run=1`, body: '', type: 'text/csv' });
    out.push({ method: M, url: `${base}?dry_run=1`, body: '{}', type: 'application/pdf' });
  }
  return out;
}

describe('every operation, with malformed values', () => {
  it('never answers 5xx, and refuses NUL with 400', async () => {
    const failures: string[] = [];
    let walked = 0;
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const all = cases(path, method, op);
        // Without credentials too: the same rules hold before authentication.
        all.push({ method: method.toUpperCase(), url: pathWith(path, op.parameters ?? []) + '?zzz=%00', nul: true });
        for (const c of all) {
          const anonymous = c === all.at(-1);
          const headers: Record<string, string> = { ...(anonymous ? {} : authHeader('admin')), ...(c.type ? { 'Content-Type': c.type } : {}) };
          const res = await t.app.request(c.url, { method: c.method, headers, body: c.body });
          walked++;
          const label = `${c.method} ${c.url.slice(0, 120)}${c.body ? ` body ${c.body.slice(0, 80)}` : ''} → ${res.status}`;
          if (res.status >= 500) failures.push(`${label}: ${(await res.text()).slice(0, 200)}`);
          else if (c.nul && res.status !== 400) failures.push(`${label}: NUL not refused with 400`);
          else await res.arrayBuffer();
        }
      }
    }
    expect(failures).toEqual([]);
    expect(operations).toBeGreaterThan(55);
    expect(walked).toBeGreaterThan(2000);
  });
});

describe('every operation that takes a JSON body', () => {
  it('refuses a member it does not know, naming it, instead of writing without it', async () => {
    const lax: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        if (!schema?.properties) continue; // not an object body (a CSV, a file, a free-form record)
        // A misspelt member beside nothing else: a body with only optional members would otherwise be accepted.
        const res = await t.app.request(pathWith(path, op.parameters ?? []), {
          method: method.toUpperCase(),
          headers: { ...authHeader('admin'), 'Content-Type': 'application/json' },
          body: JSON.stringify({ reson_typo: 'x' }),
        });
        type Problem = { param?: string; errors?: { param: string }[] };
        const problem: Problem = res.headers.get('content-type')?.startsWith('application/problem+json') ? ((await res.json()) as Problem) : (await res.arrayBuffer(), {});
        if (res.status === 403 || res.status === 404) continue; // another role's route, or a path example that names nothing
        checked++;
        const named = [problem.param, ...(problem.errors ?? []).map((e) => e.param)].some((p) => p?.includes('reson_typo'));
        if (res.status !== 400 || !named) lax.push(`${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(problem).slice(0, 160)}`);
      }
    }
    expect(lax).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});

describe('every operation that takes query parameters', () => {
  it('refuses one it does not know, naming it, instead of answering another question', async () => {
    const lax: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op || !(op.parameters ?? []).some((p) => p.in === 'query')) continue;
      const res = await t.app.request(`${pathWith(path, op.parameters)}?as_off=2026-01-01`, { headers: authHeader('admin') });
      type Problem = { param?: string; errors?: { param: string }[] };
      const problem: Problem = res.headers.get('content-type')?.startsWith('application/problem+json') ? ((await res.json()) as Problem) : (await res.arrayBuffer(), {});
      if (res.status === 403) continue; // a route of another role (the officer's own grids): refused before its parameters
      checked++;
      // Named as the problem's parameter, or among its errors when a required parameter is missing too.
      const named = problem.param === 'as_off' || (problem.errors ?? []).some((e) => e.param === 'as_off');
      if (res.status !== 400 || !named) lax.push(`GET ${path} → ${res.status} ${JSON.stringify(problem).slice(0, 160)}`);
    }
    expect(lax).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('refuses a month in year 0 as the month parameter, not as a database error', async () => {
    const res = await t.app.request('/api/grid-months/status?month=0000-01', { headers: authHeader('admin') });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { param: string }).param).toBe('month');
  });
});
