/**
 * Request parsing: one zod schema per concern, shared by every route, so bad input fails the same way everywhere.
 * parseQuery/parseParams/parseBody throw a 400 problem naming the first bad parameter.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { ProblemError } from './problem.js';

function fail(error: z.ZodError, where: string): never {
  const issue = error.issues[0];
  const param = issue?.path.map(String).join('.') || where;
  throw new ProblemError(400, 'Invalid parameter', {
    param,
    detail: `${param}: ${issue?.message ?? 'invalid'}`,
    errors: error.issues.map((i) => ({ param: i.path.map(String).join('.') || where, message: i.message })),
  });
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where = 'query'): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) fail(r.error, where);
  return r.data;
}

export const parseQuery = <S extends z.ZodType>(c: Context, schema: S): z.infer<S> => parseWith(schema, c.req.query(), 'query');
export const parseParams = <S extends z.ZodType>(c: Context, schema: S): z.infer<S> => parseWith(schema, c.req.param(), 'path');

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ProblemError(400, 'Invalid body', { param: 'body', detail: 'The body must be JSON.' });
  }
  return parseWith(schema, body, 'body');
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

/** A calendar date YYYY-MM-DD that exists (2026-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(s + 'T00:00:00Z');
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a calendar date');

export const todayIso = () => new Date().toISOString().slice(0, 10);

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
