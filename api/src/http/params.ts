/**
 * Request parsing: one zod schema per concern, shared by every route, so bad input fails the same way everywhere.
 * parseWith/parseBody throw a 400 problem naming the first bad parameter (routes use them through http/openapi.ts).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { ProblemError } from './problem.js';

/** The field an issue is about; for a strict object's unknown keys, the first unknown key. */
function issueParam(i: z.core.$ZodIssue, where: string): string {
  const path = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path;
  return path.map(String).join('.') || where;
}

function fail(error: z.ZodError, where: string): never {
  const issue = error.issues[0];
  const param = issue ? issueParam(issue, where) : where;
  const message = (i: z.core.$ZodIssue) => (i.code === 'unrecognized_keys' ? 'is not a known parameter' : i.message);
  throw new ProblemError(400, 'Invalid parameter', {
    param,
    detail: `${param}: ${issue ? message(issue) : 'invalid'}`,
    errors: error.issues.map((i) => ({ param: issueParam(i, where), message: message(i) })),
  });
}

/**
 * The path of the first string holding a NUL character, or null. PostgreSQL refuses NUL in text; refusing it here
 * names the field instead of failing in SQL. Keys count too (a record's keys are stored as well). Iterative, so a
 * deeply nested body cannot exhaust the stack.
 */
export function findNul(value: unknown): string[] | null {
  // Each node points at its parent: the path is only spelt out for the node found.
  type Node = { v: unknown; key: string | null; parent: Node | null };
  const pathOf = (n: Node | null, last?: string): string[] => {
    const out = last === undefined ? [] : [last];
    for (let p = n; p && p.key !== null; p = p.parent) out.push(p.key);
    return out.reverse();
  };
  const stack: Node[] = [{ v: value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.v;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return pathOf(node);
    } else if (v && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!;
        if (k.includes('\u0000')) return pathOf(node, k);
        stack.push({ v: x, key: k, parent: node });
      }
    }
  }
  return null;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where = 'query'): z.infer<S> {
  const nul = findNul(input);
  if (nul) {
    const param = nul.join('.') || where;
    throw new ProblemError(400, 'Invalid parameter', { param, detail: `${param}: must not contain the NUL character` });
  }
  const r = schema.safeParse(input);
  if (!r.success) fail(r.error, where);
  return r.data;
}

/**
 * An object schema that refuses keys it does not name. A misspelt parameter (`as_off=`, `limt=`) or body member
 * (`{"grade": 1, "reson": …}`) silently ignored would answer a different question than the one asked, or lose
 * what the client meant to write; refused, it is a 400 naming the parameter.
 */
export function strictObject<S extends z.ZodType>(schema: S): S {
  if (!(schema instanceof z.ZodObject)) return schema;
  // One strict copy per schema: parseBody is called with the same schema on every request (and body() hands it one
  // already strict), and zod compiles an object's parser on its first parse, so a new copy each time would redo it.
  let strict = strictCopies.get(schema);
  if (!strict) {
    strict = schema.strict();
    strictCopies.set(schema, strict).set(strict, strict);
  }
  return strict as unknown as S;
}
const strictCopies = new WeakMap<z.ZodObject, z.ZodObject>();

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (err) {
    // The body limit (request-guards.ts) fails the read with its own 413; keep it.
    if (err instanceof ProblemError || (err as { status?: number }).status === 413) throw err;
    throw new ProblemError(400, 'Invalid body', { param: 'body', detail: 'The body must be JSON.' });
  }
  return parseWith(strictObject(schema), body, 'body');
}

// ------------------------------------------------------------------------------------------------------------
// Shared parsers.

/** An integer in a query string: digits only (no '1e3', no '0x10', no blanks). */
export const intString = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,10}$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * Dates the console deals in lie between these years. Outside them a date is a typo (0026 for 2026) or a probe;
 * PostgreSQL and JavaScript would each read year 0 differently, so such dates never get that far.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/** Whether a year lies in MIN_YEAR–MAX_YEAR (the one place that says so). */
export const inYears = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;
const IN_YEARS = `must lie in the years ${MIN_YEAR}–${MAX_YEAR}`;

/** A calendar date YYYY-MM-DD that exists (2026-02-30 is refused) in the years MIN_YEAR–MAX_YEAR. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(s + 'T00:00:00Z');
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a calendar date')
  .refine((s) => inYears(Number(s.slice(0, 4))), IN_YEARS);

/** A calendar month YYYY-MM in the years MIN_YEAR–MAX_YEAR (0000-01 is a typo, not a month). */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .refine((s) => inYears(Number(s.slice(0, 4))), IN_YEARS);

/** An instant with its offset (2026-11-30T08:00:00+08:00), in the years MIN_YEAR–MAX_YEAR as read in UTC. */
export const isoInstant = z.iso
  .datetime({ offset: true })
  .refine((s) => inYears(new Date(s).getUTCFullYear()), IN_YEARS);

/** `as_of`: the date a listing state or a history is read at; today when absent. */
export const asOfParam = isoDate.optional();

/** Statistical division code: 2, 4, 6, 9 or 12 digits accepted, always returned in the 12-digit form. */
export const areaCode = z
  .string()
  .regex(/^[1-9]\d(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, 'must be a statistical division code (2, 4, 6, 9 or 12 digits)')
  .transform((s) => s.padEnd(12, '0'));

export type BBox = [number, number, number, number];

/** `bbox=minLon,minLat,maxLon,maxLat` in WGS84 (OGC API order). */
export const bboxParam = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',');
    const nums = parts.map((p) => (/^\s*-?\d+(\.\d+)?\s*$/.test(p) ? Number(p) : NaN));
    if (parts.length !== 4 || nums.some(Number.isNaN)) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [w, s2, e, n] = nums as BBox;
    if (w < -180 || e > 180 || s2 < -90 || n > 90) {
      ctx.addIssue({ code: 'custom', message: 'is outside WGS84 longitude/latitude ranges' });
      return z.NEVER;
    }
    if (w > e || s2 > n) {
      ctx.addIssue({ code: 'custom', message: 'is reversed: min must not exceed max' });
      return z.NEVER;
    }
    return [w, s2, e, n] as BBox;
  });

export const MAX_LIMIT = 10_000;
export const limitParam = (def = 100, max = MAX_LIMIT) => intString(1, max).optional().transform((v) => v ?? def);

/** A tile address; x and y must exist at that zoom. */
export const tileParams = z
  .object({
    z: intString(0, 22),
    x: intString(0, 2 ** 22 - 1),
    y: intString(0, 2 ** 22 - 1),
  })
  .superRefine((t, ctx) => {
    const n = 2 ** t.z;
    if (t.x >= n) ctx.addIssue({ code: 'custom', path: ['x'], message: `must be below ${n} at zoom ${t.z}` });
    if (t.y >= n) ctx.addIssue({ code: 'custom', path: ['y'], message: `must be below ${n} at zoom ${t.z}` });
  });
export type TileCoord = z.infer<typeof tileParams>;
